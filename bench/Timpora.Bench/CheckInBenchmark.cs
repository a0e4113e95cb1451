using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Core.Providers;
using Timpora.Core.Watchlists;

namespace Timpora.Bench;

/// <summary>Sustained guest check-ins over HTTP on loopback against the real application (a separate
/// process on SQLite or PostgreSQL), each validated, resolved to a person and committed before the answer;
/// beside it the same database's plain bulk-insert rate for the same rows, and a 100,000-row bulk file.
/// After each run the rows in the database are counted against the accepted answers.</summary>
public static class CheckInBenchmark
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider", "sqlite") == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var seconds = int.Parse(Arg(args, "--seconds", "15"), CultureInfo.InvariantCulture);
        var warmup = int.Parse(Arg(args, "--warmup", "3"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg(args, "--clients", "64"), CultureInfo.InvariantCulture);
        var bulkRows = int.Parse(Arg(args, "--bulk-rows", "100000"), CultureInfo.InvariantCulture);
        var web = Arg(args, "--web", Path.Combine(AppContext.BaseDirectory, "../../../../../src/Timpora.Web/bin/Release/net10.0/Timpora.Web.dll"));
        var folder = Directory.CreateTempSubdirectory("timpora-bench-").FullName;
        var connection = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "timpora.db")}"
            : Environment.GetEnvironmentVariable("TIMPORA_BENCH_PG") ?? throw new InvalidOperationException("TIMPORA_BENCH_PG is not set");
        const string url = "http://127.0.0.1:5099";

        using var server = Process.Start(new ProcessStartInfo("dotnet", [web, "--urls", url])
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(web))!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            // The application's own production settings (appsettings.json), logging included; only the rate
            // limit per key is lifted, as each key here sends far more than a real property would.
            Environment =
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["Database__Provider"] = provider.ToString(),
                ["Database__ConnectionString"] = connection,
                ["Database__SeedDemoData"] = "true",
                ["Timpora__DataFolder"] = folder,
                ["Timpora__ApiPermitsPerSecond"] = "1000000",
            },
        })!;
        var serverLines = 0;
        var serverErrors = 0;
        server.OutputDataReceived += (_, e) =>
        {
            Interlocked.Increment(ref serverLines);
            // A logged failure is shown, not only counted: the clients' answers alone can hide it.
            if (e.Data?.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) == true && Interlocked.Increment(ref serverErrors) == 1)
            {
                Console.Error.WriteLine("server error: " + e.Data);
            }
        };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler
            {
                MaxConnectionsPerServer = clients,
                PooledConnectionLifetime = Timeout.InfiniteTimeSpan,
                UseCookies = false,
                UseProxy = false,
                AutomaticDecompression = DecompressionMethods.None,
            })
            { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(60) };
            await WaitForHealthAsync(http);
            var properties = await PropertiesAsync(provider, connection, clients);
            var providerId = properties[0].ProviderId;
            await PrintConfigurationAsync(provider, connection, clients, seconds, warmup);

            // The bulk file first: the HTTP load then meets a register that already holds its guests, screened, with
            // the planner's statistics as autovacuum keeps them in service, not an empty database whose statistics
            // lag behind tables growing from nothing (which made PostgreSQL pick sequential scans).
            var bulkSeconds = await BulkFileAsync(provider, connection, providerId, bulkRows);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Bulk file of {bulkRows:N0} rows: queued to done in {bulkSeconds:F1} s (target under 20 s)"));
            await SettleAsync(provider, connection);

            var warm = await LoadAsync(http, properties, TimeSpan.FromSeconds(warmup), "W");
            var linesBefore = serverLines;
            var cpuBefore = CpuTime.Of(server);
            var (count, latencies, errors, accepted) = await LoadAsync(http, properties, TimeSpan.FromSeconds(seconds), "M");
            var cpu = CpuTime.Of(server) - cpuBefore;
            latencies.Sort();
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"HTTP check-ins: {count} accepted in {seconds} s = {count / (double)seconds:F0}/s (target 2,000/s); p50 {Percentile(latencies, 0.50):F1} ms, p99 {Percentile(latencies, 0.99):F1} ms; {errors} errors; server wrote {serverLines - linesBefore} log lines"));
            Console.WriteLine(cpu.Describe(count, seconds));
            await VerifyAsync(provider, connection, properties, [.. warm.Accepted.Zip(accepted, (a, b) => a + b)]);

            var ceiling = await CheckInCeiling.MeasureAsync(provider, connection);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"Plain bulk insert of the same rows (ceiling): {ceiling.Rows} rows of {ceiling.Tables} tables in {ceiling.Seconds:F2} s = {ceiling.Rows / ceiling.Seconds:F0} rows/s = {ceiling.CheckIns / ceiling.Seconds:F0} check-ins/s ({ceiling.Rows / (double)ceiling.CheckIns:F1} rows per check-in, no indexes, no checks)"));
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

    private static async Task PrintConfigurationAsync(DatabaseProvider provider, string connection, int clients, int seconds, int warmup)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var settings = new List<string>();
        foreach (var setting in provider == DatabaseProvider.Sqlite
            ? ["journal_mode", "synchronous"]
            : new[] { "fsync", "synchronous_commit", "full_page_writes", "wal_sync_method", "shared_buffers", "commit_delay" })
        {
            settings.Add(setting + "=" + await ScalarAsync(db, (provider == DatabaseProvider.Sqlite ? "PRAGMA " : "SHOW ") + setting));
        }

        var durability = string.Join(", ", settings) + (provider == DatabaseProvider.Sqlite ? " (2 = FULL: the WAL is flushed at every commit)" : "");
        Console.WriteLine($"Check-in benchmark on {provider}: {durability}");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Load: {clients} clients, each a property of its own with its own API key and connection, {warmup} s warm-up then {seconds} s measured; {Environment.ProcessorCount} cores shared by client, server and database; load average before: {File.ReadAllText("/proc/loadavg").Trim()}"));
        Console.WriteLine("Server: Release build, Production environment, logging as in appsettings.json (request log at Information, JSON console)");
    }

    private static async Task<(int Count, List<double> Latencies, int Errors, int[] Accepted)> LoadAsync(
        HttpClient http, IReadOnlyList<(Guid ProviderId, string Token)> properties, TimeSpan duration, string phase)
    {
        var until = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        var clients = properties.Count;
        var latencies = new List<double>[clients];
        var errors = 0;
        var checkIn = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var permitExpiry = DateTime.UtcNow.AddDays(25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(async c =>
        {
            latencies[c] = [];
            var n = 0;
            var client = Letters(c);
            var authorization = new AuthenticationHeaderValue("Bearer", properties[c].Token);
            while (Stopwatch.GetTimestamp() < until)
            {
                // A body written from a template: the client's own work stays small beside the server's.
                var body = Encoding.UTF8.GetBytes(
                    $$"""{"surname":"BENCH{{client}}","givenNames":"GUEST {{phase}}{{Letters(n)}}","sex":"Male","birthDate":"1985-03-04","nationality":"AUS","passportNumber":"{{phase}}{{c:D3}}{{n:D7}}","passportExpiresOn":"2032-01-01","permitKind":"Itk","visaIndexCode":"B1","permitExpiresOn":"{{permitExpiry}}","checkInUtc":"{{checkIn}}","room":"1"}""");
                n++;
                using var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/check-ins", UriKind.Relative)) { Content = new ByteArrayContent(body) };
                request.Content.Headers.ContentType = Json;
                request.Headers.Authorization = authorization;
                var start = Stopwatch.GetTimestamp();
                using var response = await http.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    latencies[c].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                }
                else if (Interlocked.Increment(ref errors) == 1)
                {
                    Console.Error.WriteLine($"First error: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                }
            }
        }));
        var all = latencies.SelectMany(l => l).ToList();
        return (all.Count, all, errors, [.. latencies.Select(l => l.Count)]);
    }

    /// <summary>Every 201 answer must stand for a committed report of its own property, with its three audit entries
    /// naming that property's key.</summary>
    private static async Task VerifyAsync(DatabaseProvider provider, string connection, IReadOnlyList<(Guid ProviderId, string Token)> properties, int[] accepted)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var ids = properties.Select(p => p.ProviderId).ToList();
        var reports = await db.GuestReports.Where(r => ids.Contains(r.ProviderId) && r.Channel == ReportChannel.Api)
            .GroupBy(r => r.ProviderId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
        var people = await db.Foreigners.CountAsync(f => f.Surname.StartsWith("BENCH"));
        var keys = properties.Select(p => "api-key:" + ApiKeys.PrefixOf(p.Token)).ToList();
        var audit = await db.AuditEntries.Where(a => keys.Contains(a.UserName) && a.Action == AuditAction.Created)
            .GroupBy(a => a.UserName).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key!, g => g.Count);
        var wrong = Enumerable.Range(0, properties.Count)
            .Count(c => reports.GetValueOrDefault(properties[c].ProviderId) != accepted[c] || audit.GetValueOrDefault(keys[c]) != 3 * accepted[c]);
        var total = accepted.Sum();
        var verdict = wrong == 0 && people == total ? "OK" : $"MISMATCH in {wrong} properties";
        Console.WriteLine($"Verified ({verdict}): {total} accepted answers (warm-up included); in the database {reports.Values.Sum()} reports, {people} people, {audit.Values.Sum()} audit entries (3 per check-in), each property's own and naming its own key");
    }

    internal static string Letters(int value)
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

    /// <summary>Waits until the application process answers /health; shared by the benchmarks that start it.</summary>
    internal static async Task WaitForHealthAsync(HttpClient http)
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

    /// <summary>One approved property per client, each with its own API key, in the demo's areas: the batches of the
    /// group commit then mix as many properties as requests, as they would with thousands of properties reporting.</summary>
    internal static async Task<List<(Guid ProviderId, string Token)>> PropertiesAsync(DatabaseProvider provider, string connection, int count)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var demo = await db.Providers.Where(p => p.Status == ProviderStatus.Approved).OrderBy(p => p.Name).ToListAsync();
        var properties = new List<(Guid, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var like = demo[i % demo.Count];
            var property = new AccommodationProvider
            {
                Name = $"Bench Hotel {i + 1:D3}",
                Kind = ProviderKind.Hotel,
                AreaCode = like.AreaCode,
                KanimId = like.KanimId,
                Street = $"Jl. Bench {i + 1}",
                ContactName = "Bench",
                Phone = "0812-0000-0000",
                Email = $"bench{i + 1}@bench.test",
                Status = ProviderStatus.Approved,
                DecidedUtc = DateTime.UtcNow,
                DecidedBy = "bench",
            };
            db.Providers.Add(property);
            await db.SaveChangesAsync();
            var (_, token) = await ApiKeys.CreateAsync(db, property.Id, "benchmark", "bench", DateTime.UtcNow);
            properties.Add((property.Id, token));
        }

        return properties;
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
            await Task.Delay(100);
            var state = await db.BulkImports.AsNoTracking().Where(b => b.Id == import.Id).Select(b => new { b.Status, b.Accepted, b.Rejected }).FirstAsync();
            if (state.Status is BulkStatus.Done or BulkStatus.Failed)
            {
                var elapsed = watch.Elapsed.TotalSeconds;
                var stored = await db.GuestReports.CountAsync(r => r.ProviderId == providerId && r.Channel == ReportChannel.BulkFile);
                Console.WriteLine($"Bulk file result: {state.Status}, {state.Accepted} accepted, {state.Rejected} rejected; {stored} reports in the database ({(stored == state.Accepted ? "OK" : "MISMATCH")})");
                return elapsed;
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                return double.NaN;
            }
        }
    }

    /// <summary>Waits for the screening job to screen every report and permit of the bulk file, then (PostgreSQL)
    /// brings the statistics up to date as autovacuum's analyze would.</summary>
    private static async Task SettleAsync(DatabaseProvider provider, string connection)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        var watch = Stopwatch.StartNew();
        var records = await db.GuestReports.IgnoreQueryFilters().CountAsync() + await db.StayPermits.IgnoreQueryFilters().CountAsync();
        int screened;
        while ((screened = await db.PersonScreenings.CountAsync(s => s.SubjectKind == SubjectKind.GuestReport || s.SubjectKind == SubjectKind.StayPermit)) < records
            && watch.Elapsed < TimeSpan.FromMinutes(5))
        {
            await Task.Delay(250);
        }

        var seconds = watch.Elapsed.TotalSeconds;
        if (provider == DatabaseProvider.PostgreSql)
        {
            await ScalarAsync(db, "ANALYZE");
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Register before the HTTP load: {records:N0} reports and permits, {screened:N0} screened ({seconds:F1} s after the bulk file){(provider == DatabaseProvider.PostgreSql ? "; ANALYZE run" : "")}"));
    }

    private static async Task<string> ScalarAsync(AppDbContext db, string sql)
    {
        var connection = db.Database.GetDbConnection();
        if (connection.State != System.Data.ConnectionState.Open)
        {
            await connection.OpenAsync();
        }

        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "";
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[(int)Math.Min(sorted.Count - 1, p * sorted.Count)];

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
