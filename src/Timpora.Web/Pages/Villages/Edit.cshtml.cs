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

namespace Timpora.Web.Pages.Villages;

/// <summary>Proposes a village for the programme (scored against the selection criteria), or edits one.</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    [BindProperty]
    public VillageForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public ProgrammeVillage? Existing { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!VillageAccess.IsOffice(User))
        {
            return Forbid();
        }

        if (id is not null)
        {
            if ((Existing = await db.ProgrammeVillages.AsNoTracking().FirstOrDefaultAsync(v => v.Id == id, cancellationToken)) is null)
            {
                return NotFound();
            }

            Input = VillageForm.From(Existing);
        }

        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (!VillageAccess.IsOffice(User))
        {
            return Forbid();
        }

        var today = DateOnly.FromDateTime(clock.Now);
        var village = id is null ? null : await db.ProgrammeVillages.FirstOrDefaultAsync(v => v.Id == id, cancellationToken);
        if (id is not null && village is null)
        {
            return NotFound();
        }

        Existing = village;
        foreach (var (field, date) in Input.Dates())
        {
            if (date > today)
            {
                ModelState.AddModelError($"Input.{field}", t["Village.DateInFuture"]);
            }
        }

        int? kanimId = village?.KanimId;
        Area? area = null;
        if (village is null)
        {
            Area.Normalise();
            var code = Area.SelectedCode;
            area = code is null ? null : await db.Areas.AsNoTracking().FirstOrDefaultAsync(a => a.Code == code, cancellationToken);
            if (area is null || area.Level != AreaLevel.Village)
            {
                ModelState.AddModelError(nameof(Area), t["Village.PickVillage"]);
            }
            else if (await db.ProgrammeVillages.IgnoreQueryFilters().AnyAsync(v => v.AreaCode == area.Code, cancellationToken))
            {
                ModelState.AddModelError(nameof(Area), t["Village.AlreadyProposed"]);
            }
            else if ((kanimId = await new ScopedIds(db).VillageOfficeAsync(area.Code, cancellationToken)) is null || !db.Caller.Scope.Covers(kanimId.Value, ""))
            {
                ModelState.AddModelError(nameof(Area), t["Village.OutsideKanim"]);
            }
        }

        if (!ModelState.IsValid)
        {
            Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
            return Page();
        }

        if (village is null)
        {
            village = db.ProgrammeVillages.Add(new ProgrammeVillage
            {
                Name = area!.Name,
                AreaCode = area.Code,
                KanimId = kanimId!.Value,
                Status = VillageStatus.Proposed,
                ProposedOn = today,
                ProposedBy = User.Identity?.Name,
            }).Entity;
        }
        else
        {
            db.Entry(village).Property(v => v.Version).OriginalValue = Input.Version;
        }

        Input.ApplyTo(village);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
            return Page();
        }
        catch (DbUpdateException) when (id is null)
        {
            // Two offices proposing the same village at the same moment: the unique index decides.
            ModelState.AddModelError(nameof(Area), t["Village.AlreadyProposed"]);
            db.Entry(village).State = EntityState.Detached;
            Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/{village.Id}");
    }

    public sealed class VillageForm
    {
        [Range(0, VillageCriteria.MaxScore, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Criteria.Border")]
        public int Border { get; set; }

        [Range(0, VillageCriteria.MaxScore, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Criteria.Poverty")]
        public int Poverty { get; set; }

        [Range(0, VillageCriteria.MaxScore, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Criteria.LowEducation")]
        public int LowEducation { get; set; }

        [Range(0, VillageCriteria.MaxScore, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Criteria.YoungPopulation")]
        public int YoungPopulation { get; set; }

        [Range(0, VillageCriteria.MaxScore, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Criteria.Unemployment")]
        public int Unemployment { get; set; }

        [Range(0, VillageCriteria.MaxScore, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Criteria.MigrantWorkers")]
        public int MigrantWorkers { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Evidence")]
        public string? Evidence { get; set; }

        [Display(Name = "Village.ConsentOn")]
        public DateOnly? ConsentOn { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.ConsentDocument")]
        public string? ConsentDocument { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.DecreeNumber")]
        public string? DecreeNumber { get; set; }

        [Display(Name = "Village.DecreeOn")]
        public DateOnly? DecreeOn { get; set; }

        [Display(Name = "Village.EstablishedOn")]
        public DateOnly? EstablishedOn { get; set; }

        [Display(Name = "Village.CertificateInstalledOn")]
        public DateOnly? CertificateInstalledOn { get; set; }

        [Display(Name = "Village.NoticeBoardInstalledOn")]
        public DateOnly? NoticeBoardInstalledOn { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^https://\S+$", ErrorMessage = "Village.LinkHttps")]
        [Display(Name = "Village.MessagingGroupLink")]
        public string? MessagingGroupLink { get; set; }

        [Range(-11.5, 6.5, ErrorMessage = "Village.LatitudeRange")]
        [Display(Name = "Village.Latitude")]
        public double? Latitude { get; set; }

        [Range(94.5, 141.5, ErrorMessage = "Village.LongitudeRange")]
        [Display(Name = "Village.Longitude")]
        public double? Longitude { get; set; }

        public Guid Version { get; set; }

        public IEnumerable<(string Field, DateOnly? Date)> Dates() =>
        [
            (nameof(ConsentOn), ConsentOn), (nameof(DecreeOn), DecreeOn), (nameof(EstablishedOn), EstablishedOn),
            (nameof(CertificateInstalledOn), CertificateInstalledOn), (nameof(NoticeBoardInstalledOn), NoticeBoardInstalledOn),
        ];

        public static VillageForm From(ProgrammeVillage v) => new()
        {
            Border = v.Criteria.Border,
            Poverty = v.Criteria.Poverty,
            LowEducation = v.Criteria.LowEducation,
            YoungPopulation = v.Criteria.YoungPopulation,
            Unemployment = v.Criteria.Unemployment,
            MigrantWorkers = v.Criteria.MigrantWorkers,
            Evidence = v.Evidence,
            ConsentOn = v.ConsentOn,
            ConsentDocument = v.ConsentDocument,
            DecreeNumber = v.DecreeNumber,
            DecreeOn = v.DecreeOn,
            EstablishedOn = v.EstablishedOn,
            CertificateInstalledOn = v.CertificateInstalledOn,
            NoticeBoardInstalledOn = v.NoticeBoardInstalledOn,
            MessagingGroupLink = v.MessagingGroupLink,
            Latitude = v.Latitude,
            Longitude = v.Longitude,
            Version = v.Version,
        };

        public void ApplyTo(ProgrammeVillage v)
        {
            v.Criteria = new VillageCriteria
            {
                Border = Border,
                Poverty = Poverty,
                LowEducation = LowEducation,
                YoungPopulation = YoungPopulation,
                Unemployment = Unemployment,
                MigrantWorkers = MigrantWorkers,
            };
            v.Evidence = Evidence?.Trim();
            v.ConsentOn = ConsentOn;
            v.ConsentDocument = ConsentDocument?.Trim();
            v.DecreeNumber = DecreeNumber?.Trim();
            v.DecreeOn = DecreeOn;
            v.EstablishedOn = EstablishedOn;
            v.CertificateInstalledOn = CertificateInstalledOn;
            v.NoticeBoardInstalledOn = NoticeBoardInstalledOn;
            v.MessagingGroupLink = MessagingGroupLink?.Trim();
            v.Latitude = Latitude;
            v.Longitude = Longitude;
        }
    }
}
