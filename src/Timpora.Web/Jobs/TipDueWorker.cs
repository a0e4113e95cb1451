using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Tips;
using Timpora.Web.Pages.Tips;

namespace Timpora.Web.Jobs;

/// <summary>Every few minutes, tells the officers (in the app, and by email where SMTP is set) which of their tips
/// are due within a day or overdue. Each notice is given once, so several instances may run it.</summary>
public sealed partial class TipDueWorker(IServiceProvider services, SmtpOptions smtp, TimeProvider clock, ILogger<TipDueWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(5), clock);
        do
        {
            try
            {
                await using var db = new AppDbContext(options, new Caller(null, "tip-due", null, DataScope.Everything), clock);
                var added = await TipNotices.ScanDueAsync(db, clock.GetUtcNow().UtcDateTime, smtp.Enabled, stoppingToken);
                if (added > 0)
                {
                    LogAdded(logger, added);
                }
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                // A unique index refuses a notice another instance gave at the same moment; the next round is clean.
                LogFailure(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Tip due notices added: {Count}")]
    private static partial void LogAdded(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Tip due scan failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
