using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>Records a planned or held activity in one of the user's villages, with participants by group.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    public const int MaxParticipants = 100_000;

    [BindProperty]
    public ActivityForm Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Villages { get; private set; } = [];

    public bool IsNew => RouteData.Values["id"] is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? village, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await db.VillageActivities.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } activity)
            {
                return NotFound();
            }

            Input = ActivityForm.From(activity);
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
        VillageActivity? activity = null;
        if (id is not null && (activity = await db.VillageActivities.FirstOrDefaultAsync(a => a.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        var village = Input.VillageId is { } villageId
            ? await db.ProgrammeVillages.AsNoTracking().FirstOrDefaultAsync(v => v.Id == villageId && v.Status != VillageStatus.Ended, cancellationToken)
            : null;
        if (village is null)
        {
            ModelState.AddModelError("Input.VillageId", t["Village.Activity.PickVillage"]);
        }

        if (Input.Status == ActivityStatus.Done && Input.Date > DateOnly.FromDateTime(clock.Now))
        {
            ModelState.AddModelError("Input.Status", t["Village.Activity.FutureDone"]);
        }

        if (Input.VenueCapacity is { } capacity && Input.Total > capacity)
        {
            ModelState.AddModelError("Input.VenueCapacity", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Village.Activity.OverCapacity"].Value, Input.Total, capacity));
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        activity ??= db.VillageActivities.Add(new VillageActivity { Place = "", AreaCode = village!.AreaCode }).Entity;
        if (id is not null)
        {
            db.Entry(activity).Property(a => a.Version).OriginalValue = Input.Version;
        }

        Input.ApplyTo(activity);
        activity.VillageId = village!.Id;
        activity.KanimId = village.KanimId;
        activity.AreaCode = village.AreaCode;
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
        return Redirect($"/Villages/Activities/{activity.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Villages = (await db.ProgrammeVillages.AsNoTracking().Where(v => v.Status != VillageStatus.Ended).OrderBy(v => v.Name)
                .Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken))
            .Select(v => (v.Id, v.Name)).ToList();

    public sealed class ActivityForm
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
