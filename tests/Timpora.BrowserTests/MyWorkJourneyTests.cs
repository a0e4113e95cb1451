using Microsoft.Playwright;

namespace Timpora.BrowserTests;

/// <summary>The home as the two field partners of the Sumba story use it: the police partner opens its due tip from
/// there, and the village's PIMPASA records the outreach the home says is overdue and sees the quarter count move.</summary>
public sealed class MyWorkJourneyTests(BrowserApp app)
{
    private static readonly string Shots = Environment.GetEnvironmentVariable("TIMPORA_SHOTS") ?? "";

    private static async Task ShotAsync(IPage page, string name)
    {
        if (Shots.Length > 0)
        {
            Directory.CreateDirectory(Shots);
            await page.ScreenshotAsync(new() { Path = Path.Combine(Shots, name + ".png"), FullPage = true });
        }
    }

    [Fact]
    public async Task PolicePartner_OpensItsDueTipFromTheHome()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, "polres.sbd");

        // Opening / again, as a bookmark would, lands on the home too.
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Home");
        var tip = page.Locator("[data-testid=my-work-list] li[data-kind=TipsDue]", new() { HasText = "TP-DEMO-5301" });
        await Assertions.Expect(tip).ToBeInViewportAsync();
        var position = await page.Locator("[data-testid=my-work-list] > li").EvaluateAllAsync<int>(
            "(items) => items.findIndex(li => li.textContent.includes('TP-DEMO-5301'))");
        Assert.InRange(position, 0, 2);
        Assert.Contains("2", await page.InnerTextAsync("[data-testid=my-work-counters] li[data-kind=Actions] strong"), StringComparison.Ordinal);
        await ShotAsync(page, "home-polres");

        await tip.Locator("a").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=tip-code]")).ToHaveTextAsync("TP-DEMO-5301");
        Assert.Contains("Polres Sumba Barat Daya", await page.InnerTextAsync("[data-testid=tip-assignee]"), StringComparison.Ordinal);
        await ShotAsync(page, "tip-detail-polres");

        await using var phoneContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        var phone = await phoneContext.NewPageAsync();
        await BrowserApp.SignInAsync(phone, "polres.sbd");
        await ShotAsync(phone, "home-polres-360");
    }

    [Fact]
    public async Task Landing_AnonymousSeesTheTipForm_OfficerLandsOnTheirWork()
    {
        await using var phoneContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        var phone = await phoneContext.NewPageAsync();
        await phone.GotoAsync("/");
        await Assertions.Expect(phone.Locator("[data-testid=tip-report-link]")).ToBeVisibleAsync();
        await ShotAsync(phone, "landing-360");

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/");
        await ShotAsync(page, "landing");
        await BrowserApp.SignInAsync(page, "kupang");
        await page.GotoAsync("/");
        await page.WaitForURLAsync("**/Home");
        await Assertions.Expect(page.Locator("[data-testid=my-work-list] li[data-kind=TipsDue]", new() { HasText = "TP-DEMO-5301" })).ToBeVisibleAsync();
        await ShotAsync(page, "home-kupang");
    }

    [Fact]
    public async Task Pimpasa_RecordsTheOverdueOutreach_AndSeesItCountedAfterReload()
    {
        await using var desktopContext = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var desktop = await desktopContext.NewPageAsync();
        await BrowserApp.SignInAsync(desktop, "pimpasa.sbd");
        await ShotAsync(desktop, "home-pimpasa");

        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, "pimpasa.sbd");
        var counter = page.Locator("[data-testid=my-work-counters] li[data-kind=Activities] strong");
        var before = Fraction(await counter.InnerTextAsync());
        var outreach = page.Locator("[data-testid=my-work-list] li[data-kind=Activities].is-overdue", new() { HasText = "Balai Desa Wee Londa" });
        await Assertions.Expect(outreach).ToBeVisibleAsync();
        Assert.True(await page.Locator("[data-testid=my-work-list] li[data-kind=Deferrals]", new() { HasText = "Markus Lende Bulu" }).IsVisibleAsync());
        await ShotAsync(page, "home-pimpasa-360");

        await outreach.Locator("a").ClickAsync();
        await page.WaitForURLAsync("**/Villages/Activities/Edit/**");
        await page.SelectOptionAsync("select[name='Input.Status']", "Done");
        await page.FillAsync("input[name='Input.Men']", "18");
        await page.FillAsync("input[name='Input.Women']", "23");
        await page.FillAsync("input[name='Input.ProspectiveMigrants']", "5");
        await page.FillAsync("textarea[name='Input.Outcome']", "Warga mengenal cara bekerja ke luar negeri secara prosedural dan cara melaporkan orang asing.");
        await ShotAsync(page, "activity-edit-360");
        await page.ClickAsync("form[action*='/Villages/Activities/Edit'] button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/Edit/", StringComparison.Ordinal));
        await ShotAsync(page, "activity-saved-360");

        await page.GotoAsync("/Home");
        await page.ReloadAsync();
        var after = Fraction(await counter.InnerTextAsync());
        Assert.Equal(before.Done + 1, after.Done);
        Assert.Equal(before.Planned, after.Planned);
        Assert.Equal(0, await page.Locator("[data-testid=my-work-list] li[data-kind=Activities].is-overdue", new() { HasText = "Balai Desa Wee Londa" }).CountAsync());
        await ShotAsync(page, "home-pimpasa-after-360");
    }

    private static (int Done, int Planned) Fraction(string text)
    {
        var parts = text.Trim().Split('/');
        return (int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
    }
}
