using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>One entry with its names, documents, period and history; viewing it is audited.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public WatchlistEntry Entry { get; private set; } = null!;

    public string ListName { get; private set; } = "";

    public string OfficeName { get; private set; } = "";

    public bool IsExpired { get; private set; }

    public IReadOnlyList<AuditEntry> History { get; private set; } = [];

    public bool CanEdit => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.WatchlistEntries.AsNoTracking().Include(e => e.Aliases).Include(e => e.Documents).AsSplitQuery()
            .FirstOrDefaultAsync(e => e.Id == id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        Entry = entry;
        var list = await db.Watchlists.AsNoTracking().FirstOrDefaultAsync(w => w.Code == entry.WatchlistCode, cancellationToken);
        ListName = WatchlistTexts.Name(list, entry.WatchlistCode);
        OfficeName = await db.Kanims.Where(k => k.Id == entry.KanimId).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        IsExpired = entry.ValidUntil < DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var key = id.ToString();
        History = await db.AuditEntries.IgnoreQueryFilters().AsNoTracking()
            .Where(a => a.EntityType == nameof(WatchlistEntry) && a.EntityId == key && a.Action != AuditAction.Viewed)
            .OrderByDescending(a => a.AtUtc).Take(20).ToListAsync(cancellationToken);
        db.RecordAccess(AuditAction.Viewed, nameof(WatchlistEntry), key, entry.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }
}
