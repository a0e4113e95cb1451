using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.GuestReports;

/// <summary>Stored API answers are only needed while a client may still retry the same request (ADR 0006);
/// after the retention period they are deleted, so the table stays the size of a few days' traffic.</summary>
public static class IdempotencyRetention
{
    public static readonly TimeSpan Default = TimeSpan.FromDays(7);

    public static Task<int> PruneAsync(AppDbContext db, DateTime nowUtc, TimeSpan retention, CancellationToken cancellationToken = default)
    {
        var cutoff = nowUtc - retention;
        return db.IdempotencyRecords.Where(r => r.CreatedUtc < cutoff).ExecuteDeleteAsync(cancellationToken);
    }
}
