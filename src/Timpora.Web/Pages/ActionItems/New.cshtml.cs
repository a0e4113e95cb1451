using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Actions;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.ActionItems;

/// <summary>Gives a decision an action item: the owning agency unit (one that sits on the team), a person in
/// charge and a due date.</summary>
public sealed class NewModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public MeetingOutcome Decision { get; private set; } = null!;

    public Meeting Meeting { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    [BindProperty]
    public ActionForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid decision, CancellationToken cancellationToken) =>
        await LoadAsync(decision, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid decision, CancellationToken cancellationToken)
    {
        if (await LoadAsync(decision, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Input.OwnerUnitId is { } unitId && Units.All(u => u.Id != unitId))
        {
            ModelState.AddModelError("Input.OwnerUnitId", t["Actions.OwnerNotOnTeam"]);
        }

        if (Input.DueDate is { } due && due < DateOnly.FromDateTime(Meeting.StartUtc))
        {
            ModelState.AddModelError("Input.DueDate", t["Actions.DueBeforeMeeting"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var item = new ActionItem
        {
            TeamId = Meeting.TeamId,
            MeetingId = Meeting.Id,
            DecisionId = Decision.Id,
            OwnerUnitId = Input.OwnerUnitId!.Value,
            Title = Input.Title.Trim(),
            PersonInCharge = Input.PersonInCharge.Trim(),
            DueDate = Input.DueDate!.Value,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.ActionItems.Add(item);
        db.RecordAccess(AuditAction.Created, nameof(ActionItem), item.Id.ToString(), Meeting.Team!.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Meetings/Minutes/{Meeting.Id}");
    }

    private async Task<IActionResult?> LoadAsync(Guid decisionId, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        var decision = await db.MeetingOutcomes.AsNoTracking().FirstOrDefaultAsync(o => o.Id == decisionId && o.Kind == OutcomeKind.Decision, cancellationToken);
        var meeting = decision is null ? null : await scope.FindMeetingAsync(decision.MeetingId, cancellationToken);
        if (decision is null || meeting is null)
        {
            return NotFound();
        }

        if (!scope.CanManage(meeting.Team!))
        {
            return Forbid();
        }

        Decision = decision;
        Meeting = meeting;
        Units = (await new ScopedIds(db).TeamMembers.Where(m => m.TeamId == meeting.TeamId).Select(m => new { m.UnitId, m.UnitName }).Distinct()
            .OrderBy(u => u.UnitName).ToListAsync(cancellationToken)).Select(u => (u.UnitId, u.UnitName)).ToList();
        return null;
    }

    public sealed class ActionForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        [Display(Name = "Actions.ItemTitle")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Actions.Owner")]
        public int? OwnerUnitId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Actions.PersonInCharge")]
        public string PersonInCharge { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Actions.DueDate")]
        public DateOnly? DueDate { get; set; }
    }
}
