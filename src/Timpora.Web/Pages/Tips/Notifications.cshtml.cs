using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Tips;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Tips;

/// <summary>The signed-in user's notices about tips: assigned to them, due within a day, overdue.</summary>
public sealed class NotificationsModel(AppDbContext db, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<NoticeRow> Result { get; private set; } = null!;

    public string PageLink(int page) => "/Tips/Notifications?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var userId = db.Caller.UserId;
        Result = await db.TipNotifications.Where(n => n.UserId == userId)
            .OrderBy(n => n.ReadUtc != null).ThenByDescending(n => n.CreatedUtc)
            .Join(db.Tips, n => n.TipId, t => t.Id, (n, t) => new NoticeRow(n.Id, n.TipId, t.TrackingCode, n.Kind, n.CreatedUtc, n.ReadUtc))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    /// <summary>Marks the notice read and opens its tip.</summary>
    public async Task<IActionResult> OnPostOpenAsync(long id, CancellationToken cancellationToken)
    {
        var userId = db.Caller.UserId;
        var notice = await db.TipNotifications.FirstOrDefaultAsync(n => n.Id == id && n.UserId == userId, cancellationToken);
        if (notice is null)
        {
            return NotFound();
        }

        notice.ReadUtc ??= time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Tips/Detail/{notice.TipId}");
    }

    public sealed record NoticeRow(long Id, Guid TipId, string TrackingCode, TipNotificationKind Kind, DateTime CreatedUtc, DateTime? ReadUtc);
}
