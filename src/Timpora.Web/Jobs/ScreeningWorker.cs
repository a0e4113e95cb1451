using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Screening;

namespace Timpora.Web.Jobs;

/// <summary>Every two seconds: refreshes this instance's lists if they changed, then, if this instance holds
/// the screening lease, screens the new guest reports, permits, findings and tips, and re-screens the people present against changed entries.</summary>
public sealed partial class ScreeningWorker(
    IServiceScopeFactory scopes, LiveWatchlist lists, TimeProvider clock, ILogger<ScreeningWorker> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    /// <summary>How often a round looks back the whole <see cref="ScreeningRuns.LookBack"/> for records committed
    /// late; the other batches look back <see cref="ScreeningRuns.RecentLookBack"/> only.</summary>
    public static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(1);

    private DateTimeOffset lastSweep = DateTimeOffset.MinValue;

    // The timer and a direct call in the same process share the holder name, so the lease alone cannot keep them apart.
    private readonly SemaphoreSlim running = new(1, 1);

    private readonly string holder = $"{Environment.ProcessId}/{Guid.NewGuid():N}";

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, clock);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception error) when (error is DbUpdateException or InvalidOperationException or TimeoutException)
            {
                LogFailure(logger, error);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    /// <summary>One round. Returns false when another instance held the lease.</summary>
    public async Task<bool> RunOnceAsync(CancellationToken cancellationToken)
    {
        if (!await running.WaitAsync(0, cancellationToken))
        {
            return false;
        }

        try
        {
            return await RunClaimedAsync(cancellationToken);
        }
        finally
        {
            running.Release();
        }
    }

    private async Task<bool> RunClaimedAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await using var db = new AppDbContext(scope.ServiceProvider.GetRequiredService<DbContextOptions<AppDbContext>>(), Caller.System, clock);
        await lists.EnsureCurrentAsync(db, cancellationToken);
        if (!await ScreeningRuns.ClaimAsync(db, holder, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return false;
        }

        try
        {
            var options = new ScreeningOptions { Clock = clock };
            var lookBack = ScreeningRuns.RecentLookBack;
            if (clock.GetUtcNow() - lastSweep >= SweepInterval)
            {
                lookBack = ScreeningRuns.LookBack;
                lastSweep = clock.GetUtcNow();
            }

            // Each batch renews the lease, so a long run is not taken over by another instance halfway. A batch that
            // was not full leaves the rest to the next round, two seconds on, which lets a flood of check-ins
            // gather into full batches.
            while (await ScreeningRuns.ScreenNewAsync(db, c => lists.EnsureCurrentAsync(db, c), options, clock.GetUtcNow().UtcDateTime, lookBack, cancellationToken) >= ScreeningRuns.BatchSize
                && await ScreeningRuns.ClaimAsync(db, holder, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                db.ChangeTracker.Clear();
                lookBack = ScreeningRuns.RecentLookBack;
            }

            db.ChangeTracker.Clear();
            while (await ScreeningRuns.RescreenChangesAsync(db, options, clock.GetUtcNow().UtcDateTime, cancellationToken) > 0
                && await ScreeningRuns.ClaimAsync(db, holder, clock.GetUtcNow().UtcDateTime, cancellationToken))
            {
                db.ChangeTracker.Clear();
            }
        }
        finally
        {
            await ScreeningRuns.ReleaseAsync(db, holder, CancellationToken.None);
        }

        return true;
    }

    /// <summary>Returns once everything saved before the call is screened, by this instance or by the one that
    /// held the lease: for tests and for the command line, which must not depend on the timer.</summary>
    public async Task ScreenPendingAsync(CancellationToken cancellationToken)
    {
        while (!await RunOnceAsync(cancellationToken))
        {
            await Task.Delay(TimeSpan.FromMilliseconds(100), clock, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Screening worker failed")]
    private static partial void LogFailure(ILogger logger, Exception error);
}
