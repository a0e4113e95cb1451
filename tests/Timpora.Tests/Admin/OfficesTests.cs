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
