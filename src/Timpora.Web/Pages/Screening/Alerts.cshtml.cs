using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Screening;

/// <summary>The alerts of the caller's offices (confirmed hits on entries they own), unread first; one or all can
/// be marked read for the office. An alert names a person, so marking it is audited.</summary>
public sealed class AlertsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<WatchlistAlert> Result { get; private set; } = null!;

    public string PageLink(int page) => "/Screening/Alerts?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Result = await Mine(db).AsNoTracking().OrderBy(a => a.ReadUtc != null).ThenByDescending(a => a.CreatedUtc).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);

    public async Task<IActionResult> OnPostReadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await Mine(db).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } alert)
        {
            return NotFound();
        }

        Mark([alert]);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["ScreeningApp.AlertRead"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken cancellationToken)
    {
        var unread = await Mine(db).Where(a => a.ReadUtc == null).ToListAsync(cancellationToken);
        Mark(unread);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["ScreeningApp.AlertsRead", unread.Count].Value;
        return RedirectToPage();
    }

    /// <summary>Alerts are not personal records (no area), so the office scope is applied here.</summary>
    public static IQueryable<WatchlistAlert> Mine(AppDbContext db)
    {
        var scope = db.Caller.Scope;
        var kanims = scope.KanimIds;
        return db.WatchlistAlerts.Where(a => scope.All || kanims.Contains(a.KanimId));
    }

    private void Mark(IReadOnlyList<WatchlistAlert> alerts)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var alert in alerts.Where(a => a.ReadUtc is null))
        {
            alert.ReadUtc = now;
            alert.ReadBy = db.Caller.UserName;
            db.RecordAccess(AuditAction.Changed, nameof(WatchlistAlert), alert.Id.ToString(), alert.KanimId, "read");
        }
    }
}
