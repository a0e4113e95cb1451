using Microsoft.Playwright;
using Timpora.Core.Demo;

namespace Timpora.BrowserTests;

public sealed class FirstJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Officer_SignsInSwitchesToEnglishOpensAnAreaAndSignsOut()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/");
        await page.ClickAsync("text=Masuk sebagai petugas");
        await page.FillAsync("input[name='Input.UserName']", "kupang");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");
        Assert.Contains("Pekerjaan saya", await page.InnerTextAsync("h1"), StringComparison.Ordinal);

        await page.ClickAsync("button:has-text('English')");
        await page.WaitForSelectorAsync("h1:has-text('My work')");

        await page.ClickAsync("nav >> text=Areas");
        await page.FillAsync("input[name='Area.Query']", "weeteb");
        var suggestion = page.Locator("[data-testid=area-suggestions] button[value='53.18.09.1004']");
        await suggestion.WaitForAsync();
        await suggestion.ClickAsync();
        // Polled from here: the page's CSP forbids the eval behind Playwright's WaitForFunction.
        for (var i = 0; i < 50 && await page.InputValueAsync("select[name='Area.Village']") != "53.18.09.1004"; i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        Assert.Equal("53.18.09.1004", await page.InputValueAsync("select[name='Area.Village']"));
        await page.ClickAsync("button:has-text('Open area')");
        await page.WaitForURLAsync("**/Areas/53.18.09.1004");
        Assert.Equal("Waitabula", await page.InnerTextAsync("[data-testid=area-name]"));
        Assert.Contains("Kantor Imigrasi Kelas I TPI Kupang", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.ClickAsync("[data-testid=sign-out]");
        await page.WaitForURLAsync(app.BaseUrl + "/");
        Assert.Contains("Staff sign-in", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.Equal("/Account/SignIn", new Uri((await page.GotoAsync("/Home"))!.Url).AbsolutePath);
    }

    [Fact]
    public async Task AreaPicker_WithoutJavaScript_StillReachesTheVillage()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, JavaScriptEnabled = false });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", "kalianda");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");

        await page.GotoAsync("/Areas");
        // Each "Muat pilihan" posts the form and renders the next level; wait for that option before choosing it,
        // or the choice lands on the page that is being replaced.
        await page.SelectOptionAsync("select[name='Area.Province']", "18");
        await page.ClickAsync("text=Muat pilihan");
        await page.WaitForSelectorAsync("select[name='Area.Regency'] option[value='18.07']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.Regency']", "18.07");
        await page.ClickAsync("text=Muat pilihan");
        await page.WaitForSelectorAsync("select[name='Area.District'] option[value='18.07.22']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.District']", "18.07.22");
        await page.ClickAsync("text=Muat pilihan");
        await page.WaitForSelectorAsync("select[name='Area.Village'] option[value='18.07.22.2001']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.Village']", "18.07.22.2001");
        await page.ClickAsync("button:has-text('Buka wilayah')");

        // Waits for the redirect to reach the village's page, not for its load event (which once failed to come within
        // 30 s on a cold CI run although the network was idle); reading the name below waits for the element itself.
        await page.WaitForURLAsync("**/Areas/18.07.22.2001", new() { WaitUntil = WaitUntilState.Commit });
        Assert.Equal("Braja Harjosari", await page.InnerTextAsync("[data-testid=area-name]"));
    }
}
