using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.StaticAssets;
using Microsoft.Extensions.DependencyInjection;

namespace Timpora.Tests.Platform;

/// <summary>Walks every page and endpoint the application maps and proves that anonymous callers are refused
/// everywhere except the public pages.</summary>
public sealed class AccessTests(TestApp app)
{
    private static readonly HashSet<string> PublicRoutes =
        ["", "Index", "Error", "Language", "Account/SignIn", "Account/TwoFactor", "Account/AccessDenied", "Account/SetPassword", "health", "health/live", "health/ready",
         "Providers/Register", "Providers/Registered", "Areas/Picker", "openapi/{documentName}.json",
         "Tips/Report", "Tips/Receipt", "Tips/Status"];

    [Fact]
    public async Task EveryEndpoint_Anonymous_IsRefusedUnlessPublic()
    {
        var endpoints = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>().ToList();

        // The build's CSS and JavaScript are public by design (the sign-in page needs them); nothing else is served as a file.
        var files = endpoints.Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is not null).Select(e => e.RoutePattern.RawText!).ToList();
        Assert.NotEmpty(files);
        Assert.All(files, f => Assert.Matches(@"^(css|js|lib)/[\w.-]+\.(css|js)(\.gz|\.br)?$", f));

        var routes = endpoints
            .Where(e => e.Metadata.GetMetadata<StaticAssetDescriptor>() is null)
            .Select(e => (e.RoutePattern.RawText ?? "").TrimStart('/'))
            .Distinct()
            .ToList();
        Assert.Contains("People/{id}", routes);

        var client = app.Anonymous();
        var checkedRoutes = 0;
        foreach (var route in routes.Where(r => !PublicRoutes.Contains(r)))
        {
            var url = "/" + Fill(route);
            foreach (var method in new[] { HttpMethod.Get, HttpMethod.Post })
            {
                var response = await client.SendAsync(new HttpRequestMessage(method, url), TestContext.Current.CancellationToken);
                var refused = response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden
                    || (response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/Account/SignIn", StringComparison.Ordinal));
                Assert.True(refused, $"{method} {url} answered {(int)response.StatusCode} to an anonymous caller");
            }

            checkedRoutes++;
        }

        Assert.True(checkedRoutes >= 15, $"only {checkedRoutes} protected routes found");
    }

    [Theory]
    [InlineData("/People", "PartnerMember")]
    [InlineData("/People", "ProviderOperator")]
    [InlineData("/Audit", "KanimOfficer")]
    [InlineData("/Admin/Roles", "KanwilSupervisor")]
    [InlineData("/Offices", "ProviderOperator")]
    public async Task StaffPage_RoleWithoutIt_IsForbidden(string url, string role)
    {
        var client = await app.SignInAsync(await app.CreateUserAsync(role, "Kupang"));

        var response = await client.GetAsync(new Uri(url, UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static string Fill(string route) => string.Join('/', route.Split('/').Select(segment => segment switch
    {
        _ when segment.StartsWith("{id:int", StringComparison.Ordinal) => "1",
        _ when segment.StartsWith("{id?", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ when segment.StartsWith("{id", StringComparison.Ordinal) => Guid.NewGuid().ToString(),
        _ when segment.StartsWith("{code", StringComparison.Ordinal) => "53",
        _ when segment.StartsWith('{') => "x",
        _ => segment,
    }));
}
