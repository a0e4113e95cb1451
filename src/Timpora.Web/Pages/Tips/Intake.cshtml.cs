using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Tips;

/// <summary>Village intake: a PIMPASA officer or a village cadre files a report on a resident's behalf, tagged with
/// one of their own villages, so the village's early-warning network flows into the same queue.</summary>
[RequestSizeLimit(ReportLimits.RequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = ReportLimits.RequestBytes)]
public sealed class IntakeModel(AppDbContext db, TipFiling filing, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TipForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Photos { get; set; } = [];

    public AreaPickerView Picker { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> Villages { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Villages.Count == 0)
        {
            return NotFound();
        }

        if (Area.SelectedCode is null)
        {
            Area = AreaPickerInput.For(Villages[0].Code);
            await LoadAsync(cancellationToken);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        // The officer or cadre who files is the contact, so a resident may give a name without a number (the name is
        // kept) or nothing at all (anonymous).
        Input.Anonymous = string.IsNullOrWhiteSpace(Input.ReporterName) && string.IsNullOrWhiteSpace(Input.ReporterPhone)
            && string.IsNullOrWhiteSpace(Input.ReporterEmail);
        var destination = await filing.CheckAsync(ModelState, Input, Area, Photos, cancellationToken, contactRequired: false);
        if (destination is not null && !Villages.Any(v => v.Code == destination.Village))
        {
            ModelState.AddModelError("Area", t["Tips.Error.NotYourVillage"]);
        }

        if (!ModelState.IsValid || destination is null)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var (tip, _) = await filing.FileAsync(Input, destination, (db.Caller.UserId!, User.Identity!.Name!), cancellationToken);
        TempData["Message"] = t["Tips.Intake.Filed", tip.TrackingCode].Value;
        return Redirect($"/Tips/Detail/{tip.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var userId = db.Caller.UserId;
        Villages = (await db.PimpasaVillages.Where(v => v.UserId == userId)
            .Join(db.Areas, v => v.VillageCode, a => a.Code, (v, a) => new { a.Code, a.Name }).OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(v => (v.Code, v.Name)).ToList();
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
    }
}
