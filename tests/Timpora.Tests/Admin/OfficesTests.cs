using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;

namespace Timpora.Tests.Admin;

/// <summary>Kanim create/edit at /Admin/Offices/Kanim: a regency of another Kanim is refused with its name unless moved.</summary>
public sealed class OfficesTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NewKanim_RegencyOfAnotherKanim_IsRefusedWithItsNameUnlessMoved()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Roles.Administrator));
        await using var db = app.SystemDb();
        var kanwil = await db.Kanwils.Where(k => k.ProvinceCode == "53").Select(k => k.Id).SingleAsync(Token);
        // A regency no demo office holds, first taken by one new Kanim, then asked for by a second.
        var free = await db.Areas.Where(a => a.ParentCode == "92" && !db.KanimWorkingAreas.Any(w => w.RegencyCode == a.Code))
            .OrderBy(a => a.Code).Select(a => a.Code).FirstAsync(Token);
        var first = "Kanim Uji " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, "/Admin/Offices/Kanim", Form(first, kanwil, free, move: false))).StatusCode);

        var second = "Kanim Uji " + Guid.NewGuid().ToString("N")[..6];
        var refused = await TestApp.PostFormAsync(client, "/Admin/Offices/Kanim", Form(second, kanwil, free, move: false));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(first, string.Concat((await TestApp.HtmlAsync(refused)).QuerySelectorAll(".field-error").Select(e => e.TextContent)), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, "/Admin/Offices/Kanim", Form(second, kanwil, free, move: true))).StatusCode);
        await using var check = app.SystemDb();
        Assert.Equal(second, await check.KanimWorkingAreas.Where(w => w.RegencyCode == free).Join(check.Kanims, w => w.KanimId, k => k.Id, (_, k) => k.Name).SingleAsync(Token));
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "KanimWorkingArea" && a.Reason == "uji", Token));
        // A new office's entry names its real id (the database assigns it), not EF's temporary key.
        var secondId = await check.Kanims.Where(k => k.Name == second).Select(k => k.Id).SingleAsync(Token);
        Assert.True(await check.AuditEntries.AnyAsync(a => a.EntityType == "Kanim" && a.Action == Timpora.Core.Audit.AuditAction.Created
            && a.EntityId == secondId.ToString(System.Globalization.CultureInfo.InvariantCulture) && a.KanimId == secondId, Token));
    }

    [Theory]
    [InlineData(Roles.KanimOfficer)]
    [InlineData(Roles.KanwilSupervisor)]
    [InlineData(Roles.NationalSupervisor)]
    public async Task KanimEdit_NotAdministrator_IsRefused(string role)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(role, "Kupang"));
        var response = await client.GetAsync(new Uri("/Admin/Offices/Kanim", UriKind.Relative), Token);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        Assert.DoesNotContain("/Admin/Offices", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task Kanwil_CreatedAndEdited_IsListedWithItsZoneAndAudited()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Roles.Administrator));
        var name = "Kanwil Uji " + Guid.NewGuid().ToString("N")[..6];
        var form = new Dictionary<string, string>
        {
            ["Input.Name"] = name,
            ["Input.Address"] = "Jl. Soa Siu, Ternate",
            ["Input.ProvinceCode"] = "82",
            ["Input.TimeZoneId"] = "Asia/Jayapura",
            ["Input.Reason"] = "kanwil baru",
        };
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, "/Admin/Offices/Kanwil", form)).StatusCode);
        await using var db = app.SystemDb();
        var kanwil = await db.Kanwils.SingleAsync(k => k.Name == name, Token);
        Assert.Equal("Asia/Jayapura", kanwil.TimeZoneId);

        form["Input.Name"] = name + " Maluku Utara";
        form["Input.TimeZoneId"] = "Asia/Makassar";
        var id = kanwil.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, "/Admin/Offices/Kanwil/" + id, form)).StatusCode);

        var list = await TestApp.GetHtmlAsync(client, "/Offices");
        var header = list.QuerySelectorAll("article header").Single(h => h.TextContent.Contains(name + " Maluku Utara", StringComparison.Ordinal));
        Assert.Contains("WITA", header.TextContent, StringComparison.Ordinal);
        Assert.Equal("/Admin/Offices/Kanwil/" + id, header.QuerySelector("[data-testid=edit-kanwil]")!.GetAttribute("href"));
        await using var check = app.SystemDb();
        Assert.Equal(2, await check.AuditEntries.CountAsync(a => a.EntityType == "Kanwil" && a.EntityId == id && a.Reason == "kanwil baru", Token));
    }

    [Theory]
    [InlineData(Roles.KanimOfficer)]
    [InlineData(Roles.KanwilSupervisor)]
    public async Task KanwilEdit_NotAdministrator_IsRefused(string role)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(role, "Kupang"));
        var response = await client.GetAsync(new Uri("/Admin/Offices/Kanwil/1", UriKind.Relative), Token);
        Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect);
        Assert.DoesNotContain("/Admin/Offices", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }

    [Fact]
    public async Task KanimForm_RegencyAddedWithThePicker_IsListedByNameAndOtherOfficeNamed()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Roles.Administrator));
        await using var db = app.SystemDb();
        var kanwil = await db.Kanwils.Where(k => k.ProvinceCode == "53").Select(k => k.Id).SingleAsync(Token);
        var form = Form("Kanim Uji " + Guid.NewGuid().ToString("N")[..6], kanwil, "", move: false);
        form["Area.Province"] = "53";
        form["Area.Regency"] = "53.18";
        var added = await TestApp.PostFormAsync(client, "/Admin/Offices/Kanim?handler=AddRegency", form, "/Admin/Offices/Kanim");
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var page = await TestApp.HtmlAsync(added);
        Assert.Equal("53.18", page.QuerySelector("input[name='Input.Regencies']")!.GetAttribute("value"));
        Assert.Contains("SUMBA BARAT DAYA", page.QuerySelector("[data-testid=regencies]")!.TextContent, StringComparison.OrdinalIgnoreCase);
        // Sumba Barat Daya is Kanim Kupang's: said at once, with the office's name.
        Assert.Contains("Kupang", page.QuerySelector("[data-testid=working-area] .field-error")!.TextContent, StringComparison.Ordinal);

        form["Input.Regencies"] = "53.18, 53.17";
        var removed = await TestApp.HtmlAsync(await TestApp.PostFormAsync(client, "/Admin/Offices/Kanim?handler=RemoveRegency&code=53.18", form, "/Admin/Offices/Kanim"));
        Assert.Equal("53.17", removed.QuerySelector("input[name='Input.Regencies']")!.GetAttribute("value"));
    }

    private static Dictionary<string, string> Form(string name, int kanwil, string regency, bool move) => new()
    {
        ["Input.Name"] = name,
        ["Input.OfficeClass"] = "Kelas II Non TPI",
        ["Input.KanwilId"] = kanwil.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.TimeZoneId"] = "Asia/Makassar",
        ["Input.Regencies"] = regency,
        ["Input.MoveFromOtherKanim"] = move ? "true" : "false",
        ["Input.Reason"] = "uji",
    };
}
