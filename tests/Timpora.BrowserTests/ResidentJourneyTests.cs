using Microsoft.Playwright;

namespace Timpora.BrowserTests;

/// <summary>A resident with a small phone and no account files a tip from the landing page and follows it.</summary>
public sealed class ResidentJourneyTests(BrowserApp app)
{
    private const string Shots = "/tmp/shots-c";

    [Fact]
    public async Task Resident_On360Pixels_FilesATipFromTheLandingPage_AndFollowsItWithTheCode()
    {
        Directory.CreateDirectory(Shots);
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await FitsAsync(page, "landing");
        await page.ClickAsync("[data-testid=tip-report-link]");
        await page.WaitForURLAsync("**/Tips/Report");

        await page.CheckAsync("input[name='Input.Kind'][value=WorkingWithoutPermit]");
        // The area picker swaps itself after each choice (htmx): wait for the next list to be filled.
        await page.SelectOptionAsync("select[name='Area.Province']", "53");
        await page.WaitForSelectorAsync("select[name='Area.Regency']:not([disabled]) option[value='53.18']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.Regency']", "53.18");
        await page.WaitForSelectorAsync("select[name='Area.District']:not([disabled]) option[value='53.18.09']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.District']", "53.18.09");
        await page.WaitForSelectorAsync("select[name='Area.Village']:not([disabled]) option[value='53.18.09.1004']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.Village']", "53.18.09.1004");
        await page.FillAsync("input[name='Input.Place']", "Kebun jambu mete dekat pasar Waitabula");
        await page.FillAsync("textarea[name='Input.Account']", "Tiga orang asing bekerja memetik jambu mete setiap pagi sejak minggu lalu.");
        await page.FillAsync("input[name='Input.SubjectNationality']", "Tiongkok");
        await page.CheckAsync("input[name='Input.Anonymous']");
        await FitsAsync(page, "report-filled");
        await page.ClickAsync("form[data-testid=tip-report] > button[type=submit]");

        await page.WaitForURLAsync("**/Tips/Receipt");
        var code = (await page.InnerTextAsync("[data-testid=tracking-code]")).Trim();
        var secret = (await page.InnerTextAsync("[data-testid=tracking-secret]")).Trim();
        Assert.Matches("^TP-[A-Z0-9]{4}-[A-Z0-9]{4}$", code);
        await FitsAsync(page, "receipt");

        await page.ClickAsync("a[href='/Tips/Status']");
        await page.WaitForURLAsync("**/Tips/Status");
        await page.FillAsync("input[name='Input.Code']", code.ToLowerInvariant());
        await page.FillAsync("input[name='Input.Secret']", secret);
        await page.ClickAsync("form[data-testid=tip-lookup] button[type=submit]");
        await page.WaitForSelectorAsync("[data-testid=tip-status]");

        Assert.Equal("Diterima", (await page.InnerTextAsync("[data-testid=tip-status] [data-testid=tip-state]")).Trim());
        await FitsAsync(page, "status");
    }

    /// <summary>Saves a full-page screenshot and checks that nothing makes the page scroll sideways on 360 px.</summary>
    private static async Task FitsAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"resident-{name}-360.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{name} is {width}px wide on a 360px screen");
    }
}
