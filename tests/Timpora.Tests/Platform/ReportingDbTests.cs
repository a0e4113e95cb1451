using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Demo;
using Timpora.Core.Watchlists;

namespace Timpora.Tests.Platform;

/// <summary>Lists, reports and exports read <see cref="ReportingDb"/>: the replica when one is set (ADR 0027).</summary>
public sealed class ReportingDbTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Save_OnReportingContext_IsRefusedAndWritesNothing()
    {
        var unique = "refused-" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReportingDb.Key);

        reporting.RecordAccess(AuditAction.Viewed, "ReplicaProbe", unique, null);

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => reporting.SaveChangesAsync(Token));
        Assert.Contains("primary", refused.Message, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.EntityId == unique, Token));
    }

    [Fact]
    public async Task Reporting_OnTheTestCommandsCluster_ReadsTheReplica()
    {
        await using var scope = app.Services.CreateAsyncScope();
        var reporting = scope.ServiceProvider.GetRequiredKeyedService<AppDbContext>(ReportingDb.Key);
        var primary = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        Assert.Same(primary.Model, reporting.Model);
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            // SQLite has no replica: the reporting context reads the same file.
            Assert.Equal(primary.Database.GetConnectionString(), reporting.Database.GetConnectionString());
            return;
        }

        // test.sh starts a streaming replica; on a server without one the reporting context reads the primary.
        Assert.Equal(app.ReplicaConnectionString is not null, await InRecoveryAsync(reporting));
        Assert.False(await InRecoveryAsync(primary));
        var database = new NpgsqlConnectionStringBuilder(reporting.Database.GetConnectionString()).Database;
        Assert.Equal(new NpgsqlConnectionStringBuilder(app.ConnectionString).Database, database);
    }

    [Fact]
    public async Task ListAndExport_WithReplicaSet_ReadTheReplicaAndAuditOnThePrimary()
    {
        if (app.Provider == DatabaseProvider.Sqlite)
        {
            return; // Refused on SQLite: see Start_SqliteWithReplica_IsRefused.
        }

        // A stand-in for the replica: a database of its own whose rows the primary does not have.
        var unique = "REPLICA" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        var standIn = TestApp.NewPostgresDatabase("timpora_replica");
        await using (var replica = DatabaseOptions.CreateContext(DatabaseProvider.PostgreSql, standIn, Caller.System))
        {
            await SchemaHistory.UpgradeAsync(replica, Token);
            await replica.Database.OpenConnectionAsync(Token);
            // The hit's entry, list and office exist on the primary only; the stand-in skips foreign-key checks.
            await replica.Database.ExecuteSqlRawAsync("SET session_replication_role = replica", Token);
            replica.Add(new WatchlistHit
            {
                SubjectId = Guid.NewGuid(),
                EntryId = Guid.NewGuid(),
                WatchlistCode = "DPO",
                ScreenedName = unique,
                MatchedName = unique,
                Explanation = "",
                Score = 0.97,
                KanimId = 1,
                AreaCode = "53.18",
            });
            replica.RecordAccess(AuditAction.Viewed, "ReplicaProbe", unique, null);
            await replica.SaveChangesAsync(Token);
        }

        await using (var db = app.SystemDb())
        {
            db.RecordAccess(AuditAction.Viewed, "ReplicaProbe", unique + "-PRIMARY", null);
            await db.SaveChangesAsync(Token);
        }

        await using var host = app.WithWebHostBuilder(b => b.UseSetting("Database:ReplicaConnectionString", standIn));
        var client = host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var signIn = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = "admin", ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);

        var fromReplica = await TestApp.GetHtmlAsync(client, $"/Audit?record={unique}");
        Assert.Contains(unique, fromReplica.Body!.TextContent, StringComparison.Ordinal);
        var primaryOnly = await TestApp.GetHtmlAsync(client, $"/Audit?record={unique}-PRIMARY");
        Assert.DoesNotContain(unique + "-PRIMARY", primaryOnly.QuerySelector("table")?.TextContent ?? "", StringComparison.Ordinal);
        var queue = await TestApp.GetHtmlAsync(client, $"/Screening?q={unique}");
        Assert.Contains(unique, queue.Body!.TextContent, StringComparison.Ordinal);

        var export = await client.GetAsync(new Uri($"/Screening?handler=Export&format=csv&q={unique}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        Assert.Contains(unique, await export.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await using var check = app.SystemDb();
        var audit = await check.AuditEntries.SingleAsync(a => a.Action == AuditAction.Exported && a.Reason!.Contains(unique), Token);
        Assert.Equal("export:screening-hits:1", audit.EntityId);
    }

    [Fact]
    public async Task Start_SqliteWithReplica_IsRefused()
    {
        var folder = Directory.CreateTempSubdirectory("timpora-replica-").FullName;
        await using var host = app.WithWebHostBuilder(b => b
            .UseSetting("Database:Provider", nameof(DatabaseProvider.Sqlite))
            .UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "timpora.db")}")
            .UseSetting("Database:ReplicaConnectionString", "Host=127.0.0.1;Database=timpora"));

        var refused = Assert.ThrowsAny<Exception>(() => host.Services);

        Assert.Contains("Database:ReplicaConnectionString is for PostgreSQL only", refused.ToString(), StringComparison.Ordinal);
        Directory.Delete(folder, recursive: true);
    }

    private static async Task<bool> InRecoveryAsync(AppDbContext db) =>
        await db.Database.SqlQueryRaw<bool>("SELECT pg_is_in_recovery() AS \"Value\"").SingleAsync(Token);
}
