using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.Tips;

namespace Timpora.Web.Pages.Tips;

/// <summary>The reporter's view of a tip: the coarse state and the officer's public message, nothing else; and a
/// way to add information. A code that does not exist gets the same answer as a wrong secret, and every try counts
/// against the address's hourly limit, so codes cannot be enumerated.</summary>
[RequestSizeLimit(ReportLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportLimits.RequestBytes)]
public sealed class StatusModel(AppDbContext db, TipRateLimits limits, TipFiling filing, FileStore files, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public LookupForm Input { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    /// <summary>Photos the tip already has; with <see cref="TipFiling.MaxPhotos"/> no more are taken.</summary>
    public int PhotoCount { get; private set; }

    public int PhotosAdded { get; private set; }

    public TipPublicState? State { get; private set; }

    public string? PublicMessage { get; private set; }

    /// <summary>For a duplicate: how far the report it joined has come, in the same coarse terms.</summary>
    public TipPublicState? OriginalState { get; private set; }

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
            await ShowAsync(tip, cancellationToken);
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

        await ShowAsync(tip, cancellationToken);
        return Page();
    }

    /// <summary>The reporter adds photos later, checked as on the form: by content, at most 10 MB, metadata
    /// stripped, and no more than <see cref="TipFiling.MaxPhotos"/> for the tip in all. A bad file is named in
    /// the message; the good ones of the same post are kept.</summary>
    public async Task<IActionResult> OnPostPhotosAsync(CancellationToken cancellationToken)
    {
        var tip = await FindAsync(cancellationToken);
        if (tip is null)
        {
            return Page();
        }

        var uploads = Photos.Where(f => f.Length > 0).ToList();
        var existing = await db.TipPhotos.CountAsync(p => p.TipId == tip.Id, cancellationToken);
        if (uploads.Count == 0)
        {
            ModelState.AddModelError("Photos", t["Tips.Error.NoPhotoChosen"]);
        }
        else if (existing + uploads.Count > TipFiling.MaxPhotos)
        {
            ModelState.AddModelError("Photos", t["Tips.Error.TooManyPhotosInAll", TipFiling.MaxPhotos, Math.Max(0, TipFiling.MaxPhotos - existing)]);
        }
        else
        {
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var file in uploads)
            {
                if (await filing.CleanAsync(ModelState, file, cancellationToken) is { } clean)
                {
                    files.Add(clean);
                    db.TipPhotos.Add(new TipPhoto { Id = clean.Id, TipId = tip.Id, ContentType = clean.ContentType, Length = clean.Length, CreatedUtc = now });
                    PhotosAdded++;
                }
            }

            if (PhotosAdded > 0)
            {
                tip.LastActionUtc = now;
                db.TipEvents.Add(new TipEvent { TipId = tip.Id, AtUtc = now, Kind = TipEventKind.ReporterPhotos, By = "public", Text = PhotosAdded.ToString(CultureInfo.InvariantCulture) });
                db.ChangeReason = "ReporterPhotos";
                await db.SaveChangesAsync(cancellationToken);
            }
        }

        await ShowAsync(tip, cancellationToken);
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

    private async Task ShowAsync(Tip tip, CancellationToken cancellationToken)
    {
        State = TipStateMachine.PublicStateOf(tip.State);
        PublicMessage = tip.PublicMessage;
        if (tip.DuplicateOfId is { } originalId)
        {
            var original = await db.Tips.IgnoreQueryFilters().Where(x => x.Id == originalId).Select(x => new { x.State, x.PublicMessage }).FirstAsync(cancellationToken);
            OriginalState = TipStateMachine.PublicStateOf(original.State);
            PublicMessage ??= original.PublicMessage;
        }

        ReceivedUtc = tip.CreatedUtc;
        PhotoCount = await db.TipPhotos.CountAsync(p => p.TipId == tip.Id, cancellationToken);
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
