using Timpora.Core.Data;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Jobs;

/// <summary>This instance's copy of the lists in the matcher's memory. Built at start and again whenever the
/// list version in the database differs from the one it was built from (every instance polls; see ADR 0010).</summary>
public sealed class LiveWatchlist
{
    private readonly SemaphoreSlim rebuilding = new(1, 1);

    public ListSnapshot Current { get; private set; } = ListSnapshot.Empty;

    public async Task<ListSnapshot> EnsureCurrentAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        var version = await ScreeningRuns.CurrentVersionAsync(db, cancellationToken);
        if (version == Current.Version && version.Length > 0)
        {
            return Current;
        }

        await rebuilding.WaitAsync(cancellationToken);
        try
        {
            if (version != Current.Version || version.Length == 0)
            {
                Current = await ScreeningRuns.LoadAsync(db, cancellationToken);
            }

            return Current;
        }
        finally
        {
            rebuilding.Release();
        }
    }
}
