using System.Text.Json.Serialization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.OpenApi;
using Timpora.Core.Accounts;
using Timpora.Core.Providers;

namespace Timpora.Web.Api.V1;

/// <summary>The provider API, version 1: its own authentication (API keys, never cookies), rate limit, JSON
/// conventions, problem details and OpenAPI document. Pages and the API share the Core operations only.</summary>
public static class ApiV1
{
    public const string Prefix = "/api/v1";
    public const string Policy = "api-provider";
    public const string RateLimit = "api-key";
    public const string DocumentName = "v1";

    public static void AddApiV1(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton<VerifiedKeys>();
        services.AddSingleton<ApiRequestLog>();
        services.AddHostedService(sp => sp.GetRequiredService<ApiRequestLog>());
        services.AddAuthentication()
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder().AddPolicy(Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthenticationHandler.SchemeName)
            .RequireRole(Roles.ProviderOperator)
            .RequireClaim(ApiKeyAuthenticationHandler.ProviderStatusClaim, nameof(ProviderStatus.Approved)));

        services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.Converters.Add(new JsonStringEnumConverter());
            o.SerializerOptions.Converters.Add(new ApiRequests.OffsetDateTimeConverter());
        });

        var permits = configuration.GetValue("Timpora:ApiPermitsPerSecond", 50);
        services.AddRateLimiter(o =>
        {
            o.AddPolicy(RateLimit, context => RateLimitPartition.GetFixedWindowLimiter(
                ApiKeys.PrefixOf(ApiKeyAuthenticationHandler.TokenOf(context.Request)) ?? "ip:" + context.Connection.RemoteIpAddress,
                _ => new FixedWindowRateLimiterOptions { PermitLimit = permits, Window = TimeSpan.FromSeconds(1) }));
            o.OnRejected = (rejected, _) => rejected.HttpContext.Request.Path.StartsWithSegments(Prefix)
                ? new ValueTask(TypedResults.Problem("Too many requests for this API key; slow down and retry.", statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests").ExecuteAsync(rejected.HttpContext))
                : ValueTask.CompletedTask;
        });

        services.AddExceptionHandler<ApiExceptionHandler>();
        services.AddOpenApi(DocumentName, o =>
        {
            o.ShouldInclude = d => d.RelativePath?.StartsWith("api/v1", StringComparison.Ordinal) == true;
            o.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo { Title = "Timpora guest-report API", Version = "v1", Description = "Foreign guests' check-in and check-out reports of accommodation providers (UU 6/2011 Pasal 72)." };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[ApiKeyAuthenticationHandler.SchemeName] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    Description = "A provider's API key (tpk_<prefix>_<secret>) as 'Authorization: Bearer …' or in the X-Api-Key header.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiKeyAuthenticationHandler.SchemeName, document)] = [] }];
                return Task.CompletedTask;
            });
        });
    }

    public static bool IsApi(HttpContext context) => context.Request.Path.StartsWithSegments(Prefix);

    /// <summary>API answers are problem details, never the HTML error pages, and bodies are capped at 1 MB. The
    /// request log of the API is <see cref="ApiRequestLog"/>'s, not the pages' one line per request.</summary>
    public static void UseApiV1(this WebApplication app)
    {
        var log = app.Services.GetRequiredService<ApiRequestLog>();
        app.UseWhen(IsApi, api => api.Use((HttpContext context, RequestDelegate next) =>
        {
            if (context.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
            {
                statusPages.Enabled = false;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
            {
                bodySize.MaxRequestBodySize = ApiRequests.MaxBodyBytes + 1;
            }

            return log.InvokeAsync(context, next);
        }));
    }

    public static void MapApiV1(this WebApplication app)
    {
        app.MapOpenApi().AllowAnonymous();
        var api = app.MapGroup(Prefix)
            .RequireAuthorization(Policy)
            .RequireRateLimiting(RateLimit)
            .DisableAntiforgery()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);
        api.MapCheckIns();
    }

    /// <summary>An unexpected failure in the API is a 500 problem; a request the server could not read (a body
    /// over the size limit, a broken upload) keeps its 4xx status.</summary>
    private sealed class ApiExceptionHandler : IExceptionHandler
    {
        public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
        {
            if (!context.Request.Path.StartsWithSegments(Prefix))
            {
                return false;
            }

            var status = exception is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
            context.Response.StatusCode = status;
            await TypedResults.Problem(status == 500 ? "An unexpected error occurred; the request was not completed." : exception.Message, statusCode: status).ExecuteAsync(context);
            return true;
        }
    }
}
