using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Consultations;

/// <summary>Records a consultation with a resident who plans to work abroad: identity (NIK checked against the area
/// data), destination, recruiter, the warning signs found and the advice given.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    [BindProperty]
    public ConsultationForm Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Villages { get; private set; } = [];

    public bool IsNew => RouteData.Values["id"] is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? village, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await db.Consultations.AsNoTracking().FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
            {
                return NotFound();
            }

            Input = ConsultationForm.From(consultation);
        }
        else
        {
            Input.VillageId = village;
            Input.Date = DateOnly.FromDateTime(clock.Now);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        Consultation? consultation = null;
        if (id is not null && (consultation = await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.Now);
        var village = Input.VillageId is { } villageId
            ? await db.ProgrammeVillages.AsNoTracking().FirstOrDefaultAsync(v => v.Id == villageId, cancellationToken)
            : null;
        if (village is null)
        {
            ModelState.AddModelError("Input.VillageId", t["Village.Activity.PickVillage"]);
        }

        var nik = await ResidentNik.ValidateAsync(db, Input.Nik, today, cancellationToken);
        ResidentForms.AddNikErrors(ModelState, "Input.Nik", nik, t);
        if (!ResidentForms.IsCountry(Input.DestinationCountry))
        {
            ModelState.AddModelError("Input.DestinationCountry", t["Village.Consultation.PickCountry"]);
        }

        if (Input.Date > today)
        {
            ModelState.AddModelError("Input.Date", t["Village.DateInFuture"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        consultation ??= db.Consultations.Add(new Consultation { ResidentName = "", Nik = "", DestinationCountry = "", AreaCode = village!.AreaCode }).Entity;
        if (id is not null)
        {
            db.Entry(consultation).Property(c => c.Version).OriginalValue = Input.Version;
        }

        consultation.VillageId = village!.Id;
        consultation.KanimId = village.KanimId;
        consultation.AreaCode = village.AreaCode;
        consultation.Date = Input.Date!.Value;
        consultation.ResidentName = Input.ResidentName.Trim();
        consultation.Nik = nik.Nik;
        consultation.BirthDate = nik.DateOfBirth;
        consultation.Sex = nik.Sex;
        consultation.Phone = Input.Phone?.Trim();
        consultation.DestinationCountry = Input.DestinationCountry!;
        consultation.Job = Input.Job?.Trim();
        consultation.Recruiter = Input.Recruiter?.Trim();
        consultation.RecruiterLicensed = Input.RecruiterLicensed;
        consultation.Registered = Input.Registered;
        consultation.Signs = VillageAccess.Combine(Input.Signs);
        consultation.Advice = Input.Advice?.Trim();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Consultations/{consultation.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Villages = (await db.ProgrammeVillages.AsNoTracking().Where(v => v.Status != VillageStatus.Ended).OrderBy(v => v.Name)
                .Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken))
            .Select(v => (v.Id, v.Name)).ToList();

    public sealed class ConsultationForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Village.Name")]
        public Guid? VillageId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Village.Activity.Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Village.Consultation.Resident")]
        public string ResidentName { get; set; } = "";

        [Display(Name = "Village.Consultation.Nik")]
        public string? Nik { get; set; }

        [StringLength(30, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9+()\- ]{6,30}$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "Village.ContactPhone")]
        public string? Phone { get; set; }

        [Display(Name = "Village.Consultation.Destination")]
        public string? DestinationCountry { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Consultation.Job")]
        public string? Job { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Consultation.Recruiter")]
        public string? Recruiter { get; set; }

        public bool? RecruiterLicensed { get; set; }

        public bool? Registered { get; set; }

        public List<WarningSigns> Signs { get; set; } = [];

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Consultation.Advice")]
        public string? Advice { get; set; }

        public Guid Version { get; set; }

        public static ConsultationForm From(Consultation c) => new()
        {
            VillageId = c.VillageId,
            Date = c.Date,
            ResidentName = c.ResidentName,
            Nik = c.Nik,
            Phone = c.Phone,
            DestinationCountry = c.DestinationCountry,
            Job = c.Job,
            Recruiter = c.Recruiter,
            RecruiterLicensed = c.RecruiterLicensed,
            Registered = c.Registered,
            Signs = [.. VillageAccess.SetFlags(c.Signs)],
            Advice = c.Advice,
            Version = c.Version,
        };
    }
}
