using System.Net;
using System.Net.Http.Headers;

namespace Timpora.Tests.Platform;

/// <summary>/metrics is served to the configured scraper's token or address only; to anyone else it does not
/// exist. The probes: /health/live touches nothing, /health/ready checks the database and its schema.</summary>
public sealed class TelemetryTests(TestApp app, ProxiedHost host) : IClassFixture<ProxiedHost>
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_NoTokenFromOtherAddress_NotFound()
    {
        var client = host.ClientFrom("10.9.9.9");

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_WrongToken_NotFound()
    {
        var client = host.ClientFrom("10.9.9.9");
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-" + ProxiedHost.MetricsToken);

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Metrics_WithToken_ServesHttpServerMetrics()
    {
        var client = host.ClientFrom("10.9.9.9");
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative), Token)).EnsureSuccessStatusCode();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", ProxiedHost.MetricsToken);

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds_bucket", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_FromAllowedAddress_Served()
    {
        var client = host.ClientFrom(ProxiedHost.Scraper);
        (await client.GetAsync(new Uri("/health/live", UriKind.Relative), Token)).EnsureSuccessStatusCode();

        var response = await client.GetAsync(new Uri("/metrics", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("http_server_request_duration_seconds", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Metrics_NothingConfigured_NotServed()
    {
        var response = await app.Anonymous().GetAsync(new Uri("/metrics", UriKind.Relative), Token);

        // No such page: the sign-in redirect of every unknown address.
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("http_server_request_duration", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("/health/live")]
    [InlineData("/health/ready")]
    [InlineData("/health")]
    public async Task Probe_DatabaseUpToDate_AnswersHealthy(string path)
    {
        var response = await app.Anonymous().GetAsync(new Uri(path, UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync(Token));
    }
}
