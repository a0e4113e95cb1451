using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Timpora.Core.Data;

namespace Timpora.Web.Platform;

/// <summary>Three probes (ADR 0029): <c>/health/live</c> says the process answers and touches nothing else, so a
/// database outage does not get every instance restarted; <c>/health/ready</c> says the database answers and has
/// every schema script this build ships, so the load balancer sends users only to instances that can serve them;
/// <c>/health</c> runs every check, as before.</summary>
public static class Health
{
    private const string Ready = "ready";

    public static void AddTimporaHealth(this IServiceCollection services) =>
        services.AddHealthChecks()
            .AddDbContextCheck<AppDbContext>("database", tags: [Ready])
            .AddCheck<SchemaCheck>("schema", tags: [Ready]);

    public static void MapTimporaHealth(this WebApplication app)
    {
        app.MapHealthChecks("/health").AllowAnonymous();
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(Ready) }).AllowAnonymous();
    }

    /// <summary>Unhealthy while the schema lacks a script of this build: an instance started beside an older one
    /// waits for the upgrade lock, and one of an older build than the database is not sent users either.</summary>
    private sealed class SchemaCheck(AppDbContext db, DatabaseOptions database) : IHealthCheck
    {
        public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
        {
            try
            {
                var applied = await db.Database.SqlQueryRaw<string>("SELECT version AS \"Value\" FROM schema_history").ToListAsync(cancellationToken);
                var missing = SchemaHistory.Scripts(database.Provider).Select(s => s.Version).Except(applied, StringComparer.Ordinal).ToList();
                return missing.Count == 0
                    ? HealthCheckResult.Healthy($"{applied.Count} schema scripts applied")
                    : HealthCheckResult.Unhealthy($"Schema scripts not applied yet: {string.Join(", ", missing)}");
            }
            catch (Exception e) when (e is System.Data.Common.DbException or InvalidOperationException)
            {
                return HealthCheckResult.Unhealthy("The schema history cannot be read.", e);
            }
        }
    }
}
