using System.Net;
using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Web.Platform;

namespace Timpora.Tests.Platform;

/// <summary>Every page, found from the host's own endpoints rather than listed by hand: a POST to a page
/// without a POST handler, and an oversized value in any query parameter a page binds, is never a server error.</summary>
public sealed partial class PageRequestTests(TestApp app)
{
    private static readonly string[] Users = ["", "admin", "hotel.tambolaka"];

    [Fact]
    public async Task Post_ToEveryPageWithoutAPostHandler_IsNeverAServerError()
    {
        var pages = (await PagesAsync()).Where(p => !p.Page.HandlerMethods.Any(h => h.HttpMethod == "Post")).Select(p => p.Url).Distinct().ToList();
        Assert.True(pages.Count > 30, $"{pages.Count} pages without a POST handler");
        var failures = new List<string>();

        foreach (var user in Users)
        {
            var client = user.Length == 0 ? app.Anonymous() : await app.SignInAsync(user);
            var token = await TokenAsync(client, user.Length == 0 ? "/Account/SignIn" : "/Home");
            foreach (var url in pages)
            {
                using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });
                var response = await client.PostAsync(new Uri(url, UriKind.Relative), form, TestContext.Current.CancellationToken);
                if ((int)response.StatusCode >= 500)
                {
                    failures.Add($"{(user.Length == 0 ? "anonymous" : user)} POST {url}: {(int)response.StatusCode}");
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Post_ToTheAreaPickerAnonymously_IsMethodNotAllowedWithAnAllowHeader()
    {
        var client = app.Anonymous();
        var token = await TokenAsync(client, "/Account/SignIn");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token });

        var response = await client.PostAsync(new Uri("/Areas/Picker", UriKind.Relative), form, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "HEAD"], response.Content.Headers.Allow);
        Assert.Contains("Alamat ini tidak menerima formulir", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OversizedOrAtTheBoundInEveryQueryParameter_IsNeverAServerError()
    {
        var searches = (await PagesAsync()).SelectMany(p => QueryParameters(p.Page).Select(q => (p.Url, Query: q))).Distinct().ToList();
        // Fields the area picker reads from the query itself, under the prefix of the form it sits in.
        searches.AddRange(new[] { "Area.Query", "Area.Province", "Area.Regency", "Area.District", "Area.Village", "Area.Pick", "prefix" }
            .Select(q => ("/Areas/Picker", q)));
        Assert.True(searches.Count > 50, $"{searches.Count} query parameters");
        var oversized = Text(60_000);
        var atTheBound = Text(PageRequestRules.MaxQueryValueLength);
        var failures = new List<string>();

        foreach (var user in Users)
        {
            var client = user.Length == 0 ? app.Anonymous() : await app.SignInAsync(user);
            foreach (var (url, query) in searches)
            {
                foreach (var value in new[] { oversized, atTheBound })
                {
                    var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    var response = await client.GetAsync(new Uri($"{url}{separator}{query}={Uri.EscapeDataString(value)}", UriKind.Relative), TestContext.Current.CancellationToken);
                    if ((int)response.StatusCode >= 500)
                    {
                        failures.Add($"{(user.Length == 0 ? "anonymous" : user)} GET {url} {query} of {value.Length:N0}: {(int)response.StatusCode}");
                    }
                    else if (value.Length > PageRequestRules.MaxQueryValueLength && response.StatusCode == HttpStatusCode.OK)
                    {
                        failures.Add($"{(user.Length == 0 ? "anonymous" : user)} GET {url} {query} of {value.Length:N0}: accepted");
                    }
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public async Task Search_Oversized_SaysWhichBoundItPassed()
    {
        var client = await app.SignInAsync("admin");

        var response = await client.GetAsync(new Uri("/Areas?Area.Query=" + Text(60_000), UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.RequestUriTooLong, response.StatusCode);
        Assert.Contains("paling banyak 2.000 karakter", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    /// <summary>Text a search box could hold: letters, spaces and the characters LIKE patterns treat specially.</summary>
    private static string Text(int length) => string.Concat(Enumerable.Repeat("Ali Bin_Abu% ", (length / 13) + 1))[..length];

    private sealed record PageEndpoint(string Url, CompiledPageActionDescriptor Page);

    private async Task<List<PageEndpoint>> PagesAsync()
    {
        var loader = app.Services.GetRequiredService<PageLoader>();
        var pages = new List<PageEndpoint>();
        foreach (var endpoint in app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            if (endpoint.Metadata.GetMetadata<PageActionDescriptor>() is { } descriptor)
            {
                var page = await loader.LoadAsync(descriptor, endpoint.Metadata);
                pages.Add(new PageEndpoint(Url(endpoint.RoutePattern.RawText!), page));
            }
        }

        return pages;
    }

    /// <summary>A route with a made-up value for each parameter; optional ones are left out.</summary>
    private static string Url(string template) => "/" + RouteParameter().Replace(template, m =>
        m.Value.EndsWith("?}", StringComparison.Ordinal) ? "" : m.Value.Contains(":int", StringComparison.Ordinal) ? "1" : Guid.NewGuid().ToString()).TrimEnd('/');

    /// <summary>The query parameters a page binds on GET: its GET handlers' string parameters (with the handler
    /// name where it has one) and its string properties bound on GET, nested ones by their dotted name.</summary>
    private static IEnumerable<string> QueryParameters(CompiledPageActionDescriptor page)
    {
        foreach (var handler in page.HandlerMethods.Where(h => h.HttpMethod == "Get"))
        {
            var prefix = handler.Name is null ? "" : $"handler={handler.Name}&";
            foreach (var parameter in handler.Parameters.Where(p => p.ParameterType == typeof(string)))
            {
                yield return prefix + (parameter.BindingInfo?.BinderModelName ?? parameter.Name);
            }
        }

        var bindsAllOnGet = page.HandlerTypeInfo.GetCustomAttribute<BindPropertiesAttribute>()?.SupportsGet == true;
        foreach (var property in page.BoundProperties.OfType<PageBoundPropertyDescriptor>())
        {
            if (!bindsAllOnGet && property.Property.GetCustomAttribute<BindPropertyAttribute>()?.SupportsGet != true)
            {
                continue;
            }

            var name = property.BindingInfo?.BinderModelName ?? property.Name;
            if (property.ParameterType == typeof(string))
            {
                yield return name;
            }
            else if (property.ParameterType.IsClass && property.ParameterType.Namespace?.StartsWith("Timpora", StringComparison.Ordinal) == true)
            {
                foreach (var nested in property.ParameterType.GetProperties().Where(p => p.PropertyType == typeof(string) && p.CanWrite))
                {
                    yield return $"{name}.{nested.Name}";
                }
            }
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string url) =>
        (await TestApp.GetHtmlAsync(client, url)).QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex RouteParameter();
}
