using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>A village's plan for each quarter of a year and how far it was fulfilled (at least one activity a
/// quarter is the norm).</summary>
public sealed class PlanModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public ProgrammeVillage Programme { get; private set; } = null!;

    public IReadOnlyList<QuarterRow> Quarters { get; private set; } = [];

    public Quarter Current { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        Input = new PlanForm { Quarter = Current.Year == Year ? Current.Number : 1, PlannedActivities = 1 };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var year = Year!.Value;
        var plan = await db.QuarterPlans.FirstOrDefaultAsync(p => p.VillageId == Village && p.Year == year && p.Quarter == Input.Quarter, cancellationToken)
            ?? db.QuarterPlans.Add(new QuarterPlan
            {
                VillageId = Village,
                KanimId = Programme.KanimId,
                AreaCode = Programme.AreaCode,
                Year = year,
                Quarter = Input.Quarter,
            }).Entity;
        plan.PlannedActivities = Input.PlannedActivities;
        plan.Note = Input.Note?.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Activities/Plan?village={Village}&year={year}");
    }

    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        if (await db.ProgrammeVillages.AsNoTracking().FirstOrDefaultAsync(v => v.Id == Village, cancellationToken) is not { } village)
        {
            return false;
        }

        Programme = village;
        Current = Quarter.Of(DateOnly.FromDateTime(clock.Now));
        Year = Year is { } y && Quarter.IsValid(y, 1) ? y : Current.Year;
        var year = Year.Value;
        var plans = await db.QuarterPlans.AsNoTracking().Where(p => p.VillageId == Village && p.Year == year).ToListAsync(cancellationToken);
        var (first, last) = (new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
        var done = await db.VillageActivities.AsNoTracking()
            .Where(a => a.VillageId == Village && a.Status == ActivityStatus.Done && a.Date >= first && a.Date <= last)
            .Select(a => a.Date).ToListAsync(cancellationToken);
        Quarters = [.. Enumerable.Range(1, 4).Select(n =>
        {
            var quarter = new Quarter(year, n);
            var plan = plans.FirstOrDefault(p => p.Quarter == n);
            return new QuarterRow(quarter, plan?.PlannedActivities, plan?.Note, done.Count(quarter.Contains));
        })];
        return true;
    }

    public sealed record QuarterRow(Quarter Quarter, int? Planned, string? Note, int Done)
    {
        /// <summary>Met when at least one activity was held and at least as many as planned.</summary>
        public bool Met => Done >= Math.Max(1, Planned ?? 1);
    }

    public sealed class PlanForm
    {
        [Range(1, 4, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Plan.Quarter")]
        public int Quarter { get; set; }

        [Range(0, 50, ErrorMessage = "Village.ScoreRange")]
        [Display(Name = "Village.Plan.Planned")]
        public int PlannedActivities { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Plan.Note")]
        public string? Note { get; set; }
    }
}
