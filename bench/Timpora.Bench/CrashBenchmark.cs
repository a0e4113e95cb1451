using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Timpora.Core.Data;

namespace Timpora.Bench;

/// <summary>Crash safety of the check-in API (ADR 0028): the application (Release, Production settings, its own
/// process) takes sustained check-ins, half of the clients sending an Idempotency-Key and half not, and is killed
/// with SIGKILL at a random moment. After a restart on the same database the clients with a key send again, with
/// the same key and body, every request that got no answer. Then the database is counted against the answers:
/// an acknowledged check-in (201) that is not there is lost; a passport there more than once is duplicated.</summary>
public static class CrashBenchmark
{
    private static readonly MediaTypeHeaderValue Json = new("application/json");

    private sealed record Trial(
        double KilledAfter, double Restart, int KeyAcked, int KeyUnanswered, int KeyRetriedOk, int KeyReplayed, int KeyLost, int KeyDuplicated,
        int PlainAcked, int PlainLost, int PlainDuplicated, int PlainUnansweredStored, int OtherAnswers);

    public static async Task<int> RunAsync(string[] args)
    {
        var provider = Arg(args, "--provider", "sqlite") == "postgresql" ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        var trials = int.Parse(Arg(args, "--trials", "5"), CultureInfo.InvariantCulture);
        var clients = int.Parse(Arg(args, "--clients", "16"), CultureInfo.InvariantCulture);
        var seed = int.Parse(Arg(args, "--seed", "28"), CultureInfo.InvariantCulture);
        var url = Arg(args, "--url", "http://127.0.0.1:5146");
        var web = Arg(args, "--web", Path.Combine(AppContext.BaseDirectory, "../../../../../src/Timpora.Web/bin/Release/net10.0/Timpora.Web.dll"));
        var graceful = Arg(args, "--signal", "kill") == "term";
        var random = new Random(seed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{(graceful ? "Stop" : "Crash")} trials on {provider}: {trials} trials, {clients} clients ({clients / 2} with Idempotency-Key, {clients - clients / 2} without), each a property with its own key; the server {(graceful ? "stopped with SIGTERM (graceful shutdown: new requests refused, queued check-ins drained)" : "killed with SIGKILL")} at a random 1.5-4.5 s after every client's first answer, then restarted on the same database"));
        var results = new List<Trial>();
        for (var t = 1; t <= trials; t++)
        {
            results.Add(await TrialAsync(provider, t, clients, random.NextDouble() * 3 + 1.5, web, url, graceful));
            Console.WriteLine(Row(t.ToString(CultureInfo.InvariantCulture), results[^1]));
        }

        Console.WriteLine();
        Console.WriteLine($"{provider}:");
        Console.WriteLine("| trial | killed after | up again in | key: acked | key: unanswered | key: retried, 201 (replayed) | key: lost | key: duplicated | no key: acked | no key: lost | no key: duplicated | no key: stored, unanswered | other answers |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|---|");
        for (var t = 0; t < results.Count; t++)
        {
            Console.WriteLine(Row((t + 1).ToString(CultureInfo.InvariantCulture), results[t]));
        }

        Console.WriteLine(Row("all", new Trial(double.NaN, double.NaN,
            results.Sum(r => r.KeyAcked), results.Sum(r => r.KeyUnanswered), results.Sum(r => r.KeyRetriedOk), results.Sum(r => r.KeyReplayed),
            results.Sum(r => r.KeyLost), results.Sum(r => r.KeyDuplicated), results.Sum(r => r.PlainAcked), results.Sum(r => r.PlainLost),
            results.Sum(r => r.PlainDuplicated), results.Sum(r => r.PlainUnansweredStored), results.Sum(r => r.OtherAnswers))));
        return results.All(r => r.KeyLost + r.KeyDuplicated + r.PlainLost + r.PlainDuplicated + r.OtherAnswers == 0 && r.KeyRetriedOk == r.KeyUnanswered) ? 0 : 1;
    }

    private static string Row(string trial, Trial r) => string.Create(CultureInfo.InvariantCulture,
        $"| {trial} | {(double.IsNaN(r.KilledAfter) ? "" : $"{r.KilledAfter:F2} s")} | {(double.IsNaN(r.Restart) ? "" : $"{r.Restart:F1} s")} | {r.KeyAcked} | {r.KeyUnanswered} | {r.KeyRetriedOk} ({r.KeyReplayed}) | {r.KeyLost} | {r.KeyDuplicated} | {r.PlainAcked} | {r.PlainLost} | {r.PlainDuplicated} | {r.PlainUnansweredStored} | {r.OtherAnswers} |");

    private static async Task<Trial> TrialAsync(DatabaseProvider provider, int trial, int clients, double killAfter, string web, string url, bool graceful)
    {
        var folder = Directory.CreateTempSubdirectory("timpora-crash-").FullName;
        var connection = provider == DatabaseProvider.Sqlite
            ? $"Data Source={Path.Combine(folder, "timpora.db")}"
            : await NewPostgresDatabaseAsync(trial);
        var server = Start(web, url, provider, connection, folder);
        try
        {
            using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = clients, UseCookies = false, UseProxy = false })
            { BaseAddress = new Uri(url), Timeout = TimeSpan.FromSeconds(30) };
            await CheckInBenchmark.WaitForHealthAsync(http);
            var properties = await CheckInBenchmark.PropertiesAsync(provider, connection, clients);

            var acked = new List<string>[clients];
            var unanswered = new List<(string Passport, string Body)>[clients];
            var killed = new TaskCompletionSource();
            var otherAnswers = 0;
            var load = Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
            {
                acked[c] = [];
                unanswered[c] = [];
                var withKey = c % 2 == 0;
                for (var n = 0; ; n++)
                {
                    var passport = $"{(withKey ? 'K' : 'N')}{trial:D2}{c:D3}{n:D6}";
                    var body = Body(passport, c, n);
                    try
                    {
                        using var response = await http.SendAsync(Request(properties[c].Token, body, withKey ? passport : null));
                        if (response.StatusCode == HttpStatusCode.ServiceUnavailable && killed.Task.IsCompleted)
                        {
                            // Refused while the host stops (Retry-After): the client sends it again later.
                            unanswered[c].Add((passport, body));
                            return;
                        }

                        if (response.StatusCode != HttpStatusCode.Created)
                        {
                            // Counted and shown, not a reason to stop: an answer other than 201 before the kill is a finding.
                            if (Interlocked.Increment(ref otherAnswers) == 1)
                            {
                                Console.Error.WriteLine($"First answer other than 201: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
                            }

                            continue;
                        }

                        acked[c].Add(passport);
                    }
                    catch (HttpRequestException) when (killed.Task.IsCompleted || server.HasExited)
                    {
                        unanswered[c].Add((passport, body));
                        return;
                    }
                }
            })).ToList();

            // The random moment is counted from when every client has had an answer: the load is sustained by then,
            // past the new process's first compilations.
            var warm = Stopwatch.StartNew();
            while (acked.Any(a => a is null || a.Count == 0) && warm.Elapsed < TimeSpan.FromMinutes(1) && load.All(l => !l.IsCompleted))
            {
                await Task.Delay(50);
            }

            var watch = Stopwatch.StartNew();
            await Task.Delay(TimeSpan.FromSeconds(killAfter));
            killed.SetResult();
            if (graceful)
            {
                // What systemd, Docker and Kubernetes send: the host stops taking requests and drains what it holds.
                using var term = Process.Start("kill", ["-TERM", server.Id.ToString(CultureInfo.InvariantCulture)])!;
                await term.WaitForExitAsync();
            }
            else
            {
                server.Kill();
            }

            var killedAfter = watch.Elapsed.TotalSeconds;
            await server.WaitForExitAsync();
            if (graceful)
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  stopped in {watch.Elapsed.TotalSeconds - killedAfter:F2} s after SIGTERM, exit code {server.ExitCode}"));
            }
            await Task.WhenAll(load);

            watch.Restart();
            server.Dispose();
            server = Start(web, url, provider, connection, folder);
            await CheckInBenchmark.WaitForHealthAsync(http);
            var restart = watch.Elapsed.TotalSeconds;

            // A client with a key does what a careful client does with a request that got no answer: sends it again.
            var retriedOk = 0;
            var replayed = 0;
            for (var c = 0; c < clients; c += 2)
            {
                foreach (var (passport, body) in unanswered[c])
                {
                    using var response = await http.SendAsync(Request(properties[c].Token, body, passport));
                    if (response.StatusCode == HttpStatusCode.Created)
                    {
                        retriedOk++;
                        replayed += response.Headers.Contains("Idempotent-Replayed") ? 1 : 0;
                        acked[c].Add(passport);
                    }
                }
            }

            var stored = await StoredAsync(provider, connection, properties.Select(p => p.ProviderId).ToList());
            var key = Enumerable.Range(0, clients).Where(c => c % 2 == 0).ToList();
            var plain = Enumerable.Range(0, clients).Where(c => c % 2 == 1).ToList();
            int Lost(List<int> group) => group.SelectMany(c => acked[c]).Count(p => !stored.ContainsKey(p));
            int Duplicated(char prefix) => stored.Count(s => s.Key[0] == prefix && s.Value > 1);
            return new Trial(killedAfter, restart,
                key.Sum(c => acked[c].Count) - retriedOk, key.Sum(c => unanswered[c].Count), retriedOk, replayed, Lost(key), Duplicated('K'),
                plain.Sum(c => acked[c].Count), Lost(plain), Duplicated('N'),
                plain.SelectMany(c => unanswered[c]).Count(u => stored.ContainsKey(u.Passport)), otherAnswers);
        }
        finally
        {
            if (!server.HasExited)
            {
                server.Kill();
                await server.WaitForExitAsync();
            }

            server.Dispose();
            Directory.Delete(folder, true);
        }
    }

    private static string Body(string passport, int client, int number)
    {
        var checkIn = DateTime.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        var permitExpiry = DateTime.UtcNow.AddDays(25).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return $$"""{"surname":"CRASH{{CheckInBenchmark.Letters(client)}}","givenNames":"GUEST {{CheckInBenchmark.Letters(number)}}","sex":"Female","birthDate":"1988-07-09","nationality":"NZL","passportNumber":"{{passport}}","passportExpiresOn":"2032-01-01","permitKind":"Itk","visaIndexCode":"B1","permitExpiresOn":"{{permitExpiry}}","checkInUtc":"{{checkIn}}","room":"2"}""";
    }

    private static HttpRequestMessage Request(string token, string body, string? idempotencyKey)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri("/api/v1/check-ins", UriKind.Relative)) { Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body)) };
        request.Content.Headers.ContentType = Json;
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return request;
    }

    private static Process Start(string web, string url, DatabaseProvider provider, string connection, string folder)
    {
        var server = Process.Start(new ProcessStartInfo("dotnet", [web, "--urls", url])
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
            },
        })!;
        server.OutputDataReceived += (_, e) =>
        {
            if (e.Data?.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal) == true)
            {
                Console.Error.WriteLine("server error: " + e.Data);
            }
        };
        server.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine("server: " + e.Data); };
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        return server;
    }

    /// <summary>How many reports each passport of these properties has.</summary>
    private static async Task<Dictionary<string, int>> StoredAsync(DatabaseProvider provider, string connection, List<Guid> providerIds)
    {
        await using var db = DatabaseOptions.CreateContext(provider, connection, Caller.System);
        return await db.GuestReports.Where(r => providerIds.Contains(r.ProviderId))
            .GroupBy(r => r.PassportNumber).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count);
    }

    private static async Task<string> NewPostgresDatabaseAsync(int trial)
    {
        var server = Environment.GetEnvironmentVariable("TIMPORA_BENCH_PG") ?? throw new InvalidOperationException("TIMPORA_BENCH_PG is not set");
        var name = string.Create(CultureInfo.InvariantCulture, $"timpora_crash_{trial}_{Guid.NewGuid():N}")[..40];
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
    }

    private static string Arg(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
