using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Tips;

/// <summary>The public tip line: anyone, without an account, on a cheap phone, without JavaScript. A good report
/// goes to the Kanim whose working area holds the village; the reporter gets a tracking code and a secret.</summary>
[RequestSizeLimit(ReportLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportLimits.RequestBytes)]
public sealed class ReportModel(AppDbContext db, TipFiling filing, TipRateLimits limits, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TipForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public AreaPickerView Picker { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Without JavaScript, the area picker's next level comes from posting the form back.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        using var permit = limits.Reports.AttemptAcquire(ReportLimits.AddressOf(HttpContext));
        if (!permit.IsAcquired)
        {
            ModelState.AddModelError(string.Empty, t["Tips.Error.TooManyReports"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "3600";
            await LoadAsync(cancellationToken);
            return Page();
        }

        var destination = await filing.CheckAsync(ModelState, Input, Area, Photos, cancellationToken);
        if (!ModelState.IsValid || destination is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (tip, secret) = await filing.FileAsync(Input, destination, null, cancellationToken);
        TempData["Tips.Code"] = tip.TrackingCode;
        TempData["Tips.Secret"] = secret;
        return Redirect("/Tips/Receipt");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
}

public static class ReportLimits
{
    /// <summary>Five photos of 10 MB and the text: a larger post is cut off by the server (the 413 page).</summary>
    public const long RequestBytes = 64 * 1024 * 1024;

    public static string AddressOf(HttpContext context) => context.Connection.RemoteIpAddress?.ToString() ?? "unknown";
}
