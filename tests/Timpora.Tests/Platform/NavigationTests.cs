using System.Net;
using Timpora.Core.Demo;

namespace Timpora.Tests.Platform;

/// <summary>The main menu is derived from the pages' own authorization (NavigationMenu, ADR 0032): no role is shown
/// a link it cannot open, and the watchlists are read by the offices only.</summary>
public sealed class NavigationTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public static TheoryData<string> DemoAccounts => [.. DemoData.Accounts.Select(a => a.UserName)];

    [Theory]
    [MemberData(nameof(DemoAccounts))]
    public async Task Menu_EveryLinkOfADemoRole_Answers200(string userName)
    {
        var client = await app.SignInAsync(userName);
        var home = await TestApp.GetHtmlAsync(client, "/Home");
        var links = home.QuerySelectorAll("header nav a[href^='/']").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.Contains("/Home", links);
        foreach (var link in links)
        {
            var response = await client.GetAsync(new Uri(link, UriKind.Relative), Token);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userName}: {link} answered {(int)response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("pimpasa.sbd", false)]
    [InlineData("polres.sbd", false)]
    [InlineData("kader.brajaharjosari", false)]
    [InlineData("kupang", true)]
    [InlineData("kanwil.ntt", true)]
    [InlineData("ditjen", true)]
    public async Task Watchlists_ReadByTheOfficesOnly(string userName, bool reads)
    {
        var client = await app.SignInAsync(userName);
        foreach (var url in new[] { "/Watchlists", "/Screening", "/api/staff/v1/watchlist-entries" })
        {
            var response = await client.GetAsync(new Uri(url, UriKind.Relative), Token);
            if (reads)
            {
                Assert.True(response.StatusCode == HttpStatusCode.OK, $"{userName}: {url} answered {(int)response.StatusCode}");
            }
            else
            {
                Assert.True(response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.Redirect, $"{userName}: {url} answered {(int)response.StatusCode}");
                Assert.DoesNotContain(url, response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
            }
        }

        var home = await TestApp.GetHtmlAsync(client, "/Home");
        Assert.Equal(reads, home.QuerySelector("[data-testid=nav-watchlists]") is not null);
    }
}
