using Timpora.Core.Data;

namespace Timpora.Core.Watchlists;

/// <summary>An officer's decision on a hit. Confirming tells the office that owns the entry; both are kept with
/// the reason in the hit and in the audit log (the hit is a personal record: its save is audited).</summary>
public static class HitReview
{
    public const int MinReasonLength = 5;

    public static void Decide(AppDbContext db, WatchlistHit hit, WatchlistEntry entry, bool confirm, string reason, DateTime nowUtc)
    {
        hit.Status = confirm ? HitStatus.Confirmed : HitStatus.Dismissed;
        hit.DecisionReason = reason;
        hit.DecidedBy = db.Caller.UserName;
        hit.DecidedUtc = nowUtc;
        db.ChangeReason = reason;
        if (confirm)
        {
            db.WatchlistAlerts.Add(new WatchlistAlert
            {
                KanimId = entry.KanimId,
                HitId = hit.Id,
                EntryId = entry.Id,
                PersonName = hit.ScreenedName,
                EntryName = hit.MatchedName,
                FoundByKanimId = hit.KanimId,
                ConfirmedBy = db.Caller.UserName,
                CreatedUtc = nowUtc,
            });
        }
    }
}
