using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Accounts;
using Timpora.Core.Demo;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Tests.GuestReports;

/// <summary>Uniquely named providers, operators and check-ins for the guest-report tests.</summary>
internal static class ReportingData
{
    public static async Task<(Guid ProviderId, string Operator)> ProviderAsync(TestApp app, string village = "53.18.09.1004", ProviderStatus status = ProviderStatus.Approved)
    {
        await using var db = app.SystemDb();
        var regency = string.Join('.', village.Split('.').Take(2));
        var kanimId = await db.KanimWorkingAreas.Where(w => w.RegencyCode == regency).Select(w => w.KanimId).SingleAsync();
        var provider = new AccommodationProvider
        {
            Name = "Test Inn " + Guid.NewGuid().ToString("N")[..8],
            Kind = ProviderKind.Guesthouse,
            AreaCode = village,
            KanimId = kanimId,
            ContactName = "Front desk",
            Phone = "0812-1111-2222",
            Email = "inn@test.timpora",
            Status = status,
        };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();

        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "op" + Guid.NewGuid().ToString("N")[..10];
        var user = new AppUser { UserName = name, Email = name + "@test.timpora", DisplayName = name, ProviderId = provider.Id, KanimId = kanimId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ProviderOperator)).Succeeded);
        return (provider.Id, name);
    }

    /// <summary>Random letters: names may not contain digits.</summary>
    public static string Letters(int count) => string.Concat(Guid.NewGuid().ToString("N")[..count].Select(c => (char)('A' + (c % 26))));

    public static CheckIn Guest(DateTime nowUtc, string? passport = null) => new()
    {
        Surname = "TESTER",
        GivenNames = "GUEST " + Letters(6),
        Sex = Sex.Female,
        BirthDate = "1990-02-03",
        Nationality = "NLD",
        PassportNumber = passport ?? "NL" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant(),
        PassportExpiresOn = DateOnly.FromDateTime(nowUtc).AddYears(5),
        PermitKind = PermitKind.Itk,
        VisaIndexCode = "B1",
        PermitExpiresOn = DateOnly.FromDateTime(nowUtc).AddDays(25),
        CheckInUtc = nowUtc.AddHours(-2),
        Room = "7",
    };
}
