using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Timpora.Tests.Platform;

/// <summary>A second host on the test database, configured as a production server is: one trusted reverse proxy
/// (10.0.0.5), a Prometheus scraper's token and address (10.0.0.7). TestServer has no client address, so a request
/// names its own in <see cref="PeerHeader"/>.</summary>
public sealed class ProxiedHost(TestApp app) : IAsyncDisposable
{
    public const string PeerHeader = "X-Test-Peer";
    public const string Proxy = "10.0.0.5";
    public const string Scraper = "10.0.0.7";
    public const string MetricsToken = "scrape-token-for-tests";

    private readonly WebApplicationFactory<Program> factory = app.WithWebHostBuilder(b => b
        .UseSetting("Timpora:ForwardedHeaders:KnownProxies:0", Proxy)
        .UseSetting("Timpora:Telemetry:MetricsToken", MetricsToken)
        .UseSetting("Timpora:Telemetry:MetricsAllowedAddresses:0", Scraper)
        .ConfigureTestServices(s => s.AddSingleton<IStartupFilter, PeerAddress>()));

    /// <summary>A client whose requests come from <paramref name="peer"/>, to a host name HSTS is sent for.</summary>
    public HttpClient ClientFrom(string peer)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("http://timpora.example") });
        client.DefaultRequestHeaders.Add(PeerHeader, peer);
        return client;
    }

    public ValueTask DisposeAsync() => factory.DisposeAsync();

    private sealed class PeerAddress : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => builder =>
        {
            builder.Use(async (HttpContext context, RequestDelegate rest) =>
            {
                if (context.Request.Headers.TryGetValue(PeerHeader, out var peer))
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(peer.ToString());
                }

                await rest(context);
            });
            next(builder);
        };
    }
}
