using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Actions;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Teams;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.ActionItems;

/// <summary>One action item and its progress notes; the team's office or the owning unit reports progress.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, OfficeClock officeClock, IStringLocalizer<SharedResource> t) : PageModel
{
    public ActionItem Item { get; private set; } = null!;

    public string Owner { get; private set; } = "";

    public string TeamName { get; private set; } = "";

    public string MeetingTitle { get; private set; } = "";

    public string DecisionText { get; private set; } = "";

    public bool CanReport { get; private set; }

    public bool Overdue { get; private set; }

    [BindProperty]
    public NoteForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Input.Status = Item.Status;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanReport)
        {
            return Forbid();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var item = await db.ActionItems.FirstAsync(a => a.Id == id, cancellationToken);
        db.Entry(item).Property(a => a.Version).OriginalValue = Input.Version;
        item.Version = Guid.NewGuid();
        item.Status = Input.Status!.Value;
        item.ClosedUtc = item.IsOpen ? null : item.ClosedUtc ?? now;
        db.ActionNotes.Add(new ActionNote { ActionItemId = id, AtUtc = now, Author = User.Identity!.Name!, Text = Input.Text.Trim(), Status = item.Status });
        db.RecordAccess(AuditAction.Changed, nameof(ActionItem), id.ToString(), null, Input.Status.ToString());
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            return Page();
        }

        TempData["Message"] = t["Actions.ProgressSaved"].Value;
        return Redirect($"/ActionItems/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        if (await scope.ActionItems.AsNoTracking().Include(a => a.Notes).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } item)
        {
            return false;
        }

        Item = item;
        Item.Notes = [.. item.Notes.OrderByDescending(n => n.AtUtc)];
        Owner = await db.AgencyUnits.Where(u => u.Id == item.OwnerUnitId).Select(u => u.Name).FirstAsync(cancellationToken);
        var team = await db.Teams.AsNoTracking().FirstAsync(x => x.Id == item.TeamId, cancellationToken);
        TeamName = team.Name;
        MeetingTitle = await db.Meetings.Where(m => m.Id == item.MeetingId).Select(m => m.Title).FirstAsync(cancellationToken);
        DecisionText = await db.MeetingOutcomes.Where(o => o.Id == item.DecisionId).Select(o => o.Text).FirstAsync(cancellationToken);
        CanReport = scope.CanManage(team) || db.Caller.Scope.AgencyUnitId == item.OwnerUnitId;
        Overdue = ActionItem.IsOverdue(item.Status, item.DueDate, officeClock.Today);
        if (Input.Version == Guid.Empty)
        {
            Input.Version = item.Version;
        }

        return true;
    }

    public sealed class NoteForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Actions.Progress")]
        public string Text { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Actions.Status")]
        public ActionStatus? Status { get; set; }

        public Guid Version { get; set; }
    }
}
