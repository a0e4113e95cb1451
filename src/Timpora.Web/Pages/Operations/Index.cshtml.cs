using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Operations;
using Timpora.Core.Tips;
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

    /// <summary>The tip a plan is made from (?tip=), shown above the form.</summary>
    public string? FromTipCode { get; private set; }

    /// <summary>The list; with ?tip= the plan of an operation from that tip, pre-filled with its office, area and place.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "page")] int? pageNumber, [FromQuery] Guid? tip, CancellationToken cancellationToken)
    {
        PageNumber = pageNumber ?? 1;
        await LoadAsync(cancellationToken);
        if (tip is { } tipId)
        {
            var from = await db.Tips.AsNoTracking().Where(x => x.Id == tipId)
                .Select(x => new { x.Id, x.TrackingCode, x.KanimId, x.AreaCode, x.Place, Area = db.Areas.Where(a => a.Code == x.AreaCode).Select(a => a.Name).FirstOrDefault() })
                .FirstOrDefaultAsync(cancellationToken);
            if (from is null)
            {
                return NotFound();
            }

            var tomorrow = DateOnly.FromDateTime(officeClock.ToLocal(clock.GetUtcNow().UtcDateTime)).AddDays(1);
            FromTipCode = from.TrackingCode;
            Input = new PlanForm
            {
                TipId = from.Id,
                KanimId = Kanims.Any(k => k.Id == from.KanimId) ? from.KanimId : null,
                Name = t["Tips.Operation.DefaultName", from.TrackingCode],
                AreaCode = from.AreaCode,
                PeriodStart = tomorrow,
                PeriodEnd = tomorrow,
                Targets = from.Place ?? from.Area ?? "",
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Tip? tip = null;
        if (Input.TipId is { } tipId)
        {
            tip = await db.Tips.FirstOrDefaultAsync(x => x.Id == tipId, cancellationToken);
            if (tip is null)
            {
                return NotFound();
            }

            FromTipCode = tip.TrackingCode;
            if (!TipStateMachine.Allows(tip.State, TipStep.Escalate))
            {
                ModelState.AddModelError(string.Empty, t["Tips.Error.StepNotAllowed"]);
            }
        }

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
        else if (Input.KanimId is { } office && !await new ScopedIds(db).AreaInOfficeAsync(area, office, cancellationToken))
        {
            // The operation's area decides who sees it (a PIMPASA of a village there): only the office's own.
            ModelState.AddModelError("Input.AreaCode", t["Teams.AreaOutsideKanim"]);
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
        if (tip is not null)
        {
            // The step was checked above; the operation now exists in the caller's scope.
            await TipTriage.ApplyAsync(db, tip, new TipCommand(TipStep.Escalate) { OperationId = operation.Id, Note = t["Tips.Operation.PlannedNote"] },
                User.Identity!.Name!, clock.GetUtcNow().UtcDateTime, cancellationToken: cancellationToken);
        }

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
        /// <summary>The tip the operation is planned from; it is escalated to the new operation.</summary>
        public Guid? TipId { get; set; }

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
