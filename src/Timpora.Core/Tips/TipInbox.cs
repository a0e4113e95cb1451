using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Tips;

public sealed record TipFilter
{
    public string? Q { get; init; }
    public TipState? State { get; init; }
    public TipKind? Kind { get; init; }
    public TipChannel? Channel { get; init; }
    public int? KanimId { get; init; }
    public int? UnitId { get; init; }

    /// <summary>An area code: the tips in that province, regency, district or village.</summary>
    public string? Area { get; init; }

    /// <summary>"overdue": past the due date and still open; "soon": due within a day.</summary>
    public string? Due { get; init; }
    public string Sort { get; init; } = "new";
}

public sealed record TipRow(Guid Id, string TrackingCode, TipKind Kind, TipState State, TipChannel Channel, string AreaCode, string? AreaName,
    string? Place, DateTime ReceivedUtc, DateTime? DueUtc, string? UnitName, string? SourceReliability, int? Credibility);

/// <summary>The inbox query, shared by the page and the benchmark: filters and order run in the database on the
/// tips the caller's scope lets through, and only the page's rows are projected.</summary>
public static class TipInbox
{
    public static IQueryable<TipRow> Query(AppDbContext db, TipFilter filter, DateTime nowUtc)
    {
        var tips = db.Tips.AsNoTracking();
        if (filter.KanimId is { } kanim)
        {
            tips = tips.Where(t => t.KanimId == kanim);
        }

        if (filter.State is { } state)
        {
            tips = tips.Where(t => t.State == state);
        }

        if (filter.Kind is { } kind)
        {
            tips = tips.Where(t => t.Kind == kind);
        }

        if (filter.Channel is { } channel)
        {
            tips = tips.Where(t => t.Channel == channel);
        }

        if (filter.UnitId is { } unit)
        {
            tips = tips.Where(t => t.AssignedUnitId == unit);
        }

        if (!string.IsNullOrWhiteSpace(filter.Area))
        {
            var area = filter.Area.Trim();
            var below = area + ".%";
            tips = tips.Where(t => t.AreaCode == area || EF.Functions.Like(t.AreaCode, below));
        }

        if (filter.Due == "overdue")
        {
            tips = tips.Where(t => (t.State == TipState.Assigned || t.State == TipState.InFollowUp) && t.DueUtc < nowUtc);
        }
        else if (filter.Due == "soon")
        {
            var horizon = nowUtc + TipNotices.DueSoon;
            tips = tips.Where(t => (t.State == TipState.Assigned || t.State == TipState.InFollowUp) && t.DueUtc >= nowUtc && t.DueUtc < horizon);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var code = TrackingCodes.Normalise(q);
            var pattern = "%" + q.ToUpperInvariant() + "%";
            tips = tips.Where(t => t.TrackingCode == code
                || EF.Functions.Like(t.Account.ToUpper(), pattern)
                || (t.SubjectName != null && EF.Functions.Like(t.SubjectName.ToUpper(), pattern))
                || (t.Place != null && EF.Functions.Like(t.Place.ToUpper(), pattern)));
        }

        tips = filter.Sort switch
        {
            "old" => tips.OrderBy(t => t.CreatedUtc),
            "due" => tips.OrderBy(t => t.DueUtc == null).ThenBy(t => t.DueUtc).ThenByDescending(t => t.CreatedUtc),
            _ => tips.OrderByDescending(t => t.CreatedUtc),
        };
        return tips.Select(t => new TipRow(t.Id, t.TrackingCode, t.Kind, t.State, t.Channel, t.AreaCode,
            db.Areas.Where(a => a.Code == t.AreaCode).Select(a => a.Name).FirstOrDefault(), t.Place, t.CreatedUtc, t.DueUtc,
            db.AgencyUnits.Where(u => u.Id == t.AssignedUnitId).Select(u => u.Name).FirstOrDefault(), t.SourceReliability, t.Credibility));
    }
}
