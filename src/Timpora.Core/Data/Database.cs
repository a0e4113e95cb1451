using Microsoft.EntityFrameworkCore;

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
            DatabaseProvider.PostgreSql => builder.UseNpgsql(connectionString),
            _ => throw new ArgumentOutOfRangeException(nameof(provider)),
        };
        builder.UseSnakeCaseNamingConvention();
    }

    public static AppDbContext CreateContext(DatabaseProvider provider, string connectionString, Caller caller)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Configure(builder, provider, connectionString);
        return new AppDbContext(builder.Options, caller, TimeProvider.System);
    }
}
