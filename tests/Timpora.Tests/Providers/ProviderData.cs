using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Accounts;
using Timpora.Core.Demo;
using Timpora.Core.Providers;

namespace Timpora.Tests.Providers;

/// <summary>Uniquely named providers and keys for one test.</summary>
public static class ProviderData
{
    public const string TambolakaVillage = "53.18.09.1004";

    public static async Task<AccommodationProvider> AddAsync(
        TestApp app, ProviderStatus status = ProviderStatus.Approved, string kanim = "Kupang", string area = TambolakaVillage)
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains(kanim)).Select(k => k.Id).SingleAsync();
        var unique = Guid.NewGuid().ToString("N")[..10];
        var provider = new AccommodationProvider
        {
            Name = "Penginapan Uji " + unique,
            Kind = ProviderKind.Guesthouse,
            KanimId = kanimId,
            AreaCode = area,
            Street = "Jl. Uji " + unique,
            ContactName = "Kontak " + unique,
            Phone = "0812-0000-0000",
            Email = unique + "@provider.test",
            Status = status,
        };
        db.Providers.Add(provider);
        await db.SaveChangesAsync();
        return provider;
    }

    /// <summary>Returns the full key text, as the provider's system would hold it.</summary>
    public static async Task<string> AddKeyAsync(TestApp app, Guid providerId, string name = "PMS")
    {
        await using var db = app.SystemDb();
        var (_, token) = await ApiKeys.CreateAsync(db, providerId, name, "test", DateTime.UtcNow);
        return token;
    }

    /// <summary>An operator account of the provider, with a unique user name.</summary>
    public static async Task<string> AddOperatorAsync(TestApp app, Guid providerId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var name = "op" + Guid.NewGuid().ToString("N")[..12];
        var user = new AppUser { UserName = name, Email = name + "@provider.test", DisplayName = name, ProviderId = providerId };
        Assert.True((await users.CreateAsync(user, DemoData.Password)).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, Roles.ProviderOperator)).Succeeded);
        return name;
    }

    public static string NewPassportNumber() => "T" + Guid.NewGuid().ToString("N")[..8].ToUpperInvariant();
}
