using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Operations;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Operations;

public sealed class OperationPagesTests(TestApp app)
{
    private async Task<string> PlanAsync(HttpClient officer, string name)
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync();
        var response = await TestApp.PostFormAsync(officer, "/Operations", new()
        {
            ["Input.KanimId"] = kanimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = name,
            ["Input.AreaCode"] = "53.18",
            ["Input.PeriodStart"] = "2026-03-01",
            ["Input.PeriodEnd"] = "2026-03-03",
            ["Input.Targets"] = "Hotel Sinar Tambolaka\nPantai Mandorak",
            ["Input.OrderNumber"] = "SPRIN-" + TeamData.Unique(),
            ["Input.OrderDate"] = "2026-02-25",
            ["Input.Participants"] = "Kanim Kupang: 4 orang\nPolres Sumba Barat Daya: 2 orang",
        });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, string.Join(" | ", (await TestApp.HtmlAsync(response)).QuerySelectorAll(".field-error, .error-summary").Select(e => e.TextContent)));
        return response.Headers.Location!.ToString();
    }

    [Fact]
    public async Task Plan_EndBeforeStart_Explains()
    {
        var officer = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(officer, "/Operations", new()
        {
            ["Input.Name"] = "Operasi salah",
            ["Input.AreaCode"] = "53.18",
            ["Input.PeriodStart"] = "2026-03-05",
            ["Input.PeriodEnd"] = "2026-03-01",
            ["Input.Targets"] = "Pantai",
            ["Input.OrderNumber"] = "SPRIN-1",
            ["Input.OrderDate"] = "2026-02-25",
            ["Input.Participants"] = "Kanim",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("sebelum", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Input.PeriodEnd']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Finding_WithoutPersonOrPlace_IsRefused_WithMrz_IsRecorded()
    {
        var officer = await app.SignInAsync("kupang");
        var url = await PlanAsync(officer, "Operasi Pantai " + TeamData.Unique());

        var refused = await TestApp.PostFormAsync(officer, url, new() { ["Input.Kind"] = nameof(FindingKind.Overstay) });
        var recorded = await TestApp.PostFormAsync(officer, url, new()
        {
            ["Input.Place"] = "Pantai Mandorak",
            ["Input.Mrz"] = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10",
            ["Input.Kind"] = nameof(FindingKind.PermitMisused),
            ["Input.Evidence"] = "Bekerja sebagai instruktur selancar",
            ["Input.BapNumber"] = "BAP-01",
        });

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        var page = await TestApp.HtmlAsync(refused);
        Assert.Contains("nama atau nomor paspor", page.QuerySelector("[data-valmsg-for='Input.PersonName']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("tempat", page.QuerySelector("[data-valmsg-for='Input.Place']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, recorded.StatusCode);
        var findings = (await TestApp.GetHtmlAsync(officer, url)).QuerySelector("[data-testid=findings]")!.TextContent;
        Assert.Contains("ERIKSSON ANNA MARIA", findings, StringComparison.Ordinal);
        Assert.Contains("L898902C3", findings, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnotherOfficesOperation_Is404()
    {
        var url = await PlanAsync(await app.SignInAsync("kupang"), "Operasi Kodi " + TeamData.Unique());
        var outsider = await app.SignInAsync("kalianda");

        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }
}
