using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>The public form: no account, the Kanim of the village gets the report, the reporter gets a code and a secret.</summary>
public sealed class ReportTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Report_Valid_GoesToTheKanimOfTheVillageWithCodeAndSecret()
    {
        var unique = TipData.Unique();

        var (code, secret) = await TipData.FileAsync(app.Anonymous(), unique);

        Assert.Matches("^TP-[2-9A-Z]{4}-[2-9A-Z]{4}$", code);
        Assert.Matches("^[2-9A-Z]{5}-[2-9A-Z]{5}$", secret);
        await using var db = app.SystemDb();
        var tip = await db.Tips.Include(t => t.Events).SingleAsync(t => t.TrackingCode == code, Token);
        var kalianda = await db.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).SingleAsync(Token);
        Assert.Equal(kalianda, tip.KanimId);
        Assert.Equal(TipData.BrajaHarjosari, tip.AreaCode);
        Assert.Equal(TipState.New, tip.State);
        Assert.Equal(TipKind.WorkingWithoutPermit, tip.Kind);
        Assert.Equal("0812-1111-2222", tip.ReporterPhone);
        Assert.NotEqual(secret, tip.SecretHash);
        Assert.True(TrackingCodes.Verify(code, secret, tip.SecretHash));
        Assert.Single(tip.Events, e => e.Kind == TipEventKind.Received);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityType == nameof(Tip) && a.EntityId == tip.Id.ToString(), Token));
    }

    [Fact]
    public async Task Report_Anonymous_KeepsNoNameOrContact()
    {
        var unique = TipData.Unique();

        var (code, _) = await TipData.FileAsync(app.Anonymous(), unique, f =>
        {
            f["Input.Anonymous"] = "true";
            f["Input.ReporterPhone"] = "";
        });

        await using var db = app.SystemDb();
        var tip = await db.Tips.SingleAsync(t => t.TrackingCode == code, Token);
        Assert.True(tip.Anonymous);
        Assert.Null(tip.ReporterName);
        Assert.Null(tip.ReporterPhone);
    }

    [Fact]
    public async Task Report_NoContactAndNotAnonymous_AsksForOneAndKeepsTheText()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form["Input.ReporterPhone"] = "";

        var response = await TipData.PostAsync(app.Anonymous(), form);

        var page = await TestApp.HtmlAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for='Input.ReporterPhone']")!.TextContent));
        Assert.Contains(unique, page.QuerySelector("textarea[name='Input.Account']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_MissingAccount_ShowsMessageBesideItAndKeepsEverythingTyped()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form["Input.Account"] = "";

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(app.Anonymous(), form));

        Assert.Contains("wajib", page.QuerySelector("[data-valmsg-for='Input.Account']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Dekat balai desa " + unique, page.QuerySelector("input[name='Input.Place']")!.GetAttribute("value"));
        Assert.Equal("Mr " + unique, page.QuerySelector("input[name='Input.SubjectName']")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector("input[name='Input.Kind'][value=WorkingWithoutPermit][checked]"));
        Assert.Equal(TipData.BrajaHarjosari, page.QuerySelector("select[name='Area.Village'] option[selected]")!.GetAttribute("value"));
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Report_MissingKindAndVillage_SaysSoForEach()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form.Remove("Input.Kind");
        form.Remove("Area.Pick");

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(app.Anonymous(), form));

        Assert.Contains("jenis laporan", page.QuerySelector("[data-valmsg-for='Input.Kind']")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("desa", page.QuerySelector("[data-testid=area-error]")!.TextContent, StringComparison.Ordinal);
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Report_ScriptInTextFields_IsStoredAndShownAsText()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form["Input.SubjectName"] = "<script>alert(1)</script>" + unique;
        form["Input.Account"] = "";

        var html = await (await TipData.PostAsync(app.Anonymous(), form)).Content.ReadAsStringAsync(Token);

        Assert.DoesNotContain("<script>alert(1)</script>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;" + unique, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Report_Refused_ShowsTheSummaryWithALinkToEachField()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form["Input.Account"] = "";
        form.Remove("Area.Pick");

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(app.Anonymous(), form));

        var summary = page.QuerySelector("[data-testid=tip-errors] [data-testid=error-summary]")!;
        Assert.True(summary.HasAttribute("autofocus"));
        var links = summary.QuerySelectorAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("#account", links);
        Assert.Contains("#picker-Area-query", links);
        Assert.All(links, href => Assert.NotNull(page.QuerySelector(href!)));
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Report_HiddenFieldFilledByABot_IsRefusedWithAMessage()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form["Input.Website"] = "http://spam.example";

        var response = await TipData.PostAsync(app.Anonymous(), form);

        var page = await TestApp.HtmlAsync(response);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Website", page.QuerySelector("[data-testid=tip-errors]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(unique, page.QuerySelector("textarea[name='Input.Account']")!.TextContent, StringComparison.Ordinal);
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Report_VillageNoKanimCovers_SaysNoOfficeCoversIt()
    {
        var unique = TipData.Unique();
        string jakarta;
        await using (var db = app.SystemDb())
        {
            jakarta = await db.Areas.Where(a => a.Level == Core.Areas.AreaLevel.Village && a.Code.StartsWith("31.")).OrderBy(a => a.Code).Select(a => a.Code).FirstAsync(Token);
        }

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(app.Anonymous(), TipData.Form(unique, jakarta)));

        Assert.Contains("Kantor Imigrasi", page.QuerySelector("[data-testid=area-error]")!.TextContent, StringComparison.Ordinal);
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Report_TimeInTheFuture_IsRefusedBesideIt()
    {
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form["Input.When"] = DateTime.UtcNow.AddDays(3).ToString("yyyy-MM-ddTHH:mm", System.Globalization.CultureInfo.InvariantCulture);

        var page = await TestApp.HtmlAsync(await TipData.PostAsync(app.Anonymous(), form));

        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector("[data-valmsg-for='Input.When']")!.TextContent));
        await AssertNotFiledAsync(unique);
    }

    [Fact]
    public async Task Receipt_SecondVisit_NoLongerShowsTheSecret()
    {
        var client = app.Anonymous();
        await TipData.FileAsync(client, TipData.Unique());

        var again = await TestApp.GetHtmlAsync(client, "/Tips/Receipt");

        Assert.Null(again.QuerySelector("[data-testid=tracking-secret]"));
    }

    [Fact]
    public async Task Form_FirstLoad_WeighsUnder50KilobytesWithItsStylesAndScripts()
    {
        var client = app.Anonymous();
        var response = await client.GetAsync(new Uri("/Tips/Report", UriKind.Relative), Token);
        var html = await response.Content.ReadAsByteArrayAsync(Token);
        var page = await TestApp.HtmlAsync(response);

        long total = html.Length;
        var assets = page.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!)
            .Concat(page.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")!)).ToList();
        foreach (var asset in assets)
        {
            total += (await client.GetByteArrayAsync(new Uri(asset, UriKind.Relative), Token)).Length;
        }

        Assert.NotEmpty(assets);
        Assert.True(total < 50 * 1024, $"first load is {total} bytes");
        Assert.NotNull(page.QuerySelector("[data-testid=privacy]"));
    }

    private async Task AssertNotFiledAsync(string unique)
    {
        await using var db = app.SystemDb();
        Assert.False(await db.Tips.AnyAsync(t => t.Account.Contains(unique), Token));
    }
}
