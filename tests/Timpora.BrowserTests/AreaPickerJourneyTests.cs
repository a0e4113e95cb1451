using Microsoft.Playwright;
using Timpora.Core.Demo;

namespace Timpora.BrowserTests;

public sealed class AreaPickerJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Resident_TypingSlowlyOnThePublicTipForm_KeepsEveryCharacterAndPicksTheVillage()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Tips/Report");

        await TypeAndPickWaitabulaAsync(page, "tip-form-picker");
    }

    [Fact]
    public async Task Officer_TypingSlowlyOnAStaffForm_KeepsEveryCharacterAndPicksTheVillage()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", "kupang");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");
        await page.GotoAsync("/Foreigners");

        await TypeAndPickWaitabulaAsync(page, "foreigners-picker");
    }

    /// <summary>Pauses of 500 ms are longer than the picker's 250 ms delay, so a request is answered between
    /// characters: each answer must leave the input, its text and the focus as they are.</summary>
    private static async Task TypeAndPickWaitabulaAsync(IPage page, string shot)
    {
        var query = page.Locator("[data-testid=area-query]").First;
        await query.ClickAsync();
        await query.PressSequentiallyAsync("Waitabula", new LocatorPressSequentiallyOptions { Delay = 500 });

        var suggestion = page.Locator("[data-testid=area-suggestions] button[value='53.18.09.1004']").First;
        await suggestion.WaitForAsync();
        Assert.Equal("Waitabula", await query.InputValueAsync());
        Assert.True(await query.EvaluateAsync<bool>("e => document.activeElement === e"), "the search input lost the focus");
        Directory.CreateDirectory("/tmp/shots-b");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = $"/tmp/shots-b/{shot}.png", FullPage = true });

        await suggestion.ClickAsync();
        var village = page.Locator("select[name$='.Village']").First;
        await Assertions.Expect(village).ToHaveValueAsync("53.18.09.1004");
        Assert.Equal("53.18.09", await page.Locator("select[name$='.District']").First.InputValueAsync());
    }
}
