using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Tips;

namespace Timpora.Web.Pages.Tips;

/// <summary>The reporter's view of a tip: the coarse state and the officer's public message, nothing else; and a
/// way to add information. A code that does not exist gets the same answer as a wrong secret, and every try counts
/// against the address's hourly limit, so codes cannot be enumerated.</summary>
public sealed class StatusModel(AppDbContext db, TipRateLimits limits, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LookupForm Input { get; set; } = new();

    public TipPublicState? State { get; private set; }

    public string? PublicMessage { get; private set; }

    public DateTime? ReceivedUtc { get; private set; }

    public bool Added { get; private set; }

    public void OnGet()
    {
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var tip = await FindAsync(cancellationToken);
        if (tip is not null)
        {
            Show(tip);
        }

        return Page();
    }

    /// <summary>The reporter adds information later: a line in the tip's timeline that the officers see.</summary>
    public async Task<IActionResult> OnPostAddAsync(CancellationToken cancellationToken)
    {
        var tip = await FindAsync(cancellationToken);
        if (tip is null)
        {
            return Page();
        }

        var text = Input.Addition?.Trim();
        if (string.IsNullOrEmpty(text) || text.Length > 2000)
        {
            ModelState.AddModelError("Input.Addition", t["Tips.Error.AdditionLength"]);
        }
        else
        {
            var now = time.GetUtcNow().UtcDateTime;
            tip.LastActionUtc = now;
            db.TipEvents.Add(new TipEvent { TipId = tip.Id, AtUtc = now, Kind = TipEventKind.ReporterAdded, By = "public", Text = text });
            db.ChangeReason = "ReporterAdded";
            await db.SaveChangesAsync(cancellationToken);
            Input.Addition = null;
            ModelState.Remove("Input.Addition");
            Added = true;
        }

        Show(tip);
        return Page();
    }

    private async Task<Tip?> FindAsync(CancellationToken cancellationToken)
    {
        using var permit = limits.Lookups.AttemptAcquire(ReportLimits.AddressOf(HttpContext));
        if (!permit.IsAcquired)
        {
            ModelState.AddModelError(string.Empty, t["Tips.Error.TooManyLookups"]);
            Response.StatusCode = StatusCodes.Status429TooManyRequests;
            Response.Headers.RetryAfter = "3600";
            return null;
        }

        if (!ModelState.IsValid)
        {
            return null;
        }

        var code = TrackingCodes.Normalise(Input.Code);
        // The public has no scope: the code and the secret together are the key to this one tip.
        var tip = await db.Tips.IgnoreQueryFilters().FirstOrDefaultAsync(x => x.TrackingCode == code, cancellationToken);
        var hash = tip?.SecretHash ?? TrackingCodes.Hash("TP-0000-0000", "none");
        if (!TrackingCodes.Verify(code, Input.Secret, hash) || tip is null)
        {
            ModelState.AddModelError(string.Empty, t["Tips.Error.CodeOrSecret"]);
            return null;
        }

        return tip;
    }

    private void Show(Tip tip)
    {
        State = TipStateMachine.PublicStateOf(tip.State);
        PublicMessage = tip.PublicMessage;
        ReceivedUtc = tip.CreatedUtc;
    }

    public sealed class LookupForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Tips.TrackingCode")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Tips.Secret")]
        public string Secret { get; set; } = "";

        public string? Addition { get; set; }
    }
}
