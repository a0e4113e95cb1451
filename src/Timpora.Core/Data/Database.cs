using Microsoft.EntityFrameworkCore;
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

    /// <summary>Seed the demo stories. On by default for SQLite; PostgreSQL gets demo data only when asked.</summary>
    public bool? SeedDemoData { get; set; }

    public bool ShouldSeedDemoData => SeedDemoData ?? Provider == DatabaseProvider.Sqlite;

    public static void Configure(DbContextOptionsBuilder builder, DatabaseProvider provider, string connectionString)
    {
        _ = provider switch
        {
            DatabaseProvider.Sqlite => builder.UseSqlite(connectionString),
            DatabaseProvider.PostgreSql => builder.UseNpgsql(WithAutoPrepare(connectionString)),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        builder.UseSnakeCaseNamingConvention();
    }

    /// <summary>Npgsql prepares the statements a connection runs again and again (EF's queries have fixed texts),
    /// so the server parses and plans each once per connection; a connection string that sets
    /// <c>Max Auto Prepare</c> itself (0 turns it off, for a pooler in transaction mode) keeps its own value.</summary>
    public static string WithAutoPrepare(string connectionString)
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
