using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Core.Demo;

/// <summary>Accommodation providers and guests for the two stories: a hotel in Tambolaka and a surf villa in
/// Kodi (Sumba Barat Daya), a kos in Kota Metro (Lampung). The guests go through the real check-in code.</summary>
public static class DemoRegister
{
    public static async Task<Guid> SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(cancellationToken);
        var kalianda = await db.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).SingleAsync(cancellationToken);
        var hotel = Provider("Hotel Sinar Tambolaka", ProviderKind.Hotel, "53.18.09.1004", kupang, "Jl. Weetebula Raya 12", "9120001234567");
        var villa = Provider("Villa Ombak Kodi", ProviderKind.Villa, "53.18.07.2001", kupang, "Pantai Pero", "9120007654321");
        var kos = Provider("Kos Melati Metro", ProviderKind.Kos, "18.72.01.1001", kalianda, "Jl. Ahmad Yani 5", null);
        var pending = Provider("Losmen Pantai Kalianda", ProviderKind.Guesthouse, "18.01.04", kalianda, "Jl. Lintas Sumatera km 3", null);
        pending.Status = ProviderStatus.Pending;
        db.Providers.AddRange(hotel, villa, kos, pending);
        await db.SaveChangesAsync(cancellationToken);

        var today = DateOnly.FromDateTime(nowUtc);
        await CheckInAsync(db, villa.Id, new CheckIn
        {
            Surname = "MCKENZIE",
            GivenNames = "LIAM JAMES",
            Sex = Sex.Male,
            BirthDate = "1994-03-17",
            Nationality = "AUS",
            PassportNumber = "PA1234567",
            PassportExpiresOn = today.AddYears(6),
            PermitKind = PermitKind.Itk,
            VisaIndexCode = "B1",
            PermitExpiresOn = today.AddDays(20),
            CheckInUtc = nowUtc.AddDays(-10),
            PlannedDepartureUtc = nowUtc.AddDays(5),
            Room = "Bungalow 3",
            Purpose = "Surfing holiday",
        });
        await CheckInAsync(db, hotel.Id, new CheckIn
        {
            Surname = "ZHANG",
            GivenNames = "WEI",
            Sex = Sex.Male,
            BirthDate = "1981",
            Nationality = "CHN",
            PassportNumber = "EH7654321",
            PassportExpiresOn = today.AddYears(3),
            PermitKind = PermitKind.VisaFree,
            VisaIndexCode = "BVK",
            PermitExpiresOn = today.AddDays(-12),
            CheckInUtc = nowUtc.AddDays(-41),
            Room = "204",
            Purpose = "Visiting a cashew plantation",
        });
        await CheckInAsync(db, hotel.Id, new CheckIn
        {
            Surname = "OKAFOR",
            GivenNames = "CHINEDU",
            Sex = Sex.Male,
            BirthDate = "1988-11",
            Nationality = "NGA",
            PassportNumber = "A09876543",
            PassportExpiresOn = today.AddYears(2),
            PermitKind = PermitKind.Itk,
            VisaIndexCode = "B1",
            PermitExpiresOn = today.AddDays(-70),
            CheckInUtc = nowUtc.AddDays(-3),
            Room = "108",
            Purpose = "Business",
        });
        await CheckInAsync(db, kos.Id, new CheckIn
        {
            Surname = "PARK",
            GivenNames = "JI HOON",
            Sex = Sex.Male,
            BirthDate = "1990-07-02",
            Nationality = "KOR",
            PassportNumber = "M12345678",
            PassportExpiresOn = today.AddYears(4),
            PermitKind = PermitKind.Itk,
            VisaIndexCode = "D2",
            PermitExpiresOn = today.AddDays(25),
            CheckInUtc = nowUtc.AddDays(-4).AddHours(-6),
            Room = "Kamar 2",
            Purpose = "Business visit (says he supervises a factory line)",
        }, reportedUtc: nowUtc.AddDays(-2));
        return hotel.Id;
    }

    private static async Task CheckInAsync(AppDbContext db, Guid providerId, CheckIn checkIn, DateTime? reportedUtc = null)
    {
        // On time (three hours after arrival) unless the story says the report came late.
        var outcome = await GuestReporting.CheckInAsync(db, providerId, checkIn, ReportChannel.WebForm, reportedUtc ?? checkIn.CheckInUtc.AddHours(3));
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException("Demo check-in refused: " + string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }
    }

    private static AccommodationProvider Provider(string name, ProviderKind kind, string area, int kanimId, string street, string? businessNumber) => new()
    {
        Name = name,
        Kind = kind,
        AreaCode = area,
        KanimId = kanimId,
        Street = street,
        BusinessNumber = businessNumber,
        ContactName = "Resepsionis " + name,
        Phone = "0812-0000-0000",
        Email = "frontdesk@" + name.Replace(" ", "", StringComparison.Ordinal).ToLowerInvariant() + ".demo",
        Status = ProviderStatus.Approved,
        DecidedUtc = DateTime.UtcNow,
        DecidedBy = "demo",
    };
}
