using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Timpora.Web.Pages;

[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel(IStringLocalizer<SharedResource> t) : PageModel
{
    public string Title { get; private set; } = "";

    public string Explanation { get; private set; } = "";

    public void OnGet([FromQuery] int? status) => Describe(status);

    private void Describe(int? status)
    {
        var code = status ?? HttpContext.Features.Get<IExceptionHandlerFeature>()?.Error switch
        {
            // Limits on request bodies and form values: the user sent too much, the server is fine.
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status413PayloadTooLarge,
            Microsoft.AspNetCore.Antiforgery.AntiforgeryValidationException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        (Title, Explanation) = code switch
        {
            404 => (t["Error.NotFound"].Value, t["Error.NotFoundText"].Value),
            403 => (t["Error.Forbidden"].Value, t["Error.ForbiddenText"].Value),
            413 => (t["Error.TooLarge"].Value, t["Error.TooLargeText"].Value),
            429 => (t["Error.TooMany"].Value, t["Error.TooManyText"].Value),
            400 => (t["Error.BadRequest"].Value, t["Error.BadRequestText"].Value),
            405 => (t["Error.MethodNotAllowed"].Value, t["Error.MethodNotAllowedText"].Value),
            414 => (t["Error.QueryTooLong"].Value, t["Error.QueryTooLongText", Platform.PageRequestRules.MaxQueryValueLength].Value),
            _ => (t["Error.Server"].Value, t["Error.ServerText"].Value),
        };
        Response.StatusCode = code;
    }
}
