using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.GuestReports;

/// <summary>How well each provider in the caller's scope reports: on time within 24 hours, and check-outs.</summary>
public sealed record ProviderCompliance(Guid ProviderId, string Provider, int Reports, int Late, int OpenPastDeparture)
{
    public double OnTimeRate => Reports == 0 ? 1 : (Reports - Late) / (double)Reports;
}

public static class Compliance
{
    public static async Task<IReadOnlyList<ProviderCompliance>> ByProviderAsync(AppDbContext db, DateTime fromUtc, DateTime toUtc, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var counts = await db.GuestReports.AsNoTracking()
            .Where(r => r.CheckInUtc >= fromUtc && r.CheckInUtc < toUtc)
            .GroupBy(r => r.ProviderId)
            .Select(g => new
            {
                ProviderId = g.Key,
                Reports = g.Count(),
                Late = g.Count(r => r.IsLate),
                Open = g.Count(r => r.CheckOutUtc == null && r.PlannedDepartureUtc != null && r.PlannedDepartureUtc < nowUtc),
            })
            .ToListAsync(cancellationToken);
        var providers = await db.Providers.AsNoTracking()
            .Where(p => p.Status == Providers.ProviderStatus.Approved)
            .Select(p => new { p.Id, p.Name })
            .ToListAsync(cancellationToken);
        return [.. providers
            .Select(p => counts.FirstOrDefault(c => c.ProviderId == p.Id) is { } c
                ? new ProviderCompliance(p.Id, p.Name, c.Reports, c.Late, c.Open)
                : new ProviderCompliance(p.Id, p.Name, 0, 0, 0))
            .OrderBy(c => c.OnTimeRate).ThenBy(c => c.Provider)];
    }
}
