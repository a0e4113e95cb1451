using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Permits;

namespace Timpora.Core.Foreigners;

/// <summary>A person's current stay permit as the office lists it.</summary>
public sealed record PermitRow(
    Guid PermitId, Guid ForeignerId, string Surname, string GivenNames, string Nationality, int KanimId, string AreaCode,
    PermitKind Kind, string? VisaIndexCode, DateOnly ExpiresOn);

/// <summary>An expired permit with what the overstay amounts to today (Pasal 78).</summary>
public sealed record OverstayRow(PermitRow Permit, int Days, long Charge, bool DeportationProposed);

/// <summary>A guest checked in and not yet checked out.</summary>
public sealed record PresentRow(
    Guid ReportId, Guid ForeignerId, string Surname, string GivenNames, string Nationality, string ProviderName, string? Room,
    DateTime CheckInUtc, DateTime? PlannedDepartureUtc, int KanimId, string AreaCode, string ReceiptNumber);

/// <summary>The register's lists shared by the office's pages and the daily job: overstays, permits about to
/// expire, who is present. Every query goes through the caller's scope filter.</summary>
public static class RegisterQueries
{
    public const int ExpiringWithinDays = 30;

    /// <summary>Active permits that are a person's latest (no permit expiring later) and expired before today,
    /// longest overstay first.</summary>
    public static IQueryable<PermitRow> Overstayed(AppDbContext db, DateOnly today) =>
        Latest(db, p => p.ExpiresOn < today);

    /// <summary>Latest active permits expiring from today to <paramref name="days"/> days on, soonest first.</summary>
    public static IQueryable<PermitRow> Expiring(AppDbContext db, DateOnly today, int days = ExpiringWithinDays)
    {
        var until = today.AddDays(days);
        return Latest(db, p => p.ExpiresOn >= today && p.ExpiresOn <= until);
    }

    public static async Task<IReadOnlyList<OverstayRow>> OverstaysAsync(AppDbContext db, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rows = await Overstayed(db, today).ToListAsync(cancellationToken);
        return await ChargeAsync(db, rows, today, cancellationToken);
    }

    public static async Task<IReadOnlyList<PermitRow>> ExpiringAsync(AppDbContext db, DateOnly today, int days = ExpiringWithinDays, CancellationToken cancellationToken = default) =>
        await Expiring(db, today, days).ToListAsync(cancellationToken);

    /// <summary>Days and charge of each expired permit, at the rates in force on each day.</summary>
    public static async Task<IReadOnlyList<OverstayRow>> ChargeAsync(AppDbContext db, IEnumerable<PermitRow> rows, DateOnly today, CancellationToken cancellationToken = default)
    {
        var rates = await db.OverstayRates.AsNoTracking().ToListAsync(cancellationToken);
        return [.. rows.Select(r => Overstay.On(r.ExpiresOn, today, rates) is { } o
            ? new OverstayRow(r, o.Days, o.Charge, o.DeportationProposed)
            : new OverstayRow(r, 0, 0, false))];
    }

    /// <summary>Guests checked in by <paramref name="nowUtc"/> without a check-out, in an area and below it.</summary>
    public static IQueryable<PresentRow> Present(AppDbContext db, DateTime nowUtc, string? areaCode = null)
    {
        var reports = db.GuestReports.AsNoTracking().Where(r => r.CheckInUtc <= nowUtc && r.CheckOutUtc == null);
        if (!string.IsNullOrWhiteSpace(areaCode))
        {
            var below = areaCode + ".";
            reports = reports.Where(r => r.AreaCode == areaCode || r.AreaCode.StartsWith(below));
        }

        return reports
            .OrderByDescending(r => r.CheckInUtc)
            .Select(r => new PresentRow(
                r.Id, r.ForeignerId, r.Surname, r.GivenNames, r.Nationality,
                db.Providers.Where(p => p.Id == r.ProviderId).Select(p => p.Name).FirstOrDefault() ?? "",
                r.Room, r.CheckInUtc, r.PlannedDepartureUtc, r.KanimId, r.AreaCode, r.ReceiptNumber));
    }

    // Filters and order come before the projection: EF cannot translate members of a positional record.
    private static IQueryable<PermitRow> Latest(AppDbContext db, Expression<Func<StayPermit, bool>> expiry) =>
        from p in db.StayPermits.AsNoTracking().Where(expiry)
        join f in db.Foreigners.AsNoTracking() on p.ForeignerId equals f.Id
        where p.Status == PermitStatus.Active
            && !db.StayPermits.Any(later => later.ForeignerId == p.ForeignerId && later.Status != PermitStatus.Cancelled && later.ExpiresOn > p.ExpiresOn)
        orderby p.ExpiresOn, f.Surname
        select new PermitRow(
            p.Id, f.Id, f.Surname, f.GivenNames, f.Nationality, f.KanimId, f.AreaCode,
            p.Kind, p.VisaIndex == null ? null : p.VisaIndex.Code, p.ExpiresOn);
}
