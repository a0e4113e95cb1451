using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>The entries of the ban and wanted lists. The lists are national: every staff member sees them.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "recent";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<EntryRow> Result { get; private set; } = null!;

    public IReadOnlyList<Watchlist> Lists { get; private set; } = [];

    public DateOnly Today { get; private set; }

    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor);

    public WatchlistQuery Query => new(List, Status, Q, Sort);

    public string PageLink(int page)
    {
        var values = Query.Values();
        values["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return "/Watchlists" + QueryString.Create(values.Where(kv => !string.IsNullOrEmpty(kv.Value)));
    }

    public string ExportLink => "/Watchlists/Export" + QueryString.Create(Query.Values().Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        Lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.CreatedUtc).ThenBy(w => w.Code).ToListAsync(cancellationToken);
        Result = await Query.Apply(db, Today)
            .Select(e => new EntryRow(
                e.Id, e.WatchlistCode, e.Name, e.Reference, e.BirthDate, e.Nationality, e.ValidUntil,
                db.Kanims.Where(k => k.Id == e.KanimId).Select(k => k.Name).FirstOrDefault() ?? "",
                e.Documents.Select(d => d.Number).FirstOrDefault()))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public string ListName(string code) => WatchlistTexts.Name(Lists.FirstOrDefault(l => l.Code == code), code);

    public sealed record EntryRow(
        Guid Id, string List, string Name, string? Reference, string? BirthDate, string? Nationality, DateOnly? ValidUntil, string Office, string? Document);
}
