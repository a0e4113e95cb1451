using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;

namespace Timpora.Tests.Admin;

/// <summary>Accounts at /Admin/Users: who may manage which, the one-time password link, deactivation.</summary>
public sealed class AccountsTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<string> OfficeAdministratorAsync(string role, string kanim)
    {
        var name = await app.CreateUserAsync(role, kanim);
        await using var db = app.SystemDb();
        var user = await db.Users.SingleAsync(u => u.UserName == name, Token);
        user.IsOfficeAdministrator = true;
        if (role == Roles.KanwilSupervisor)
        {
            user.KanimId = null;
        }

        await db.SaveChangesAsync(Token);
        return name;
    }

    private static Dictionary<string, string> Account(string userName, string role, int? kanimId, bool flag = false, int? kanwilId = null) => new()
    {
        ["Input.UserName"] = userName,
        ["Input.DisplayName"] = "Petugas " + userName,
        ["Input.Email"] = userName + "@test.timpora",
        ["Input.Role"] = role,
        ["Input.KanimId"] = kanimId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.KanwilId"] = kanwilId?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "",
        ["Input.IsOfficeAdministrator"] = flag ? "true" : "false",
        ["Input.Reason"] = "pegawai baru",
    };

    private async Task<int> KanimIdAsync(string name)
    {
        await using var db = app.SystemDb();
        return await db.Kanims.Where(k => k.Name.Contains(name)).Select(k => k.Id).SingleAsync(Token);
    }

    private static string NewName() => "n" + Guid.NewGuid().ToString("N")[..10];

    [Theory]
    [InlineData(Roles.KanimOfficer, false)]
    [InlineData(Roles.PartnerMember, false)]
    [InlineData(Roles.Pimpasa, false)]
    [InlineData(Roles.NationalSupervisor, false)]
    [InlineData(Roles.KanimOfficer, true)]
    public async Task AccountsPages_OutsideAdministration_AreRefused(string role, bool otherOfficeAdmin)
    {
        var name = otherOfficeAdmin ? await OfficeAdministratorAsync(Roles.KanimOfficer, "Kalianda") : await app.CreateUserAsync(role, "Kupang");
        var client = await app.SignInAsync(name);
        string kupangOfficerId;
        await using (var db = app.SystemDb())
        {
            kupangOfficerId = await db.Users.Where(u => u.UserName == "kupang").Select(u => u.Id).SingleAsync(Token);
        }

        if (otherOfficeAdmin)
        {
            // Another office's account is not there for this administrator, by GET or POST.
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/Admin/Users/Detail/" + kupangOfficerId, UriKind.Relative), Token)).StatusCode);
            var list = await TestApp.GetHtmlAsync(client, "/Admin/Users?q=kupang");
            Assert.DoesNotContain(list.QuerySelectorAll("[data-testid=accounts] td a"), a => a.TextContent == "kupang");
            return;
        }

        foreach (var url in new[] { "/Admin/Users", "/Admin/Users/New", "/Admin/Users/Detail/" + kupangOfficerId })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{url}: {(int)response.StatusCode}");
            Assert.DoesNotContain("/Admin/Users", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task OfficeAdministrator_OtherOfficeOrAdministratorOrOwnLevelFlag_IsRefused()
    {
        var client = await app.SignInAsync(await OfficeAdministratorAsync(Roles.KanimOfficer, "Kupang"));
        var kupang = await KanimIdAsync("Kupang");
        var kalianda = await KanimIdAsync("Kalianda");

        foreach (var (form, message) in new[]
        {
            (Account(NewName(), Roles.KanimOfficer, kalianda), "kantor Anda sendiri"),
            (Account(NewName(), Roles.Administrator, null), "kantor Anda sendiri"),
            (Account(NewName(), Roles.KanimOfficer, kupang, flag: true), "atasan Anda"),
        })
        {
            var userName = form["Input.UserName"];
            var response = await TestApp.PostFormAsync(client, "/Admin/Users/New", form);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var errors = string.Join(" | ", (await TestApp.HtmlAsync(response)).QuerySelectorAll(".field-error").Select(e => e.TextContent));
            Assert.Contains(message, errors, StringComparison.Ordinal);
            await using var db = app.SystemDb();
            Assert.False(await db.Users.AnyAsync(u => u.UserName == userName, Token));
        }

        // Inside its own office and below its level it may.
        var allowed = NewName();
        var created = await TestApp.PostFormAsync(client, "/Admin/Users/New", Account(allowed, Roles.KanimOfficer, kupang));
        Assert.NotNull((await TestApp.HtmlAsync(created)).QuerySelector("[data-testid=link]"));
    }

    [Fact]
    public async Task KanwilOfficeAdministrator_ChangingAnotherKanwilsAccount_IsNotFound()
    {
        var client = await app.SignInAsync(await OfficeAdministratorAsync(Roles.KanwilSupervisor, "Kalianda"));
        string id;
        await using (var db = app.SystemDb())
        {
            id = await db.Users.Where(u => u.UserName == "kupang").Select(u => u.Id).SingleAsync(Token);
        }

        var own = await TestApp.GetHtmlAsync(client, "/Admin/Users");
        var response = await client.PostAsync(new Uri($"/Admin/Users/Detail/{id}?handler=Deactivate", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["ActionReason"] = "x",
                ["__RequestVerificationToken"] = own.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "",
            }), Token);
        Assert.NotEqual(HttpStatusCode.Redirect, response.StatusCode);
        await using var check = app.SystemDb();
        Assert.Null(await check.Users.Where(u => u.Id == id).Select(u => u.DeactivatedUtc).SingleAsync(Token));
    }

    [Fact]
    public async Task NewAccount_OneTimeLink_SetsThePasswordOnceAndIsAudited()
    {
        var admin = await app.SignInAsync("admin");
        var name = NewName();
        var response = await TestApp.PostFormAsync(admin, "/Admin/Users/New", Account(name, Roles.KanimOfficer, await KanimIdAsync("Kupang")));
        var link = (await TestApp.HtmlAsync(response)).QuerySelector("[data-testid=link]")?.TextContent.Trim();
        Assert.NotNull(link);
        var path = new Uri(link).PathAndQuery;

        var person = app.Anonymous();
        var set = await TestApp.PostFormAsync(person, path, new() { ["Input.Password"] = "Kupang-Baru-2026!", ["Input.Confirm"] = "Kupang-Baru-2026!" });
        Assert.Equal(HttpStatusCode.Redirect, set.StatusCode);
        await app.SignInAsync(name, "Kupang-Baru-2026!");

        // The same link again: refused.
        var again = await TestApp.GetHtmlAsync(app.Anonymous(), path);
        Assert.NotNull(again.QuerySelector("[data-testid=link-refused]"));
        // An altered token: refused.
        var altered = await TestApp.GetHtmlAsync(app.Anonymous(), path[..^4] + "AAAA");
        Assert.NotNull(altered.QuerySelector("[data-testid=link-refused]"));

        await using var db = app.SystemDb();
        var id = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync(Token);
        var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == nameof(AppUser) && a.EntityId == id && a.Action == AuditAction.Created, Token);
        Assert.Equal("admin", entry.UserName);
        Assert.Equal("pegawai baru", entry.Reason);
        Assert.DoesNotContain("PasswordHash", entry.Changes ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public void PasswordLink_Lifespan_Is72Hours()
    {
        var options = app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<DataProtectionTokenProviderOptions>>().Value;
        Assert.Equal(TimeSpan.FromHours(72), options.TokenLifespan);
    }

    [Fact]
    public async Task LastActiveAdministrator_CannotBeDeactivatedOrDemoted()
    {
        await app.CreateUserAsync(Roles.Administrator);
        await using var db = app.SystemDb();
        Assert.False(await AccountAdministration.IsLastActiveAdministratorAsync(db, (await db.Users.SingleAsync(u => u.UserName == "admin", Token)).Id, Token));
        // Every other administrator deactivated in this check only (a transaction rolled back): the demo admin is last.
        await using var transaction = await db.Database.BeginTransactionAsync(Token);
        var adminRole = await db.Roles.Where(r => r.Name == Roles.Administrator).Select(r => r.Id).SingleAsync(Token);
        var others = await db.Users.Where(u => u.UserName != "admin" && db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == adminRole)).ToListAsync(Token);
        others.ForEach(u => u.DeactivatedUtc = DateTime.UtcNow);
        await db.SaveChangesAsync(Token);
        Assert.True(await AccountAdministration.IsLastActiveAdministratorAsync(db, (await db.Users.SingleAsync(u => u.UserName == "admin", Token)).Id, Token));
        await transaction.RollbackAsync(Token);
    }

    [Fact]
    public void OfficeAdministrator_Grants_NothingAboveOwnLevel()
    {
        var kanim = AccountAdministration.For(new AccountPlace(Roles.KanimOfficer, 1, 10, true));
        Assert.True(kanim.MayGrant(new AccountPlace(Roles.Pimpasa, 1, 10, false)));
        Assert.True(kanim.MayGrant(new AccountPlace(Roles.KanimOfficer, 1, 10, false)));
        Assert.False(kanim.MayGrant(new AccountPlace(Roles.KanimOfficer, 1, 10, true)));
        Assert.False(kanim.MayGrant(new AccountPlace(Roles.KanwilSupervisor, 1, null, false)));
        Assert.False(kanim.MayGrant(new AccountPlace(Roles.Administrator, null, null, false)));
        Assert.False(kanim.MayGrant(new AccountPlace(Roles.KanimOfficer, 1, 11, false)));
        Assert.False(kanim.Manages(new AccountPlace(Roles.KanimOfficer, 1, 10, true)));
        var kanwil = AccountAdministration.For(new AccountPlace(Roles.KanwilSupervisor, 1, null, true));
        Assert.True(kanwil.MayGrant(new AccountPlace(Roles.KanimOfficer, 1, 11, true)));
        Assert.False(kanwil.MayGrant(new AccountPlace(Roles.KanwilSupervisor, 1, null, true)));
        Assert.False(kanwil.MayGrant(new AccountPlace(Roles.KanimOfficer, 2, 20, false)));
        var plain = AccountAdministration.For(new AccountPlace(Roles.KanimOfficer, 1, 10, false));
        Assert.False(plain.Administers);
    }

    [Fact]
    public async Task Deactivated_ExistingCookie_IsRefusedOnTheNextRequestAndSignInFails()
    {
        // Its own host over the same database, with the stamp checked on every request, so "the next request" needs
        // no waiting; the one-minute interval of the application is the same mechanism.
        await using var factory = app.WithWebHostBuilder(b => b.ConfigureServices(s =>
            s.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.Zero)));
        var name = await app.CreateUserAsync(Roles.KanimOfficer, "Kupang");
        var person = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(person, "/Account/SignIn", new() { ["Input.UserName"] = name, ["Input.Password"] = Core.Demo.DemoData.Password })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await person.GetAsync(new Uri("/Home", UriKind.Relative), Token)).StatusCode);

        var admin = await app.SignInAsync("admin");
        string id;
        await using (var db = app.SystemDb())
        {
            id = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync(Token);
        }

        var done = await TestApp.PostFormAsync(admin, $"/Admin/Users/Detail/{id}?handler=Deactivate", new() { ["ActionReason"] = "pindah tugas" }, $"/Admin/Users/Detail/{id}?confirm=deactivate");
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);

        var next = await person.GetAsync(new Uri("/Home", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Contains("/Account/SignIn", next.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        var again = await TestApp.PostFormAsync(app.Anonymous(), "/Account/SignIn", new() { ["Input.UserName"] = name, ["Input.Password"] = Core.Demo.DemoData.Password });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await using var check = app.SystemDb();
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityId == id && a.Reason == "pindah tugas" && a.UserName == "admin", Token));
    }

    [Fact]
    public async Task NationalSupervisor_ReadsEveryOffice_AndEveryWriteIsRefused()
    {
        var client = await app.SignInAsync("ditjen");
        var foreigners = await client.GetAsync(new Uri("/Offices", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, foreigners.StatusCode);
        var html = await foreigners.Content.ReadAsStringAsync(Token);
        Assert.Contains("Kupang", html, StringComparison.Ordinal);
        Assert.Contains("Kalianda", html, StringComparison.Ordinal);

        var page = await TestApp.GetHtmlAsync(client, "/Home");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value") ?? "";
        var write = await client.PostAsync(new Uri("/People/Edit", UriKind.Relative),
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Token);
        Assert.Equal(HttpStatusCode.Forbidden, write.StatusCode);
    }
}
