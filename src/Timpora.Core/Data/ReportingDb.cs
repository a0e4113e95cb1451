using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Timpora.Core.Data;

/// <summary>The context that lists, reports, exports and dashboards read: an <see cref="AppDbContext"/> with the same
/// scope filter on <c>Database:ReplicaConnectionString</c> when it is set, else on the primary. It tracks nothing and
/// refuses to save; a page that audits what it shows writes that entry through its primary context (ADR 0027).
/// A page takes it as <c>[FromKeyedServices(ReportingDb.Key)] AppDbContext reporting</c>. A replica lags the
/// primary, so what is read right after a save (a detail page, the page a form redirects to) stays on the primary.</summary>
public static class ReportingDb
{
    public const string Key = "reporting";

    public static IServiceCollection AddReportingDb(this IServiceCollection services, DatabaseOptions database, string primaryConnectionString)
    {
        var replica = string.IsNullOrWhiteSpace(database.ReplicaConnectionString) ? null : database.ReplicaConnectionString;
        if (replica is not null && database.Provider != DatabaseProvider.PostgreSql)
        {
            throw new InvalidOperationException(
                "Database:ReplicaConnectionString is for PostgreSQL only: SQLite has no replica. Remove the setting, or set Database:Provider to PostgreSql.");
        }

        services.AddKeyedSingleton(Key, (sp, _) => Options(sp.GetRequiredService<DbContextOptions<AppDbContext>>(), database.Provider, replica ?? primaryConnectionString));
        return services.AddKeyedScoped(Key, (sp, key) => new AppDbContext(
            sp.GetRequiredKeyedService<DbContextOptions<AppDbContext>>(key), sp.GetRequiredService<Func<Caller>>(), sp.GetRequiredService<TimeProvider>()));
    }

    /// <summary>The primary's options (its logging and caches, so one model serves both contexts) on the replica's
    /// connection string (SQLite: the same file), without tracking, refusing saves.</summary>
    public static DbContextOptions<AppDbContext> Options(DbContextOptions<AppDbContext> primary, DatabaseProvider provider, string connectionString)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>(primary);
        if (provider == DatabaseProvider.PostgreSql)
        {
            builder.UseNpgsql(DatabaseOptions.WithAutoPrepare(ReadOnly(connectionString)));
        }

        builder.UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking).AddInterceptors(RefusedSaves.Instance);
        return builder.Options;
    }

    // On the primary too (no replica set), the server refuses a write through this context's connections, as a
    // replica would: a read path that writes fails in every test run, not first in production.
    private static string ReadOnly(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        builder.Options = (builder.Options + " -c default_transaction_read_only=on").Trim();
        return builder.ConnectionString;
    }

    private sealed class RefusedSaves : SaveChangesInterceptor
    {
        public static readonly RefusedSaves Instance = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result) =>
            throw Refusal();

        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            throw Refusal();

        private static InvalidOperationException Refusal() => new(
            "The reporting context only reads (it may be a read-only replica); save through the primary AppDbContext (ADR 0027).");
    }
}
