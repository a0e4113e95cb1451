using System.Net;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Accounts;
using Timpora.Core.Demo;

namespace Timpora.Tests.Account;

public sealed class SignInTests(TestApp app)
{
    [Fact]
    public async Task SignIn_WrongPasswordOrUnknownUser_SameGenericMessage()
    {
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");

        var wrongPassword = await SignInPageAfterAsync(user, "Wrong-password-1!");
        var unknownUser = await SignInPageAfterAsync("nobody-" + Guid.NewGuid().ToString("N")[..8], DemoData.Password);

        var message = wrongPassword.QuerySelector(".error-summary")!.TextContent.Trim();
        Assert.Contains("Gagal masuk", message, StringComparison.Ordinal);
        Assert.Equal(message, unknownUser.QuerySelector(".error-summary")!.TextContent.Trim());
    }

    [Fact]
    public async Task SignIn_FiveWrongPasswords_LocksTheAccountEvenForTheRightOne()
    {
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        for (var i = 0; i < 5; i++)
        {
            await SignInPageAfterAsync(user, "Wrong-password-1!");
        }

        var page = await SignInPageAfterAsync(user, DemoData.Password);

        Assert.Contains("Gagal masuk", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.True(await db.Users.Where(u => u.UserName == user).Select(u => u.LockoutEnd).SingleAsync(TestContext.Current.CancellationToken) > DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task SignIn_RoleRequiresTwoFactor_EnrolsThenAsksForTotpCode()
    {
        var token = TestContext.Current.CancellationToken;
        var user = await app.CreateUserAsync("Pimpasa", villages: ["53.18.09.2005"]);
        // A role of its own, so that tests running beside this one keep signing in without a second factor.
        await MarkWithTwoFactorRoleAsync(user);

        // First sign-in: only the enrolment page is reachable until an authenticator is set up.
        var client = await app.SignInAsync(user);
        var home = await client.GetAsync(new Uri("/Home", UriKind.Relative), token);
        Assert.Equal("/Account/Authenticator", home.Headers.Location!.ToString());
        var enrol = await TestApp.GetHtmlAsync(client, "/Account/Authenticator");
        var key = enrol.QuerySelector("[data-testid=authenticator-key]")!.TextContent.Trim();
        var done = await TestApp.PostFormAsync(client, "/Account/Authenticator", new() { ["Code"] = Totp(key) });
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/Home", UriKind.Relative), token)).StatusCode);

        // Next sign-in: the password leads to the code page, and the code to the home page.
        var second = app.Anonymous();
        var afterPassword = await TestApp.PostFormAsync(second, "/Account/SignIn", new() { ["Input.UserName"] = user, ["Input.Password"] = DemoData.Password });
        Assert.StartsWith("/Account/TwoFactor", afterPassword.Headers.Location!.ToString(), StringComparison.Ordinal);
        var wrong = await TestApp.PostFormAsync(second, "/Account/TwoFactor", new() { ["Code"] = "000000" });
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        var right = await TestApp.PostFormAsync(second, "/Account/TwoFactor", new() { ["Code"] = Totp(key) });
        Assert.Equal("/Home", right.Headers.Location!.ToString());
    }

    private async Task MarkWithTwoFactorRoleAsync(string userName)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<AppRole>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var role = new AppRole("TwoFactor" + Guid.NewGuid().ToString("N")[..8]) { RequiresTwoFactor = true };
        Assert.True((await roles.CreateAsync(role)).Succeeded);
        Assert.True((await users.AddToRoleAsync((await users.FindByNameAsync(userName))!, role.Name!)).Succeeded);
    }

    private async Task<AngleSharp.Html.Dom.IHtmlDocument> SignInPageAfterAsync(string user, string password)
    {
        var response = await TestApp.PostFormAsync(app.Anonymous(), "/Account/SignIn", new() { ["Input.UserName"] = user, ["Input.Password"] = password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await TestApp.HtmlAsync(response);
    }

    /// <summary>RFC 6238 TOTP (SHA-1, 30 s, 6 digits) from a base32 key, as an authenticator app computes it.</summary>
    private static string Totp(string base32Key)
    {
        var bits = string.Concat(base32Key.ToUpperInvariant().Where(c => c != '=' && c != ' ')
            .Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c, StringComparison.Ordinal), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var counter = BitConverter.GetBytes(DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30);
        if (BitConverter.IsLittleEndian)
        {
            Array.Reverse(counter);
        }

        var hash = HMACSHA1.HashData(key, counter);
        var offset = hash[^1] & 0x0F;
        var code = ((hash[offset] & 0x7F) << 24 | hash[offset + 1] << 16 | hash[offset + 2] << 8 | hash[offset + 3]) % 1_000_000;
        return code.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }
}
