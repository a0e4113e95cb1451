using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Jobs;

/// <summary>Runs queued bulk check-in files. Any instance may take a file: the claim is an atomic update, so
/// several instances on one PostgreSQL server never run the same file twice.</summary>
public sealed partial class BulkImportWorker(
    IServiceScopeFactory scopes, TimeProvider clock, IStringLocalizer<SharedResource> t, ILogger<BulkImportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), clock);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                while (await RunNextAsync(stoppingToken))
                {
                }
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                LogFailure(logger, error);
            }
        }
    }

    private async Task<bool> RunNextAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), Caller.System, clock);
        if (await BulkImporting.ClaimNextAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken) is not { } id)
        {
            return false;
        }

        var culture = await db.BulkImports.Where(b => b.Id == id).Select(b => b.Culture).FirstAsync(cancellationToken);
        // The reasons in the result file are in the language (and number format) of the person who uploaded it.
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);
        try
        {
            await BulkImporting.RunAsync(db, id, Describe, clock, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: each chunk is its own transaction, so the rows before the one in flight are committed and
            // that one is rolled back. The file is not left "running" for ever; the operator sees where it stopped.
            db.ChangeTracker.Clear();
            await db.BulkImports.Where(b => b.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BulkStatus.Failed)
                .SetProperty(b => b.FinishedUtc, clock.GetUtcNow().UtcDateTime)
                .SetProperty(b => b.Error, "The service restarted while this file was processed; the rows counted as processed were kept. Upload the remaining rows again."), CancellationToken.None);
            throw;
        }
        catch (Exception error) when (error is not OperationCanceledException)
        {
            // One broken file must not stop the worker (nor, by default, the host) for everyone else.
            LogFailure(logger, error);
            db.ChangeTracker.Clear();
            await db.BulkImports.Where(b => b.Id == id).ExecuteUpdateAsync(s => s
                .SetProperty(b => b.Status, BulkStatus.Failed)
                .SetProperty(b => b.Error, "The file could not be processed; the rows before the failure were kept."), cancellationToken);
        }

        return true;
    }

    private string Describe(ReportProblem problem) => t["Report." + problem.Code, [.. problem.Arguments ?? []]] switch
    {
        { ResourceNotFound: true } => problem.Message,
        var text when problem.Field.Length == 0 => text.Value,
        var text => $"{problem.Field}: {text}",
    };

    [LoggerMessage(Level = LogLevel.Error, Message = "Bulk import worker failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
