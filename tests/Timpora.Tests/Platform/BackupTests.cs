using System.Collections.Concurrent;
using System.Data.Common;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Timpora.Cli;
using Timpora.Core.Data;
using Timpora.Tests.Providers;

namespace Timpora.Tests.Platform;

/// <summary>The backup and restore verbs on the test run's database (ADR 0028): a backup of the running
/// application's database taken while check-ins go on, restored into an empty database, must hold exactly the
/// snapshot its manifest describes: every table's rows and checksum.</summary>
public sealed class BackupTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private string Provider => app.Provider == DatabaseProvider.Sqlite ? "sqlite" : "postgresql";

    private string NewEmptyDatabase(string folder) => app.Provider == DatabaseProvider.Sqlite
        ? $"Data Source={Path.Combine(folder, "restored.db")}"
        : TestApp.NewPostgresDatabase("timpora_restore");

    private static async Task<(int Exit, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exit = await Verbs.RunAsync(args, TextReader.Null, output, error);
        return (exit, output.ToString(), error.ToString());
    }

    private DbConnection Connection(string connectionString) => app.Provider == DatabaseProvider.Sqlite
        ? new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString())
        : new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ConnectionString);

    private async Task<IReadOnlyList<TableSummary>> SummariseAsync(string connectionString)
    {
        await using var connection = Connection(connectionString);
        await connection.OpenAsync(Token);
        return await BackupManifest.SummariseAsync(app.Provider, connection, null, Token);
    }

    [Fact]
    public async Task BackupThenRestore_WhileCheckInsGoOn_RestoresExactlyTheSnapshot()
    {
        var folder = Directory.CreateTempSubdirectory("timpora-backup-").FullName;
        var file = Path.Combine(folder, "timpora.backup");
        var property = await ProviderData.AddAsync(app);
        var key = await ProviderData.AddKeyAsync(app, property.Id);
        // Each check-in: when it was sent and, once answered 201, when the answer came.
        var sent = new ConcurrentDictionary<string, (long Sent, long Answered)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Token);
        var writers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            using var client = app.Anonymous();
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
            for (var n = 0; !stop.IsCancellationRequested; n++)
            {
                var passport = $"BK{w}{n:D6}{Guid.NewGuid().ToString("N")[..4].ToUpperInvariant()}";
                var body = $$"""{"surname":"Cadangan","givenNames":"Tamu","sex":"Female","birthDate":"1990-04-01","nationality":"AUS","passportNumber":"{{passport}}","passportExpiresOn":"2032-01-31","permitKind":"VisaFree","checkInUtc":"{{DateTime.UtcNow.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}}","room":"7"}""";
                var start = Stopwatch.GetTimestamp();
                try
                {
                    using var response = await client.PostAsync(new Uri("/api/v1/check-ins", UriKind.Relative), new StringContent(body, Encoding.UTF8, "application/json"), stop.Token);
                    if (response.StatusCode == HttpStatusCode.TooManyRequests)
                    {
                        // The key's rate limit (50 a second): this one was refused, not written.
                        await Task.Delay(100, stop.Token);
                        continue;
                    }

                    Assert.Equal(HttpStatusCode.Created, response.StatusCode);
                    sent[passport] = (start, Stopwatch.GetTimestamp());
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested)
                {
                    sent[passport] = (start, 0);
                }
            }
        }, Token)).ToList();

        await WaitForAnswersAsync(sent, 20, writers);
        var backupStarted = Stopwatch.GetTimestamp();
        var backup = await RunAsync("backup", "--out", file, "--provider", Provider, "--connection", app.ConnectionString);
        var backupEnded = Stopwatch.GetTimestamp();
        await WaitForAnswersAsync(sent, sent.Count(s => s.Value.Answered > 0) + 20, writers);
        await stop.CancelAsync();
        await Task.WhenAll(writers);

        Assert.True(backup.Exit == 0, backup.Error);
        Assert.Contains("Backed up", backup.Output, StringComparison.Ordinal);
        var manifest = await BackupManifest.ReadAsync(file);
        Assert.NotNull(manifest);
        var restoredDatabase = NewEmptyDatabase(folder);
        var restore = await RunAsync("restore", "--from", file, "--provider", Provider, "--connection", restoredDatabase);
        Assert.True(restore.Exit == 0, restore.Error);
        Assert.Contains("Verified", restore.Output, StringComparison.Ordinal);

        // Checked here again, apart from the verb: every table of the snapshot, row for row.
        var restored = await SummariseAsync(restoredDatabase);
        Assert.Equal(manifest.Tables, restored);
        Assert.Contains(restored, t => t.Table.EndsWith("guest_reports", StringComparison.Ordinal) && t.Rows > 0);
        Assert.Contains(restored, t => t.Table.EndsWith("audit_entries", StringComparison.Ordinal) && t.Rows > 0);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            Assert.Equal(manifest.Tables, await SummariseAsync($"Data Source={file};Mode=ReadOnly"));
        }

        // The backup ran while the writes went on: all answered before it began are in it, none sent after it ended.
        await using var db = DatabaseOptions.CreateContext(app.Provider, restoredDatabase, Caller.System);
        var present = (await db.GuestReports.Where(r => r.ProviderId == property.Id).Select(r => r.PassportNumber).ToListAsync(Token)).ToHashSet();
        var before = sent.Where(s => s.Value.Answered is > 0 && s.Value.Answered < backupStarted).Select(s => s.Key).ToList();
        var after = sent.Where(s => s.Value.Sent > backupEnded).Select(s => s.Key).ToList();
        Assert.True(before.Count >= 20 && after.Count >= 20, $"{before.Count} before, {after.Count} after");
        Assert.All(before, p => Assert.Contains(p, present));
        Assert.All(after, p => Assert.DoesNotContain(p, present));
        Assert.Equal(present.Count, present.Intersect(sent.Keys).Count());
    }

    [Fact]
    public async Task Restore_IntoADatabaseWithTables_RefusesAndLeavesItAlone()
    {
        var folder = Directory.CreateTempSubdirectory("timpora-backup-").FullName;
        var file = Path.Combine(folder, "empty.backup");
        var source = NewEmptyDatabase(folder);
        await using (var db = DatabaseOptions.CreateContext(app.Provider, source, Caller.System))
        {
            await SchemaHistory.UpgradeAsync(db, Token);
        }

        Assert.Equal(0, (await RunAsync("backup", "--out", file, "--provider", Provider, "--connection", source)).Exit);
        var again = await RunAsync("backup", "--out", file, "--provider", Provider, "--connection", source);
        Assert.Equal(1, again.Exit);
        Assert.Contains("already exists", again.Error, StringComparison.Ordinal);

        var before = await SummariseAsync(app.ConnectionString);
        var refused = await RunAsync("restore", "--from", file, "--provider", Provider, "--connection", app.ConnectionString);

        Assert.Equal(1, refused.Exit);
        Assert.Contains("is not empty", refused.Error, StringComparison.Ordinal);
        Assert.Contains("restore only into an empty database", refused.Error, StringComparison.Ordinal);
        var schema = await SummariseAsync(app.ConnectionString);
        Assert.Equal(before.Select(t => t.Table), schema.Select(t => t.Table));
        Assert.Equal(before.Single(t => t.Table.EndsWith("schema_history", StringComparison.Ordinal)), schema.Single(t => t.Table.EndsWith("schema_history", StringComparison.Ordinal)));
    }

    private static async Task WaitForAnswersAsync(ConcurrentDictionary<string, (long Sent, long Answered)> sent, int count, List<Task> writers)
    {
        var watch = Stopwatch.StartNew();
        while (sent.Count(s => s.Value.Answered > 0) < count)
        {
            if (writers.FirstOrDefault(w => w.IsFaulted) is { } failed)
            {
                await failed;
            }

            Assert.True(watch.Elapsed < TimeSpan.FromMinutes(1), "The check-ins stopped being answered.");
            await Task.Delay(20, Token);
        }
    }
}
