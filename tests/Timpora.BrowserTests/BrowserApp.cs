using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(Timpora.BrowserTests.BrowserApp))]

namespace Timpora.BrowserTests;

/// <summary>Timpora on a real Kestrel port with a fresh SQLite database and demo data, and Debian's Chromium
/// driven by Playwright (Playwright's own browser download does not work here).</summary>
public sealed class BrowserApp : WebApplicationFactory<Program>, IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("timpora-browser-").FullName;
    private IPlaywright? playwright;

    public BrowserApp() => UseKestrel(0);

    public IBrowser Browser { get; private set; } = null!;

    public string BaseUrl { get; private set; } = "";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // As in Development: CSS and JavaScript (and their build-time Brotli and gzip) from the build's manifest.
        builder.UseStaticWebAssets();
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("Database:ConnectionString", $"Data Source={Path.Combine(folder, "timpora.db")}");
        builder.UseSetting("Database:SeedDemoData", "true");
        builder.UseSetting("Timpora:DataFolder", folder);
        // Every journey signs in from the same address; the production limit (20 a minute) would refuse the later ones.
        builder.UseSetting("Timpora:SignInPermitsPerMinute", "100000");
    }

    public async ValueTask InitializeAsync()
    {
        StartServer();
        BaseUrl = ClientOptions.BaseAddress.ToString().TrimEnd('/');
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("CHROMIUM_PATH") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"],
        });
    }

    /// <summary>Signs a demo account in on the page, as a person would, and waits for their home.</summary>
    public static async Task SignInAsync(IPage page, string userName)
    {
        await page.GotoAsync("/Account/SignIn");
        await page.FillAsync("input[name='Input.UserName']", userName);
        await page.FillAsync("input[name='Input.Password']", Timpora.Core.Demo.DemoData.Password);
        await page.ClickAsync("form button[type=submit]:has-text('Masuk')");
        await page.WaitForURLAsync("**/Home");
    }

    public override async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        playwright?.Dispose();
        await base.DisposeAsync();
    }
}
