using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>Records a planned or held activity in one of the user's villages, with participants by group.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock)
    : VillageRecordEditModel<VillageActivity, EditModel.ActivityForm>(db, t, clock)
{
    public const int MaxParticipants = 100_000;

    protected override string Folder => "/Villages/Activities";

    protected override DbSet<VillageActivity> Records => Db.VillageActivities;

    protected override ActivityForm ToForm(VillageActivity record) => ActivityForm.From(record);

    protected override VillageActivity Create(ProgrammeVillage village) => new() { Place = "", AreaCode = village.AreaCode };

    protected override Task ValidateAsync(CancellationToken cancellationToken)
    {
        if (Input.Status == ActivityStatus.Done && Input.Date > Today)
        {
            ModelState.AddModelError("Input.Status", Localizer["Village.Activity.FutureDone"]);
        }

        if (Input.VenueCapacity is { } capacity && Input.Total > capacity)
        {
            ModelState.AddModelError("Input.VenueCapacity", string.Format(System.Globalization.CultureInfo.CurrentCulture, Localizer["Village.Activity.OverCapacity"].Value, Input.Total, capacity));
        }

        return Task.CompletedTask;
    }

    protected override void Apply(VillageActivity record) => Input.ApplyTo(record);

    public sealed class ActivityForm : IVillageRecordForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Village.Name")]
        public Guid? VillageId { get; set; }

        [Display(Name = "Village.Activity.Kind")]
        public ActivityKind Kind { get; set; }

        [Display(Name = "Village.Status")]
        public ActivityStatus Status { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Village.Activity.Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Village.Activity.Place")]
        public string Place { get; set; } = "";

        [Range(1, MaxParticipants, ErrorMessage = "Village.Activity.CountRange")]
        [Display(Name = "Village.Activity.VenueCapacity")]
        public int? VenueCapacity { get; set; }

        public List<ActivityTopics> Topics { get; set; } = [];

        [Range(0, MaxParticipants, ErrorMessage = "Village.Activity.CountRange")]
        [Display(Name = "Village.Activity.Men")]
        public int Men { get; set; }

        [Range(0, MaxParticipants, ErrorMessage = "Village.Activity.CountRange")]
        [Display(Name = "Village.Activity.Women")]
        public int Women { get; set; }

        [Range(0, MaxParticipants, ErrorMessage = "Village.Activity.CountRange")]
        [Display(Name = "Village.Activity.Pupils")]
        public int Pupils { get; set; }

        [Range(0, MaxParticipants, ErrorMessage = "Village.Activity.CountRange")]
        [Display(Name = "Village.Activity.ProspectiveMigrants")]
        public int ProspectiveMigrants { get; set; }

        [Range(0, MaxParticipants, ErrorMessage = "Village.Activity.CountRange")]
        [Display(Name = "Village.Activity.VillageOfficials")]
        public int VillageOfficials { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Activity.Materials")]
        public string? Materials { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Activity.Outcome")]
        public string? Outcome { get; set; }

        public Guid Version { get; set; }

        public int Total => Men + Women + Pupils + ProspectiveMigrants + VillageOfficials;

        public static ActivityForm From(VillageActivity a) => new()
        {
            VillageId = a.VillageId,
            Kind = a.Kind,
            Status = a.Status,
            Date = a.Date,
            Place = a.Place,
            VenueCapacity = a.VenueCapacity,
            Topics = [.. VillageAccess.SetFlags(a.Topics)],
            Men = a.Men,
            Women = a.Women,
            Pupils = a.Pupils,
            ProspectiveMigrants = a.ProspectiveMigrants,
            VillageOfficials = a.VillageOfficials,
            Materials = a.Materials,
            Outcome = a.Outcome,
            Version = a.Version,
        };

        public void ApplyTo(VillageActivity a)
        {
            a.Kind = Kind;
            a.Status = Status;
            a.Date = Date!.Value;
            a.Place = Place.Trim();
            a.VenueCapacity = VenueCapacity;
            a.Topics = VillageAccess.Combine(Topics);
            a.Men = Men;
            a.Women = Women;
            a.Pupils = Pupils;
            a.ProspectiveMigrants = ProspectiveMigrants;
            a.VillageOfficials = VillageOfficials;
            a.Materials = Materials?.Trim();
            a.Outcome = Outcome?.Trim();
        }
    }
}
