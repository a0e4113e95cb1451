using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Timpora.Core.Accounts;
using Timpora.Core.Demo;

namespace Timpora.Tests.Account;

/// <summary>A failed sign-in costs one password verification whether the account exists, is locked or not: the
/// time of the answer must not tell which. Counted, not timed: the verification is the whole cost (one PBKDF2,
/// tens of milliseconds; a timed test on two shared cores would fail at random, ADR 0029).</summary>
public sealed class SignInCostTests(TestApp app)
{
    [Fact]
    public async Task SignIn_UnknownOrLockedAccount_VerifiesOnePasswordLikeAWrongOne()
    {
        var hasher = new CountingHasher();
        await using var host = app.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<AppUser>>(sp =>
            hasher.Wrapping(new PasswordHasher<AppUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())))));
        var real = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var locked = await app.CreateUserAsync("KanimOfficer", "Kupang");
        await using (var db = app.SystemDb())
        {
            await db.Users.Where(u => u.UserName == locked)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.LockoutEnd, DateTimeOffset.UtcNow.AddHours(1)), TestContext.Current.CancellationToken);
        }

        async Task<int> VerificationsFor(string user, string password)
        {
            var client = host.CreateClient(new() { AllowAutoRedirect = false });
            var before = hasher.Verifications;
            var response = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return hasher.Verifications - before;
        }

        Assert.Equal(1, await VerificationsFor(real, "Wrong-password-1!"));
        Assert.Equal(1, await VerificationsFor("nobody-" + Guid.NewGuid().ToString("N")[..8], DemoData.Password));
        Assert.Equal(1, await VerificationsFor(locked, DemoData.Password));
    }

    private sealed class CountingHasher : IPasswordHasher<AppUser>
    {
        private IPasswordHasher<AppUser> inner = null!;
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public CountingHasher Wrapping(IPasswordHasher<AppUser> hasher)
        {
            inner = hasher;
            return this;
        }

        public string HashPassword(AppUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(AppUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
