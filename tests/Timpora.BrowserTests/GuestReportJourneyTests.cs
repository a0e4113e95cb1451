using Microsoft.Playwright;
using Timpora.Core.Demo;

namespace Timpora.BrowserTests;

public sealed class GuestReportJourneyTests(BrowserApp app)
{
    [Fact]
    public async Task Receptionist_OnAPhone_PastesTheMrzSendsAndGetsAReceipt()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", "hotel.tambolaka");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");

        await page.GotoAsync("/GuestReports/CheckIn");
        var passport = "NL" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        // TD3 line 2: number(9) check, nationality, birth(6) check, sex, expiry(6) check, personal number(14) check, composite.
        var line2 = passport + Digit(passport) + "NLD" + "820615" + Digit("820615") + "F" + "301231" + Digit("301231") + "<<<<<<<<<<<<<<" + "0";
        line2 += Digit(line2[..10] + line2[13..20] + line2[21..43]);
        await page.FillAsync("textarea[name='Input.Mrz']", "P<NLDDE<JONG<<SANNE<<<<<<<<<<<<<<<<<<<<<<<<<\n" + line2);
        await page.ClickAsync("button:has-text('Isi dari MRZ')");
        Assert.Equal("DE JONG", await page.InputValueAsync("input[name='Input.Surname']"));
        Assert.Equal(passport, await page.InputValueAsync("input[name='Input.PassportNumber']"));
        Assert.Equal("1982-06-15", await page.InputValueAsync("input[name='Input.BirthDate']"));
        Assert.Equal("NLD", await page.InputValueAsync("select[name='Input.Nationality']"));

        await page.SelectOptionAsync("select[name='Input.VisaIndexCode']", "BVK");
        await page.FillAsync("input[name='Input.Room']", "21");
        await page.ClickAsync("button:has-text('Kirim laporan')");
        await page.WaitForURLAsync("**/GuestReports/Receipt/**");
        Assert.StartsWith("TP", await page.InnerTextAsync("[data-testid=receipt-number]"), StringComparison.Ordinal);
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"the receipt is {width}px wide on a 360px screen");
    }

    [Fact]
    public async Task Receptionist_WrongCheckDigit_SeesTheErrorSummaryInView()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = app.BaseUrl,
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", "hotel.tambolaka");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");
        await page.GotoAsync("/GuestReports/CheckIn");
        var passport = "NL" + Guid.NewGuid().ToString("N")[..7].ToUpperInvariant();
        var line2 = passport + Digit(passport) + "NLD" + "820615" + Digit("820615") + "F" + "301231" + Digit("301231") + "<<<<<<<<<<<<<<" + "0";
        line2 += Digit(line2[..10] + line2[13..20] + line2[21..43]);
        var wrongBirthDigit = line2[..19] + (char)('0' + ((line2[19] - '0' + 1) % 10)) + line2[20..];

        await page.FillAsync("textarea[name='Input.Mrz']", "P<NLDDE<JONG<<SANNE<<<<<<<<<<<<<<<<<<<<<<<<<\n" + wrongBirthDigit);
        await page.ClickAsync("button:has-text('Isi dari MRZ')");

        var summary = page.Locator("[data-testid=error-summary]");
        await Assertions.Expect(summary).ToBeInViewportAsync();
        await Assertions.Expect(summary).ToBeFocusedAsync();
        Assert.True(await page.Locator("[data-testid=mrz-section]").EvaluateAsync<bool>("d => d.open"), "the MRZ section is folded");
        Directory.CreateDirectory("/tmp/shots-b");
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/shots-b/checkin-mrz-error-360.png" });
        await summary.Locator("a[href='#Input_BirthDate']").ClickAsync();
        await Assertions.Expect(page.Locator("#Input_BirthDate")).ToBeFocusedAsync();
    }

    /// <summary>ICAO 9303 check digit: weights 7, 3, 1; A=10..Z=35; filler 0.</summary>
    private static char Digit(string value)
    {
        int[] weights = [7, 3, 1];
        var sum = value.Select((c, i) => (c switch { >= '0' and <= '9' => c - '0', >= 'A' and <= 'Z' => c - 'A' + 10, _ => 0 }) * weights[i % 3]).Sum();
        return (char)('0' + (sum % 10));
    }
}
