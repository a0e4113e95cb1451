using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Operations;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Operations;

/// <summary>The joint operations of the user's offices, and the plan of a new one.</summary>
public sealed class IndexModel(AppDbContext db, TimeProvider clock, OfficeClock officeClock, IStringLocalizer<SharedResource> t) : PageModel
{
    // Not a bound property: on a post, Razor Pages' own "page" route value would bind to it.
    public int PageNumber { get; private set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Kanims { get; private set; } = [];

    [BindProperty]
    public PlanForm Input { get; set; } = new();

    public string PageLink(int page) => "/Operations?page=" + page.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public async Task OnGetAsync([FromQuery(Name = "page")] int? pageNumber, CancellationToken cancellationToken)
    {
        PageNumber = pageNumber ?? 1;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        if (Input.KanimId is not { } kanimId || Kanims.All(k => k.Id != kanimId))
        {
            ModelState.AddModelError("Input.KanimId", t["Teams.KanimUnknown"]);
        }

        if (Input.PeriodStart is { } start && Input.PeriodEnd is { } end && end < start)
        {
            ModelState.AddModelError("Input.PeriodEnd", t["Teams.EndBeforeStart"]);
        }

        if (Input.OrderDate is { } ordered && ordered > DateOnly.FromDateTime(officeClock.ToLocal(clock.GetUtcNow().UtcDateTime)))
        {
            ModelState.AddModelError("Input.OrderDate", t["Sanctions.DateInFuture"]);
        }

        var area = Input.AreaCode?.Trim();
        if (area is null || !await db.Areas.AnyAsync(a => a.Code == area, cancellationToken))
        {
            ModelState.AddModelError("Input.AreaCode", t["Validation.AreaRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var operation = new JointOperation
        {
            KanimId = Input.KanimId!.Value,
            AreaCode = area!,
            Name = Input.Name.Trim(),
            PeriodStart = Input.PeriodStart!.Value,
            PeriodEnd = Input.PeriodEnd!.Value,
            Targets = Input.Targets.Trim(),
            OrderNumber = Input.OrderNumber.Trim(),
            OrderDate = Input.OrderDate!.Value,
            Participants = Input.Participants.Trim(),
        };
        db.JointOperations.Add(operation);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Operations/{operation.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = db.Caller.Scope;
        var kanims = scope.KanimIds;
        Kanims = (await db.Kanims.AsNoTracking().Where(k => scope.All || kanims.Contains(k.Id)).OrderBy(k => k.Name)
            .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken)).Select(k => (k.Id, k.Name)).ToList();
        Result = await db.JointOperations.AsNoTracking().OrderByDescending(o => o.PeriodStart)
            .Select(o => new Row(o.Id, o.Name, o.PeriodStart, o.PeriodEnd, o.AreaCode, o.OrderNumber, db.OperationFindings.Count(f => f.OperationId == o.Id)))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record Row(Guid Id, string Name, DateOnly Start, DateOnly End, string AreaCode, string OrderNumber, int Findings);

    public sealed class PlanForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.Kanim")]
        public int? KanimId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        [Display(Name = "Operations.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.PeriodStart")]
        public DateOnly? PeriodStart { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.PeriodEnd")]
        public DateOnly? PeriodEnd { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(13, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Teams.Area")]
        public string? AreaCode { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Operations.Targets")]
        public string Targets { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Operations.OrderNumber")]
        public string OrderNumber { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Operations.OrderDate")]
        public DateOnly? OrderDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(4000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Operations.Participants")]
        public string Participants { get; set; } = "";
    }
}
