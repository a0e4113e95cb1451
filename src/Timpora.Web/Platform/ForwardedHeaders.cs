namespace Timpora.Web.Platform;

/// <summary>The <c>Timpora:ForwardedHeaders</c> section: the reverse proxies (nginx terminating TLS) whose
/// <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are believed. Nobody else's are (ADR 0029).</summary>
public sealed class ForwardedHeadersSettings
{
    /// <summary>The proxies' own addresses, e.g. <c>10.0.0.2</c>.</summary>
    public List<string> KnownProxies { get; set; } = [];

    /// <summary>Networks the proxies are in, e.g. <c>10.0.0.0/29</c>.</summary>
    public List<string> KnownNetworks { get; set; } = [];

    public bool IsConfigured => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
}

public static class ForwardedHeaders
{
    public static void AddTimporaForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection("Timpora:ForwardedHeaders").Get<ForwardedHeadersSettings>() ?? new ForwardedHeadersSettings();
        services.AddSingleton(settings);
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            // The scheme decides the cookie's Secure flag and HSTS; the client address goes to the audit and the
            // sign-in rate limit. The Host header is not taken: nginx passes the original one itself.
            o.ForwardedHeaders = Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedFor | Microsoft.AspNetCore.HttpOverrides.ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback by default; here only what the administrator listed.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in settings.KnownProxies.Concat(settings.KnownNetworks))
            {
                o.KnownIPNetworks.Add(Addresses.Parse(entry));
            }
        });
    }

    /// <summary>First in the pipeline, and only when proxies are configured: the middleware believes a request whose
    /// connection has no address at all, so it must not run where no proxy was named.</summary>
    public static void UseTimporaForwardedHeaders(this WebApplication app)
    {
        if (app.Services.GetRequiredService<ForwardedHeadersSettings>().IsConfigured)
        {
            app.UseForwardedHeaders();
        }
    }
}
