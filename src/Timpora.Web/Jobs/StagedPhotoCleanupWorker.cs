using Timpora.Web.Pages.Tips;

namespace Timpora.Web.Jobs;

/// <summary>Every hour deletes staged tip photos older than <c>Timpora:StagedPhotoRetentionHours</c> (24 by default):
/// photos that came with a form sent back for a correction and never sent again. A reporter who comes back to such
/// a form within the retention still finds them kept. Several instances may run it at once.</summary>
public sealed partial class StagedPhotoCleanupWorker(
    PhotoStore photos, IConfiguration configuration, TimeProvider clock, ILogger<StagedPhotoCleanupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    public static TimeSpan RetentionOf(IConfiguration configuration) =>
        configuration.GetValue<double?>("Timpora:StagedPhotoRetentionHours") is double hours and > 0 ? TimeSpan.FromHours(hours) : DefaultRetention;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var retention = RetentionOf(configuration);
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                var deleted = photos.PruneStaged(clock.GetUtcNow().UtcDateTime - retention);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Deleted {Count} staged tip photos never sent")]
    private static partial void LogDeleted(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Staged photo cleanup failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
