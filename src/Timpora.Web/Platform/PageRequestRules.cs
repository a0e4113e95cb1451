using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Filters;

namespace Timpora.Web.Platform;

/// <summary>What every page request must be before a page runs, stated once for all pages (not the /api/v1 API,
/// which answers problem details of its own): a method the page has a handler for, and no query value longer
/// than <see cref="MaxQueryValueLength"/>.</summary>
/// <remarks>Razor Pages runs a page whose handlers do not match the request (a POST to a page with only OnGet) as
/// if it had a handler that did nothing, and renders it with the state its GET handler never set: a
/// NullReferenceException, so a 500, on any page. Here that request is a 405 with an Allow header, or a 404 for a
/// handler name the page does not have. A query value past the bound is a 414 before any search sees it (SQLite
/// refuses a LIKE pattern over 50,000 bytes; matching and highlighting grow with the text).</remarks>
public sealed class PageRequestRules : IAsyncPageFilter
{
    /// <summary>Characters in one query-string value: ten times the longest search box (a name, an address, a
    /// tracking code) and a return URL still fit.</summary>
    public const int MaxQueryValueLength = 2_000;

    public Task OnPageHandlerSelectionAsync(PageHandlerSelectedContext context) => Task.CompletedTask;

    public async Task OnPageHandlerExecutionAsync(PageHandlerExecutingContext context, PageHandlerExecutionDelegate next)
    {
        if (Refusal(context) is { } refusal)
        {
            context.Result = refusal;
            return;
        }

        await next();
    }

    private static IActionResult? Refusal(PageHandlerExecutingContext context)
    {
        var request = context.HttpContext.Request;
        if (request.Query.Any(q => q.Value.Any(v => v?.Length > MaxQueryValueLength)))
        {
            return new StatusCodeResult(StatusCodes.Status414UriTooLong);
        }

        if (context.HandlerMethod is not null)
        {
            return null;
        }

        var handlers = context.ActionDescriptor.HandlerMethods;
        var method = HttpMethods.IsHead(request.Method) ? HttpMethods.Get : request.Method;
        if (handlers.Any(h => string.Equals(h.HttpMethod, method, StringComparison.OrdinalIgnoreCase)))
        {
            // The page takes this method, but not with the handler name asked for.
            return new NotFoundResult();
        }

        if (HttpMethods.IsGet(method))
        {
            // A page of markup only, with no handler at all.
            return null;
        }

        var allowed = new[] { HttpMethods.Get, HttpMethods.Head }
            .Concat(handlers.Select(h => h.HttpMethod.ToUpperInvariant()))
            .Distinct(StringComparer.Ordinal);
        context.HttpContext.Response.Headers.Allow = string.Join(", ", allowed);
        return new StatusCodeResult(StatusCodes.Status405MethodNotAllowed);
    }
}
