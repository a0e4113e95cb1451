using System.Diagnostics;
using System.Globalization;
using Timpora.Screening;
using Timpora.Screening.Csv;

namespace Timpora.Cli;

/// <summary>
/// <c>screen --watchlist W.csv --queries Q.csv --out R.csv</c>: screens every query row against the list and
/// writes the hits at or above the review threshold, best first per query. A file with any bad row is
/// refused as a whole, and the result file only appears once it is complete.
/// </summary>
public static class ScreenVerb
{
    private const string Usage = """
        Usage: screen --watchlist W.csv --queries Q.csv --out R.csv [--alert T] [--review 0.75] [--as-of YYYY-MM-DD]
          W.csv: id,name,aliases,dob,nationality,sex,documents   (aliases and documents separated by ';')
          Q.csv: id,name,dob,nationality,sex,document
          R.csv: query_id,watchlist_id,score,decision
          --alert: without it, 0.80 up to 100,000 entries and 0.085 more for each tenfold (0.885 at a million)
        """;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var options = ParseArguments(args, out var paths, out var problem);
        if (problem is not null || options is null)
        {
            await error.WriteLineAsync(problem);
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var clock = Stopwatch.StartNew();
        var watchlist = await LoadAsync(paths["--watchlist"], ScreeningFiles.ReadWatchlist, error);
        var queries = watchlist is null ? null : await LoadAsync(paths["--queries"], ScreeningFiles.ReadQueries, error);
        if (watchlist is null || queries is null)
        {
            return 1;
        }

        var index = WatchlistIndex.Build(watchlist);
        var results = new IReadOnlyList<ScreeningHit>[queries.Count];
        Parallel.For(0, queries.Count, q => results[q] = index.Screen(queries[q].Query, options));

        var outPath = paths["--out"];
        var temporary = outPath + ".partial";
        int alerts = 0, reviews = 0;
        try
        {
            await using (var writer = new StreamWriter(temporary, append: false, new System.Text.UTF8Encoding(false)))
            {
                CsvWriter.WriteRecord(writer, "query_id", "watchlist_id", "score", "decision");
                for (var q = 0; q < queries.Count; q++)
                {
                    foreach (var hit in results[q])
                    {
                        var alert = hit.Decision == ScreeningDecision.Alert;
                        alerts += alert ? 1 : 0;
                        reviews += alert ? 0 : 1;
                        CsvWriter.WriteRecord(
                            writer, queries[q].Id, hit.Entry.Id, hit.Score.ToString("0.0000", CultureInfo.InvariantCulture), alert ? "alert" : "review");
                    }
                }
            }

            File.Move(temporary, outPath, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot write {outPath}: {e.Message}");
            return 1;
        }

        await output.WriteLineAsync(string.Create(
            CultureInfo.InvariantCulture,
            $"Screened {queries.Count} queries against {index.Count} entries in {clock.Elapsed.TotalSeconds:0.0} s: {alerts} alerts (at {options.AlertThreshold ?? index.AlertThreshold:0.000}), {reviews} for review, written to {outPath}"));
        return 0;
    }

    private static ScreeningOptions? ParseArguments(string[] args, out Dictionary<string, string> paths, out string? problem)
    {
        paths = new Dictionary<string, string>(StringComparer.Ordinal);
        var options = ScreeningOptions.Default;
        problem = null;
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (i + 1 >= args.Length)
            {
                problem = $"{name} needs a value.";
                return null;
            }

            var value = args[++i];
            switch (name)
            {
                case "--watchlist" or "--queries" or "--out":
                    paths[name] = value;
                    break;
                case "--alert" or "--review" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var threshold)
                    && threshold is > 0 and <= 1:
                    options = name == "--alert" ? options with { AlertThreshold = threshold } : options with { ReviewThreshold = threshold };
                    break;
                case "--as-of" when DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day):
                    options = options with { Clock = new FixedDayClock(day) };
                    break;
                default:
                    problem = $"Unknown option or bad value: {name} {value}";
                    return null;
            }
        }

        foreach (var required in new[] { "--watchlist", "--queries", "--out" })
        {
            if (!paths.ContainsKey(required))
            {
                problem = $"Missing {required}.";
                return null;
            }
        }

        if (options.ReviewThreshold > options.AlertThreshold)
        {
            problem = "--review must not be above --alert.";
            return null;
        }

        return options;
    }

    private static async Task<IReadOnlyList<T>?> LoadAsync<T>(string path, Func<TextReader, CsvLoad<T>> read, TextWriter error)
    {
        CsvLoad<T> load;
        try
        {
            using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
            load = read(reader);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            await error.WriteLineAsync($"Cannot read {path}: {e.Message}");
            return null;
        }

        if (load.Succeeded)
        {
            return load.Rows;
        }

        await error.WriteLineAsync($"{path} was not loaded (nothing from it was used):");
        foreach (var problem in load.Problems)
        {
            await error.WriteLineAsync($"  {path}: {problem}");
        }

        return null;
    }

    private sealed class FixedDayClock(DateOnly day) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
    }
}
