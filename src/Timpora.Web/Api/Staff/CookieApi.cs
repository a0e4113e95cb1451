using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Timpora.Core.GuestReports;
using Timpora.Web.Api.V1;
using Timpora.Web.Platform;

namespace Timpora.Web.Api.Staff;

/// <summary>The rules of every API signed in with the staff cookie (ADR 0029). A browser sends the cookie with a
/// request that another site's page makes, so a write must prove it comes from a page of ours: it carries the
/// antiforgery token in the <c>X-CSRF-TOKEN</c> header, and a JSON body, which a cross-origin page cannot send
/// without the browser asking first (CORS, which this application does not allow).</summary>
public static class CookieApi
{
    public const string TokenHeader = "X-CSRF-TOKEN";
    public const string TokenPath = "/api/staff/v1/antiforgery-token";

    public sealed record TokenView(string HeaderName, string Token);

    /// <summary>Every POST, PUT, PATCH and DELETE of the group must carry the token and JSON.</summary>
    public static RouteGroupBuilder RequireCookieApiRules(this RouteGroupBuilder group)
    {
        group.AddEndpointFilter(CheckAsync);
        return group;
    }

    /// <summary>A signed-in script reads its token here (the answer also sets the antiforgery cookie it pairs with).
    /// Another origin's page cannot read this answer, so it cannot learn the token.</summary>
    public static void MapCookieApiToken(this WebApplication app) =>
        app.MapGet(TokenPath, (HttpContext context, IAntiforgery antiforgery) =>
            {
                var tokens = antiforgery.GetAndStoreTokens(context);
                return TypedResults.Ok(new TokenView(tokens.HeaderName ?? TokenHeader, tokens.RequestToken!));
            })
            .RequireAuthorization(Policies.Staff).DisableAntiforgery().ExcludeFromDescription();

    private static async ValueTask<object?> CheckAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        var method = context.Request.Method;
        if (HttpMethods.IsGet(method) || HttpMethods.IsHead(method) || HttpMethods.IsOptions(method))
        {
            return await next(invocation);
        }

        // Checked first, so that a form post is refused before its body is read looking for a token.
        if (!context.Request.HasJsonContentType())
        {
            return Refuse(StatusCodes.Status415UnsupportedMediaType, "Unsupported media type", "Content-Type", "UnsupportedMediaType",
                "This API takes JSON only: send the body with the header Content-Type: application/json.");
        }

        if (!await context.RequestServices.GetRequiredService<IAntiforgery>().IsRequestValidAsync(context))
        {
            return Refuse(StatusCodes.Status403Forbidden, "Antiforgery token missing or invalid", TokenHeader, "AntiforgeryToken",
                $"This API is signed in with the staff cookie, so every {method} must prove it comes from Timpora itself: " +
                $"read a token with GET {TokenPath} (as the same signed-in user, keeping the cookie it sets) and send it back in the {TokenHeader} header.");
        }

        return await next(invocation);
    }

    private static ProblemHttpResult Refuse(int status, string title, string field, string code, string message) =>
        ApiRequests.Problem(status, title, [new ReportProblem(field, code, message)]);
}
