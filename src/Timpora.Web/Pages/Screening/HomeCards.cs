using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Card = Timpora.Web.Pages.Home.IndexModel.Card;

namespace Timpora.Web.Pages.Screening;

/// <summary>What the home page shows of screening: alerts to the offices that own confirmed entries, and the
/// office's queue of hits to review.</summary>
public static class HomeCards
{
    public static async Task<IReadOnlyList<Card>> ForAsync(AppDbContext db, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var cards = new List<Card>();
        var unread = AlertsModel.Mine(db).AsNoTracking().Where(a => a.ReadUtc == null);
        var alerts = await unread
            .OrderByDescending(a => a.CreatedUtc).Take(5)
            .Select(a => new { a.PersonName, a.EntryName, a.ConfirmedBy, a.EntryId, Office = db.Kanims.Where(k => k.Id == a.FoundByKanimId).Select(k => k.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        foreach (var a in alerts)
        {
            cards.Add(new Card(t["Screening.AlertCard", a.PersonName], t["Screening.AlertText", a.PersonName, a.EntryName, a.ConfirmedBy, a.Office ?? ""], $"/Watchlists/Detail/{a.EntryId}"));
        }

        var count = await unread.CountAsync(cancellationToken);
        if (count > 0)
        {
            cards.Add(new Card(t["ScreeningApp.AlertsTitle"], t["ScreeningApp.Unread", count], "/Screening/Alerts"));
        }

        var waiting = await db.WatchlistHits.CountAsync(h => h.Status == HitStatus.New, cancellationToken);
        if (waiting > 0)
        {
            cards.Add(new Card(t["Screening.QueueCard"], t["Screening.QueueText", waiting], "/Screening"));
        }

        return cards;
    }
}
