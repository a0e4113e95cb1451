using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Api.V1;

/// <summary>Group commit for API check-ins: requests that arrive while a batch is being written wait for the
/// next one, and each batch is one transaction (one disk flush) through <see cref="GuestReporting.CheckInBatchAsync"/>.
/// Every request still gets its answer only after its report is committed. At low load a batch is one
/// request and nothing waits. Two writers take turns (ADR 0008): while one waits for its flush, the other
/// validates and resolves the next batch.</summary>
public sealed partial class CheckInBatcher(IServiceProvider services, IConfiguration configuration, TimeProvider clock, ILogger<CheckInBatcher> logger) : BackgroundService
{
    private const int MaxBatch = 1000;

    private readonly Channel<Pending> queue = Channel.CreateBounded<Pending>(new BoundedChannelOptions(20_000));

    public async Task<ReportOutcome> SubmitAsync(Guid providerId, Caller caller, CheckIn checkIn, CancellationToken cancellationToken)
    {
        var pending = new Pending(providerId, caller, checkIn, new TaskCompletionSource<ReportOutcome>(TaskCreationOptions.RunContinuationsAsynchronously));
        await queue.Writer.WriteAsync(pending, cancellationToken);
        return await pending.Done.Task.WaitAsync(cancellationToken);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var writers = Math.Max(1, configuration.GetValue("Timpora:CheckInWriters", 2));
        return Task.WhenAll(Enumerable.Range(0, writers).Select(_ => Task.Run(() => WriteAsync(stoppingToken), stoppingToken)));
    }

    private async Task WriteAsync(CancellationToken stoppingToken)
    {
        var options = services.GetRequiredService<DbContextOptions<AppDbContext>>();
        var batch = new List<Pending>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync(stoppingToken))
        {
            batch.Clear();
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            // One transaction per provider and key, so that the audit log names who reported each guest.
            foreach (var group in batch.GroupBy(p => (p.ProviderId, p.Caller.UserName)))
            {
                var items = group.ToList();
                try
                {
                    var caller = items[0].Caller;
                    await using var db = new AppDbContext(options, caller, clock);
                    var outcomes = await GuestReporting.CheckInBatchAsync(
                        db, group.Key.ProviderId, [.. items.Select(p => p.CheckIn)], ReportChannel.Api, clock.GetUtcNow().UtcDateTime, stoppingToken);
                    for (var i = 0; i < items.Count; i++)
                    {
                        items[i].Done.TrySetResult(outcomes[i]);
                    }
                }
                catch (Exception error) when (error is not OperationCanceledException)
                {
                    LogFailure(logger, items.Count, error);
                    items.ForEach(p => p.Done.TrySetException(error));
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A batch of {Count} API check-ins failed")]
    private static partial void LogFailure(ILogger logger, int count, Exception error);

    private sealed record Pending(Guid ProviderId, Caller Caller, CheckIn CheckIn, TaskCompletionSource<ReportOutcome> Done);
}
