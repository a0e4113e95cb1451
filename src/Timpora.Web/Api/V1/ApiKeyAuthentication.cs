using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Web.Api.V1;

/// <summary>The "ApiKey" scheme: a provider's key in <c>Authorization: Bearer tpk_…</c> or <c>X-Api-Key</c> becomes a
/// principal in the role ProviderOperator with the provider's scope claim, so the DbContext's scope filter shows
/// that provider's records only. No cookie is read or written.</summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, VerifiedKeys keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string HeaderName = "X-Api-Key";
    public const string ProviderStatusClaim = "timpora:provider-status";

    public static string? TokenOf(HttpRequest request)
    {
        if (request.Headers.TryGetValue(HeaderName, out var key) && !string.IsNullOrWhiteSpace(key))
        {
            return key.ToString().Trim();
        }

        var authorization = request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization["Bearer ".Length..].Trim() : null;
    }

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = TokenOf(Request);
        if (token is null)
        {
            return AuthenticateResult.NoResult();
        }

        var holder = await keys.VerifyAsync(Context.RequestServices, token, Context.RequestAborted);
        if (holder is null)
        {
            return AuthenticateResult.Fail("The API key is unknown or revoked.");
        }

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, "api-key:" + holder.Prefix),
                new Claim(ClaimTypes.Role, Roles.ProviderOperator),
                new Claim(DataScope.ProviderClaim, holder.ProviderId.ToString()),
                new Claim(ProviderStatusClaim, holder.ProviderStatus.ToString()),
            ],
            SchemeName);
        // A Caller computed earlier in this request (from a cookie, say) must not outlive the switch to the key.
        Context.Items.Remove(typeof(Caller));
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        Response.Headers.WWWAuthenticate = "Bearer realm=\"timpora\"";
        var detail = result.None
            ? "An API key is required: send 'Authorization: Bearer tpk_…' or 'X-Api-Key: tpk_…'."
            : "The API key is unknown or revoked.";
        await TypedResults.Problem(detail, statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized").ExecuteAsync(Context);
    }

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        var status = Context.User.FindFirst(ProviderStatusClaim)?.Value ?? "unknown";
        var detail = $"The accommodation provider is not approved to report guests (status: {status}). The Kanim of its area decides.";
        return TypedResults.Problem(detail, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden").ExecuteAsync(Context);
    }
}
