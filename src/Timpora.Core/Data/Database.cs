using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Npgsql;

namespace Timpora.Core.Data;

public enum DatabaseProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>The "Database" configuration section: SQLite is the embedded default, PostgreSQL the production
/// database (several application instances may share one server).</summary>
public sealed class DatabaseOptions
{
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>For SQLite, defaults to a file in the data folder.</summary>
    public string? ConnectionString { get; set; }

    /// <summary>Seed the demo stories into an empty database. Unset, SQLite outside Production gets them (the
    /// README's run command); PostgreSQL, and any database in Production, only when this is set to true: the demo
    /// accounts share a published password.</summary>
    public bool? SeedDemoData { get; set; }

    public bool ShouldSeedDemoData(bool production) => SeedDemoData ?? (Provider == DatabaseProvider.Sqlite && !production);

    /// <summary>PostgreSQL only: a streaming replica of the primary that lists, reports, exports and dashboards
    /// read from (<see cref="ReportingDb"/>, ADR 0027). Unset, they read the primary.</summary>
    public string? ReplicaConnectionString { get; set; }

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString).AddInterceptors(SqliteConnectionSettings.Instance),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(WithAutoPrepare(connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        builder.UseSnakeCaseNamingConvention();
    }

    /// <summary>Npgsql prepares the statements a connection runs again and again (EF's queries have fixed texts),
    /// so the server parses and plans each once per connection; a connection string that sets
    /// <c>Max Auto Prepare</c> itself (0 turns it off, for a pooler in transaction mode) keeps its own value.</summary>
    internal static string WithAutoPrepare(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 100;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public static AppDbContext CreateContext(DatabaseProvider provider, string connectionString, Caller caller)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder, provider, connectionString);
        return new AppDbContext(builder.Options, caller, TimeProvider.System);
    }
}

/// <summary>Per-connection SQLite settings, set once on each native connection (the pool keeps them open): pages
/// read through a memory map rather than a read() call and a copy each; a larger page cache than the 2 MB
/// default; and a checkpoint of the write-ahead log every 10,000 pages (40 MB) instead of 1,000. The commit that
/// crosses the mark runs the checkpoint while holding the write lock, and a longer interval copies each hot page
/// (the right-hand leaves of time-ordered indexes, the trees' inner pages) once for many commits instead of once
/// for a few: under a flood of check-ins this raised the bench rate from about 1,900 to 2,080-2,300 a second (ADR 0019).</summary>
internal sealed class SqliteConnectionSettings : DbConnectionInterceptor
{
    public static readonly SqliteConnectionSettings Instance = new();

    private static readonly ConditionalWeakTable<object, object> Configured = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) =>
        Configure(connection);

    public override Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Configure(connection);
        return Task.CompletedTask;
    }

    private static void Configure(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Configured.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = "PRAGMA mmap_size = 1073741824; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 10000";
        command.ExecuteNonQuery();
        Configured.AddOrUpdate(handle, handle);
    }
}
