using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Villages;

public sealed class DeferralTests(TestApp app)
{
    // Braja Selebah (18.07.22), a man born 5 January 2001.
    private const string LampungNik = "1807220501010002";

    [Fact]
    public async Task Record_ApplicantFromProgrammeVillage_IsLinkedAndItsOfficerFollowsUp()
    {
        var village = await VillageData.AddAsync(app, VillageData.LampungTimur);
        var officer = await VillageData.OfficerOfAsync(app, village);
        var otherOfficer = await VillageData.OfficerOfAsync(app, await VillageData.AddAsync(app, VillageData.LampungTimur));
        var otherKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var name = "Pemohon " + Guid.NewGuid().ToString("N")[..8];

        var response = await TestApp.PostFormAsync(kanim, "/Villages/Deferrals/Edit", Form(name, village.AreaCode, "DocumentsIncomplete"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var url = response.Headers.Location!.ToString();
        await using var db = app.SystemDb();
        var saved = await db.PassportDeferrals.SingleAsync(d => d.ApplicantName == name, TestContext.Current.CancellationToken);
        Assert.Equal(village.Id, saved.VillageId);
        Assert.Equal(new DateOnly(2025, 7, 31), saved.DocumentsDueOn);
        var seenByOfficer = await TestApp.GetHtmlAsync(officer, url);
        Assert.Equal(village.Name, seenByOfficer.QuerySelector("[data-testid=programme-village]")!.TextContent.Trim());
        Assert.Contains(name, (await TestApp.GetHtmlAsync(officer, "/Villages/Deferrals")).QuerySelector("[data-testid=deferrals-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherOfficer.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await otherKanim.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);

        var referred = await TestApp.PostFormAsync(officer, url + "?handler=Referral", new() { ["Referral.Agency"] = "ManpowerOffice", ["Referral.SentOn"] = "2025-07-02" }, url);
        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
    }

    [Fact]
    public async Task Record_ApplicantOutsideTheProgramme_IsNotLinked()
    {
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var code = await VillageData.FreeVillageAsync(app, VillageData.LampungTimur);
        var name = "Pemohon " + Guid.NewGuid().ToString("N")[..8];

        var response = await TestApp.PostFormAsync(kanim, "/Villages/Deferrals/Edit", Form(name, code, "SuspectedNonProcedural"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.PassportDeferrals.SingleAsync(d => d.ApplicantName == name, TestContext.Current.CancellationToken);
        Assert.Null(saved.VillageId);
        Assert.Null(saved.DocumentsDueOn);
    }

    [Fact]
    public async Task Record_InvalidNikAndNoAddress_SaysWhatIsWrong()
    {
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var form = Form("Pemohon Salah", "18", "SuspectedNonProcedural");
        form["Input.Nik"] = "1807229901010002";

        var response = await TestApp.PostFormAsync(kanim, "/Villages/Deferrals/Edit", form);

        var errors = string.Join(" | ", (await TestApp.HtmlAsync(response)).QuerySelectorAll(".field-error").Select(e => e.TextContent.Trim()));
        Assert.Contains("bukan tanggal lahir", errors, StringComparison.Ordinal);
        Assert.Contains("Pilih sebuah desa/kelurahan", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Record_ByPimpasa_IsRefused()
    {
        var village = await VillageData.AddAsync(app, VillageData.LampungTimur);
        var officer = await VillageData.OfficerOfAsync(app, village);

        var response = await officer.GetAsync(new Uri("/Villages/Deferrals/Edit", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static Dictionary<string, string> Form(string name, string areaCode, string reason) => new()
    {
        ["Input.ApplicantName"] = name,
        ["Input.Nik"] = LampungNik,
        ["Input.InterviewOn"] = "2025-07-01",
        ["Input.StatedPurpose"] = "Wisata ke Malaysia",
        ["Input.IndicatedPurpose"] = "Bekerja di kebun sawit",
        ["Input.DestinationCountry"] = "MYS",
        ["Input.Reason"] = reason,
        ["Area.Pick"] = areaCode,
    };
}
