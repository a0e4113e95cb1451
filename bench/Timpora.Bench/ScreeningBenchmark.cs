using System.Diagnostics;
using System.Globalization;
using Timpora.Screening;
using Timpora.Screening.Evaluation;

namespace Timpora.Bench;

/// <summary>
/// Builds a synthetic watchlist (the evaluation generator, fixed seed), then measures index build time,
/// memory, single-thread query latency and quality, and the same queries against PostgreSQL pg_trgm.
/// </summary>
public static class ScreeningBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var entryCount = Option(args, "--entries", 1_000_000);
        var queryCount = Option(args, "--queries", 10_000);
        var clock = Stopwatch.StartNew();
        var set = EvaluationSet.Generate(entryCount, queryCount);
        Print($"Generated {set.Entries.Count:N0} entries and {set.Queries.Count:N0} labelled queries in {clock.Elapsed.TotalSeconds:0.0} s");

        var before = Memory();
        clock.Restart();
        var index = WatchlistIndex.Build(set.Entries);
        var build = clock.Elapsed;
        var after = Memory();
        Print($"Index build: {build.TotalSeconds:0.00} s ({index.DistinctNameParts:N0} distinct name parts)");
        Print($"Memory: index {(after - before) / 1048576.0:0} MB managed heap; process total {Environment.WorkingSet / 1048576.0:0} MB working set (entries and generator included)");

        var latencies = MeasureLatency(index, set.Queries);
        Print($"Latency, one thread, {latencies.Length:N0} queries: p50 {Percentile(latencies, 0.50):0.0} µs, p90 {Percentile(latencies, 0.90):0.0} µs, p99 {Percentile(latencies, 0.99):0.0} µs, max {latencies[^1]:0.0} µs");

        clock.Restart();
        var report = EvaluationReport.Run(index, set.Queries);
        Print($"Quality against {entryCount:N0} entries (review threshold {ScreeningOptions.Default.ReviewThreshold}, alert {ScreeningOptions.Default.AlertThreshold}):");
        Console.WriteLine(report);

        var connectionString = Environment.GetEnvironmentVariable("TIMPORA_BENCH_PG");
        if (string.IsNullOrEmpty(connectionString))
        {
            Print($"pg_trgm comparison skipped: TIMPORA_BENCH_PG is not set (bench/run-screening.sh sets it up).");
        }
        else
        {
            await PgTrgmComparison.RunAsync(connectionString, set, index, Option(args, "--pg-queries", 1_000));
        }

        return 0;
    }

    private static double[] MeasureLatency(WatchlistIndex index, IReadOnlyList<LabelledQuery> queries)
    {
        for (var q = 0; q < Math.Min(2_000, queries.Count); q++)
        {
            index.Screen(queries[q].Query);
        }

        var latencies = new double[queries.Count];
        for (var q = 0; q < queries.Count; q++)
        {
            var start = Stopwatch.GetTimestamp();
            index.Screen(queries[q].Query);
            latencies[q] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
        }

        Array.Sort(latencies);
        return latencies;
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    public static void Print(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static long Memory()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        return GC.GetTotalMemory(forceFullCollection: true);
    }

    private static int Option(string[] args, string name, int fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
