using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Reference;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Consultations;

/// <summary>Records a consultation with a resident who plans to work abroad: identity (NIK checked against the area
/// data), destination, recruiter, the warning signs found and the advice given.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock)
    : VillageRecordEditModel<Consultation, EditModel.ConsultationForm>(db, t, clock)
{
    private NikResult nik = null!;

    protected override string Folder => "/Villages/Consultations";

    protected override DbSet<Consultation> Records => Db.Consultations;

    protected override ConsultationForm ToForm(Consultation record) => ConsultationForm.From(record);

    protected override Consultation Create(ProgrammeVillage village) =>
        new() { ResidentName = "", Nik = "", DestinationCountry = "", AreaCode = village.AreaCode };

    protected override async Task ValidateAsync(CancellationToken cancellationToken)
    {
        nik = await ResidentNik.ValidateAsync(Db, Input.Nik, Today, cancellationToken);
        ResidentForms.AddNikErrors(ModelState, "Input.Nik", nik, Localizer);
        if (!ResidentForms.IsCountry(Input.DestinationCountry))
        {
            ModelState.AddModelError("Input.DestinationCountry", Localizer["Village.Consultation.PickCountry"]);
        }

        if (Input.Date > Today)
        {
            ModelState.AddModelError("Input.Date", Localizer["Village.DateInFuture"]);
        }
    }

    protected override void Apply(Consultation record)
    {
        record.Date = Input.Date!.Value;
        record.ResidentName = Input.ResidentName.Trim();
        record.Nik = nik.Nik;
        record.BirthDate = nik.DateOfBirth;
        record.Sex = nik.Sex;
        record.Phone = Input.Phone?.Trim();
        record.DestinationCountry = Input.DestinationCountry!;
        record.Job = Input.Job?.Trim();
        record.Recruiter = Input.Recruiter?.Trim();
        record.RecruiterLicensed = Input.RecruiterLicensed;
        record.Registered = Input.Registered;
        record.Signs = VillageAccess.Combine(Input.Signs);
        record.Advice = Input.Advice?.Trim();
    }

    public sealed class ConsultationForm : IVillageRecordForm
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
