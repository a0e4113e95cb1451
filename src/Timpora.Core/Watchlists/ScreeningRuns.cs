using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Screening;
using Matcher = Timpora.Screening;

namespace Timpora.Core.Watchlists;

/// <summary>The lists as the matcher holds them in memory, with the version of the lists they were built from.</summary>
public sealed record ListSnapshot(string Version, WatchlistIndex Index)
{
    public static readonly ListSnapshot Empty = new("", WatchlistIndex.Build([]));
}

/// <summary>The screening work any application instance may do, one at a time: new records naming a person (guest
/// reports, permits, findings, tips) against the whole lists, and people present in the country against entries
/// that changed. The lease on the guest-report cursor row makes sure only one instance works at once; the
/// per-record screening row makes each record screened once.</summary>
public static class ScreeningRuns
{
    public const int BatchSize = 500;
    public const int PresentChunk = 2_000;

    // A report saved in a transaction that commits after later ones must still be found: the cursor is only a
    // lower bound, the screening record decides. Every record in the window behind the cursor costs one lookup of
    // its screening row (under 1,500 check-ins a second, 7,500 lookups a batch for 5 s, which pg_stat_statements
    // showed as the database's costliest query), so most batches look back one second (a check-in's transaction
    // commits within tens of milliseconds of its stamp) and a sweep of the whole window once a minute finds the rest.
    public static readonly TimeSpan LookBack = TimeSpan.FromMinutes(5);

    public static readonly TimeSpan RecentLookBack = TimeSpan.FromSeconds(1);

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
        var claimed = 0;
        await db.InWriterQueueAsync(
            async () => claimed = await db.ScreeningCursors
                .Where(c => c.Name == ScreeningCursor.GuestReports && (c.LeaseUntilUtc == null || c.LeaseUntilUtc < nowUtc || c.Holder == holder))
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.Holder, holder).SetProperty(c => c.LeaseUntilUtc, until), cancellationToken),
            cancellationToken);
        return claimed == 1;
    }

    public static Task ReleaseAsync(AppDbContext db, string holder, CancellationToken cancellationToken) =>
        db.InWriterQueueAsync(
            () => db.ScreeningCursors.Where(c => c.Name == ScreeningCursor.GuestReports && c.Holder == holder)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.LeaseUntilUtc, (DateTime?)null), cancellationToken),
            cancellationToken);

    /// <summary>Screens one batch of each kind of record not screened yet; returns how many. <paramref name="lists"/>
    /// is asked for the lists after the batches are read, so an entry saved before any of these records is in them.</summary>
    public static async Task<int> ScreenNewAsync(
        AppDbContext db, Func<CancellationToken, Task<ListSnapshot>> lists, ScreeningOptions options, DateTime nowUtc, CancellationToken cancellationToken) =>
        await ScreenNewAsync(db, lists, options, nowUtc, LookBack, cancellationToken);

    /// <summary>As above, looking back <paramref name="lookBack"/> behind each cursor for records committed late.</summary>
    public static async Task<int> ScreenNewAsync(
        AppDbContext db, Func<CancellationToken, Task<ListSnapshot>> lists, ScreeningOptions options, DateTime nowUtc, TimeSpan lookBack,
        CancellationToken cancellationToken)
    {
        var cursors = await db.ScreeningCursors.ToDictionaryAsync(c => c.Name, cancellationToken);
        var batches = new List<(ScreeningCursor Cursor, List<ScreeningSubject> Subjects)>();
        foreach (var kind in ScreeningSubjects.Kinds)
        {
            var cursor = cursors[ScreeningCursor.For(kind)];
            var subjects = await ScreeningSubjects.NewAsync(db, kind, cursor.PositionUtc - lookBack, BatchSize, cancellationToken);
            if (subjects.Count > 0)
            {
                batches.Add((cursor, subjects));
            }
        }

        if (batches.Count == 0)
        {
            return 0;
        }

        var snapshot = await lists(cancellationToken);
        var all = batches.SelectMany(b => b.Subjects).ToList();
        var hits = await ScreenAsync(db, snapshot.Index, all, HitTrigger.Saved, options, nowUtc, cancellationToken);
        foreach (var subject in all)
        {
            db.AddUntracked(new PersonScreening
            {
                SubjectKind = subject.Kind,
                SubjectId = subject.Id,
                ForeignerId = subject.ForeignerId,
                KanimId = subject.KanimId,
                ScreenedUtc = nowUtc,
                Hits = hits.Count(h => h.SubjectKind == subject.Kind && h.SubjectId == subject.Id),
            });
        }

        foreach (var (cursor, subjects) in batches)
        {
            // Never past this run's own time: a record stamped ahead by a skewed clock must not make the run skip
            // the records saved meanwhile.
            var last = subjects.Max(s => s.CreatedUtc);
            last = last < nowUtc ? last : nowUtc;
            cursor.PositionUtc = last > cursor.PositionUtc ? last : cursor.PositionUtc;
        }

        // In bulk and in the process's SQLite writer queue: a flood of check-ins makes this the busiest writer beside them.
        await db.SaveChangesInBulkAsync(cancellationToken);
        return all.Count;
    }

    /// <summary>Screens the people in the country today (guests checked in, holders of a permit in force) against the
    /// entries changed since the last run; returns how many changes were handled.</summary>
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
        await RescreenAllAsync(db, index, (after, take) => ScreeningSubjects.PresentAsync(db, nowUtc, after, take, cancellationToken), options, nowUtc, cancellationToken);
        await RescreenAllAsync(db, index, (after, take) => ScreeningSubjects.PermitHoldersAsync(db, nowUtc, after, take, cancellationToken), options, nowUtc, cancellationToken);

        foreach (var change in changes)
        {
            change.RescreenedUtc = nowUtc;
        }

        await db.InWriterQueueAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        return changes.Count;
    }

    /// <summary>Screens every subject one kind of query pages through (by id, <see cref="PresentChunk"/> at a time)
    /// against the changed entries, saving after each page.</summary>
    private static async Task RescreenAllAsync(
        AppDbContext db, WatchlistIndex index, Func<Guid, int, Task<List<ScreeningSubject>>> page, ScreeningOptions options, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        for (var after = Guid.Empty; ;)
        {
            var subjects = await page(after, PresentChunk);
            if (subjects.Count == 0)
            {
                return;
            }

            await ScreenAsync(db, index, subjects, HitTrigger.ListChanged, options, nowUtc, cancellationToken);
            await db.InWriterQueueAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
            after = subjects[^1].Id;
        }
    }

    private static async Task<List<WatchlistHit>> ScreenAsync(
        AppDbContext db, WatchlistIndex index, IReadOnlyList<ScreeningSubject> subjects, HitTrigger trigger, ScreeningOptions options, DateTime nowUtc,
        CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var found = new List<(ScreeningSubject Subject, ScreeningHit Hit)>();
        // A check-in names its guest twice, in the report and in the permit, with the same name, birth date,
        // nationality, sex and passport: the matcher answers each such query once per run.
        var answers = new Dictionary<ScreeningQuery, IReadOnlyList<ScreeningHit>>();
        foreach (var subject in subjects)
        {
            var query = subject.Query(today);
            if (!answers.TryGetValue(query, out var answer))
            {
                answers[query] = answer = index.Screen(query, options);
            }

            found.AddRange(answer.Select(h => (subject, h)));
        }

        if (found.Count == 0)
        {
            return [];
        }

        // Known hits: per record, and per person (a person already before the office on an entry through one
        // record is not put there again through another).
        var people = found.Where(f => f.Subject.ForeignerId is not null).Select(f => f.Subject.ForeignerId).Distinct().ToList();
        var records = found.Select(f => f.Subject.Id).Distinct().ToList();
        var known = await db.WatchlistHits.IgnoreQueryFilters()
            .Where(h => people.Contains(h.ForeignerId) || records.Contains(h.SubjectId))
            .Select(h => new { h.ForeignerId, h.SubjectKind, h.SubjectId, h.EntryId })
            .ToListAsync(cancellationToken);
        var knownPeople = known.Where(h => h.ForeignerId is not null).Select(h => (h.ForeignerId!.Value, h.EntryId)).ToHashSet();
        var knownRecords = known.Select(h => (h.SubjectKind, h.SubjectId, h.EntryId)).ToHashSet();
        var entryIds = found.Select(f => Guid.Parse(f.Hit.Entry.Id)).Distinct().ToList();
        var lists = await db.WatchlistEntries.AsNoTracking().Where(e => entryIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, e => e.WatchlistCode, cancellationToken);
        var hits = new List<WatchlistHit>();
        foreach (var (subject, hit) in found)
        {
            var entryId = Guid.Parse(hit.Entry.Id);
            if (!lists.TryGetValue(entryId, out var list)
                || (subject.ForeignerId is { } person && !knownPeople.Add((person, entryId)))
                || !knownRecords.Add((subject.Kind, subject.Id, entryId)))
            {
                continue;
            }

            var record = new WatchlistHit
            {
                SubjectKind = subject.Kind,
                SubjectId = subject.Id,
                ForeignerId = subject.ForeignerId,
                GuestReportId = subject.Kind == SubjectKind.GuestReport ? subject.Id : null,
                EntryId = entryId,
                WatchlistCode = list,
                ScreenedName = subject.Name,
                MatchedName = hit.MatchedName,
                Score = hit.Score,
                Strong = hit.Decision == ScreeningDecision.Alert,
                Explanation = HitReasons.Encode(hit.Reasons, maxLength: 1000),
                Trigger = trigger,
                KanimId = subject.KanimId,
                AreaCode = subject.AreaCode,
            };
            db.WatchlistHits.Add(record);
            hits.Add(record);
        }

        return hits;
    }

    internal static Matcher.Sex? ToMatcher(Foreigners.Sex sex) => sex switch
    {
        Foreigners.Sex.Male => Matcher.Sex.Male,
        Foreigners.Sex.Female => Matcher.Sex.Female,
        _ => null,
    };
}
