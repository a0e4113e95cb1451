using Timpora.Core.Files;

namespace Timpora.Web.Jobs;

/// <summary>Every hour deletes the staged tip photos whose time ran out: photos that came with a form sent back for
/// a correction and never sent again. Each is kept <c>Timpora:StagedPhotoRetentionHours</c> (24 by default) from the
/// time it came, so a reporter who comes back within that time still finds it. Several instances may run it at once.</summary>
public sealed partial class StagedPhotoCleanupWorker(
    IServiceScopeFactory scopes, TimeProvider clock, ILogger<StagedPhotoCleanupWorker> logger) : BackgroundService
{
    public static readonly TimeSpan DefaultRetention = TimeSpan.FromHours(24);

    public static TimeSpan RetentionOf(IConfiguration configuration) =>
        configuration.GetValue<double?>("Timpora:StagedPhotoRetentionHours") is double hours and > 0 ? TimeSpan.FromHours(hours) : DefaultRetention;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromHours(1), clock);
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var deleted = await scope.ServiceProvider.GetRequiredService<FileStore>().PruneStagedAsync(stoppingToken);
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
