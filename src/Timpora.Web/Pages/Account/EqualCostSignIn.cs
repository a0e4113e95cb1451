using System.Security.Cryptography;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Timpora.Core.Accounts;

namespace Timpora.Web.Pages.Account;

/// <summary>Identity's sign-in, except that a user name nobody has, and an account that is locked, cost one password
/// verification like a wrong password does. Identity answers those two at once, without hashing, so the time of a
/// failed sign-in told whether the account exists (3-6 ms against 57-92 ms, issue 28); the message was already the
/// same (ADR 0029).</summary>
public sealed class EqualCostSignIn(
    UserManager<AppUser> users,
    IHttpContextAccessor http,
    IUserClaimsPrincipalFactory<AppUser> claims,
    IOptions<IdentityOptions> options,
    ILogger<SignInManager<AppUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<AppUser> confirmation)
    : SignInManager<AppUser>(users, http, claims, options, logger, schemes, confirmation)
{
    private static readonly AppUser Nobody = new() { UserName = "", DisplayName = "" };

    // One hash per process, made by the configured hasher, so its algorithm and iteration count are the real ones.
    private static string? nobodysHash;

    public override async Task<SignInResult> PasswordSignInAsync(string userName, string password, bool isPersistent, bool lockoutOnFailure)
    {
        var user = await UserManager.FindByNameAsync(userName);
        if (user is null)
        {
            VerifyForNothing(password);
            return SignInResult.Failed;
        }

        return await PasswordSignInAsync(user, password, isPersistent, lockoutOnFailure);
    }

    /// <summary>A locked account (or one not allowed to sign in) is refused before its password is checked.</summary>
    protected override async Task<SignInResult?> PreSignInCheck(AppUser user)
    {
        var refused = await base.PreSignInCheck(user);
        if (refused is not null)
        {
            VerifyForNothing("");
        }

        return refused;
    }

    /// <summary>A deactivated account signs in no more.</summary>
    public override async Task<bool> CanSignInAsync(AppUser user)
    {
        ArgumentNullException.ThrowIfNull(user);
        return user.DeactivatedUtc is null && await base.CanSignInAsync(user);
    }

    /// <summary>The cookie of a deactivated account is refused at the next check of its security stamp, even if the
    /// stamp were somehow unchanged.</summary>
    public override async Task<bool> ValidateSecurityStampAsync(AppUser? user, string? securityStamp) =>
        user is { DeactivatedUtc: null } && await base.ValidateSecurityStampAsync(user, securityStamp);

    /// <summary>Every completed sign-in (password, then second factor if any) is noted for the accounts list.</summary>
    public override async Task SignInWithClaimsAsync(AppUser user, Microsoft.AspNetCore.Authentication.AuthenticationProperties? authenticationProperties, IEnumerable<System.Security.Claims.Claim> additionalClaims)
    {
        ArgumentNullException.ThrowIfNull(user);
        user.LastSignInUtc = (Context.RequestServices.GetService<TimeProvider>() ?? TimeProvider.System).GetUtcNow().UtcDateTime;
        await UserManager.UpdateAsync(user);
        await base.SignInWithClaimsAsync(user, authenticationProperties, additionalClaims);
    }

    private void VerifyForNothing(string password)
    {
        var hasher = UserManager.PasswordHasher;
        nobodysHash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        _ = hasher.VerifyHashedPassword(Nobody, nobodysHash, password);
    }
}
