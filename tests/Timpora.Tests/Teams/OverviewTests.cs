using System.Net;
using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Teams;

/// <summary>The Timpora overview of a Kanim or Kanwil: the caller's figures only, staff only, and as XLSX.</summary>
public sealed class OverviewTests(TestApp app)
{
    private async Task<int> TambolakaYearAsync()
    {
        await using var db = app.SystemDb();
        var start = await db.Meetings.Where(m => m.Venue.Contains("Hotel Sinar Tambolaka")).Select(m => m.StartUtc).SingleAsync(TestContext.Current.CancellationToken);
        return start.Year;
    }

    [Fact]
    public async Task Overview_KanimOfficer_SeesTheSumbaBaratDayaTeamMeetingAndOpenItems()
    {
        var year = await TambolakaYearAsync();
        var kupang = await app.SignInAsync("kupang");

        var page = await TestApp.GetHtmlAsync(kupang, $"/Timpora/Overview?year={year}");

        var coverage = page.QuerySelector("[data-testid=overview-coverage]")!.TextContent;
        Assert.Contains("Timpora Kabupaten Sumba Barat Daya", coverage, StringComparison.Ordinal);
        Assert.Contains("53.18", coverage, StringComparison.Ordinal);
        Assert.True(int.Parse(page.QuerySelector("[data-testid=overview-meetings]")!.TextContent, System.Globalization.CultureInfo.InvariantCulture) >= 1);
        Assert.NotEmpty(page.QuerySelectorAll("[data-testid=overview-actions] tbody tr"));
        Assert.DoesNotContain("Kalianda", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_AnotherKanimsTeam_IsNotInTheOfficersFigures()
    {
        var other = await TeamData.AddTeamAsync(app, kanim: "Kalianda", area: "18.72");
        var kupang = await app.SignInAsync("kupang");
        var kalianda = await app.SignInAsync("kalianda");

        var mine = (await TestApp.GetHtmlAsync(kupang, "/Timpora/Overview")).QuerySelector("main")!.TextContent;
        var theirs = (await TestApp.GetHtmlAsync(kalianda, "/Timpora/Overview")).QuerySelector("main")!.TextContent;

        Assert.Contains(other.Name, theirs, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, mine, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_KanwilSupervisor_SeesItsKanimsOnly()
    {
        var kanwil = await app.SignInAsync("kanwil.ntt");

        var text = (await TestApp.GetHtmlAsync(kanwil, "/Timpora/Overview")).QuerySelector("main")!.TextContent;

        Assert.Contains("Kupang", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Kalianda", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overview_PartnerMember_IsRefused()
    {
        var partner = await app.SignInAsync("polres.sbd");

        var response = await partner.GetAsync(new Uri("/Timpora/Overview", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.True(response.StatusCode == HttpStatusCode.Forbidden
            || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/AccessDenied", StringComparison.Ordinal)),
            $"Got {(int)response.StatusCode}");
    }

    [Fact]
    public async Task Xlsx_Export_OpensWithTheOverviewSheetsInBahasaIndonesia()
    {
        var year = await TambolakaYearAsync();
        var kupang = await app.SignInAsync("kupang");

        var response = await kupang.GetAsync(new Uri($"/Timpora/Overview?year={year}&format=xlsx", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        using var document = SpreadsheetDocument.Open(stream, false);
        var sheets = document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ToList();
        Assert.Equal(["Tim", "Rapat dan operasi", "Tindak lanjut", "Temuan", "TAK", "Kewarganegaraan"], sheets);
        var text = string.Concat(document.WorkbookPart.WorksheetParts.SelectMany(p => p.Worksheet.Descendants<DocumentFormat.OpenXml.Spreadsheet.Text>()).Select(t => t.Text + "|"));
        Assert.Contains("Timpora Kabupaten Sumba Barat Daya", text, StringComparison.Ordinal);
    }
}
