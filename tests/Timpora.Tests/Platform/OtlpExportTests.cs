using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Timpora.Tests.Platform;

/// <summary>With Timpora:Telemetry:OtlpEndpoint set, request spans reach the collector (here a listener that takes
/// OTLP over HTTP and keeps what it is sent).</summary>
public sealed class OtlpExportTests(TestApp app)
{
    [Fact]
    public async Task Traces_OtlpEndpointConfigured_RequestSpanReachesCollector()
    {
        var token = TestContext.Current.CancellationToken;
        using var collector = new Collector();
        var host = app.WithWebHostBuilder(b => b
            .UseSetting("Timpora:Telemetry:OtlpEndpoint", collector.Address)
            .UseSetting("Timpora:Telemetry:OtlpProtocol", "http/protobuf"));
        var page = await host.CreateClient().GetAsync(new Uri("/Account/SignIn?otlp=probe", UriKind.Relative), token);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);

        // The batch leaves within five seconds; on a loaded machine the flush at shutdown alone was seen to miss it,
        // so wait for the collector (up to 30 s) before stopping the host, which flushes whatever is left.
        for (var waited = 0; waited < 300 && !Arrived(collector); waited++)
        {
            await Task.Delay(100, token);
        }

        await host.DisposeAsync();
        Assert.True(Arrived(collector), "no trace with the request's span reached the collector");
    }

    private static bool Arrived(Collector collector) => collector.Received
        .Where(r => r.Path == "/v1/traces")
        .Any(r => Encoding.UTF8.GetString(r.Body).Contains("/Account/SignIn", StringComparison.Ordinal));

    private sealed class Collector : IDisposable
    {
        private readonly HttpListener listener = new();

        public Collector()
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            Address = $"http://127.0.0.1:{port}";
            listener.Prefixes.Add(Address + "/");
            listener.Start();
            _ = Task.Run(ServeAsync);
        }

        public string Address { get; }

        public ConcurrentQueue<(string Path, byte[] Body)> Received { get; } = new();

        private async Task ServeAsync()
        {
            while (listener.IsListening)
            {
                HttpListenerContext context;
                try
                {
                    context = await listener.GetContextAsync();
                }
                catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
                {
                    return;
                }

                using var body = new MemoryStream();
                await context.Request.InputStream.CopyToAsync(body);
                Received.Enqueue((context.Request.Url!.AbsolutePath, body.ToArray()));
                context.Response.StatusCode = 200;
                context.Response.Close();
            }
        }

        public void Dispose() => listener.Close();
    }
}
