using System.Net.Mail;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Web.Pages.Tips;

namespace Timpora.Web.Jobs;

/// <summary>Sends the outbox's emails through the configured SMTP server (System.Net.Mail: MailKit does not restore
/// here). Requests only add rows; a slow or absent server delays mail, never a page. A failure is tried again later,
/// up to a few times.</summary>
public sealed partial class OutboxEmailWorker(IServiceProvider services, SmtpOptions smtp, TimeProvider clock, ILogger<OutboxEmailWorker> logger) : BackgroundService
{
    private const int MaxAttempts = 5;

    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!smtp.Enabled)
        {
            return;
        }

        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        using var timer = new PeriodicTimer(Interval, clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await SendDueAsync(options, stoppingToken);
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException or System.Data.Common.DbException)
            {
                LogFailure(logger, error);
            }
        }
    }

    private async Task SendDueAsync(DbContextOptions<AppDbContext> options, CancellationToken stoppingToken)
    {
        await using var db = new AppDbContext(options, new Caller(null, "outbox", null, DataScope.Everything), clock);
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.OutboxEmails.Where(m => m.SentUtc == null && m.Attempts < MaxAttempts && m.NextAttemptUtc <= now)
            .OrderBy(m => m.Id).Take(20).ToListAsync(stoppingToken);
        if (due.Count == 0)
        {
            return;
        }

        using var client = new SmtpClient(smtp.Host, smtp.Port) { DeliveryMethod = SmtpDeliveryMethod.Network, Timeout = 15_000 };
        foreach (var mail in due)
        {
            mail.Attempts++;
            try
            {
                using var message = new MailMessage(smtp.From, mail.To, mail.Subject, mail.Body);
                await client.SendMailAsync(message, stoppingToken);
                mail.SentUtc = clock.GetUtcNow().UtcDateTime;
                mail.LastError = null;
            }
            catch (Exception error) when (error is SmtpException or IOException or InvalidOperationException or FormatException)
            {
                mail.LastError = error.Message[..Math.Min(error.Message.Length, 1000)];
                mail.NextAttemptUtc = now + TimeSpan.FromMinutes(Math.Pow(2, mail.Attempts));
            }

            await db.SaveChangesAsync(stoppingToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox round failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
