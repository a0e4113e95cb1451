using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Reference;
using Timpora.Core.Villages;

namespace Timpora.Tests.Villages;

public sealed class ConsultationTests(TestApp app)
{
    // Kota Tambolaka (53.18.09), a woman born 12 March 1998 (day 12 + 40), serial 0001.
    public const string ValidNik = "5318095203980001";

    [Fact]
    public async Task Record_ValidNik_StoresBirthDateSexAndSigns()
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var name = "Warga " + Guid.NewGuid().ToString("N")[..8];

        var response = await TestApp.PostFormAsync(pimpasa, "/Villages/Consultations/Edit", Form(village.Id, name, ValidNik));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.Consultations.SingleAsync(c => c.ResidentName == name, TestContext.Current.CancellationToken);
        Assert.Equal(new DateOnly(1998, 3, 12), saved.BirthDate);
        Assert.Equal(NikSex.Female, saved.Sex);
        Assert.Equal(WarningSigns.FeesDemanded | WarningSigns.TouristVisaForWork, saved.Signs);
        Assert.Equal(village.AreaCode, saved.AreaCode);
        Assert.Equal(village.KanimId, saved.KanimId);
    }

    [Theory]
    [InlineData("53180952039800", "16 angka; yang diisi 14 karakter")]
    [InlineData("9999995203980001", "Kode kecamatan 99.99.99")]
    [InlineData("5318093502980001", "bukan tanggal lahir")]
    [InlineData("53180952039800x1", "hanya berisi angka")]
    public async Task Record_InvalidNik_SaysWhatIsWrongAndKeepsTheInput(string nik, string message)
    {
        var village = await VillageData.AddAsync(app);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var name = "Warga " + Guid.NewGuid().ToString("N")[..8];

        var response = await TestApp.PostFormAsync(pimpasa, "/Villages/Consultations/Edit", Form(village.Id, name, nik));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains(message, page.QuerySelector("[data-valmsg-for='Input.Nik']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(name, page.QuerySelector("input[name='Input.ResidentName']")!.GetAttribute("value"));
        Assert.Equal(nik, page.QuerySelector("input[name='Input.Nik']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Signs'][value='FeesDemanded'][checked]"));
        await using var db = app.SystemDb();
        Assert.False(await db.Consultations.AnyAsync(c => c.ResidentName == name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Consultation_OtherVillagesOfficerAndOtherKanim_GetNotFound()
    {
        var village = await VillageData.AddAsync(app);
        var consultation = await AddAsync(village);
        var otherOfficer = await VillageData.OfficerOfAsync(app, await VillageData.AddAsync(app));
        var otherKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var ownKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var ownOfficer = await VillageData.OfficerOfAsync(app, village);
        var token = TestContext.Current.CancellationToken;

        foreach (var outsider in new[] { otherOfficer, otherKanim })
        {
            foreach (var url in new[] { $"/Villages/Consultations/{consultation.Id}", $"/Villages/Consultations/Edit/{consultation.Id}" })
            {
                Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(url, UriKind.Relative), token)).StatusCode);
            }

            var list = (await TestApp.GetHtmlAsync(outsider, "/Villages/Consultations?q=" + consultation.ResidentName)).QuerySelector("[data-testid=consultations-table]")!.TextContent;
            Assert.DoesNotContain(consultation.ResidentName, list, StringComparison.Ordinal);
        }

        var post = await TestApp.PostFormAsync(otherOfficer, $"/Villages/Consultations/{consultation.Id}?handler=FollowUp", new() { ["to"] = "Closed" }, "/Villages/Consultations");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        Assert.Contains(consultation.ResidentName, await ownKanim.GetStringAsync(new Uri($"/Villages/Consultations/{consultation.Id}", UriKind.Relative), token), StringComparison.Ordinal);
        Assert.Contains(consultation.ResidentName, await ownOfficer.GetStringAsync(new Uri($"/Villages/Consultations/{consultation.Id}", UriKind.Relative), token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task FollowUp_WithOpenReferral_CannotCloseUntilTheReferralIsClosed()
    {
        var village = await VillageData.AddAsync(app);
        var consultation = await AddAsync(village);
        var pimpasa = await VillageData.OfficerOfAsync(app, village);
        var url = $"/Villages/Consultations/{consultation.Id}";

        var referred = await TestApp.PostFormAsync(pimpasa, url + "?handler=Referral", new() { ["Referral.Agency"] = "MigrantWorkerProtection", ["Referral.SentOn"] = "2025-06-02" }, url);
        var refused = await TestApp.PostFormAsync(pimpasa, url + "?handler=FollowUp", new() { ["to"] = "Closed" }, url);
        await using var db = app.SystemDb();
        var referral = await db.Referrals.SingleAsync(r => r.ConsultationId == consultation.Id, TestContext.Current.CancellationToken);
        var noOutcome = await TestApp.PostFormAsync(pimpasa, url + "?handler=Referral", new() { ["Referral.Id"] = referral.Id.ToString(), ["Referral.Status"] = "Closed" }, url);
        var closedReferral = await TestApp.PostFormAsync(pimpasa, url + "?handler=Referral",
            new() { ["Referral.Id"] = referral.Id.ToString(), ["Referral.Status"] = "Closed", ["Referral.Outcome"] = "ProceduralPlacement" }, url);
        var closed = await TestApp.PostFormAsync(pimpasa, url + "?handler=FollowUp", new() { ["to"] = "Closed" }, url);

        Assert.Equal(HttpStatusCode.Redirect, referred.StatusCode);
        Assert.Contains("Masih ada rujukan yang belum selesai", await refused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Pilih hasil rujukan", await noOutcome.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, closedReferral.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, closed.StatusCode);
        Assert.Equal("Selesai", (await TestApp.GetHtmlAsync(pimpasa, url)).QuerySelector("[data-testid=follow-up]")!.TextContent);
    }

    [Fact]
    public async Task Detail_Opened_IsAudited()
    {
        var village = await VillageData.AddAsync(app);
        var consultation = await AddAsync(village);
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        await TestApp.GetHtmlAsync(kanim, $"/Villages/Consultations/{consultation.Id}");

        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == "Consultation" && a.EntityId == consultation.Id.ToString() && a.Action == Timpora.Core.Audit.AuditAction.Viewed, TestContext.Current.CancellationToken));
    }

    public static Dictionary<string, string> Form(Guid village, string name, string nik) => new()
    {
        ["Input.VillageId"] = village.ToString(),
        ["Input.Date"] = "2025-06-01",
        ["Input.ResidentName"] = name,
        ["Input.Nik"] = nik,
        ["Input.DestinationCountry"] = "MYS",
        ["Input.Job"] = "Pekerja kebun sawit",
        ["Input.Recruiter"] = "Pak Sponsor",
        ["Input.RecruiterLicensed"] = "false",
        ["Input.Signs"] = "FeesDemanded,TouristVisaForWork",
    };

    private async Task<Consultation> AddAsync(ProgrammeVillage village)
    {
        await using var db = app.SystemDb();
        var consultation = new Consultation
        {
            VillageId = village.Id,
            KanimId = village.KanimId,
            AreaCode = village.AreaCode,
            Date = new DateOnly(2025, 6, 1),
            ResidentName = "Warga " + Guid.NewGuid().ToString("N")[..8],
            Nik = ValidNik,
            DestinationCountry = "MYS",
            Signs = WarningSigns.NoContract,
        };
        db.Consultations.Add(consultation);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return consultation;
    }
}
