using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Core.Providers;

namespace Timpora.Bench;

/// <summary>Sustained guest check-ins over HTTP on loopback against the real application (a separate
/// process on SQLite or PostgreSQL), each validated, resolved to a person and committed before the answer;
/// beside it the same database's plain bulk-insert rate for the same rows, and a 100,000-row bulk file.</summary>
public static class CheckInBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider", "sqlite") == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var seconds = int.Parse(Arg(args, "--seconds", "15"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg(args, "--clients", "32"), CultureInfo.InvariantCulture);
        var bulkRows = int.Parse(Arg(args, "--bulk-rows", "100000"), CultureInfo.InvariantCulture);
        var web = Arg(args, "--web", Path.Combine(AppContext.BaseDirectory, "../../../../../src/Timpora.Web/bin/Release/net10.0/Timpora.Web.dll"));
        var folder = Directory.CreateTempSubdirectory("timpora-bench-").FullName;
        var connection = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "timpora.db")}"
            : Environment.GetEnvironmentVariable("TIMPORA_BENCH_PG") ?? throw new InvalidOperationException("TIMPORA_BENCH_PG is not set");
        const string url = "http://127.0.0.1:5099";

        Console.WriteLine($"Check-in benchmark on {provider}: {clients} concurrent clients for {seconds} s, 2 cores shared by client and server");
        using var server = Process.Start(new ProcessStartInfo("dotnet", [web, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(web))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider.ToString(),
                ["Database__ConnectionString"] = connection,
                ["Database__SeedDemoData"] = "true",
                ["Timpora__DataFolder"] = folder,
                ["Timpora__ApiPermitsPerSecond"] = "1000000",
                ["Logging__LogLevel__Default"] = "Warning",
            },
        })!;
        server.OutputDataReceived += (_, _) => { };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await WaitForHealthAsync(http);
            var (providerId, token) = await ApiKeyAsync(provider, connection);
            http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);

            var (count, latencies, errors) = await LoadAsync(http, clients, TimeSpan.FromSeconds(seconds));
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP check-ins: {count} accepted in {seconds} s = {count / (double)seconds:F0}/s (target 2,000/s); p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms; {errors} errors"));

            var ceiling = await BulkInsertRateAsync(provider, connection, Math.Max(count, 20_000));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Plain bulk insert of the same rows (ceiling): {ceiling:F0} rows/s"));

            var bulkSeconds = await BulkFileAsync(provider, connection, providerId, bulkRows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Bulk file of {bulkRows:N0} rows: queued to done in {bulkSeconds:F1} s (target under 20 s)"));
            return 0;
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            await server.WaitForExitAsync();
            try
            {
                Directory.Delete(folder, true);
            }
            catch (IOException)
            {
                // Left for the OS to clean.
            }
        }
    }

    private static async Task<(int Count, List<double> Latencies, int Errors)> LoadAsync(HttpClient http, int clients, TimeSpan duration)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var latencies = new List<double>[clients];
        var errors = 0;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var n = 0;
            while (Stopwatch.GetTimestamp() < until)
            {
                var start = Stopwatch.GetTimestamp();
                using var response = await http.PostAsJsonAsync("/api/v1/check-ins", Guest(c, n++));
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else
                {
                    Interlocked.Increment(ref errors);
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, all, errors);
    }

    private static object Guest(int client, int n) => new
    {
        surname = "BENCH" + Letters(client),
        givenNames = "GUEST " + Letters(n),
        sex = "Male",
        birthDate = "1985-03-04",
        nationality = "AUS",
        passportNumber = $"B{client:D3}{n:D7}",
        passportExpiresOn = "2032-01-01",
        permitKind = "Itk",
        visaIndexCode = "B1",
        permitExpiresOn = DateTime.UtcNow.AddDays(25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        checkInUtc = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture),
        room = "1",
    };

    private static string Letters(int value)
    {
        var text = new StringBuilder();
        do
        {
            text.Insert(0, (char)('A' + (value % 26)));
            value /= 26;
        }
        while (value > 0);
        return text.ToString();
    }

    private static async Task WaitForHealthAsync(HttpClient http)
    {
        for (var i = 0; i < 240; i++)
        {
            try
            {
                if ((await http.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(500);
        }

        throw new TimeoutException("The application did not start.");
    }

    private static async Task<(Guid ProviderId, string Token)> ApiKeyAsync(DatabaseProvider provider, string connection)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var hotel = await db.Providers.Where(p => p.Status == ProviderStatus.Approved).OrderBy(p => p.Name).Select(p => p.Id).FirstAsync();
        var (_, token) = await ApiKeys.CreateAsync(db, hotel, "benchmark", "bench", DateTime.UtcNow);
        return (hotel, token);
    }

    /// <summary>The same number of rows written with multi-row INSERTs into a copy of the reports table: what
    /// the database accepts when nothing is checked or resolved.</summary>
    private static async Task<double> BulkInsertRateAsync(DatabaseProvider provider, string connection, int rows)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var conn = db.Database.GetDbConnection();
        await conn.OpenAsync();
        await Execute(conn, "CREATE TABLE bench_rows AS SELECT * FROM guest_reports WHERE 1 = 0");
        var template = await db.GuestReports.AsNoTracking().FirstAsync();
        var watch = Stopwatch.StartNew();
        const int batch = 500;
        for (var done = 0; done < rows; done += batch)
        {
            await using var tx = await conn.BeginTransactionAsync();
            await using var command = conn.CreateCommand();
            command.Transaction = tx;
            var values = new List<string>();
            for (var i = 0; i < Math.Min(batch, rows - done); i++)
            {
                values.Add($"(@i{i}, @p{i}, @f{i}, @r{i}, @s{i}, @n{i}, @ci{i}, @k{i}, @a{i})");
                Add(command, $"@i{i}", Guid.CreateVersion7());
                Add(command, $"@p{i}", template.ProviderId);
                Add(command, $"@f{i}", template.ForeignerId);
                Add(command, $"@r{i}", $"R{done + i:D10}");
                Add(command, $"@s{i}", "BENCH");
                Add(command, $"@n{i}", "AUS");
                Add(command, $"@ci{i}", DateTime.UtcNow);
                Add(command, $"@k{i}", template.KanimId);
                Add(command, $"@a{i}", template.AreaCode);
            }

            command.CommandText = "INSERT INTO bench_rows (id, provider_id, foreigner_id, receipt_number, surname, nationality, check_in_utc, kanim_id, area_code) VALUES " + string.Join(", ", values);
            await command.ExecuteNonQueryAsync();
            await tx.CommitAsync();
        }

        return rows / watch.Elapsed.TotalSeconds;
    }

    /// <summary>A bulk file queued as the upload page queues it; the application's worker runs it.</summary>
    private static async Task<double> BulkFileAsync(DatabaseProvider provider, string connection, Guid providerId, int rows)
    {
        var csv = new StringBuilder(string.Join(',', BulkFile.Columns) + "\n");
        var checkIn = DateTime.UtcNow.AddHours(7).AddHours(-2).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
        for (var i = 0; i < rows; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"BULK{Letters(i)},GUEST,F,1990-01-01,NZL,F{i:D8},NZL,2031-01-01,ITK,B1,,2026-12-31,{checkIn},,{i % 300},Holiday\n");
        }

        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var hotel = await db.Providers.AsNoTracking().FirstAsync(p => p.Id == providerId);
        var import = new BulkImport
        {
            ProviderId = providerId,
            KanimId = hotel.KanimId,
            AreaCode = hotel.AreaCode,
            FileName = "bench.csv",
            Format = BulkFormat.Csv,
            CreatedBy = "bench",
            TimeZoneId = "Asia/Jakarta",
            Culture = "en",
            Content = Encoding.UTF8.GetBytes(csv.ToString()),
        };
        db.BulkImports.Add(import);
        await db.SaveChangesAsync();
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await Task.Delay(250);
            var state = await db.BulkImports.AsNoTracking().Where(b => b.Id == import.Id).Select(b => new { b.Status, b.Accepted, b.Rejected }).FirstAsync();
            if (state.Status is BulkStatus.Done or BulkStatus.Failed)
            {
                Console.WriteLine($"Bulk file result: {state.Status}, {state.Accepted} accepted, {state.Rejected} rejected");
                return watch.Elapsed.TotalSeconds;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                return double.NaN;
            }
        }
    }

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
