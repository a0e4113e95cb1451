using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Demo;

namespace Timpora.Web.Platform;

public static class DatabaseStartup
{
    /// <summary>Upgrades the schema, loads or upgrades the area data, makes sure the roles exist and, where
    /// configured, seeds the demo stories and prints their accounts (<see cref="DatabasePreparation"/>).</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Timpora.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var clock = services.GetRequiredService<TimeProvider>();
        await using var db = new AppDbContext(services.GetRequiredService<DbContextOptions<AppDbContext>>(), Caller.System, clock);

        // The managers save through this context, so the demo accounts are in the demo seed's transaction.
        using var users = ActivatorUtilities.CreateInstance<UserManager<AppUser>>(services, new UserStore<AppUser, AppRole, AppDbContext>(db));
        using var roles = ActivatorUtilities.CreateInstance<RoleManager<AppRole>>(services, new RoleStore<AppRole, AppDbContext>(db));

        var options = services.GetRequiredService<DatabaseOptions>();
        var seedDemo = options.ShouldSeedDemoData(app.Environment.IsProduction());
        var areaFolder = app.Configuration["Timpora:AreaDataFolder"] ?? Path.Combine(AppContext.BaseDirectory, "AreaData");
        var outcome = await DatabasePreparation.PrepareAsync(
            db, users, roles, areaFolder, seedDemo, clock.GetUtcNow().UtcDateTime, app.Lifetime.ApplicationStopping);

        if (outcome.ScriptsApplied.Count > 0)
        {
            logger.LogInformation("Schema scripts applied: {Scripts}", string.Join(", ", outcome.ScriptsApplied));
        }

        if (outcome.AreasLoaded > 0)
        {
            logger.LogInformation("Areas loaded or renamed: {Count}", outcome.AreasLoaded);
        }

        if (outcome.DemoSeeded)
        {
            logger.LogInformation("Demo data seeded.");
        }

        if (seedDemo)
        {
            PrintDemoAccounts();
        }
        else if (!outcome.HasAdministrator)
        {
            // A production database starts with no account at all: no published password to guess.
            logger.LogWarning(
                "No administrator account exists yet. Create the first one with the same Database settings: " +
                "dotnet Timpora.Cli.dll create-admin --user <name> --email <address> (from source: dotnet run --project src/Timpora.Cli -- create-admin ...).");
        }
    }

    private static void PrintDemoAccounts()
    {
        Console.WriteLine();
        Console.WriteLine("Timpora demo accounts (password for all: {0})", DemoData.Password);
        foreach (var account in DemoData.Accounts)
        {
            Console.WriteLine("  {0,-18} {1,-18} {2}", account.UserName, account.Role, account.Description);
        }

        Console.WriteLine();
    }
}
