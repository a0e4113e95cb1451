using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Timpora.Core.Villages;

namespace Timpora.Tests.Villages;

public sealed class ReportTests(TestApp app)
{
    [Fact]
    public async Task Quarter_ForOneRegency_CountsActivitiesParticipantsConsultationsAndDeferrals()
    {
        var village = await VillageData.AddAsync(app);
        await using (var db = app.SystemDb())
        {
            db.QuarterPlans.Add(new QuarterPlan { VillageId = village.Id, KanimId = village.KanimId, AreaCode = village.AreaCode, Year = 2025, Quarter = 2, PlannedActivities = 2 });
            db.VillageActivities.Add(new VillageActivity
            {
                VillageId = village.Id,
                KanimId = village.KanimId,
                AreaCode = village.AreaCode,
                Place = "Balai",
                Date = new DateOnly(2025, 5, 10),
                Status = ActivityStatus.Done,
                Men = 10,
                Women = 12,
                ProspectiveMigrants = 3,
            });
            db.VillageActivities.Add(new VillageActivity
            {
                VillageId = village.Id,
                KanimId = village.KanimId,
                AreaCode = village.AreaCode,
                Place = "Balai",
                Date = new DateOnly(2025, 7, 10),
                Status = ActivityStatus.Done,
                Men = 99,
            });
            var consultation = new Consultation
            {
                VillageId = village.Id,
                KanimId = village.KanimId,
                AreaCode = village.AreaCode,
                Date = new DateOnly(2025, 6, 1),
                ResidentName = "R",
                Nik = ConsultationTests.ValidNik,
                DestinationCountry = "MYS",
                Signs = WarningSigns.FeesDemanded | WarningSigns.NoContract,
            };
            db.Consultations.Add(consultation);
            db.Referrals.Add(new Referral { ConsultationId = consultation.Id, KanimId = village.KanimId, AreaCode = village.AreaCode, SentOn = new DateOnly(2025, 6, 2) });
            db.PassportDeferrals.Add(new PassportDeferral
            {
                VillageId = village.Id,
                KanimId = village.KanimId,
                AreaCode = village.AreaCode,
                ApplicantName = "A",
                Nik = ConsultationTests.ValidNik,
                InterviewOn = new DateOnly(2025, 6, 3),
                StatedPurpose = "Wisata",
                DestinationCountry = "MYS",
            });
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }

        var officer = await VillageData.OfficerOfAsync(app, village);
        var page = await TestApp.GetHtmlAsync(officer, "/Villages/Reports?year=2025&q=2");

        Assert.Equal("1", page.QuerySelector("[data-testid=active-villages]")!.TextContent);
        Assert.Equal("1 / 2", page.QuerySelector("[data-testid=against-plan]")!.TextContent);
        Assert.StartsWith("25:", page.QuerySelector("[data-testid=participants]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("1", page.QuerySelector("[data-testid=consultations]")!.TextContent);
        Assert.StartsWith("1 ", page.QuerySelector("[data-testid=deferrals]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Dimintai biaya penempatan", page.QuerySelector("[data-testid=signs-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Belum terpenuhi", page.QuerySelector("[data-testid=report-villages]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_OfAnotherKanim_ShowsNoneOfItsVillages()
    {
        var village = await VillageData.AddAsync(app);
        var otherKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        var page = await TestApp.GetHtmlAsync(otherKanim, "/Villages/Reports?year=2025&q=2");

        Assert.DoesNotContain(village.Name + " ", page.QuerySelector("[data-testid=report-villages]")!.TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(village.AreaCode, page.QuerySelector("[data-testid=report-villages]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task QuarterChoices_OnTheReportAndThePlan_ReadQ1ToQ4()
    {
        var village = await VillageData.AddAsync(app);
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var report = await TestApp.GetHtmlAsync(kanim, "/Villages/Reports?year=2025&q=2");
        var plan = await TestApp.GetHtmlAsync(kanim, $"/Villages/Activities/Plan?village={village.Id}&year=2025");

        Assert.Equal(["Q1", "Q2", "Q3", "Q4"], report.QuerySelectorAll("select[name=q] option").Select(o => o.TextContent.Trim()));
        Assert.Equal(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], plan.QuerySelectorAll("select[name='Input.Quarter'] option").Select(o => o.TextContent.Trim()));
    }

    [Fact]
    public async Task Map_VillagesWithCoordinates_AreDrawnAndEveryVillageIsListed()
    {
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var page = await TestApp.GetHtmlAsync(kanim, "/Villages/Reports");

        Assert.Contains("Wee Londa", page.QuerySelector("[data-testid=village-map]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Wee Londa", page.QuerySelector("[data-testid=report-villages]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Xlsx_Export_HasVillagesAndSummarySheetsInBahasaIndonesia()
    {
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await kanim.GetAsync(new Uri("/Villages/Reports?format=xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Desa", "Ringkasan"], sheets);
        var text = string.Concat(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text + "|"));
        Assert.Contains("Wee Londa|", text, StringComparison.Ordinal);
        Assert.Contains("Desa Binaan aktif|", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pdf_QuarterlyReport_IsInBahasaIndonesiaAndHoldsOnlyTheCallersVillages()
    {
        var kupang = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var kalianda = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        var own = await PdfTextAsync(kupang);
        var other = await PdfTextAsync(kalianda);

        Assert.StartsWith("%PDF", own, StringComparison.Ordinal);
        Assert.Contains("LAPORAN TRIWULAN", own, StringComparison.Ordinal);
        Assert.Contains("Londa", own, StringComparison.Ordinal);
        Assert.DoesNotContain("Londa", other, StringComparison.Ordinal);
    }

    private static async Task<string> PdfTextAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/Villages/Reports?format=pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return System.Text.Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
