using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Demo;
using Timpora.Core.Providers;

namespace Timpora.Tests.Providers;

/// <summary>A provider registers itself anonymously: the Kanim of its village gets it, Pending, with its operator.</summary>
public sealed class RegisterTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(string unique, string village = ProviderData.TambolakaVillage, string? password = null) => new()
    {
        ["Input.Name"] = "Homestay Uji " + unique,
        ["Input.Kind"] = nameof(ProviderKind.Guesthouse),
        ["Input.BusinessNumber"] = "9120001112223",
        ["Area.Pick"] = village,
        ["Input.Street"] = "Jl. Uji " + unique,
        ["Input.ContactName"] = "Pemilik " + unique,
        ["Input.Phone"] = "0812-3456-7890",
        ["Input.Email"] = unique + "@homestay.test",
        ["Input.UserName"] = "hs" + unique,
        ["Input.Password"] = password ?? DemoData.Password,
        ["Input.ConfirmPassword"] = password ?? DemoData.Password,
    };

    private static string Unique() => Guid.NewGuid().ToString("N")[..10];

    [Fact]
    public async Task Register_Valid_CreatesPendingProviderAndOperatorForTheVillagesKanim()
    {
        var unique = Unique();
        var client = app.Anonymous();

        var response = await TestApp.PostFormAsync(client, "/Providers/Register", Form(unique));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/Providers/Registered", response.Headers.Location!.ToString());
        var confirmation = await TestApp.GetHtmlAsync(client, "/Providers/Registered");
        Assert.Contains("Kupang", confirmation.QuerySelector("[data-testid=provider-registered]")!.TextContent, StringComparison.Ordinal);

        await using var db = app.SystemDb();
        var provider = await db.Providers.SingleAsync(p => p.Name == "Homestay Uji " + unique, Token);
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(Token);
        Assert.Equal(ProviderStatus.Pending, provider.Status);
        Assert.Equal(kupang, provider.KanimId);
        Assert.Equal(ProviderData.TambolakaVillage, provider.AreaCode);
        var user = await db.Users.SingleAsync(u => u.UserName == "hs" + unique, Token);
        Assert.Equal(provider.Id, user.ProviderId);
        Assert.Equal(kupang, user.KanimId);
        var role = await db.Roles.Where(r => r.Name == Roles.ProviderOperator).Select(r => r.Id).SingleAsync(Token);
        Assert.True(await db.UserRoles.AnyAsync(r => r.UserId == user.Id && r.RoleId == role, Token));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(AccommodationProvider) && a.EntityId == provider.Id.ToString(), Token));
    }

    [Fact]
    public async Task Register_ThenSignIn_HomeSaysWaitingForApproval()
    {
        var unique = Unique();
        await TestApp.PostFormAsync(app.Anonymous(), "/Providers/Register", Form(unique));

        var operatorClient = await app.SignInAsync("hs" + unique);
        var home = await TestApp.GetHtmlAsync(operatorClient, "/Home");

        Assert.Contains("Homestay Uji " + unique, home.QuerySelector("[data-testid=provider-notice]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Register_UnknownVillage_IsRefusedBesideTheArea()
    {
        var unique = Unique();

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(app.Anonymous(), "/Providers/Register", Form(unique, village: "53.18.09.9999")));

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-testid=area-error]")!.TextContent));
        await AssertNotCreatedAsync(unique);
    }

    [Fact]
    public async Task Register_VillageOutsideEveryKanim_SaysNoOfficeCoversIt()
    {
        var unique = Unique();
        string jakarta;
        await using (var db = app.SystemDb())
        {
            jakarta = await db.Areas.Where(a => a.Level == AreaLevel.Village && a.Code.StartsWith("31.")).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync(Token);
        }

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(app.Anonymous(), "/Providers/Register", Form(unique, village: jakarta)));

        Assert.Contains("Kantor Imigrasi", page.QuerySelector("[data-testid=area-error]")!.TextContent, StringComparison.Ordinal);
        await AssertNotCreatedAsync(unique);
    }

    [Fact]
    public async Task Register_WeakPassword_ShowsIdentityErrorsInBahasaIndonesia()
    {
        var unique = Unique();

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(app.Anonymous(), "/Providers/Register", Form(unique, password: "lemah")));

        var error = page.QuerySelector("[data-valmsg-for='Input.Password']")!.TextContent;
        Assert.Contains("Kata sandi", error, StringComparison.Ordinal);
        await AssertNotCreatedAsync(unique);
    }

    [Fact]
    public async Task Register_TakenUserName_IsRefusedAndCreatesNothing()
    {
        var unique = Unique();
        var form = Form(unique);
        form["Input.UserName"] = "hotel.tambolaka";

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(app.Anonymous(), "/Providers/Register", form));

        Assert.Contains("sudah dipakai", page.QuerySelector("[data-valmsg-for='Input.UserName']")!.TextContent, StringComparison.Ordinal);
        await AssertNotCreatedAsync(unique);
    }

    [Fact]
    public async Task Register_BadBusinessNumber_IsRefusedBesideTheField()
    {
        var unique = Unique();
        var form = Form(unique);
        form["Input.BusinessNumber"] = "12345";

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(app.Anonymous(), "/Providers/Register", form));

        Assert.Contains("13", page.QuerySelector("[data-valmsg-for='Input.BusinessNumber']")!.TextContent, StringComparison.Ordinal);
        await AssertNotCreatedAsync(unique);
    }

    [Fact]
    public async Task LandingPage_LinksToRegistration()
    {
        var landing = await TestApp.GetHtmlAsync(app.Anonymous(), "/");

        Assert.Equal("/Providers/Register", landing.QuerySelector("[data-testid=provider-register-link]")!.GetAttribute("href"));
    }

    private async Task AssertNotCreatedAsync(string unique)
    {
        await using var db = app.SystemDb();
        Assert.False(await db.Providers.AnyAsync(p => p.Name == "Homestay Uji " + unique, Token));
        Assert.False(await db.Users.AnyAsync(u => u.UserName == "hs" + unique, Token));
    }
}
