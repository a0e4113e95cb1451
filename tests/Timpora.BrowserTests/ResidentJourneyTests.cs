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

    /// <summary>The pages issue 29 changed for staff, at 1280 px: a second report marked a duplicate of the first (both
    /// details), the inbox, the register's name search, action items, the holidays and the administrator's home; and the
    /// duplicate's reporter's status page at 360 px.</summary>
    [Fact]
    public async Task Officer_MarksADuplicate_ItsReporterStillFollowsIt_ScreenshotsOfTheChangedPages()
    {
        Directory.CreateDirectory(Shots);
        await using var phone = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 360, Height = 740 } });
        var resident = await phone.NewPageAsync();
        var (original, _) = await FileAsync(resident, "Dua orang asing bekerja di bengkel las tanpa izin kerja.");
        var (duplicate, secret) = await FileAsync(resident, "Orang asing di bengkel las itu juga tinggal di belakang bengkel.");

        await using var desk = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var officer = await desk.NewPageAsync();
        await BrowserApp.SignInAsync(officer, "kupang");
        await officer.GotoAsync("/Tips?q=" + duplicate);
        await officer.ClickAsync($"[data-testid=tips-table] a:has-text('{duplicate}')");
        await officer.FillAsync("input[name='Input.DuplicateOf']", original);
        await officer.ClickAsync("form:has(input[name='Input.DuplicateOf']) button[type=submit]");
        await officer.WaitForSelectorAsync("[data-testid=tip-original]");
        Assert.Contains(original, await officer.InnerTextAsync("[data-testid=tip-state]"), StringComparison.Ordinal);
        await ShotAsync(officer, "tip-duplicate");
        await officer.ClickAsync("[data-testid=tip-original]");
        await officer.WaitForSelectorAsync("[data-testid=tip-duplicate]");
        Assert.Contains(duplicate, await officer.InnerTextAsync("[data-testid=tip-duplicates]"), StringComparison.Ordinal);
        Assert.Equal("Belum dinilai", (await officer.InnerTextAsync("[data-testid=tip-grade]")).Trim());
        await ShotAsync(officer, "tip-original");
        await officer.GotoAsync("/Tips");
        await ShotAsync(officer, "tips-inbox");
        await officer.GotoAsync("/Foreigners?q=Abdul+Rahman");
        Assert.Contains("Abdulrahman", await officer.InnerTextAsync("[data-testid=foreigners-table]"), StringComparison.OrdinalIgnoreCase);
        await ShotAsync(officer, "foreigners-search");
        await officer.GotoAsync("/ActionItems?show=all");
        await ShotAsync(officer, "action-items");

        await using var adminDesk = await app.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = app.BaseUrl, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var admin = await adminDesk.NewPageAsync();
        await BrowserApp.SignInAsync(admin, "admin");
        await admin.GotoAsync("/Admin/Holidays?year=2026");
        await ShotAsync(admin, "holidays-2026");
        await admin.GotoAsync("/Admin/Holidays?year=2027");
        Assert.Contains("2027", await admin.InnerTextAsync("[data-testid=holidays-warning]"), StringComparison.Ordinal);
        await ShotAsync(admin, "holidays-2027");
        await admin.GotoAsync("/Home");
        await ShotAsync(admin, "admin-home");

        await resident.GotoAsync("/Tips/Status");
        await resident.FillAsync("input[name='Input.Code']", duplicate);
        await resident.FillAsync("input[name='Input.Secret']", secret);
        await resident.ClickAsync("form[data-testid=tip-lookup] button[type=submit]");
        await resident.WaitForSelectorAsync("[data-testid=tip-status]");
        Assert.Equal("Duplikat dari laporan yang sedang ditangani", (await resident.InnerTextAsync("[data-testid=tip-status] [data-testid=tip-state]")).Trim());
        await FitsAsync(resident, "status-duplicate");
    }

    private static async Task<(string Code, string Secret)> FileAsync(IPage page, string account)
    {
        await page.GotoAsync("/Tips/Report");
        await page.CheckAsync("input[name='Input.Kind'][value=WorkingWithoutPermit]");
        await page.SelectOptionAsync("select[name='Area.Province']", "53");
        await page.WaitForSelectorAsync("select[name='Area.Regency']:not([disabled]) option[value='53.18']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.Regency']", "53.18");
        await page.WaitForSelectorAsync("select[name='Area.District']:not([disabled]) option[value='53.18.09']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.District']", "53.18.09");
        await page.WaitForSelectorAsync("select[name='Area.Village']:not([disabled]) option[value='53.18.09.1004']", new() { State = WaitForSelectorState.Attached });
        await page.SelectOptionAsync("select[name='Area.Village']", "53.18.09.1004");
        await page.FillAsync("textarea[name='Input.Account']", account);
        await page.CheckAsync("input[name='Input.Anonymous']");
        await page.ClickAsync("form[data-testid=tip-report] > button[type=submit]");
        await page.WaitForURLAsync("**/Tips/Receipt");
        return ((await page.InnerTextAsync("[data-testid=tracking-code]")).Trim(), (await page.InnerTextAsync("[data-testid=tracking-secret]")).Trim());
    }

    private static Task ShotAsync(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"{name}-1280.png"), FullPage = true });

    /// <summary>Saves a full-page screenshot and checks that nothing makes the page scroll sideways on 360 px.</summary>
    private static async Task FitsAsync(IPage page, string name)
    {
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Shots, $"resident-{name}-360.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 360, $"{name} is {width}px wide on a 360px screen");
    }
}
