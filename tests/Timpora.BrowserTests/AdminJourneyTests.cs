using Microsoft.Playwright;
using Timpora.Core.Demo;

namespace Timpora.BrowserTests;

public sealed class AdminJourneyTests(BrowserApp app)
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
    public async Task Administrator_CreatesAKupangOfficer_WhoSetsAPasswordThroughTheLinkAndSignsIn()
    {
        await using var context = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", "admin");
        await page.FillAsync("input[name='Input.Password']", DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");

        await page.ClickAsync("[data-testid=nav-accounts]");
        await page.WaitForSelectorAsync("[data-testid=accounts]");
        await ShotAsync(page, "users-index");
        await page.ClickAsync("[data-testid=new-account]");
        var name = "petugas" + Guid.NewGuid().ToString("N")[..6];
        await page.FillAsync("input[name='Input.UserName']", "Maria Ndapa");
        await page.FillAsync("input[name='Input.DisplayName']", "Maria Ndapa");
        await page.FillAsync("input[name='Input.Email']", name + "@imigrasi.test");
        await page.SelectOptionAsync("select[name='Input.Role']", "KanimOfficer");
        await page.ClickAsync("form[data-testid=account-form] button[type=submit]");
        await page.WaitForSelectorAsync(".field-error:has-text('huruf kecil')");
        await ShotAsync(page, "users-new-errors");

        await page.FillAsync("input[name='Input.UserName']", name);
        await page.SelectOptionAsync("select[name='Input.KanimId']", new SelectOptionValue { Label = "Kantor Imigrasi Kelas I TPI Kupang" });
        await page.FillAsync("input[name='Input.Reason']", "pegawai baru seksi Inteldakim");
        await page.ClickAsync("form[data-testid=account-form] button[type=submit]");
        var link = await page.InputValueAsync("[data-testid=link]");
        await ShotAsync(page, "users-new-link");
        await page.ClickAsync("text=" + "Buka akun");
        await page.WaitForSelectorAsync("[data-testid=account-actions]");
        await ShotAsync(page, "users-detail");
        await page.ClickAsync("text=Nonaktifkan akun");
        await page.WaitForSelectorAsync("[data-testid=confirm]");
        await ShotAsync(page, "users-confirm-deactivate");
        await page.GotoAsync("/Admin/Offices/Kanim");
        await page.FillAsync("input[name='Input.Name']", "Kantor Imigrasi Kelas II TPI Waingapu");
        await page.SelectOptionAsync("select[name='Input.KanwilId']", new SelectOptionValue { Index = 2 });
        await page.SelectOptionAsync("select[name='Input.TimeZoneId']", "Asia/Makassar");
        // The working area is chosen with the shared area picker; Sumba Barat Daya is Kanim Kupang's.
        await page.SelectOptionAsync("select[name='Area.Province']", "53");
        await page.WaitForSelectorAsync("select[name='Area.Regency']:not([disabled])");
        await page.SelectOptionAsync("select[name='Area.Regency']", "53.18");
        await page.ClickAsync("[data-testid=add-regency]");
        await page.WaitForSelectorAsync("[data-testid=regencies] li:has-text('53.18')");
        await page.ClickAsync("form[data-testid=kanim-form] button[type=submit]:has-text('Simpan')");
        await page.WaitForSelectorAsync(".field-error:has-text('Kupang')");
        await ShotAsync(page, "kanim-regency-taken");
        await page.ClickAsync("[data-testid=sign-out]");

        await using var personal = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new() { Width = 360, Height = 740 } });
        var phone = await personal.NewPageAsync();
        await phone.GotoAsync(new Uri(link).PathAndQuery);
        await ShotAsync(phone, "set-password-360");
        await phone.FillAsync("input[name='Input.Password']", "Sumba-Barat-2026!");
        await phone.FillAsync("input[name='Input.Confirm']", "Sumba-Barat-2026!");
        await phone.ClickAsync("form[data-testid=set-password] button[type=submit]");
        await phone.WaitForURLAsync("**/Account/SignIn");
        await phone.FillAsync("input[name='Input.UserName']", name);
        await phone.FillAsync("input[name='Input.Password']", "Sumba-Barat-2026!");
        await phone.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await phone.WaitForURLAsync("**/Home");
        Assert.Contains("Maria Ndapa", await phone.InnerTextAsync("body"), StringComparison.Ordinal);

        await phone.GotoAsync(new Uri(link).PathAndQuery);
        Assert.True(await phone.IsVisibleAsync("[data-testid=link-refused]"));
        await ShotAsync(phone, "set-password-used-360");
    }
}
