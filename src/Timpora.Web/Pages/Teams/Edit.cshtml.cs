using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Teams;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Teams;

/// <summary>Forms or amends a team from its decree: level and area, SK number and date, period.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, OfficeClock officeClock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public TeamForm Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Kanims { get; private set; } = [];

    public bool IsNew => RouteData.Values["id"] is null;

    public async Task<IActionResult> OnGetAsync(Guid? id, CancellationToken cancellationToken)
    {
        if (id is { } teamId)
        {
            var scope = new TeamScope(db);
            if (await scope.FindTeamAsync(teamId, cancellationToken) is not { } team)
            {
                return NotFound();
            }

            if (!scope.CanManage(team))
            {
                return Forbid();
            }

            Input = new TeamForm
            {
                Name = team.Name,
                Level = team.Level,
                AreaCode = team.AreaCode,
                KanimId = team.KanimId,
                DecreeNumber = team.DecreeNumber,
                DecreeDate = team.DecreeDate,
                PeriodStart = team.PeriodStart,
                PeriodEnd = team.PeriodEnd,
                Version = team.Version,
            };
        }

        await LoadAsync(cancellationToken);
        return Kanims.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        Team? team = null;
        if (id is { } teamId)
        {
            team = await scope.FindTeamAsync(teamId, cancellationToken);
            if (team is null)
            {
                return NotFound();
            }

            if (!scope.CanManage(team))
            {
                return Forbid();
            }
        }

        await LoadAsync(cancellationToken);
        var areaCode = string.IsNullOrWhiteSpace(Input.AreaCode) ? null : Input.AreaCode.Trim();
        if (Input.KanimId is not { } kanimId || !Kanims.Any(k => k.Id == kanimId))
        {
            ModelState.AddModelError("Input.KanimId", t["Teams.KanimUnknown"]);
        }
        else if (Input.Level is { } level)
        {
            if (!Team.AreaFitsLevel(level, areaCode))
            {
                ModelState.AddModelError("Input.AreaCode", t["Teams.AreaLevelMismatch", TeamTexts.Level(t, level)]);
            }
            else if (areaCode is not null && !await db.Areas.AnyAsync(a => a.Code == areaCode, cancellationToken))
            {
                ModelState.AddModelError("Input.AreaCode", t["Validation.AreaRequired"]);
            }
            else if (areaCode is not null && !await new ScopedIds(db).AreaInOfficeAsync(areaCode, kanimId, cancellationToken))
            {
                ModelState.AddModelError("Input.AreaCode", t["Teams.AreaOutsideKanim"]);
            }
        }

        var today = DateOnly.FromDateTime(officeClock.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (Input.DecreeDate is { } decreeDate && decreeDate > today)
        {
            ModelState.AddModelError("Input.DecreeDate", t["Teams.DecreeInFuture"]);
        }

        if (Input.PeriodStart is { } start && Input.PeriodEnd is { } end && end < start)
        {
            ModelState.AddModelError("Input.PeriodEnd", t["Teams.EndBeforeStart"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        if (team is null)
        {
            team = new Team { Name = "", DecreeNumber = "", CreatedUtc = clock.GetUtcNow().UtcDateTime };
            db.Teams.Add(team);
        }
        else
        {
            db.Entry(team).Property(x => x.Version).OriginalValue = Input.Version;
            team.Version = Guid.NewGuid();
        }

        team.Name = Input.Name.Trim();
        team.Level = Input.Level!.Value;
        team.AreaCode = areaCode;
        team.KanimId = Input.KanimId!.Value;
        team.DecreeNumber = Input.DecreeNumber.Trim();
        team.DecreeDate = Input.DecreeDate!.Value;
        team.PeriodStart = Input.PeriodStart!.Value;
        team.PeriodEnd = Input.PeriodEnd!.Value;
        db.RecordAccess(IsNew ? Core.Audit.AuditAction.Created : Core.Audit.AuditAction.Changed, nameof(Team), team.Id.ToString(), team.KanimId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            return Page();
        }

        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Teams/{team.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = db.Caller.Scope;
        var kanims = scope.KanimIds;
        Kanims = (await db.Kanims.AsNoTracking().Where(k => scope.All || kanims.Contains(k.Id)).OrderBy(k => k.Name)
                .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Id, k.Name)).ToList();
    }

    public sealed class TeamForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        [Display(Name = "Teams.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.Level")]
        public TeamLevel? Level { get; set; }

        [StringLength(13, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Teams.Area")]
        public string? AreaCode { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.Kanim")]
        public int? KanimId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Teams.DecreeNumber")]
        public string DecreeNumber { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.DecreeDate")]
        public DateOnly? DecreeDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.PeriodStart")]
        public DateOnly? PeriodStart { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.PeriodEnd")]
        public DateOnly? PeriodEnd { get; set; }

        public Guid Version { get; set; }
    }
}
