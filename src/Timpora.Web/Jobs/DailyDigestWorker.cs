using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Web.Pages.Tips;

namespace Timpora.Web.Jobs;

/// <summary>Once a day for each Kanim (on its own local day), lists overstays and permits expiring within 30
/// days and tells the office on its home page, and by email to its officers when an SMTP server is configured
/// (<c>Timpora:Smtp</c>, sent through the outbox). Checks every 15 minutes so a restart never skips a day.</summary>
public sealed partial class DailyDigestWorker(IServiceProvider services, SmtpOptions smtp, TimeProvider clock, ILogger<DailyDigestWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(15), clock);
        do
        {
            try
            {
                var written = await OfficeDigests.RunAsync(
                    scope => new AppDbContext(options, new Caller(null, "daily-digest", null, scope), clock), clock.GetUtcNow().UtcDateTime, smtp.Enabled, stoppingToken);
                if (written > 0)
                {
                    LogWritten(logger, written);
                }
            }
            catch (Exception error) when (error is not OperationCanceledException)
            {
                LogFailure(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Daily digests written for {Count} Kanim")]
    private static partial void LogWritten(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Daily digest failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
