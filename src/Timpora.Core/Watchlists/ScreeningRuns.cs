using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Screening;
using Matcher = Timpora.Screening;

namespace Timpora.Core.Watchlists;

/// <summary>The lists as the matcher holds them in memory, with the version of the lists they were built from.</summary>
public sealed record ListSnapshot(string Version, WatchlistIndex Index)
{
    public static readonly ListSnapshot Empty = new("", WatchlistIndex.Build([]));
}

/// <summary>The screening work any application instance may do, one at a time: new guest reports against the
/// whole lists, and people present in the country against entries that changed. The lease on the cursor row
/// makes sure only one instance works at once; the per-report screening record makes each report screened once.</summary>
public static class ScreeningRuns
{
    public const int BatchSize = 500;
    public const int PresentChunk = 2_000;

    // A report saved in a transaction that commits after later ones must still be found: the cursor is only a
    // lower bound, the screening record decides.
    public static readonly TimeSpan LookBack = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);

    public static async Task<string> CurrentVersionAsync(AppDbContext db, CancellationToken cancellationToken) =>
        await db.ReferenceDataVersions.AsNoTracking().Where(v => v.Name == WatchlistEditing.VersionName).Select(v => v.Version)
            .FirstOrDefaultAsync(cancellationToken) ?? "";

    /// <summary>Reads every entry (valid or not: the index itself skips those out of their period on the day screened).</summary>
    public static async Task<ListSnapshot> LoadAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        // The version is read first: a change committed while loading makes the next poll load again.
        var version = await CurrentVersionAsync(db, cancellationToken);
        var entries = await db.WatchlistEntries.AsNoTracking().AsSplitQuery().Include(e => e.Aliases).Include(e => e.Documents)
            .ToListAsync(cancellationToken);
        return new ListSnapshot(version, WatchlistIndex.Build(entries.Select(ToMatcher)));
    }

    public static Matcher.WatchlistEntry ToMatcher(WatchlistEntry e) => new(
        e.Id.ToString(),
        e.Name,
        [.. e.Aliases.Select(a => a.Name)],
        Matcher.PartialDate.TryParse(e.BirthDate, out var date) ? date : null,
        e.Nationality,
        ToMatcher(e.Sex),
        [.. e.Documents.Select(d => d.Number)],
        e.ValidFrom,
        e.ValidUntil);

    public static async Task<bool> ClaimAsync(AppDbContext db, string holder, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var until = nowUtc + Lease;
        var claimed = await db.ScreeningCursors
            .Where(c => c.Name == ScreeningCursor.GuestReports && (c.LeaseUntilUtc == null || c.LeaseUntilUtc < nowUtc || c.Holder == holder))
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Holder, holder).SetProperty(c => c.LeaseUntilUtc, until), cancellationToken);
        return claimed == 1;
    }

    public static Task ReleaseAsync(AppDbContext db, string holder, CancellationToken cancellationToken) =>
        db.ScreeningCursors.Where(c => c.Name == ScreeningCursor.GuestReports && c.Holder == holder)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntilUtc, (DateTime?)null), cancellationToken);

    /// <summary>Screens one batch of reports not screened yet; returns how many. <paramref name="lists"/> is asked
    /// for the lists after the batch is read, so an entry saved before any of these reports is in them.</summary>
    public static async Task<int> ScreenNewReportsAsync(
        AppDbContext db, Func<CancellationToken, Task<ListSnapshot>> lists, ScreeningOptions options, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var cursor = await db.ScreeningCursors.FirstAsync(c => c.Name == ScreeningCursor.GuestReports, cancellationToken);
        var from = cursor.PositionUtc - LookBack;
        var reports = await db.GuestReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.CreatedUtc >= from && !db.PersonScreenings.Any(s => s.GuestReportId == r.Id))
            .OrderBy(r => r.CreatedUtc)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        if (reports.Count == 0)
        {
            return 0;
        }

        var snapshot = await lists(cancellationToken);
        var hits = await ScreenAsync(db, snapshot.Index, reports, HitTrigger.Saved, options, nowUtc, cancellationToken);
        foreach (var report in reports)
        {
            db.PersonScreenings.Add(new PersonScreening
            {
                GuestReportId = report.Id,
                ForeignerId = report.ForeignerId,
                KanimId = report.KanimId,
                ScreenedUtc = nowUtc,
                Hits = hits.Count(h => h.GuestReportId == report.Id),
            });
        }

        cursor.PositionUtc = reports[^1].CreatedUtc > cursor.PositionUtc ? reports[^1].CreatedUtc : cursor.PositionUtc;
        await db.SaveChangesAsync(cancellationToken);
        return reports.Count;
    }

    /// <summary>Screens the guests present today against the entries changed since the last run; returns how many
    /// changes were handled.</summary>
    public static async Task<int> RescreenChangesAsync(AppDbContext db, ScreeningOptions options, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var changes = await db.WatchlistChanges.Where(c => c.RescreenedUtc == null).OrderBy(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
        if (changes.Count == 0)
        {
            return 0;
        }

        var ids = changes.Select(c => c.EntryId).Distinct().ToList();
        var entries = await db.WatchlistEntries.AsNoTracking().AsSplitQuery().Include(e => e.Aliases).Include(e => e.Documents)
            .Where(e => ids.Contains(e.Id)).ToListAsync(cancellationToken);
        var index = WatchlistIndex.Build(entries.Select(ToMatcher));
        var after = Guid.Empty;
        while (true)
        {
            // Present as RegisterQueries.Present counts it: checked in, not checked out; paged by id.
            var present = await db.GuestReports.IgnoreQueryFilters().AsNoTracking()
                .Where(r => r.CheckInUtc <= nowUtc && r.CheckOutUtc == null && r.Id.CompareTo(after) > 0)
                .OrderBy(r => r.Id).Take(PresentChunk).ToListAsync(cancellationToken);
            if (present.Count == 0)
            {
                break;
            }

            await ScreenAsync(db, index, present, HitTrigger.ListChanged, options, nowUtc, cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            after = present[^1].Id;
        }

        foreach (var change in changes)
        {
            change.RescreenedUtc = nowUtc;
        }

        await db.SaveChangesAsync(cancellationToken);
        return changes.Count;
    }

    public static ScreeningQuery QueryOf(GuestReport r, DateOnly today) => new(
        string.IsNullOrEmpty(r.GivenNames) ? r.Surname : r.GivenNames + " " + r.Surname,
        Matcher.PartialDate.TryParse(r.BirthDate, out var date) ? date : null,
        r.Nationality,
        ToMatcher(r.Sex),
        r.PassportNumber,
        today);

    private static async Task<List<WatchlistHit>> ScreenAsync(
        AppDbContext db, WatchlistIndex index, IReadOnlyList<GuestReport> reports, HitTrigger trigger, ScreeningOptions options, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var found = new List<(GuestReport Report, ScreeningHit Hit)>();
        foreach (var report in reports)
        {
            found.AddRange(index.Screen(QueryOf(report, today), options).Select(h => (report, h)));
        }

        if (found.Count == 0)
        {
            return [];
        }

        var people = found.Select(f => f.Report.ForeignerId).Distinct().ToList();
        var known = (await db.WatchlistHits.IgnoreQueryFilters().Where(h => people.Contains(h.ForeignerId)).Select(h => new { h.ForeignerId, h.EntryId })
            .ToListAsync(cancellationToken)).Select(h => (h.ForeignerId, h.EntryId)).ToHashSet();
        var entryIds = found.Select(f => Guid.Parse(f.Hit.Entry.Id)).Distinct().ToList();
        var lists = await db.WatchlistEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.WatchlistCode, cancellationToken);
        var hits = new List<WatchlistHit>();
        foreach (var (report, hit) in found)
        {
            var entryId = Guid.Parse(hit.Entry.Id);
            if (!lists.TryGetValue(entryId, out var list) || !known.Add((report.ForeignerId, entryId)))
            {
                continue;
            }

            var record = new WatchlistHit
            {
                ForeignerId = report.ForeignerId,
                GuestReportId = report.Id,
                EntryId = entryId,
                WatchlistCode = list,
                ScreenedName = QueryOf(report, today).Name,
                MatchedName = hit.MatchedName,
                Score = hit.Score,
                Strong = hit.Decision == ScreeningDecision.Alert,
                Explanation = HitReasons.Encode(hit.Reasons, maxLength: 1000),
                Trigger = trigger,
                KanimId = report.KanimId,
                AreaCode = report.AreaCode,
            };
            db.WatchlistHits.Add(record);
            hits.Add(record);
        }

        return hits;
    }

    private static Matcher.Sex? ToMatcher(Foreigners.Sex sex) => sex switch
    {
        Foreigners.Sex.Male => Matcher.Sex.Male,
        Foreigners.Sex.Female => Matcher.Sex.Female,
        _ => null,
    };
}
