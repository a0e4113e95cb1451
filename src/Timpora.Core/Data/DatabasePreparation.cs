using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Demo;
using Timpora.Core.Permits;

namespace Timpora.Core.Data;

/// <summary>What a start does to the database, in order, under one <see cref="StartupLock"/>: the schema upgrade,
/// the area data, the permit reference data, the roles and, where asked, the demo stories. Each step is one
/// transaction that leaves all or nothing, and each is recognised as done by what it wrote, so a start that
/// was killed half-way is simply done again by the next one; a second instance waits and then finds it done.</summary>
public static class DatabasePreparation
{
    public sealed record Outcome(IReadOnlyList<string> ScriptsApplied, int AreasLoaded, bool DemoSeeded, bool HasAdministrator);

    /// <summary>Runs every step under the start-up lock. <paramref name="db"/> is a context of <see cref="Caller.System"/>;
    /// <paramref name="users"/> and <paramref name="roles"/> must save through it, so that the demo accounts share the
    /// demo seed's transaction.</summary>
    public static async Task<Outcome> PrepareAsync(
        AppDbContext db, UserManager<AppUser> users, RoleManager<AppRole> roles, string areaFolder, bool seedDemo,
        DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(roles);
        var provider = db.Database.IsNpgsql() ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite;
        await using var startup = await StartupLock.AcquireAsync(provider, db.Database.GetConnectionString()!, cancellationToken);

        var applied = await SchemaHistory.UpgradeAsync(db, cancellationToken);
        var areas = await AreaImporter.ImportAsync(db, areaFolder, cancellationToken);

        await InTransactionAsync(db, async () =>
        {
            await PermitReferenceData.EnsureAsync(db, cancellationToken);
            foreach (var role in Roles.All.Where(r => !db.Roles.Any(x => x.Name == r)).ToList())
            {
                Check(await roles.CreateAsync(new AppRole(role)));
            }

            return true;
        }, cancellationToken);

        var seeded = seedDemo && await InTransactionAsync(db, () => DemoData.SeedAsync(db, users, nowUtc, cancellationToken), cancellationToken);
        var hasAdministrator = (await users.GetUsersInRoleAsync(Roles.Administrator)).Count > 0;
        return new Outcome(applied, areas, seeded, hasAdministrator);
    }

    /// <summary>Commits what <paramref name="step"/> wrote when it says it did something; anything else (nothing to
    /// do, an exception, a cancelled start) rolls back and leaves the change tracker empty for the next step.</summary>
    private static async Task<bool> InTransactionAsync(AppDbContext db, Func<Task<bool>> step, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            if (!await step())
            {
                return false;
            }

            await transaction.CommitAsync(cancellationToken);
            return true;
        }
        finally
        {
            db.ChangeTracker.Clear();
        }
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
