using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Api.V1;

/// <summary>Group commit for API check-ins: requests that arrive while a batch is being written wait for the
/// next one, and each batch is one transaction (one disk flush) through <see cref="GuestReporting.CheckInBatchAsync(AppDbContext, IReadOnlyList{ProviderCheckIn}, ReportChannel, DateTime, CancellationToken)"/>.
/// Every request still gets its answer only after its report is committed. At low load a batch is one
/// request and nothing waits. Two writers take turns (ADR 0008): while one waits for its flush, the other
/// validates and resolves the next batch. A batch mixes providers: the requests of many properties commit together.
/// On shutdown (SIGTERM) the queue closes to new requests, which are answered 503, and the writers commit everything
/// already queued before the host stops: hosted services stop in reverse order of registration, so the web server,
/// registered first, is still there to send those answers.</summary>
public sealed partial class CheckInBatcher(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<CheckInBatcher> logger) : BackgroundService
{
    private const int MaxBatch = 1000;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000));

    /// <returns>The outcome once committed, or null when the application is shutting down and took nothing.</returns>
    public async Task<ReportOutcome?> SubmitAsync(Guid providerId, Caller caller, CheckIn checkIn, CancellationToken cancellationToken)
    {
        var pending = new Pending(new ProviderCheckIn(providerId, caller, checkIn), new TaskCompletionSource<ReportOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        try
        {
            await queue.Writer.WriteAsync(pending, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            return null;
        }

        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    public override Task StopAsync(CancellationToken cancellationToken)
    {
        queue.Writer.TryComplete();
        return base.StopAsync(cancellationToken);
    }

    // The writers drain the queue until it is closed and empty: a request already queued is never dropped, and the
    // host's shutdown timeout (Timpora:ShutdownTimeoutSeconds) bounds how long that may take.
    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = Math.Max(1, configuration.GetValue("Timpora:CheckInWriters", 2));
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync, CancellationToken.None)));
    }

    private async Task WriteAsync()
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count == 0)
            {
                // The other writer took them.
                continue;
            }

            // One transaction for the whole batch, whichever properties' keys sent it: each report's audit entries
            // name its own key (ADR 0020).
            try
            {
                await using var db = new AppDbContext(options, batch[0].CheckIn.Reporter, clock);
                var outcomes = await GuestReporting.CheckInBatchAsync(
                    db, [.. batch.Select(p => p.CheckIn)], ReportChannel.Api, clock.GetUtcNow().UtcDateTime, CancellationToken.None);
                for (var i = 0; i < batch.Count; i++)
                {
                    batch[i].Done.TrySetResult(outcomes[i]);
                }
            }
            catch (Exception error)
            {
                LogFailure(logger, batch.Count, error);
                batch.ForEach(p => p.Done.TrySetException(error));
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} API check-ins failed")]
    private static partial void LogFailure(ILogger logger, int count, Exception error);

    private sealed record Pending(ProviderCheckIn CheckIn, TaskCompletionSource<ReportOutcome> Done);
}
