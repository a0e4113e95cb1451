using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Tests.Foreigners;

/// <summary>Arranges uniquely named register data through the real check-in operation.</summary>
public sealed class RegisterData(TestApp app)
{
    public const string Tambolaka = "53.18.09.1004";
    public const string Metro = "18.72.01.1001";

    /// <summary>A name part no other test uses: letters only, as passports print them.</summary>
    public static string UniqueName(string prefix = "T") =>
        prefix + new string([.. Guid.NewGuid().ToString("N")[..10].Select(c => (char)('A' + Convert.ToInt32(c.ToString(), 16)))]);

    public static string UniquePassport() => "X" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    /// <summary>An approved provider of the Kanim named <paramref name="kanim"/> in <paramref name="areaCode"/>.</summary>
    public async Task<AccommodationProvider> ProviderAsync(string kanim = "Kupang", string areaCode = Tambolaka)
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id).SingleAsync();
        var provider = new AccommodationProvider
        {
            Name = "Penginapan " + UniqueName(),
            Kind = ProviderKind.Guesthouse,
            KanimId = kanimId,
            AreaCode = areaCode,
            ContactName = "Test",
            Phone = "0812-1111-2222",
            Email = Guid.NewGuid().ToString("N")[..8] + "@test.timpora",
            Status = ProviderStatus.Approved,
        };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider;
    }

    public async Task<GuestReport> CheckInAsync(AccommodationProvider provider, CheckIn checkIn)
    {
        await using var db = app.SystemDb();
        var outcome = await GuestReporting.CheckInAsync(db, provider.Id, checkIn, ReportChannel.WebForm, DateTime.UtcNow);
        Assert.True(outcome.Accepted, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.Report!;
    }

    /// <summary>A guest checked in two hours ago with a B1 permit expiring <paramref name="permitDays"/> days from today.</summary>
    public static CheckIn Guest(string surname, string givenNames = "ANNA MARIA", int permitDays = 20, string? passport = null, string nationality = "NZL", string birthDate = "1990-05-06") => new()
    {
        Surname = surname,
        GivenNames = givenNames,
        Sex = Sex.Female,
        BirthDate = birthDate,
        Nationality = nationality,
        PassportNumber = passport ?? UniquePassport(),
        PassportExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddYears(5),
        PermitKind = PermitKind.Itk,
        VisaIndexCode = "B1",
        PermitExpiresOn = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(permitDays),
        CheckInUtc = DateTime.UtcNow.AddHours(-2),
        Room = "7",
        Purpose = "Holiday",
    };

    public static DateOnly TodayUtc => DateOnly.FromDateTime(DateTime.UtcNow);

    public static AppDbContext Scoped(TestApp app, DataScope scope) =>
        DatabaseOptions.CreateContext(app.Provider, app.ConnectionString, new Caller(null, "test", null, scope));
}
