using System.Text;
using Microsoft.Playwright;
using Timpora.Core.Demo;

namespace Timpora.BrowserTests;

public sealed class MinutesJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Officer_WritesMinutes_FindsThemAfterAReloadAndInThePdf()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, AcceptDownloads = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", "kupang");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");

        await page.GotoAsync("/Teams");
        await page.ClickAsync("a[href^='/Teams/']:has-text('Sumba Barat Daya')");
        await page.ClickAsync("a:has-text('Rapat Evaluasi Timpora Kabupaten Sumba Barat Daya')");
        await page.ClickAsync("a:has-text('Tulis notulen')");
        var minutes = "Kasat Intelkam memaparkan tiga temuan di Kota Tambolaka " + Guid.NewGuid().ToString("N")[..6];
        var first = page.Locator("textarea[name='Items[0].Minutes']");
        await first.FillAsync(minutes);
        await page.ClickAsync("form button[type=submit]:has-text('Simpan')");
        await page.WaitForLoadStateAsync();

        await page.ReloadAsync();
        Assert.Equal(minutes, await page.Locator("textarea[name='Items[0].Minutes']").InputValueAsync());
        Directory.CreateDirectory("/tmp/shots-b");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/shots-b/minutes.png", FullPage = true });

        await page.ClickAsync("hgroup a");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/shots-b/meeting-detail.png", FullPage = true });
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("[data-testid=pdf]"));
        var path = await download.PathAsync();
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        var text = Encoding.Latin1.GetString(bytes);
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        // The PDF draws wrapped lines; the unique last word of the minutes is on one line.
        Assert.Contains(minutes.Split(' ')[^1], text, StringComparison.Ordinal);
        // The demo's evaluation meeting is on 18 December, after "today": its minutes are a draft.
        Assert.Contains("DRAFT", text, StringComparison.Ordinal);
        await File.WriteAllBytesAsync("/tmp/shots-b/notulen.pdf", bytes, TestContext.Current.CancellationToken);
    }
}
