using System.Net;
using Timpora.Core.Demo;

namespace Timpora.Tests.Platform;

/// <summary>Behind nginx terminating TLS the application sees plain HTTP: it believes X-Forwarded-Proto from the
/// configured proxy only, and then marks its cookie Secure and sends HSTS (the tests run as "Testing", not
/// Development, so HSTS is on).</summary>
public sealed class ForwardedHeadersTests(TestApp app, ProxiedHost host) : IClassFixture<ProxiedHost>
{
    [Fact]
    public async Task SignIn_ThroughConfiguredProxyOverHttps_SecureCookieAndHsts()
    {
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = host.ClientFrom(ProxiedHost.Proxy);
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await SignInAsync(client, user);

        Assert.Contains("secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_UnknownAddressClaimsHttps_HeaderIgnored()
    {
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = host.ClientFrom("10.9.9.9");
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var response = await SignInAsync(client, user);

        Assert.DoesNotContain("secure", AuthCookie(response), StringComparison.OrdinalIgnoreCase);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task Page_NoProxyConfigured_ForwardedProtoIgnored()
    {
        var client = app.Anonymous();
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri("http://timpora.example/"));
        request.Headers.Add("X-Forwarded-Proto", "https");

        var response = await client.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string user)
    {
        var response = await TestApp.PostFormAsync(client, "/Account/SignIn", new() { ["Input.UserName"] = user, ["Input.Password"] = DemoData.Password });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return response;
    }

    private static string AuthCookie(HttpResponseMessage response) =>
        response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("timpora.auth=", StringComparison.Ordinal));
}
