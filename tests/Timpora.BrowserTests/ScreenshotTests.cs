using Microsoft.Playwright;

namespace Timpora.BrowserTests;

/// <summary>Screenshots of the pages issue 29's fixes changed, saved to /tmp/shots-b for a person to look at; the
/// assertions only catch a page wider than its screen.</summary>
public sealed class ScreenshotTests(BrowserApp app)
{
    [Fact]
    public async Task ChangedStaffPages_AtDesktopWidth_AreSaved()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var page = await SignInAsync(context, "kupang");
        await page.GotoAsync("/Teams");
        await page.ClickAsync("a[href^='/Teams/']:has-text('Sumba Barat Daya')");
        await page.ClickAsync("a:has-text('Rapat Koordinasi Timpora: Tantangan')");
        var meeting = page.Url;
        await SaveAsync(page, "meeting-held");
        await page.ClickAsync("a:has-text('Daftar hadir')");
        await SaveAsync(page, "attendance");
        await page.GotoAsync(meeting.Replace("/Meetings/", "/Meetings/Minutes/", StringComparison.Ordinal));
        await SaveAsync(page, "minutes-closed");
        await page.GotoAsync("/Foreigners");
        await SaveAsync(page, "foreigners");
        await page.GotoAsync("/Villages/Reports");
        await SaveAsync(page, "village-reports");
    }

    [Fact]
    public async Task PublicAndFieldForms_At360Pixels_AreSavedAndFitTheScreen()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Tips/Report");
        // The account is filled (the browser itself asks for it); no village is chosen, so the server refuses.
        await page.FillAsync("textarea[name='Input.Account']", "Orang asing bekerja di penggilingan padi tanpa dokumen");
        await page.ClickAsync("button:has-text('Kirim laporan')");
        await Assertions.Expect(page.Locator("[data-testid=error-summary]")).ToBeFocusedAsync();
        await SaveAsync(page, "tip-form-refused-360");
        Assert.True(await page.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the tip form is wider than the screen");

        var hotel = await SignInAsync(context, "hotel.tambolaka");
        await hotel.GotoAsync("/GuestReports/CheckIn");
        await hotel.FillAsync("input[name='Input.Surname']", "DE JONG");
        await hotel.ClickAsync("button:has-text('Kirim laporan')");
        await SaveAsync(hotel, "checkin-refused-360");
        Assert.True(await hotel.EvaluateAsync<int>("document.documentElement.scrollWidth") <= 360, "the check-in is wider than the screen");
    }

    private static async Task<IPage> SignInAsync(IBrowserContext context, string user)
    {
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, user);
        return page;
    }

    private static async Task SaveAsync(IPage page, string name)
    {
        Directory.CreateDirectory("/tmp/shots-b");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/shots-b/{name}.png", FullPage = true });
    }
}
