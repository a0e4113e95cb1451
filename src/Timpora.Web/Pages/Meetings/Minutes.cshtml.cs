using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Meetings;

/// <summary>The secretariat writes the minutes: what each agenda item discussed, and the findings,
/// recommendations and decisions; decisions then get their action items.</summary>
public sealed class MinutesModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    [BindProperty]
    public List<ItemMinutes> Items { get; set; } = [];

    [BindProperty]
    public OutcomeForm Outcome { get; set; } = new();

    [BindProperty]
    [StringLength(300, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Meetings.AgendaItem")]
    public string? NewItem { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Items = [.. View.Agenda.Select(a => new ItemMinutes { Id = a.Id, Minutes = a.Minutes })];
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Remove("Outcome.Text");
        if (!ModelState.IsValid)
        {
            return Page();
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
        return Redirect($"/Meetings/Minutes/{id}");
    }

    public async Task<IActionResult> OnPostItemAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (string.IsNullOrWhiteSpace(NewItem))
        {
            ModelState.AddModelError(nameof(NewItem), t["Validation.Required", t["Meetings.AgendaItem"]]);
            Items = [.. View.Agenda.Select(a => new ItemMinutes { Id = a.Id, Minutes = a.Minutes })];
            return Page();
        }

        var number = View.Agenda.Count == 0 ? 1 : View.Agenda.Max(a => a.Number) + 1;
        db.AgendaItems.Add(new AgendaItem { MeetingId = id, Number = number, Title = NewItem.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Meetings/Minutes/{id}");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (Outcome.AgendaItemId is { } itemId && View.Agenda.All(a => a.Id != itemId))
        {
            ModelState.AddModelError("Outcome.AgendaItemId", t["Meetings.AgendaItemUnknown"]);
        }

        if (!ModelState.IsValid)
        {
            Items = [.. View.Agenda.Select(a => new ItemMinutes { Id = a.Id, Minutes = a.Minutes })];
            return Page();
        }

        var number = View.Outcomes.Count == 0 ? 1 : View.Outcomes.Max(o => o.Number) + 1;
        var outcome = new MeetingOutcome { MeetingId = id, AgendaItemId = Outcome.AgendaItemId, Kind = Outcome.Kind!.Value, Number = number, Text = Outcome.Text.Trim() };
        db.MeetingOutcomes.Add(outcome);
        db.RecordAccess(AuditAction.Created, nameof(MeetingOutcome), outcome.Id.ToString(), View.Team.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Redirect($"/Meetings/Minutes/{id}");
    }

    public async Task<IActionResult> OnPostCloseAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var meeting = await db.Meetings.FirstAsync(m => m.Id == id, cancellationToken);
        meeting.MinutesClosedUtc = clock.GetUtcNow().UtcDateTime;
        meeting.Version = Guid.NewGuid();
        db.RecordAccess(AuditAction.Changed, nameof(Meeting), id.ToString(), View.Team.KanimId, "notulen ditutup");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Meetings.MinutesClosedNow"].Value;
        return Redirect($"/Meetings/{id}");
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
        return null;
    }

    public sealed class ItemMinutes
    {
        public Guid Id { get; set; }

        [StringLength(8000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.Minutes")]
        public string? Minutes { get; set; }
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
