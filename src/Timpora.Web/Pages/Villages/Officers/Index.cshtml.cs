using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Officers;

/// <summary>The PIMPASA officers of the user's offices, with their decree, inauguration and villages.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<OfficerRow> Result { get; private set; } = null!;

    public ILookup<string, string> Villages { get; private set; } = null!;

    public string PageLink(int page) => "/Villages/Officers" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var users = OfficerQueries.InScope(db).AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().ToUpperInvariant() + "%";
            users = users.Where(u => EF.Functions.Like(u.DisplayName.ToUpper(), pattern) || EF.Functions.Like(u.UserName!.ToUpper(), pattern));
        }

        Result = await users.OrderBy(u => u.DisplayName)
            .Select(u => new OfficerRow(
                u.Id, u.UserName!, u.DisplayName,
                db.Kanims.Where(k => k.Id == u.KanimId).Select(k => k.Name).FirstOrDefault() ?? "",
                db.PimpasaOfficers.Where(o => o.UserId == u.Id).Select(o => o.DecreeNumber).FirstOrDefault(),
                db.PimpasaOfficers.Where(o => o.UserId == u.Id).Select(o => o.InauguratedOn).FirstOrDefault()))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        var ids = Result.Items.Select(o => o.UserId).ToList();
        var assigned = await db.PimpasaVillages.AsNoTracking().Where(p => ids.Contains(p.UserId))
            .Join(db.Areas, p => p.VillageCode, a => a.Code, (p, a) => new { p.UserId, a.Name })
            .ToListAsync(cancellationToken);
        Villages = assigned.ToLookup(a => a.UserId, a => a.Name);
    }

    public sealed record OfficerRow(string UserId, string UserName, string DisplayName, string Kanim, string? DecreeNumber, DateOnly? InauguratedOn);
}
