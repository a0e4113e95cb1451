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
        var seed = Option(args, "--seed", 20260115);
        var set = EvaluationSet.Generate(entryCount, queryCount, seed);
        Print($"Generated {set.Entries.Count:N0} entries and {set.Queries.Count:N0} labelled queries (seed {seed}) in {clock.Elapsed.TotalSeconds:0.0} s");

        var before = Memory();
        clock.Restart();
        var index = WatchlistIndex.Build(set.Entries);
        var build = clock.Elapsed;
        var after = Memory();
        Print($"Index build: {build.TotalSeconds:0.00} s ({index.DistinctNameParts:N0} distinct name parts)");
        Print($"Memory: index {(after - before) / 1048576.0:0} MB managed heap; process total {Environment.WorkingSet / 1048576.0:0} MB working set (entries and generator included)");

        var probes = args.Select((arg, at) => (arg, at)).Where(a => a.arg == "--probe" && a.at + 1 < args.Length).Select(a => args[a.at + 1]).ToList();
        if (probes.Count > 0)
        {
            foreach (var probe in probes)
            {
                Print($"PROBE {probe}");
                Probe(index, probe);
            }

            return 0;
        }

        var (latencies, cpu, passMedians, cpuWithDate, cpuWithoutDate) = MeasureLatency(index, set.Queries, Option(args, "--passes", 5));
        Print($"Load average during the run (other processes share the cores): {LoadAverage()}");
        Print($"Measured {passMedians.Length} passes after warming up; the pass with the median p50 is printed (p50 of each pass: {string.Join(", ", passMedians.Select(m => m.ToString("0.0", CultureInfo.InvariantCulture)))} µs)");
        Print($"Latency, one thread, {latencies.Length:N0} queries: p50 {Percentile(latencies, 0.50):0.0} µs, p90 {Percentile(latencies, 0.90):0.0} µs, p99 {Percentile(latencies, 0.99):0.0} µs, max {latencies[^1]:0.0} µs");
        if (ThreadClock.IsAvailable)
        {
            Print($"CPU time per query (the thread's own, less sensitive to load): p50 {Percentile(cpu, 0.50):0.0} µs, p90 {Percentile(cpu, 0.90):0.0} µs, p99 {Percentile(cpu, 0.99):0.0} µs, max {cpu[^1]:0.0} µs");
            Print($"  {cpuWithDate.Length:N0} with a date of birth: p50 {Percentile(cpuWithDate, 0.50):0.0} µs, p99 {Percentile(cpuWithDate, 0.99):0.0} µs; {cpuWithoutDate.Length:N0} without: p50 {Percentile(cpuWithoutDate, 0.50):0.0} µs, p99 {Percentile(cpuWithoutDate, 0.99):0.0} µs");
        }

        clock.Restart();
        var options = ScreeningOptions.Default with
        {
            ReviewThreshold = Option(args, "--review", ScreeningOptions.Default.ReviewThreshold),
            AlertThreshold = args.Contains("--alert") ? Option(args, "--alert", 0.0) : null,
        };
        var report = EvaluationReport.Run(index, set.Queries, options);
        Print($"Quality against {entryCount:N0} entries (review threshold {options.ReviewThreshold}, alert {options.AlertThreshold ?? index.AlertThreshold:0.000}):");
        Console.WriteLine(report);
        foreach (var line in report.Misses.Take(Option(args, "--show", 0)).Select(m => "MISS " + m)
            .Concat(report.FalseHits.Take(Option(args, "--show", 0)).Select(f => "FALSE " + f)))
        {
            Console.WriteLine(line);
        }

        // Precision at a million entries is mostly how often the generator repeats a name; a list a tenth the size,
        // the size of a national ban list, is printed beside it (ADR 0024).
        var smallerCount = Option(args, "--also", 100_000);
        if (smallerCount > 0 && smallerCount < entryCount)
        {
            var smaller = EvaluationSet.Generate(smallerCount, queryCount, seed);
            var smallerIndex = WatchlistIndex.Build(smaller.Entries);
            Print($"Quality against {smallerCount:N0} entries, the same generator and seed (review threshold {options.ReviewThreshold}, alert {options.AlertThreshold ?? smallerIndex.AlertThreshold:0.000}):");
            Console.WriteLine(EvaluationReport.Run(smallerIndex, smaller.Queries, options));
        }

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

    // Screens one name (NAME or NAME|YYYY-MM-DD) with every hit down to 0.3 and its explanation.
    private static void Probe(WatchlistIndex index, string text)
    {
        var parts = text.Split('|');
        var date = parts.Length > 1 && PartialDate.TryParse(parts[1], out var parsed) ? parsed : (PartialDate?)null;
        var options = ScreeningOptions.Default with { ReviewThreshold = 0.3 };
        foreach (var hit in index.Screen(new ScreeningQuery(parts[0], date, AsOf: new DateOnly(2026, 1, 15)), options))
        {
            Print($"{hit.Score:0.000} {hit.Decision} {hit.Entry.Id} '{hit.MatchedName}' {hit.Entry.DateOfBirth}: {hit.Explanation}");
        }
    }

    // Measured in the steady state of a running service: the runtime recompiles hot methods with what it learnt
    // of them only after they have run for a while, on a background thread, so every query is screened twice
    // first (2,000 queries, what this warmed up with before, left part of the measured pass on the first, plainly
    // compiled code). On this machine kind one pass's p50 moves by a third from one run to the next even so; the
    // pass with the median p50 of several is printed, with the range of all of them.
    private static (double[] Wall, double[] Cpu, double[] PassMedians, double[] CpuWithDate, double[] CpuWithoutDate) MeasureLatency(WatchlistIndex index, IReadOnlyList<LabelledQuery> queries, int passes)
    {
        var warm = Stopwatch.StartNew();
        for (var pass = 0; pass < 2 || warm.Elapsed.TotalSeconds < 3; pass++)
        {
            foreach (var query in queries)
            {
                index.Screen(query.Query);
            }
        }

        var measured = new List<(double[] Wall, double[] Cpu, double[] WithDate, double[] WithoutDate)>();
        for (var pass = 0; pass < passes; pass++)
        {
            var latencies = new double[queries.Count];
            var cpu = new double[queries.Count];
            for (var q = 0; q < queries.Count; q++)
            {
                var start = Stopwatch.GetTimestamp();
                var cpuStart = ThreadClock.Nanoseconds();
                index.Screen(queries[q].Query);
                cpu[q] = (ThreadClock.Nanoseconds() - cpuStart) / 1000.0;
                latencies[q] = Stopwatch.GetElapsedTime(start).TotalMicroseconds;
            }

            var withDate = cpu.Where((_, q) => queries[q].Query.DateOfBirth is not null).Order().ToArray();
            var withoutDate = cpu.Where((_, q) => queries[q].Query.DateOfBirth is null).Order().ToArray();
            Array.Sort(latencies);
            Array.Sort(cpu);
            measured.Add((latencies, cpu, withDate, withoutDate));
        }

        // By CPU time where the thread clock exists (it is what the figures are quoted by), by wall clock otherwise.
        double P50((double[] Wall, double[] Cpu, double[], double[]) pass) => Percentile(ThreadClock.IsAvailable ? pass.Cpu : pass.Wall, 0.5);
        var byMedian = measured.OrderBy(P50).ToList();
        var middle = byMedian[byMedian.Count / 2];
        return (middle.Wall, middle.Cpu, [.. byMedian.Select(P50)], middle.WithDate, middle.WithoutDate);
    }

    public static double Percentile(double[] sorted, double p) => sorted[Math.Min(sorted.Length - 1, (int)(p * sorted.Length))];

    public static void Print(FormattableString text) => Console.WriteLine(text.ToString(CultureInfo.InvariantCulture));

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

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

    private static double Option(string[] args, string name, double fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : fallback;
    }
}
