using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Demo;
using Timpora.Core.Permits;

namespace Timpora.Web.Platform;

public static class DatabaseStartup
{
    /// <summary>Upgrades the schema, loads or upgrades the area data, makes sure the roles exist and, where
    /// configured, seeds the demo stories and prints their accounts.</summary>
    public static async Task PrepareDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Timpora.Startup");
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var db = new AppDbContext(
            services.GetRequiredService<DbContextOptions<AppDbContext>>(), Caller.System, services.GetRequiredService<TimeProvider>());

        var applied = await SchemaHistory.UpgradeAsync(db);
        if (applied.Count > 0)
        {
            logger.LogInformation("Schema scripts applied: {Scripts}", string.Join(", ", applied));
        }

        var areaFolder = app.Configuration["Timpora:AreaDataFolder"] ?? Path.Combine(AppContext.BaseDirectory, "AreaData");
        var loaded = await AreaImporter.ImportAsync(db, areaFolder);
        if (loaded > 0)
        {
            logger.LogInformation("Areas loaded or renamed: {Count}", loaded);
        }

        await PermitReferenceData.EnsureAsync(db);

        var roles = services.GetRequiredService<RoleManager<AppRole>>();
        foreach (var role in Roles.All.Where(r => !roles.Roles.Any(x => x.Name == r)).ToList())
        {
            await roles.CreateAsync(new AppRole(role));
        }

        var options = services.GetRequiredService<DatabaseOptions>();
        if (options.ShouldSeedDemoData && await DemoData.SeedAsync(db, services.GetRequiredService<UserManager<AppUser>>(), services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime))
        {
            logger.LogInformation("Demo data seeded.");
        }

        if (options.ShouldSeedDemoData)
        {
            PrintDemoAccounts();
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
