using System.Net;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Timpora.Core.Data;

namespace Timpora.Web.Platform;

/// <summary>The <c>Timpora:Telemetry</c> section. Nothing is collected unless something here is set.</summary>
public sealed class TelemetryOptions
{
    /// <summary>The OpenTelemetry collector's OTLP endpoint, e.g. <c>http://127.0.0.1:4317</c>: traces, metrics and
    /// logs are exported there when set.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (port 4317, the default) or <c>http/protobuf</c> (port 4318).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    /// <summary>A scraper that sends <c>Authorization: Bearer &lt;token&gt;</c> reads <c>/metrics</c>.</summary>
    public string? MetricsToken { get; set; }

    /// <summary>Addresses (<c>10.0.0.9</c>) or networks (<c>10.0.0.0/24</c>) that read <c>/metrics</c> without a token.</summary>
    public List<string> MetricsAllowedAddresses { get; set; } = [];

    public bool ServesMetrics => !string.IsNullOrEmpty(MetricsToken) || MetricsAllowedAddresses.Count > 0;
}

/// <summary>OpenTelemetry traces and metrics of ASP.NET Core, HttpClient and the database, exported by OTLP when a
/// collector is configured, and a Prometheus scrape endpoint that only a configured address or token reaches (ADR 0029).</summary>
public static class Telemetry
{
    public const string MetricsPath = "/metrics";

    public static void AddTimporaTelemetry(this WebApplicationBuilder builder, DatabaseProvider provider)
    {
        var options = builder.Configuration.GetSection("Timpora:Telemetry").Get<TelemetryOptions>() ?? new TelemetryOptions();
        builder.Services.AddSingleton(options);
        var otlp = !string.IsNullOrWhiteSpace(options.OtlpEndpoint);
        if (!otlp && !options.ServesMetrics)
        {
            return;
        }

        var allowed = options.MetricsAllowedAddresses.Select(Addresses.Parse).ToList();
        builder.Services.AddSingleton(new MetricsAccess(options.MetricsToken, allowed));
        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("timpora", serviceInstanceId: Environment.MachineName));
        telemetry.WithMetrics(metrics =>
        {
            metrics.AddAspNetCoreInstrumentation().AddHttpClientInstrumentation();
            if (provider == DatabaseProvider.PostgreSql)
            {
                metrics.AddNpgsqlInstrumentation();
            }

            if (options.ServesMetrics)
            {
                metrics.AddPrometheusExporter();
            }
        });
        if (!otlp)
        {
            return;
        }

        telemetry.WithTracing(tracing =>
        {
            // Load balancers and scrapers ask every few seconds; their spans would bury the users' requests.
            tracing.AddAspNetCoreInstrumentation(o => o.Filter = context =>
                    !context.Request.Path.StartsWithSegments("/health") && !context.Request.Path.StartsWithSegments(MetricsPath))
                .AddHttpClientInstrumentation();
            // On PostgreSQL the driver's own spans cover every command, COPY and the bulk inserts included; EF Core's
            // would report the same commands twice. SQLite has no driver instrumentation, so EF Core's is taken there.
            if (provider == DatabaseProvider.PostgreSql)
            {
                tracing.AddNpgsql();
            }
            else
            {
                tracing.AddEntityFrameworkCoreInstrumentation();
            }
        });
        var protocol = options.OtlpProtocol.Trim().ToUpperInvariant() switch
        {
            "GRPC" => OtlpExportProtocol.Grpc,
            "HTTP/PROTOBUF" or "HTTP" => OtlpExportProtocol.HttpProtobuf,
            _ => throw new InvalidOperationException(
                $"Timpora:Telemetry:OtlpProtocol is '{options.OtlpProtocol}': use 'grpc' or 'http/protobuf'."),
        };
        if (!Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var endpoint))
        {
            throw new InvalidOperationException(
                $"Timpora:Telemetry:OtlpEndpoint is '{options.OtlpEndpoint}': give the collector's address, e.g. http://127.0.0.1:4317.");
        }

        telemetry.UseOtlpExporter(protocol, endpoint);
    }

    /// <summary>Serves <c>/metrics</c> to the configured addresses and token; to anyone else it does not exist.</summary>
    public static void UseTimporaMetrics(this WebApplication app)
    {
        if (app.Services.GetService<MetricsAccess>() is not { } access || !app.Services.GetRequiredService<TelemetryOptions>().ServesMetrics)
        {
            return;
        }

        app.UseOpenTelemetryPrometheusScrapingEndpoint(
            meterProvider: null,
            predicate: context => context.Request.Path == MetricsPath,
            path: null,
            configureBranchedPipeline: branch => branch.Use(async (context, next) =>
            {
                if (!access.Allows(context))
                {
                    context.Response.StatusCode = StatusCodes.Status404NotFound;
                    return;
                }

                await next();
            }),
            optionsName: null);
    }

    private sealed class MetricsAccess(string? token, IReadOnlyList<IPNetwork> allowed)
    {
        private readonly byte[]? expected = string.IsNullOrEmpty(token) ? null : Encoding.UTF8.GetBytes("Bearer " + token);

        public bool Allows(HttpContext context)
        {
            if (expected is not null
                && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(context.Request.Headers.Authorization.ToString()), expected))
            {
                return true;
            }

            return context.Connection.RemoteIpAddress is { } remote && Addresses.Contain(allowed, remote);
        }
    }
}

/// <summary>Addresses and networks as the configuration writes them: <c>10.0.0.9</c> or <c>10.0.0.0/24</c>.</summary>
public static class Addresses
{
    public static IPNetwork Parse(string text)
    {
        var value = text.Trim();
        if (IPNetwork.TryParse(value, out var network))
        {
            return network;
        }

        if (IPAddress.TryParse(value, out var address))
        {
            address = Normalise(address);
            return new IPNetwork(address, address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork ? 32 : 128);
        }

        throw new InvalidOperationException($"'{text}' is neither an IP address (10.0.0.9) nor a network (10.0.0.0/24).");
    }

    public static bool Contain(IEnumerable<IPNetwork> networks, IPAddress address)
    {
        var normalised = Normalise(address);
        return networks.Any(n => n.Contains(normalised));
    }

    /// <summary>Kestrel listening on both families reports an IPv4 client as ::ffff:10.0.0.9.</summary>
    public static IPAddress Normalise(IPAddress address) => address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
}
