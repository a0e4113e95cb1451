using System.Net;
using AngleSharp.Html.Parser;

namespace Timpora.Tests.Platform;

/// <summary>Issue 29, item 12: the landing page and the tip form are what a resident on a slow line opens first.
/// CSS and JavaScript go out compressed from fingerprinted URLs that the browser keeps for a year.</summary>
public sealed class StaticAssetsTests(TestApp app)
{
    private const int FirstVisitBudgetBytes = 60_000;

    [Fact]
    public async Task LandingAndTipForm_FirstVisit_TransferUnder60KB()
    {
        using var client = app.Anonymous();
        var fetched = new HashSet<string>();
        long total = 0;
        var lines = new List<string>();
        foreach (var page in new[] { "/", "/Tips/Report" })
        {
            using var response = await GetAsync(client, page);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
            total += html.Length;
            lines.Add($"{page} {html.Length}");
            var document = new HtmlParser().ParseDocument(System.Text.Encoding.UTF8.GetString(html));
            var assets = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href"))
                .Concat(document.QuerySelectorAll("script[src]").Select(s => s.GetAttribute("src")))
                .OfType<string>();
            foreach (var asset in assets.Where(fetched.Add))
            {
                using var file = await GetAsync(client, asset);
                Assert.Equal(HttpStatusCode.OK, file.StatusCode);
                var bytes = await file.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
                total += bytes.Length;
                lines.Add($"{asset} {bytes.Length} {string.Join(",", file.Content.Headers.ContentEncoding)}");
            }
        }

        Assert.True(total < FirstVisitBudgetBytes, $"first visit transferred {total:N0} bytes:\n{string.Join("\n", lines)}");
    }

    [Fact]
    public async Task Stylesheets_AreFingerprinted_Compressed_AndCachedForAYear()
    {
        using var client = app.Anonymous();
        var document = await TestApp.HtmlAsync(await GetAsync(client, "/"));
        var hrefs = document.QuerySelectorAll("link[rel=stylesheet]").Select(l => l.GetAttribute("href")!).ToList();
        var pico = Assert.Single(hrefs, h => h.Contains("pico", StringComparison.Ordinal));

        // The build writes the content's hash into the name: /lib/pico.min.<hash>.css.
        Assert.Matches(@"^/lib/pico\.min\.[a-z0-9]{10}\.css$", pico);
        using var brotli = await GetAsync(client, pico, "br");
        Assert.Equal("br", Assert.Single(brotli.Content.Headers.ContentEncoding));
        Assert.Contains("immutable", brotli.Headers.CacheControl!.ToString(), StringComparison.Ordinal);
        Assert.Equal(TimeSpan.FromDays(365), brotli.Headers.CacheControl!.MaxAge);
        using var gzip = await GetAsync(client, pico, "gzip");
        Assert.Equal("gzip", Assert.Single(gzip.Content.Headers.ContentEncoding));
        using var plain = await GetAsync(client, pico, null);
        Assert.Empty(plain.Content.Headers.ContentEncoding);
        Assert.True(plain.Content.Headers.ContentLength > 4 * brotli.Content.Headers.ContentLength);
    }

    private static Task<HttpResponseMessage> GetAsync(HttpClient client, string url, string? encoding = "br, gzip")
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept-Encoding", encoding);
        }

        return client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
