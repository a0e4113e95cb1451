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
    string? Place, DateTime ReceivedUtc, DateTime? DueUtc, string? UnitName, string? SourceReliability, int? Credibility, int KanimId)
{
    public Guid? DuplicateOfId { get; init; }

    /// <summary>For a duplicate: the tracking code of the tip that is worked (also when the caller cannot open it).</summary>
    public string? DuplicateOfCode { get; init; }
}

/// <summary>The inbox query: filters and order run in the database on the tips the caller's scope lets through, the
/// count stops at <see cref="CountCap"/> (an inbox of 200,000 is narrowed by filters, not paged through), and only
/// the page's rows are projected.</summary>
public static class TipInbox
{
    public const int CountCap = 1000;

    /// <returns>The page's rows, the number of matches (at most <see cref="CountCap"/> + 1) and the page shown.</returns>
    public static async Task<(IReadOnlyList<TipRow> Rows, int Total, int Page)> PageAsync(AppDbContext db, TipFilter filter, DateTime nowUtc,
        int page, int pageSize, CancellationToken cancellationToken = default)
    {
        var tips = Filter(db, filter, nowUtc);
        var total = await tips.Take(CountCap + 1).CountAsync(cancellationToken);
        var current = Math.Clamp(page, 1, Math.Max(1, (total + pageSize - 1) / pageSize));
        var rows = await WithOriginalCodesAsync(db, await Rows(db, tips.Skip((current - 1) * pageSize).Take(pageSize)).ToListAsync(cancellationToken), cancellationToken);
        return (rows, total, current);
    }

    /// <summary>The first <paramref name="max"/> rows the filter finds, in the inbox's order: what an export writes.</summary>
    public static async Task<IReadOnlyList<TipRow>> RowsAsync(AppDbContext db, TipFilter filter, DateTime nowUtc, int max, CancellationToken cancellationToken = default) =>
        await WithOriginalCodesAsync(db, await Rows(db, Filter(db, filter, nowUtc).Take(max)).ToListAsync(cancellationToken), cancellationToken);

    public static IQueryable<Tip> Filter(AppDbContext db, TipFilter filter, DateTime nowUtc)
    {
        var tips = db.VisibleTips().AsNoTracking();
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
            // A range rather than LIKE 'x.%', so that the area index serves it: '/' sorts right after '.'.
            var area = filter.Area.Trim();
            var from = area + ".";
            var to = area + "/";
            tips = tips.Where(t => t.AreaCode == area || (string.Compare(t.AreaCode, from) > 0 && string.Compare(t.AreaCode, to) < 0));
        }

        // The open states as literals, "state IN (4, 5)": the condition of the partial index of open tips with their
        // due dates (schema 0013, ADR 0018), which SQLite uses only when the query states the same condition.
        if (filter.Due == "overdue")
        {
            tips = tips.Where(t => new[] { TipState.Assigned, TipState.InFollowUp }.Contains(t.State) && t.DueUtc < nowUtc);
        }
        else if (filter.Due == "soon")
        {
            var horizon = nowUtc + TipNotices.DueSoon;
            tips = tips.Where(t => new[] { TipState.Assigned, TipState.InFollowUp }.Contains(t.State) && t.DueUtc >= nowUtc && t.DueUtc < horizon);
        }

        if (!string.IsNullOrWhiteSpace(filter.Q))
        {
            var q = filter.Q.Trim();
            var code = TrackingCodes.Normalise(q);
            var pattern = "%" + q.ToUpperInvariant() + "%";
            // A tracking code finds its tip through the unique index; other words search the texts, through the
            // trigram index on PostgreSQL (ADR 0014).
            tips = TrackingCodes.LooksLikeCode(code) ? tips.Where(t => t.TrackingCode == code) : tips.Where(t => EF.Functions.Like(t.SearchText, pattern));
        }

        tips = filter.Sort switch
        {
            "old" => tips.OrderBy(t => t.CreatedUtc),
            "due" => tips.OrderBy(t => t.DueUtc == null).ThenBy(t => t.DueUtc).ThenByDescending(t => t.CreatedUtc),
            _ => tips.OrderByDescending(t => t.CreatedUtc),
        };
        return tips;
    }

    private static IQueryable<TipRow> Rows(AppDbContext db, IQueryable<Tip> tips) =>
        tips.Select(t => new TipRow(t.Id, t.TrackingCode, t.Kind, t.State, t.Channel, t.AreaCode,
            db.Areas.Where(a => a.Code == t.AreaCode).Select(a => a.Name).FirstOrDefault(), t.Place, t.CreatedUtc, t.DueUtc,
            db.AgencyUnits.Where(u => u.Id == t.AssignedUnitId).Select(u => u.Name).FirstOrDefault(), t.SourceReliability, t.Credibility, t.KanimId)
        {
            DuplicateOfId = t.DuplicateOfId,
        });

    /// <summary>The originals' codes in a query of their own: IgnoreQueryFilters in the rows' query would lift the
    /// scope from the whole of it. A code alone opens nothing (the status page needs the secret too).</summary>
    private static async Task<List<TipRow>> WithOriginalCodesAsync(AppDbContext db, List<TipRow> rows, CancellationToken cancellationToken)
    {
        var ids = rows.Where(r => r.DuplicateOfId != null).Select(r => r.DuplicateOfId!.Value).Distinct().ToList();
        if (ids.Count == 0)
        {
            return rows;
        }

        var codes = await db.Tips.IgnoreQueryFilters().Where(t => ids.Contains(t.Id)).ToDictionaryAsync(t => t.Id, t => t.TrackingCode, cancellationToken);
        return [.. rows.Select(r => r.DuplicateOfId is { } id && codes.TryGetValue(id, out var code) ? r with { DuplicateOfCode = code } : r)];
    }
}
