using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Pages.Areas;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Deferrals;

/// <summary>Records a passport application deferred after the interview. When the applicant lives in a programme
/// village the deferral is linked to it, and the village's officers see it through the record's area code.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    [BindProperty]
    public DeferralForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Kanims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!VillageAccess.IsOffice(User))
        {
            return Forbid();
        }

        Input.InterviewOn = DateOnly.FromDateTime(clock.Now);
        await LoadAsync(cancellationToken);
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
        if (!VillageAccess.IsOffice(User))
        {
            return Forbid();
        }

        await LoadAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.Now);
        var nik = await ResidentNik.ValidateAsync(db, Input.Nik, today, cancellationToken);
        ResidentForms.AddNikErrors(ModelState, "Input.Nik", nik, t);
        if (!ResidentForms.IsCountry(Input.DestinationCountry))
        {
            ModelState.AddModelError("Input.DestinationCountry", t["Village.Consultation.PickCountry"]);
        }

        if (Input.InterviewOn > today)
        {
            ModelState.AddModelError("Input.InterviewOn", t["Village.DateInFuture"]);
        }

        var kanimId = Input.KanimId ?? (Kanims.Count == 1 ? Kanims[0].Id : null);
        if (kanimId is null || Kanims.All(k => k.Id != kanimId))
        {
            ModelState.AddModelError("Input.KanimId", t["Village.Deferral.PickKanim"]);
        }

        Area.Normalise();
        var code = Area.SelectedCode;
        var area = code is null ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
        if (area is null || area.Level != AreaLevel.Village)
        {
            ModelState.AddModelError(nameof(Area), t["Village.PickVillage"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        // The programme village may belong to another Kanim than the one deferring: linking needs only its id.
        var programme = await db.ProgrammeVillages.IgnoreQueryFilters().Where(v => v.AreaCode == area!.Code && v.Status != VillageStatus.Ended)
            .Select(v => (Guid?)v.Id).FirstOrDefaultAsync(cancellationToken);
        var deferral = db.PassportDeferrals.Add(new PassportDeferral
        {
            KanimId = kanimId!.Value,
            AreaCode = area!.Code,
            VillageId = programme,
            ApplicantName = Input.ApplicantName.Trim(),
            Nik = nik.Nik,
            BirthDate = nik.DateOfBirth,
            Sex = nik.Sex,
            ApplicationNumber = Input.ApplicationNumber?.Trim(),
            InterviewOn = Input.InterviewOn!.Value,
            StatedPurpose = Input.StatedPurpose.Trim(),
            IndicatedPurpose = Input.IndicatedPurpose?.Trim(),
            DestinationCountry = Input.DestinationCountry!,
            Reason = Input.Reason,
            DocumentsDueOn = Input.Reason == DeferralReason.DocumentsIncomplete ? Input.InterviewOn.Value.AddDays(PassportDeferral.DocumentsDays) : null,
            Note = Input.Note?.Trim(),
        }).Entity;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t[programme is null ? "Common.Saved" : "Village.Deferral.Linked"].Value;
        return Redirect($"/Villages/Deferrals/{deferral.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = db.Caller.Scope;
        var ids = scope.KanimIds;
        Kanims = (await db.Kanims.AsNoTracking().Where(k => scope.All || ids.Contains(k.Id)).OrderBy(k => k.Name)
                .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Id, k.Name)).ToList();
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
    }

    public sealed class DeferralForm
    {
        [Display(Name = "Village.Kanim")]
        public int? KanimId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Village.Deferral.Applicant")]
        public string ApplicantName { get; set; } = "";

        [Display(Name = "Village.Consultation.Nik")]
        public string? Nik { get; set; }

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Deferral.ApplicationNumber")]
        public string? ApplicationNumber { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Village.Deferral.InterviewOn")]
        public DateOnly? InterviewOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Village.Deferral.StatedPurpose")]
        public string StatedPurpose { get; set; } = "";

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Deferral.IndicatedPurpose")]
        public string? IndicatedPurpose { get; set; }

        [Display(Name = "Village.Consultation.Destination")]
        public string? DestinationCountry { get; set; }

        [Display(Name = "Village.Deferral.Reason")]
        public DeferralReason Reason { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Referral.Note")]
        public string? Note { get; set; }
    }
}
