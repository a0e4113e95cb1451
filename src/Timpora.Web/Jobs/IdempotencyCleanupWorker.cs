using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Jobs;

/// <summary>Every hour deletes stored Idempotency-Key answers older than <c>Timpora:IdempotencyRetentionDays</c>
/// (7 by default). Several instances may run it at once: the delete is idempotent.</summary>
public sealed partial class IdempotencyCleanupWorker(
    IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<IdempotencyCleanupWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var days = configuration.GetValue<double?>("Timpora:IdempotencyRetentionDays");
        var retention = days is > 0 ? TimeSpan.FromDays(days.Value) : IdempotencyRetention.Default;
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var db = new AppDbContext(options, new Caller(null, "idempotency-cleanup", null, DataScope.Everything), clock);
                var deleted = await IdempotencyRetention.PruneAsync(db, clock.GetUtcNow().UtcDateTime, retention, stoppingToken);
                if (deleted > 0)
                {
                    LogDeleted(logger, deleted);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailure(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} expired idempotency records")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Idempotency cleanup failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
