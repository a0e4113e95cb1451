using System.IO.Compression;
using Microsoft.Playwright;

namespace Timpora.BrowserTests;

/// <summary>Issue 28's screens as their users meet them: a refused request reads as a page in Bahasa Indonesia, a
/// record opened without a list asks for a reason and then opens, and an XLSX bomb is refused naming the limit.</summary>
public sealed class HardeningScreensTests(BrowserApp app)
{
    private static readonly string Shots = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "timpora-shots", "hardening")).FullName;

    [Fact]
    public async Task RefusedRequests_ShowAPageThatSaysWhatToDo()
    {
        var page = await SignedInAsync("kupang");

        var tooLong = await page.GotoAsync("/Areas?q=" + new string('a', 2_100));
        Assert.Equal(414, tooLong!.Status);
        Assert.Contains("Teks pencarian terlalu panjang", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "414.png"), FullPage = true });

        // A form posted to a page that takes none (a stale bookmark, a script): 405, not a server error.
        await page.GotoAsync("/Areas");
        var posted = await page.RunAndWaitForResponseAsync(
            () => page.EvaluateAsync("() => { const f = document.createElement('form'); f.method = 'post'; f.action = '/Areas'; f.append(document.querySelector('input[name=__RequestVerificationToken]').cloneNode()); document.body.append(f); f.submit(); }"),
            r => r.Url.EndsWith("/Areas", StringComparison.Ordinal) && r.Request.Method == "POST");
        Assert.Equal(405, posted.Status);
        await page.WaitForSelectorAsync("h1:has-text('Alamat ini tidak menerima formulir')");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "405.png"), FullPage = true });
    }

    [Fact]
    public async Task Officer_OpeningAProfileWithoutAList_GivesAReasonAndSeesIt()
    {
        var page = await SignedInAsync("kupang");
        await page.GotoAsync("/Foreigners/Present");
        var listed = await page.GetAttributeAsync("a[href*='/Foreigners/Detail/']", "href") ?? "";
        Assert.Contains("listed=", listed, StringComparison.Ordinal);

        // Typed or bookmarked: the same profile without the list's ticket asks why.
        await page.GotoAsync(listed[..listed.IndexOf('?', StringComparison.Ordinal)]);
        await page.WaitForSelectorAsync("input[name=reason]");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "reason.png"), FullPage = true });
        await page.FillAsync("input[name=reason]", "Pemeriksaan lapangan hari ini");
        await page.ClickAsync("form:has(input[name=reason]) button[type=submit]");
        await page.WaitForSelectorAsync("input[name=reason]", new() { State = WaitForSelectorState.Detached });
        Assert.DoesNotContain("Alasan", await page.InnerTextAsync("h1"), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "profile-after-reason.png"), FullPage = true });
    }

    [Fact]
    public async Task Hotel_UploadingAnXlsxBomb_IsToldTheLimit()
    {
        var page = await SignedInAsync("hotel.tambolaka");
        var bomb = Path.Combine(Shots, "guests.xlsx");
        WriteBomb(bomb);

        await page.GotoAsync("/GuestReports/Upload");
        await page.SetInputFilesAsync("input[type=file]", bomb);
        await page.ClickAsync("form:has(input[type=file]) button[type=submit]");
        var message = await page.InnerTextAsync("[data-valmsg-for=file]");
        Assert.Contains("batas ukuran tiap bagian tanpa kompresi", message, StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, "upload-bomb.png"), FullPage = true });
    }

    private async Task<IPage> SignedInAsync(string user)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, user);
        return page;
    }

    /// <summary>A sheet of empty cells past the 256 MB a part may expand to, in a file of a few hundred KB.</summary>
    private static void WriteBomb(string path)
    {
        File.Delete(path);
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var writer = new StreamWriter(zip.CreateEntry("[Content_Types].xml").Open()))
        {
            writer.Write("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>");
        }

        using var sheet = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open());
        var row = "<row>" + string.Concat(Enumerable.Repeat("<c/>", 10_000)) + "</row>";
        sheet.Write("<worksheet><sheetData>");
        for (long written = 0; written <= 257L * 1024 * 1024; written += row.Length)
        {
            sheet.Write(row);
        }

        sheet.Write("</sheetData></worksheet>");
    }
}
