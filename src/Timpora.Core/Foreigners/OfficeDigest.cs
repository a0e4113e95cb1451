using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Foreigners;

/// <summary>What the daily job told a Kanim on a day (office time): overstays, of which over 60 days, and
/// permits expiring within 30 days. Counts only; the lists stay behind the scope filter.</summary>
public sealed class OfficeDigest
{
    public int Id { get; set; }
    public int KanimId { get; set; }
    public DateOnly Day { get; set; }
    public int Overstays { get; set; }
    public int DeportationProposed { get; set; }
    public int Expiring { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public static class OfficeDigests
{
    /// <summary>Writes today's digest for every Kanim that has none yet for its own local day. Safe to run
    /// from several instances: the unique (Kanim, day) index lets only one write it.</summary>
    public static async Task<int> RunAsync(Func<DataScope, AppDbContext> contextFor, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        await using var system = contextFor(DataScope.Everything);
        var kanims = await system.Kanims.AsNoTracking().Select(k => new { k.Id, k.TimeZoneId }).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var kanim in kanims)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TimeZoneInfo.FindSystemTimeZoneById(kanim.TimeZoneId)));
            if (await system.OfficeDigests.AnyAsync(d => d.KanimId == kanim.Id && d.Day == today, cancellationToken))
            {
                continue;
            }

            // The office's own view of the register: the same scope a Kanim officer has.
            await using var office = contextFor(new DataScope(false, [kanim.Id], []));
            var overstays = await RegisterQueries.OverstaysAsync(office, today, cancellationToken);
            var expiring = await RegisterQueries.Expiring(office, today).CountAsync(cancellationToken);
            office.OfficeDigests.Add(new OfficeDigest
            {
                KanimId = kanim.Id,
                Day = today,
                Overstays = overstays.Count,
                DeportationProposed = overstays.Count(o => o.DeportationProposed),
                Expiring = expiring,
                CreatedUtc = nowUtc,
            });
            try
            {
                await office.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DbUpdateException)
            {
                // Another instance wrote this Kanim's digest for today first.
            }
        }

        return written;
    }
}
