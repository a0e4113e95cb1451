using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>Issue 29 item 9: a tip starts ungraded, a cadre's intake keeps the resident's name, and a duplicate is
/// its own state that its reporter still follows, listed with its details and photos on the original.</summary>
public sealed class DuplicateAndGradeTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Detail_TipNeverGraded_ShowsNotGradedAndOffersNoGradeByDefault()
    {
        var unique = TipData.Unique();
        var tip = await TipSeed.AddAsync(app, change: t => { t.State = TipState.Verified; t.Account = "Belum " + unique; });
        var client = await app.SignInAsync("kalianda");

        var page = await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{tip.Id}");
        var inbox = await TestApp.GetHtmlAsync(client, $"/Tips?q={unique}");

        Assert.Equal("Belum dinilai", TipData.Text(page, "tip-grade"));
        Assert.Equal("", ((IHtmlSelectElement)page.QuerySelector("[data-testid=grade-reliability]")!).Value);
        Assert.Equal("", ((IHtmlSelectElement)page.QuerySelector("[data-testid=grade-credibility]")!).Value);
        Assert.Contains("Belum dinilai", TipData.Text(inbox, "tips-table"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Intake_ResidentNameWithoutPhone_KeepsTheName()
    {
        var client = await app.SignInAsync("kader.brajaharjosari");
        var unique = TipData.Unique();
        var form = TipData.Form(unique);
        form.Remove("Input.ReporterPhone");

        var filed = await TipData.PostAsync(client, form, url: "/Tips/Intake");

        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        await using var db = app.SystemDb();
        var tip = await db.Tips.SingleAsync(t => t.Account.Contains(unique), Token);
        Assert.Equal(("Warga " + unique, false, (string?)null), (tip.ReporterName, tip.Anonymous, tip.ReporterPhone));
        Assert.Contains("Warga " + unique, (await TestApp.GetHtmlAsync(await app.SignInAsync("kalianda"), $"/Tips/Detail/{tip.Id}"))
            .QuerySelector("[data-testid=tip-facts]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LinkDuplicate_IsNotARejection_TheOriginalListsItWithItsDetailsAndPhotos()
    {
        var original = await TipSeed.AddAsync(app, change: t => t.State = TipState.Verified);
        var unique = TipData.Unique();
        var (code, _) = await TipData.FileAsync(app.Anonymous(), unique, photos: [("rumah.jpg", TestImages.Jpeg(), "image/jpeg")]);
        await using var db = app.SystemDb();
        var duplicate = await db.Tips.Include(t => t.Photos).SingleAsync(t => t.TrackingCode == code, Token);
        var client = await app.SignInAsync("kalianda");

        var linked = await TipSeed.StepAsync(client, duplicate.Id, new() { ["Input.Step"] = "LinkDuplicate", ["Input.DuplicateOf"] = original.TrackingCode });

        Assert.Equal(HttpStatusCode.Redirect, linked.StatusCode);
        var saved = await db.Tips.AsNoTracking().SingleAsync(t => t.Id == duplicate.Id, Token);
        Assert.Equal((TipState.Duplicate, (TipRejection?)null, (Guid?)original.Id), (saved.State, saved.Rejection, saved.DuplicateOfId));
        var duplicatePage = await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{duplicate.Id}");
        Assert.Equal("Duplikat dari " + original.TrackingCode, Shown(duplicatePage, "tip-state"));
        Assert.Equal($"/Tips/Detail/{original.Id}", duplicatePage.QuerySelector("[data-testid=tip-original]")!.GetAttribute("href"));
        var listed = (await TestApp.GetHtmlAsync(client, $"/Tips/Detail/{original.Id}")).QuerySelector("[data-testid=tip-duplicate]")!;
        Assert.Contains(code, listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("penggilingan padi tanpa dokumen " + unique, listed.TextContent, StringComparison.Ordinal);
        Assert.Contains("Warga " + unique, listed.TextContent, StringComparison.Ordinal);
        var photo = listed.QuerySelector("img")!.GetAttribute("src")!;
        Assert.Contains(duplicate.Photos.Single().Id.ToString(), photo, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri(photo, UriKind.Relative), Token)).StatusCode);
        Assert.Equal("Duplikat dari " + original.TrackingCode,
            TipData.Text(await TestApp.GetHtmlAsync(client, $"/Tips?q={unique}"), "tip-row-state"));
    }

    [Fact]
    public async Task Status_OfADuplicate_ReadsDuplicateOfAReportBeingHandled_NotFinished()
    {
        var original = await TipSeed.AddAsync(app, change: t => { t.State = TipState.InFollowUp; t.PublicMessage = "Petugas sudah ke lokasi."; });
        var reporter = app.Anonymous();
        var (code, secret) = await TipData.FileAsync(reporter, TipData.Unique());
        await using (var db = app.SystemDb())
        {
            var id = await db.Tips.Where(t => t.TrackingCode == code).Select(t => t.Id).SingleAsync(Token);
            await TipSeed.StepAsync(await app.SignInAsync("kalianda"), id, new() { ["Input.Step"] = "LinkDuplicate", ["Input.DuplicateOf"] = original.TrackingCode });
        }

        var page = await TestApp.HtmlAsync(await TestApp.PostFormAsync(reporter, "/Tips/Status", new() { ["Input.Code"] = code, ["Input.Secret"] = secret }));

        Assert.Equal("Duplikat dari laporan yang sedang ditangani", TipData.Text(page, "tip-state"));
        Assert.Equal("Laporan yang ditangani: Sedang ditindaklanjuti", TipData.Text(page, "tip-original-state"));
        Assert.Equal("Petugas sudah ke lokasi.", TipData.Text(page, "tip-message"));
        Assert.NotNull(page.QuerySelector("[data-testid=tip-add]"));
    }

    [Fact]
    public async Task CadreList_OfADuplicate_ShowsDuplicateNotRejected()
    {
        var cadre = await app.CreateUserAsync(Roles.VillageCadre, "Kalianda", [TipData.BrajaHarjosari]);
        var cadreClient = await app.SignInAsync(cadre);
        var unique = TipData.Unique();
        Assert.Equal(HttpStatusCode.Redirect, (await TipData.PostAsync(cadreClient, TipData.Form(unique), url: "/Tips/Intake")).StatusCode);
        var original = await TipSeed.AddAsync(app);
        await using var db = app.SystemDb();
        var filed = await db.Tips.Where(t => t.Account.Contains(unique)).Select(t => t.Id).SingleAsync(Token);
        await TipSeed.StepAsync(await app.SignInAsync("kalianda"), filed, new() { ["Input.Step"] = "LinkDuplicate", ["Input.DuplicateOf"] = original.TrackingCode });

        var list = await TestApp.GetHtmlAsync(cadreClient, "/Tips");
        var detail = await TestApp.GetHtmlAsync(cadreClient, $"/Tips/Detail/{filed}");

        var row = list.QuerySelectorAll("[data-testid=tips-table] tbody tr").Single(r => r.TextContent.Contains(original.TrackingCode, StringComparison.Ordinal));
        Assert.DoesNotContain("Ditolak", row.TextContent, StringComparison.Ordinal);
        Assert.Contains("sedang ditangani", row.TextContent, StringComparison.Ordinal);
        Assert.Equal("Duplikat dari " + original.TrackingCode, Shown(detail, "tip-state"));
        // The original is not the cadre's: its code is named, not linked.
        Assert.Null(detail.QuerySelector("[data-testid=tip-original]"));
    }

    /// <summary>The text as a browser shows it: runs of white space as one space.</summary>
    private static string Shown(IHtmlDocument page, string testId) =>
        System.Text.RegularExpressions.Regex.Replace(TipData.Text(page, testId), @"\s+", " ");
}
