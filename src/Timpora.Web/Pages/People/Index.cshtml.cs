using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Organisation;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.People;

/// <summary>The people (officers and members) in the user's scope; the scope filter applies by itself.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Agency { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PersonRow> Result { get; private set; } = null!;

    public IReadOnlyList<Agency> Agencies { get; private set; } = [];

    public string ExportLink => "/People/Export" + QueryFor(null);

    public string PageLink(int page) => "/People" + QueryFor(page);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code).ToListAsync(cancellationToken);
        Result = await Filter(db, Q, Agency, Sort).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public static IQueryable<PersonRow> Filter(AppDbContext db, string? q, int? agency, string? sort)
    {
        var people = db.People.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q))
        {
            var pattern = "%" + q.Trim().ToUpperInvariant() + "%";
            people = people.Where(p => EF.Functions.Like(p.FullName.ToUpper(), pattern) || (p.Position != null && EF.Functions.Like(p.Position.ToUpper(), pattern)));
        }

        if (agency is not null)
        {
            people = people.Where(p => p.Unit!.AgencyId == agency);
        }

        people = sort switch
        {
            "unit" => people.OrderBy(p => p.Unit!.Name).ThenBy(p => p.FullName),
            "recent" => people.OrderByDescending(p => p.UpdatedUtc),
            _ => people.OrderBy(p => p.FullName),
        };
        return people.Select(p => new PersonRow(p.Id, p.FullName, p.Position, p.Unit!.Name, p.Unit.Agency!.Code, p.AreaCode, p.KanimId, p.Phone, p.Email));
    }

    private string QueryFor(int? page) => QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["agency"] = Agency?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = Sort,
        ["page"] = page?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    public sealed record PersonRow(Guid Id, string FullName, string? Position, string Unit, string Agency, string AreaCode, int KanimId, string? Phone, string? Email);
}
