using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Agencies;

/// <summary>Agencies and units at /Agencies: the national administrator edits agencies; units are edited by
/// administrators inside their own offices; a team member can be an office account, linked to a person.</summary>
public sealed class AgencyUnitTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static string Id(int id) => id.ToString(CultureInfo.InvariantCulture);

    private async Task<string> OfficeAdministratorAsync(string kanim)
    {
        var name = await app.CreateUserAsync(Roles.KanimOfficer, kanim);
        await using var db = app.SystemDb();
        (await db.Users.SingleAsync(u => u.UserName == name, Token)).IsOfficeAdministrator = true;
        await db.SaveChangesAsync(Token);
        return name;
    }

    private async Task<(int Kalianda, int Kupang, int Polri, int KupangUnit)> IdsAsync()
    {
        await using var db = app.SystemDb();
        return (await db.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).SingleAsync(Token),
            await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(Token),
            await db.Agencies.Where(a => a.Code == "POLRI").Select(a => a.Id).SingleAsync(Token),
            await db.AgencyUnits.Where(u => u.Name == "Polres Sumba Barat Daya").Select(u => u.Id).SingleAsync(Token));
    }

    private static Dictionary<string, string> UnitForm(string name, int agency, int kanim, string area) => new()
    {
        ["Input.Name"] = name,
        ["Input.AgencyId"] = Id(agency),
        ["Input.KanimId"] = Id(kanim),
        ["Area.Province"] = area[..2],
        ["Area.Regency"] = area[..5],
        ["Input.Reason"] = "unit baru",
    };

    [Fact]
    public async Task OfficeAdministrator_CreatesAUnitInOwnOffice_AnotherOfficesIdsAreRefused()
    {
        var client = await app.SignInAsync(await OfficeAdministratorAsync("Kalianda"));
        var (kalianda, kupang, polri, kupangUnit) = await IdsAsync();
        var name = "Polsek Uji " + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, "/Agencies/Unit", UnitForm(name, polri, kalianda, "18.07"))).StatusCode);
        await using (var db = app.SystemDb())
        {
            var unit = await db.AgencyUnits.SingleAsync(u => u.Name == name, Token);
            Assert.Equal(("18.07", kalianda), (unit.AreaCode, unit.KanimId));
            Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "AgencyUnit" && a.EntityId == Id(unit.Id) && a.KanimId == kalianda && a.Reason == "unit baru", Token));
        }

        // Kupang's office id posted by hand, or a regency outside Kalianda's working area: refused, nothing saved.
        var other = name + " Kupang";
        var refused = await TestApp.PostFormAsync(client, "/Agencies/Unit", UnitForm(other, polri, kupang, "53.18"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await TestApp.HtmlAsync(refused)).QuerySelector(".field-validation-error[data-valmsg-for='Input.KanimId']"));
        Assert.Equal(HttpStatusCode.OK, (await TestApp.PostFormAsync(client, "/Agencies/Unit", UnitForm(other, polri, kalianda, "53.18"))).StatusCode);
        // Another office's unit is not there for this administrator.
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync(new Uri("/Agencies/Unit/" + Id(kupangUnit), UriKind.Relative), Token)).StatusCode);
        await using var check = app.SystemDb();
        Assert.False(await check.AgencyUnits.AnyAsync(u => u.Name == other, Token));
    }

    [Fact]
    public async Task UnitAndAgencyPages_OfficerWithoutTheFlag_AreRefused()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Roles.KanimOfficer, "Kupang"));
        foreach (var url in new[] { "/Agencies/Unit", "/Agencies/Agency" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
            Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, url);
            Assert.DoesNotContain("/Agencies/", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
        }

        var list = await TestApp.GetHtmlAsync(client, "/Agencies");
        Assert.Null(list.QuerySelector("[data-testid=new-unit]"));
    }

    [Fact]
    public async Task Administrator_CreatesAnAgency_ListedAndAudited()
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(Roles.Administrator));
        var code = "UJI-" + Guid.NewGuid().ToString("N")[..6].ToUpperInvariant();
        var form = new Dictionary<string, string> { ["Input.Code"] = code, ["Input.Name"] = "Badan Uji", ["Input.Reason"] = "instansi baru" };
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, "/Agencies/Agency", form)).StatusCode);
        var list = await TestApp.GetHtmlAsync(client, "/Agencies");
        Assert.Contains(list.QuerySelectorAll("[data-testid=agency] header"), h => h.TextContent.Contains(code, StringComparison.Ordinal));
        await using var db = app.SystemDb();
        var id = await db.Agencies.Where(a => a.Code == code).Select(a => a.Id).SingleAsync(Token);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Agency" && a.EntityId == Id(id), Token));
    }

    [Fact]
    public async Task PartnerAccount_UnitOfAnotherOffice_IsRefused()
    {
        var client = await app.SignInAsync(await OfficeAdministratorAsync("Kalianda"));
        var (kalianda, _, _, kupangUnit) = await IdsAsync();
        var name = "p" + Guid.NewGuid().ToString("N")[..10];
        var form = new Dictionary<string, string>
        {
            ["Input.UserName"] = name,
            ["Input.DisplayName"] = "Mitra " + name,
            ["Input.Email"] = name + "@test.timpora",
            ["Input.Role"] = Roles.PartnerMember,
            ["Input.KanimId"] = Id(kalianda),
            ["Input.UnitId"] = Id(kupangUnit),
            ["Input.Reason"] = "mitra",
        };
        var otherUnit = await TestApp.PostFormAsync(client, "/Admin/Users/New", form);
        Assert.Equal(HttpStatusCode.OK, otherUnit.StatusCode);
        Assert.NotNull((await TestApp.HtmlAsync(otherUnit)).QuerySelector(".field-validation-error[data-valmsg-for='Input.UnitId']"));
        form["Input.UnitId"] = "";
        var noUnit = await TestApp.PostFormAsync(client, "/Admin/Users/New", form);
        Assert.Equal(HttpStatusCode.OK, noUnit.StatusCode);
        Assert.NotNull((await TestApp.HtmlAsync(noUnit)).QuerySelector(".field-validation-error[data-valmsg-for='Input.UnitId']"));
        await using var db = app.SystemDb();
        Assert.False(await db.Users.AnyAsync(u => u.UserName == name, Token));
    }

    [Fact]
    public async Task TeamMember_FromAnOfficeAccount_IsTheSignedInPerson_AnotherOfficesAccountIsRefused()
    {
        var team = await TeamData.AddTeamAsync(app);
        var officer = await app.SignInAsync("kupang");
        var member = await app.CreateUserAsync(Roles.KanimOfficer, "Kupang");
        var stranger = await app.CreateUserAsync(Roles.KanimOfficer, "Kalianda");
        string memberId, strangerId;
        await using (var db = app.SystemDb())
        {
            memberId = await db.Users.Where(u => u.UserName == member).Select(u => u.Id).SingleAsync(Token);
            strangerId = await db.Users.Where(u => u.UserName == stranger).Select(u => u.Id).SingleAsync(Token);
        }

        var page = await TestApp.GetHtmlAsync(officer, $"/Teams/{team.Id}");
        Assert.Contains(page.QuerySelectorAll("[data-testid=member-account] option"), o => o.GetAttribute("value") == memberId);
        Assert.DoesNotContain(page.QuerySelectorAll("[data-testid=member-account] option"), o => o.GetAttribute("value") == strangerId);

        var refused = await TestApp.PostFormAsync(officer, $"/Teams/{team.Id}?handler=Add", new() { ["Input.AccountId"] = strangerId, ["Input.Role"] = "Member" }, $"/Teams/{team.Id}");
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var added = await TestApp.PostFormAsync(officer, $"/Teams/{team.Id}?handler=Add", new() { ["Input.AccountId"] = memberId, ["Input.Role"] = "Member" }, $"/Teams/{team.Id}");
        Assert.Equal(HttpStatusCode.Redirect, added.StatusCode);

        await using var check = app.SystemDb();
        var personId = await check.Users.Where(u => u.Id == memberId).Select(u => u.PersonId).SingleAsync(Token);
        Assert.NotNull(personId);
        Assert.True(await check.TeamMembers.AnyAsync(m => m.TeamId == team.Id && m.PersonId == personId, Token));
        Assert.False(await check.Users.Where(u => u.Id == strangerId).Select(u => u.PersonId != null).SingleAsync(Token));
    }
}
