using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Villages;

namespace Timpora.Tests.Villages;

public sealed class VillageTests(TestApp app)
{
    [Fact]
    public async Task Propose_VillageInOwnArea_IsProposedWithItsScore()
    {
        var code = await VillageData.FreeVillageAsync(app, VillageData.SumbaBaratDaya);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await TestApp.PostFormAsync(officer, "/Villages/Edit", new()
        {
            ["Area.Pick"] = code,
            ["Input.Border"] = "3",
            ["Input.Poverty"] = "2",
            ["Input.MigrantWorkers"] = "3",
            ["Input.Evidence"] = "BPS 2024",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await TestApp.GetHtmlAsync(officer, response.Headers.Location!.ToString());
        Assert.Equal("Diusulkan", page.QuerySelector("[data-testid=village-status]")!.TextContent);
        Assert.Equal("8 / 18", page.QuerySelector("[data-testid=village-score]")!.TextContent);
    }

    [Fact]
    public async Task Propose_VillageAlreadyInProgramme_SaysSoAndKeepsTheInput()
    {
        var village = await VillageData.AddAsync(app);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await TestApp.PostFormAsync(officer, "/Villages/Edit", new() { ["Area.Pick"] = village.AreaCode, ["Input.Evidence"] = "typed evidence" });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains("sudah diusulkan", page.QuerySelector(".field-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("typed evidence", page.QuerySelector("textarea[name='Input.Evidence']")!.TextContent.Trim());
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.ProgrammeVillages.CountAsync(v => v.AreaCode == village.AreaCode, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Propose_VillageOutsideTheKanimsArea_IsRefused()
    {
        var code = await VillageData.FreeVillageAsync(app, VillageData.LampungTimur);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await TestApp.PostFormAsync(officer, "/Villages/Edit", new() { ["Area.Pick"] = code });

        Assert.Contains("di luar wilayah kerja", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.ProgrammeVillages.AnyAsync(v => v.AreaCode == code, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Propose_ScoreOutOfRangeAndFutureConsent_SaysWhatIsWrong()
    {
        var code = await VillageData.FreeVillageAsync(app, VillageData.SumbaBaratDaya);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await TestApp.PostFormAsync(officer, "/Villages/Edit", new()
        {
            ["Area.Pick"] = code,
            ["Input.Border"] = "7",
            ["Input.ConsentOn"] = DateTime.UtcNow.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
            ["Input.MessagingGroupLink"] = "javascript:alert(1)",
        });

        var errors = string.Join(" | ", (await TestApp.HtmlAsync(response)).QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()));
        Assert.Contains("harus antara 0 dan 3", errors, StringComparison.Ordinal);
        Assert.Contains("tidak boleh setelah hari ini", errors, StringComparison.Ordinal);
        Assert.Contains("harus berupa tautan https://", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Activate_WithoutConsentAndDecree_SaysWhatIsMissing()
    {
        var code = await VillageData.FreeVillageAsync(app, VillageData.SumbaBaratDaya);
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var proposed = await TestApp.PostFormAsync(officer, "/Villages/Edit", new() { ["Area.Pick"] = code });
        var url = proposed.Headers.Location!.ToString();

        var response = await TestApp.PostFormAsync(officer, url + "?handler=Status", new() { ["Move.To"] = "Active" }, url);

        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("tanggal persetujuan desa", text, StringComparison.Ordinal);
        Assert.Contains("nomor dan tanggal SK", text, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.Equal(VillageStatus.Proposed, (await db.ProgrammeVillages.SingleAsync(v => v.AreaCode == code, TestContext.Current.CancellationToken)).Status);
    }

    [Fact]
    public async Task Contacts_AddedByTheVillagesOfficer_AreListed()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);

        var response = await TestApp.PostFormAsync(pimpasa, $"/Villages/{village.Id}?handler=Contact",
            new() { ["Contact.Role"] = "Babinsa", ["Contact.FullName"] = "Serda Uji Coba", ["Contact.Phone"] = "0812 1111 2222" }, $"/Villages/{village.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var table = (await TestApp.GetHtmlAsync(pimpasa, $"/Villages/{village.Id}")).QuerySelector("[data-testid=contacts-table]")!.TextContent;
        Assert.Contains("Serda Uji Coba", table, StringComparison.Ordinal);
        Assert.Contains("Babinsa", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Village_OtherVillagesOfficerAndOtherKanim_GetNotFound()
    {
        var village = await VillageData.AddAsync(app);
        var other = await VillageData.AddAsync(app);
        var otherOfficer = await VillageData.OfficerOfAsync(app, other);
        var otherKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var ownKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var url = new Uri($"/Villages/{village.Id}", UriKind.Relative);

        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherKanim.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ownKanim.GetAsync(url, TestContext.Current.CancellationToken)).StatusCode);
        Assert.DoesNotContain(village.Name, (await TestApp.GetHtmlAsync(otherOfficer, "/Villages?q=" + village.AreaCode)).QuerySelector("[data-testid=villages-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pimpasa_ProposingOrManagingOfficers_IsRefused()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);

        var propose = await pimpasa.GetAsync(new Uri("/Villages/Edit", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/Account/AccessDenied", propose.Headers.Location!.ToString(), StringComparison.Ordinal);
        var officers = await pimpasa.GetAsync(new Uri("/Villages/Officers", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Contains("/Account/AccessDenied", officers.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(VillageStatus.Proposed, VillageStatus.Paused, false)]
    [InlineData(VillageStatus.Active, VillageStatus.Paused, true)]
    [InlineData(VillageStatus.Paused, VillageStatus.Active, true)]
    [InlineData(VillageStatus.Ended, VillageStatus.Active, false)]
    [InlineData(VillageStatus.Proposed, VillageStatus.Ended, true)]
    public void States_Move_AllowedOnlyAlongTheProgrammesPath(VillageStatus from, VillageStatus to, bool allowed)
    {
        var village = new ProgrammeVillage
        {
            Name = "x",
            AreaCode = "53.18.09.2005",
            Status = from,
            ConsentOn = new DateOnly(2025, 1, 1),
            DecreeNumber = "SK",
            DecreeOn = new DateOnly(2025, 1, 2),
            EstablishedOn = new DateOnly(2025, 1, 3),
        };

        Assert.Equal(allowed, VillageStates.Check(village, to).Count == 0);
    }
}
