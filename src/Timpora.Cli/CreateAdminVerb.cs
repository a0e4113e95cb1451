using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Cli;

/// <summary><c>create-admin</c>: the first administrator of a database that has none, since a production start seeds
/// no account (no published password). The password is generated and printed once, or read from standard input.</summary>
public static class CreateAdminVerb
{
    private const string Usage = "Usage: create-admin --user NAME --email ADDRESS [--name \"Full name\"] [--password-stdin true] " + DatabaseTarget.Usage;

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        if (DatabaseTarget.Options(args, error, Usage) is not { } options || DatabaseTarget.From(options, error) is not { } target)
        {
            return 2;
        }

        if (!options.Remove("--user", out var userName) || !options.Remove("--email", out var email))
        {
            await error.WriteLineAsync(Usage);
            return 2;
        }

        var displayName = options.Remove("--name", out var name) ? name : userName;
        var fromInput = options.Remove("--password-stdin", out var stdin) && stdin == "true";
        if (options.Count > 0)
        {
            await error.WriteLineAsync($"Unknown option {options.Keys.First()}. {Usage}");
            return 2;
        }

        var password = fromInput ? (await input.ReadLineAsync())?.Trim() ?? "" : NewPassword();
        await using var db = DatabaseOptions.CreateContext(target.Provider, target.ConnectionString, Caller.System);
        await using (await StartupLock.AcquireAsync(target.Provider, target.ConnectionString))
        {
            await SchemaHistory.UpgradeAsync(db);
        }

        using var roles = new RoleManager<AppRole>(
            new RoleStore<AppRole, AppDbContext>(db), [new RoleValidator<AppRole>()], new UpperInvariantLookupNormalizer(),
            new IdentityErrorDescriber(), NullLogger<RoleManager<AppRole>>.Instance);
        if (!await roles.RoleExistsAsync(Roles.Administrator))
        {
            await roles.CreateAsync(new AppRole(Roles.Administrator));
        }

        using var users = new UserManager<AppUser>(
            new UserStore<AppUser, AppRole, AppDbContext>(db), Options.Create(Policy()), new PasswordHasher<AppUser>(),
            [new UserValidator<AppUser>()], [new PasswordValidator<AppUser>()], new UpperInvariantLookupNormalizer(),
            new IdentityErrorDescriber(), null!, NullLogger<UserManager<AppUser>>.Instance);
        if (await users.FindByNameAsync(userName) is not null)
        {
            await error.WriteLineAsync($"An account named '{userName}' already exists in {target.Describe()}; nothing was changed.");
            return 1;
        }

        var user = new AppUser { UserName = userName, Email = email, EmailConfirmed = true, DisplayName = displayName };
        var created = await users.CreateAsync(user, password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.Administrator);
        }

        if (!created.Succeeded)
        {
            await error.WriteLineAsync("The account was not created: " + string.Join(" ", created.Errors.Select(e => e.Description)));
            return 1;
        }

        await output.WriteLineAsync($"Administrator '{userName}' created in {target.Describe()}.");
        if (!fromInput)
        {
            await output.WriteLineAsync($"Password (shown once; keep it safe and sign in to use it): {password}");
        }

        return 0;
    }

    private static IdentityOptions Policy()
    {
        var options = new IdentityOptions();
        AccountRules.Apply(options);
        return options;
    }

    private static string NewPassword()
    {
        const string lower = "abcdefghijkmnopqrstuvwxyz", upper = "ABCDEFGHJKLMNPQRSTUVWXYZ", digits = "23456789", signs = "!#%+-=?@";
        const string all = lower + upper + digits + signs;
        var chars = new[] { lower, upper, digits, signs }.Select(set => set[RandomNumberGenerator.GetInt32(set.Length)])
            .Concat(Enumerable.Range(0, 16).Select(_ => all[RandomNumberGenerator.GetInt32(all.Length)])).ToArray();
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
