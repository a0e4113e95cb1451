using System.Globalization;
using System.Text;

namespace Timpora.Screening.Evaluation;

/// <summary>
/// Recall and precision of one decision level. Recall counts listed people whose entry is among the hits;
/// precision counts hits (query, entry) that point at the right entry, so a query that also drags in three
/// namesakes costs three false hits. A hit on another entry that the query cannot tell from the person (the
/// same name parts, no date of birth, nationality or sex that disagrees: <see cref="LabelledQuery.CannotBeToldApart"/>)
/// is one that any matcher must return; it is counted apart (<paramref name="Indistinguishable"/>), neither
/// right nor wrong, and <see cref="StrictPrecision"/> counts it as wrong.
/// </summary>
public sealed record DecisionQuality(int Positives, int Found, int Hits, int TrueHits, int Indistinguishable)
{
    public double Recall => Positives == 0 ? 1 : (double)Found / Positives;

    public double Precision => Hits == Indistinguishable ? 1 : (double)TrueHits / (Hits - Indistinguishable);

    public double StrictPrecision => Hits == 0 ? 1 : (double)TrueHits / Hits;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"recall {Recall:0.0000} ({Found}/{Positives})  precision {Precision:0.0000} ({TrueHits}/{Hits - Indistinguishable}; strict {StrictPrecision:0.0000} counting {Indistinguishable} hits on entries the query cannot tell apart)");
}

/// <summary>
/// The alert recall of queries with a date of birth, split by what the list holds for the person's date: the
/// full date, only the year (or year and month), or none. Where the list has no date, the name alone must make
/// the alert, and a near name is as often a namesake.
/// </summary>
public sealed record RecallByListedDate(int FullPositives, int FullFound, int PartialPositives, int PartialFound, int NonePositives, int NoneFound)
{
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"full date: recall {Share(FullFound, FullPositives)}; year or year and month: {Share(PartialFound, PartialPositives)}; none: {Share(NoneFound, NonePositives)}");

    private static string Share(int found, int positives) =>
        string.Create(CultureInfo.InvariantCulture, $"{(positives == 0 ? 1 : (double)found / positives):0.0000} ({found}/{positives})");
}

public sealed record EvaluationReport(
    int Queries, DecisionQuality AlertWithDate, DecisionQuality ReviewWithDate, DecisionQuality AlertNameOnly, DecisionQuality ReviewNameOnly,
    RecallByListedDate AlertWithDateByListedDate, IReadOnlyList<string> Misses, IReadOnlyList<string> FalseHits)
{
    public static EvaluationReport Run(WatchlistIndex index, IReadOnlyList<LabelledQuery> queries, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(queries);
        var results = new IReadOnlyList<ScreeningHit>[queries.Count];
        Parallel.For(0, queries.Count, q => results[q] = index.Screen(queries[q].Query, options));
        var counts = new int[4, 5];
        var listedDates = index.Entries.ToDictionary(e => e.Id, e => e.DateOfBirth);
        var byListedDate = new int[3, 2];
        var misses = new List<string>();
        var falseHits = new List<string>();
        for (var q = 0; q < queries.Count; q++)
        {
            var labelled = queries[q];
            var subset = labelled.Query.DateOfBirth is null ? 2 : 0;
            for (var level = 0; level < 2; level++)
            {
                var row = subset + level;
                var found = false;
                foreach (var hit in results[q])
                {
                    if (level == 0 && hit.Decision != ScreeningDecision.Alert)
                    {
                        continue;
                    }

                    var right = hit.Entry.Id == labelled.ExpectedEntryId;
                    var twin = !right && labelled.CannotBeToldApart(hit.Entry);
                    found |= right;
                    counts[row, 2]++;
                    counts[row, 3] += right ? 1 : 0;
                    counts[row, 4] += twin ? 1 : 0;
                    if (!right && !twin && (level == 1 ? falseHits.Count < 1000 : subset == 0))
                    {
                        falseHits.Add(Label(row) + " " + Describe(labelled, hit.Entry, hit));
                    }
                }

                if (labelled.ExpectedEntryId is { } expected)
                {
                    counts[row, 0]++;
                    counts[row, 1] += found ? 1 : 0;
                    if (row == 0)
                    {
                        var held = listedDates[expected] is not { } date ? 2 : date.IsComplete ? 0 : 1;
                        byListedDate[held, 0]++;
                        byListedDate[held, 1] += found ? 1 : 0;
                    }

                    if (!found && (level == 1 || subset == 0) && misses.Count < 2000)
                    {
                        misses.Add(Label(row) + " " + DescribeMiss(index, labelled, results[q], options));
                    }
                }
            }
        }

        DecisionQuality Quality(int row) => new(counts[row, 0], counts[row, 1], counts[row, 2], counts[row, 3], counts[row, 4]);
        var split = new RecallByListedDate(
            byListedDate[0, 0], byListedDate[0, 1], byListedDate[1, 0], byListedDate[1, 1], byListedDate[2, 0], byListedDate[2, 1]);
        return new EvaluationReport(queries.Count, Quality(0), Quality(1), Quality(2), Quality(3), split, misses, falseHits);
    }

    private static string Label(int row) => row switch { 0 => "alert+date", 1 => "review+date", 2 => "alert", _ => "review" };

    public override string ToString()
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {Queries} labelled queries (half listed people written differently, half not listed, most of those namesakes)");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  with date of birth, alert:   {AlertWithDate}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    by the date the list holds: {AlertWithDateByListedDate}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  with date of birth, review+: {ReviewWithDate}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  name only,          alert:   {AlertNameOnly}");
        sb.Append(CultureInfo.InvariantCulture, $"  name only,          review+: {ReviewNameOnly}");
        return sb.ToString();
    }

    // A miss with what the matcher returned instead and the expected entry's own score below review (or
    // that it never became a candidate), which tells retrieval failures from scoring ones.
    private static string DescribeMiss(WatchlistIndex index, LabelledQuery labelled, IReadOnlyList<ScreeningHit> returned, ScreeningOptions? options)
    {
        var expected = index.Entries.First(e => e.Id == labelled.ExpectedEntryId);
        var low = (options ?? ScreeningOptions.Default) with { ReviewThreshold = 0.01, MaxHits = 1000 };
        var own = index.Screen(labelled.Query, low).FirstOrDefault(h => h.Entry.Id == expected.Id);
        var top = returned.Count == 0 ? "returned nothing" : string.Create(
            CultureInfo.InvariantCulture, $"returned {returned[0].Entry.Id} '{returned[0].Entry.Name}' {returned[0].Score:0.000}");
        var score = own is null ? "not a candidate" : string.Create(CultureInfo.InvariantCulture, $"{own.Score:0.000} {own.Explanation}");
        return $"{Describe(labelled, expected, null)}: {score}; {top}";
    }

    private static string Describe(LabelledQuery labelled, WatchlistEntry entry, ScreeningHit? hit) => string.Create(
        CultureInfo.InvariantCulture,
        $"[{labelled.Variations}] '{labelled.Query.Name}' {labelled.Query.DateOfBirth} -> {entry.Id} '{entry.Name}' {entry.DateOfBirth} {(hit is null ? "" : $"{hit.Score:0.000} {hit.Explanation}")}");
}
