using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Screening;

/// <summary>The screening lines of a foreigner's profile: each screening of a report, and each hit with its state.</summary>
public sealed record ProfileScreening(IReadOnlyList<PersonScreening> Screenings, IReadOnlyList<WatchlistHit> Hits)
{
    public static async Task<ProfileScreening> LoadAsync(AppDbContext db, Guid foreignerId, CancellationToken cancellationToken) => new(
        await db.PersonScreenings.AsNoTracking().Where(s => s.ForeignerId == foreignerId).OrderByDescending(s => s.ScreenedUtc).Take(10).ToListAsync(cancellationToken),
        await db.WatchlistHits.AsNoTracking().Where(h => h.ForeignerId == foreignerId).OrderByDescending(h => h.CreatedUtc).Take(20).ToListAsync(cancellationToken));
}
