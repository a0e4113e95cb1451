using Microsoft.Playwright;

namespace Timpora.BrowserTests;

/// <summary>Offices, agencies, the menu by role, the register lists and the audit log as their people use them.</summary>
public sealed class OfficeJourneyTests(BrowserApp app)
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

    private async Task<(IBrowserContext Context, IPage Page)> SignInAsync(string userName, int width = 1280)
    {
        var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = width, Height = 900 } });
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page, userName);
        return (context, page);
    }

    [Fact]
    public async Task Administrator_AddsARegencyWithThePicker_AndEditsKanwilAndUnits()
    {
        var (context, page) = await SignInAsync("admin");
        await using var _ = context;
        await page.ClickAsync("header nav a[href='/Offices']");
        await page.WaitForSelectorAsync("[data-testid=edit-kanwil]");
        await ShotAsync(page, "offices-index");

        await page.ClickAsync("[data-testid=new-kanwil]");
        await page.WaitForSelectorAsync("[data-testid=kanwil-form]");
        await ShotAsync(page, "kanwil-form");

        await page.GotoAsync("/Offices");
        await page.ClickAsync("a:has-text('Kalianda')");
        await page.ClickAsync("[data-testid=edit-kanim]");
        await page.WaitForSelectorAsync("[data-testid=regencies]");
        await page.SelectOptionAsync("select[name='Area.Province']", "18");
        await page.WaitForSelectorAsync("select[name='Area.Regency']:not([disabled])");
        await page.SelectOptionAsync("select[name='Area.Regency']", "18.04");
        await page.ClickAsync("[data-testid=add-regency]");
        await page.WaitForSelectorAsync("[data-testid=regencies] li:has-text('18.04')");
        await ShotAsync(page, "kanim-form-picker");
        // Not saved: the journey only shows the picker; the server rules are tested over HTTP.

        await page.GotoAsync("/Agencies");
        await page.WaitForSelectorAsync("[data-testid=new-unit]");
        await ShotAsync(page, "agencies-index");
        await page.ClickAsync("[data-testid=new-unit]");
        await page.WaitForSelectorAsync("[data-testid=unit-form]");
        await ShotAsync(page, "unit-form");

        await page.GotoAsync("/Audit");
        await page.WaitForSelectorAsync("[data-testid=audit-table]");
        await ShotAsync(page, "audit-index");
    }

    [Fact]
    public async Task EveryRole_SeesItsOwnMenu_AndTheOfficerTheRegisterLists()
    {
        foreach (var user in new[] { "pimpasa.sbd", "polres.sbd", "kupang", "ditjen" })
        {
            var (context, page) = await SignInAsync(user);
            await using var _ = context;
            await ShotAsync(page, "menu-" + user);
            if (user == "pimpasa.sbd")
            {
                Assert.Equal(0, await page.Locator("[data-testid=nav-watchlists]").CountAsync());
            }

            if (user == "kupang")
            {
                await page.GotoAsync("/Foreigners/Overstays");
                await page.WaitForSelectorAsync("[data-testid=overstays-table]");
                await ShotAsync(page, "overstays");
                await page.GotoAsync("/Foreigners/Present");
                await ShotAsync(page, "present");
                await page.GotoAsync("/Foreigners");
                await ShotAsync(page, "foreigners");
                await page.GotoAsync("/Teams");
                await page.ClickAsync("table a[href^='/Teams/']");
                await page.ClickAsync("summary:has-text('Tambah')");
                await ShotAsync(page, "team-detail");
            }
        }
    }
}
