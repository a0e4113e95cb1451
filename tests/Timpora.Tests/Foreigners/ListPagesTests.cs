using System.Net;

namespace Timpora.Tests.Foreigners;

/// <summary>The office's lists as pages: overstays, expiring permits, present guests, each in scope and exportable.</summary>
public sealed class ListPagesTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Fact]
    public async Task Overstays_KupangOfficer_SeesZhangChargeAndOkaforDeportation()
    {
        var client = await app.SignInAsync("kupang");

        var rows = (await TestApp.GetHtmlAsync(client, "/Foreigners/Overstays")).QuerySelectorAll("[data-testid=overstays-table] tbody tr");

        var zhang = Assert.Single(rows, r => r.TextContent.Contains("ZHANG", StringComparison.Ordinal)).TextContent;
        var okafor = Assert.Single(rows, r => r.TextContent.Contains("OKAFOR", StringComparison.Ordinal)).TextContent;
        Assert.Matches(@"Rp1[23]\.000\.000", zhang);
        Assert.Contains("deportasi", okafor, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overstays_KaliandaOfficer_DoesNotSeeKupangsPeople()
    {
        var client = await app.SignInAsync("kalianda");

        var table = (await TestApp.GetHtmlAsync(client, "/Foreigners/Overstays")).QuerySelector("[data-testid=overstays-table]")!.TextContent;

        Assert.DoesNotContain("ZHANG", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expiring_And_Present_ShowOwnGuestAndExport()
    {
        var surname = RegisterData.UniqueName("Q");
        await data.CheckInAsync(await data.ProviderAsync(areaCode: "53.18.01"), RegisterData.Guest(surname, permitDays: 3));
        var client = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;

        var expiring = await TestApp.GetHtmlAsync(client, "/Foreigners/Expiring?page=1");
        var present = await TestApp.GetHtmlAsync(client, "/Foreigners/Present?Area.Province=53&Area.Regency=53.18&Area.District=53.18.01");
        var csv = await client.GetStringAsync(new Uri("/Foreigners/Present?handler=Export&format=csv&Area.Province=53&Area.Regency=53.18&Area.District=53.18.01", UriKind.Relative), token);
        var elsewhere = await TestApp.GetHtmlAsync(client, "/Foreigners/Present?Area.Province=53&Area.Regency=53.01");

        Assert.Contains(surname, expiring.QuerySelector("[data-testid=expiring-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(surname, present.QuerySelector("[data-testid=present-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(surname, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(surname, elsewhere.QuerySelector("[data-testid=present-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PresentExport_WitaOffice_ShowsAreaNamePassportLocalTimeAndIndonesianHeaders()
    {
        var surname = RegisterData.UniqueName("Q");
        var guest = RegisterData.Guest(surname, permitDays: 3);
        var report = await data.CheckInAsync(await data.ProviderAsync(areaCode: "53.18.01"), guest);
        var client = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;
        string district;
        await using (var db = app.SystemDb())
        {
            district = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.SingleAsync(db.Areas.Where(a => a.Code == "53.18.01").Select(a => a.Name), token);
        }

        var csv = await client.GetStringAsync(new Uri("/Foreigners/Present?handler=Export&format=csv&Area.Province=53&Area.Regency=53.18&Area.District=53.18.01", UriKind.Relative), token);
        var lines = csv.TrimStart('\uFEFF').Split('\n');
        Assert.StartsWith("\"Nama keluarga\",\"Nama depan\",\"Nomor paspor\"", lines[0], StringComparison.Ordinal);
        Assert.Contains("\"Masuk (WITA)\"", lines[0], StringComparison.Ordinal);
        var row = Assert.Single(lines, l => l.Contains(surname, StringComparison.Ordinal));
        Assert.Contains("\"" + guest.PassportNumber + "\"", row, StringComparison.Ordinal);
        Assert.Contains("\"" + district + "\"", row, StringComparison.Ordinal);
        // Kupang is WITA (UTC+8): the check-in time is written in it, not in UTC.
        var local = report.CheckInUtc.AddHours(8).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("\"" + local + "\"", row, StringComparison.Ordinal);

        var page = await TestApp.GetHtmlAsync(client, "/Foreigners/Present?Area.Province=53&Area.Regency=53.18&Area.District=53.18.01");
        var tr = Assert.Single(page.QuerySelectorAll("[data-testid=present-table] tbody tr"), r => r.TextContent.Contains(surname, StringComparison.Ordinal));
        Assert.Contains(guest.PassportNumber, tr.TextContent, StringComparison.Ordinal);
        Assert.Contains(district, tr.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ScreeningExport_HeadersInTheUsersLanguageAndLocalTime()
    {
        var client = await app.SignInAsync("kupang");
        var csv = await client.GetStringAsync(new Uri("/Screening?handler=Export&format=csv", UriKind.Relative), TestContext.Current.CancellationToken);
        var header = csv.TrimStart('\uFEFF').Split('\n')[0];
        Assert.StartsWith("\"Orang yang diperiksa\"", header, StringComparison.Ordinal);
        Assert.Contains("(WITA)", header, StringComparison.Ordinal);
        Assert.DoesNotContain("_utc", header, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/Foreigners/Overstays?handler=Export&format=xlsx")]
    [InlineData("/Foreigners/Expiring?handler=Export&format=csv")]
    public async Task Export_Lists_AnswerAFile(string url)
    {
        var client = await app.SignInAsync("kupang");

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(response.Content.Headers.ContentDisposition?.FileName);
    }
}
