using Microsoft.Extensions.Options;
using Timpora.Web.Api.V1;

namespace Timpora.Web.Platform;

public static class Pipeline
{
    public static void UseTimpora(this WebApplication app)
    {
        app.UseTimporaForwardedHeaders();
        app.UseExceptionHandler("/Error");
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
        }

        app.UseTimporaMetrics();
        app.UseSecurityHeaders();
        app.UseStatusCodePagesWithReExecute("/Error", "?status={0}");
        app.UseErrorPageAsGet();
        app.UseApiV1();
        // The API has its own request log (ApiRequestLog).
        app.UseWhen(context => !ApiV1.IsApi(context), pages => pages.UseHttpLogging());
        app.UseRequestLocalization(app.Services.GetRequiredService<IOptions<RequestLocalizationOptions>>().Value);
        app.UseRouting();
        app.UseRateLimiter();
        app.UseAuthentication();
        app.UseTwoFactorEnrolment();
        app.UseReadOnlyRoles();
        app.UseAuthorization();
        app.UseAntiforgery();

        // CSS and JavaScript as the build left them: fingerprinted URLs (the tag helpers write them), Brotli and
        // gzip made at build time, cached for a year; anyone may fetch them, the sign-in page needs them (ADR 0036).
        app.MapStaticAssets().AllowAnonymous();
        app.MapRazorPages().WithStaticAssets();
        app.MapApiV1();
        Api.Staff.WatchlistEntriesApi.MapWatchlistEntriesApi(app);
        Api.Staff.CookieApi.MapCookieApiToken(app);
        app.MapTimporaHealth();
    }

    private static void UseSecurityHeaders(this WebApplication app) => app.Use(async (context, next) =>
    {
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; " +
            "connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
        headers.XFrameOptions = "DENY";
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "same-origin";
        headers["Permissions-Policy"] = "camera=(self), geolocation=(self), microphone=()";
        await next();
    });

    /// <summary>The error page is shown by re-running the request; as a GET without the body, so that a failed
    /// POST (an oversized form, say) is not read again by the error page.</summary>
    private static void UseErrorPageAsGet(this WebApplication app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodeReExecuteFeature>() is not null
            || context.Features.Get<Microsoft.AspNetCore.Diagnostics.IExceptionHandlerFeature>() is not null)
        {
            context.Request.Method = HttpMethods.Get;
            context.Request.ContentType = null;
            context.Request.ContentLength = 0;
            context.Request.Body = Stream.Null;
        }

        await next();
    });

    /// <summary>A user whose role an administrator marked as needing two-factor sign-in, but who has not set
    /// up an authenticator yet, can only reach the enrolment page until they do.</summary>
    private static void UseTwoFactorEnrolment(this WebApplication app) => app.Use(async (context, next) =>
    {
        var path = context.Request.Path;
        if (context.User.HasClaim(ScopeClaimsFactory.TwoFactorEnrolmentClaim, "required")
            && !path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/Language", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/lib", StringComparison.OrdinalIgnoreCase)
            && !path.StartsWithSegments("/css", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.Redirect("/Account/Authenticator");
            return;
        }

        await next();
    });
}
