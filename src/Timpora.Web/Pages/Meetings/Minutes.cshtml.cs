using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Meetings;

/// <summary>The secretariat writes the minutes: what each agenda item discussed, and the findings,
/// recommendations and decisions; decisions then get their action items. The page holds several forms, so each
/// handler binds only its own form (by prefix): a property bound for every handler would be validated on every
/// POST, and its errors would refuse the other forms silently. Closed minutes are the record of the meeting and
/// are refused on every write; a Kanwil supervisor or an administrator may reopen them, with a reason that is
/// audited.</summary>
public sealed class MinutesModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public List<ItemMinutes> Items { get; private set; } = [];

    public OutcomeForm Outcome { get; private set; } = new();

    public AgendaItemForm NewItem { get; private set; } = new();

    public ReopenForm Reopen { get; private set; } = new();

    public bool IsClosed => View.Meeting.MinutesClosedUtc is not null;

    /// <summary>Who may reopen closed minutes: someone above the office that wrote them.</summary>
    public bool CanReopen => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Items = [];
        if (!await TryUpdateModelAsync(Items, nameof(Items)) || IsClosed)
        {
            return Refused();
        }

        var items = await db.AgendaItems.Where(a => a.MeetingId == id).ToListAsync(cancellationToken);
        foreach (var item in items)
        {
            if (Items.FirstOrDefault(i => i.Id == item.Id) is { } typed)
            {
                item.Minutes = string.IsNullOrWhiteSpace(typed.Minutes) ? null : typed.Minutes.Trim();
            }
        }

        db.RecordAccess(AuditAction.Changed, nameof(Meeting), id.ToString(), View.Team.KanimId, "notulen");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!await TryUpdateModelAsync(NewItem, nameof(NewItem)) || IsClosed)
        {
            return Refused();
        }

        var number = View.Agenda.Count == 0 ? 1 : View.Agenda.Max(a => a.Number) + 1;
        db.AgendaItems.Add(new AgendaItem { MeetingId = id, Number = number, Title = NewItem.Title.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var valid = await TryUpdateModelAsync(Outcome, nameof(Outcome));
        if (Outcome.AgendaItemId is { } itemId && View.Agenda.All(a => a.Id != itemId))
        {
            ModelState.AddModelError("Outcome.AgendaItemId", t["Meetings.AgendaItemUnknown"]);
            valid = false;
        }

        if (!valid || IsClosed)
        {
            return Refused();
        }

        var number = View.Outcomes.Count == 0 ? 1 : View.Outcomes.Max(o => o.Number) + 1;
        var outcome = new MeetingOutcome { MeetingId = id, AgendaItemId = Outcome.AgendaItemId, Kind = Outcome.Kind!.Value, Number = number, Text = Outcome.Text.Trim() };
        db.MeetingOutcomes.Add(outcome);
        db.RecordAccess(AuditAction.Created, nameof(MeetingOutcome), outcome.Id.ToString(), View.Team.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (IsClosed)
        {
            return Refused();
        }

        var meeting = await db.Meetings.FirstAsync(m => m.Id == id, cancellationToken);
        meeting.MinutesClosedUtc = clock.GetUtcNow().UtcDateTime;
        meeting.Version = Guid.NewGuid();
        db.RecordAccess(AuditAction.Changed, nameof(Meeting), id.ToString(), View.Team.KanimId, "notulen ditutup");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Meetings.MinutesClosedNow"].Value;
        return Redirect($"/Meetings/{id}");
    }

    public async Task<IActionResult> OnPostReopenAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!CanReopen)
        {
            return Forbid();
        }

        if (!await TryUpdateModelAsync(Reopen, nameof(Reopen)))
        {
            return Page();
        }

        if (!IsClosed)
        {
            return RedirectToPage(new { id });
        }

        var meeting = await db.Meetings.FirstAsync(m => m.Id == id, cancellationToken);
        meeting.MinutesClosedUtc = null;
        meeting.Version = Guid.NewGuid();
        db.RecordAccess(AuditAction.Changed, nameof(Meeting), id.ToString(), View.Team.KanimId, "notulen dibuka kembali: " + Reopen.Reason.Trim());
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Meetings.MinutesReopened"].Value;
        return RedirectToPage(new { id });
    }

    /// <summary>The page again with what was typed and why it was not kept; closed minutes answer 409.</summary>
    private PageResult Refused()
    {
        if (!IsClosed)
        {
            return Page();
        }

        ModelState.AddModelError("", t["Meetings.MinutesLocked"]);
        return new PageResult { StatusCode = StatusCodes.Status409Conflict };
    }

    private async Task<IActionResult?> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        if (await scope.FindMeetingAsync(id, cancellationToken) is not { } meeting)
        {
            return NotFound();
        }

        if (!scope.CanManage(meeting.Team!))
        {
            return Forbid();
        }

        View = await MeetingView.LoadAsync(db, meeting, cancellationToken);
        Items = [.. View.Agenda.Select(a => new ItemMinutes { Id = a.Id, Minutes = a.Minutes })];
        return null;
    }

    public sealed class ItemMinutes
    {
        public Guid Id { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.Minutes")]
        public string? Minutes { get; set; }
    }

    public sealed class AgendaItemForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.AgendaItem")]
        public string Title { get; set; } = "";
    }

    public sealed class ReopenForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(500, MinimumLength = 10, ErrorMessage = "Validation.Length")]
        [Display(Name = "Meetings.ReopenReason")]
        public string Reason { get; set; } = "";
    }

    public sealed class OutcomeForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meetings.OutcomeKind")]
        public OutcomeKind? Kind { get; set; } = OutcomeKind.Decision;

        [Display(Name = "Meetings.AgendaItem")]
        public Guid? AgendaItemId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        [Display(Name = "Meetings.OutcomeText")]
        public string Text { get; set; } = "";
    }
}
