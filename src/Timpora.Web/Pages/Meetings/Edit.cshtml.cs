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

/// <summary>Plans a meeting of a team (every member is invited; the open items of the last meeting open the
/// agenda), or changes its date, venue and basis.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public MeetingForm Input { get; set; } = new();

    public Team Team { get; private set; } = null!;

    public string ZoneId { get; private set; } = "";

    public bool IsNew { get; private set; } = true;

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? team, CancellationToken cancellationToken)
    {
        var (found, meeting) = await LoadAsync(id, team, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        if (meeting is not null)
        {
            Input = new MeetingForm
            {
                Kind = meeting.Kind,
                Title = meeting.Title,
                Start = MeetingTime.ToLocal(meeting.StartUtc, ZoneId),
                End = MeetingTime.ToLocal(meeting.EndUtc, ZoneId),
                Venue = meeting.Venue,
                Basis = meeting.Basis,
                SignerName = meeting.SignerName,
                SignerTitle = meeting.SignerTitle,
                Version = meeting.Version,
            };
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, Guid? team, CancellationToken cancellationToken)
    {
        var (found, meeting) = await LoadAsync(id, team, cancellationToken);
        if (found is not null)
        {
            return found;
        }

        if (Input.Start is { } start && Input.End is { } end && end <= start)
        {
            ModelState.AddModelError("Input.End", t["Meetings.EndBeforeStart"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (meeting is null)
        {
            meeting = new Meeting { Title = "", Venue = "" };
            Apply(meeting);
            await MeetingPlanning.ScheduleAsync(db, Team, meeting, (Input.Agenda ?? "").Split('\n'), now, cancellationToken);
        }
        else
        {
            db.Entry(meeting).Property(m => m.Version).OriginalValue = Input.Version;
            meeting.Version = Guid.NewGuid();
            Apply(meeting);
        }

        db.RecordAccess(IsNew ? AuditAction.Created : AuditAction.Changed, nameof(Meeting), meeting.Id.ToString(), Team.KanimId);
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
        return Redirect($"/Meetings/{meeting.Id}");
    }

    private void Apply(Meeting meeting)
    {
        meeting.Kind = Input.Kind!.Value;
        meeting.Title = Input.Title.Trim();
        meeting.StartUtc = MeetingTime.ToUtc(Input.Start!.Value, ZoneId);
        meeting.EndUtc = MeetingTime.ToUtc(Input.End!.Value, ZoneId);
        meeting.Venue = Input.Venue.Trim();
        meeting.Basis = string.IsNullOrWhiteSpace(Input.Basis) ? null : Input.Basis.Trim();
        meeting.SignerName = string.IsNullOrWhiteSpace(Input.SignerName) ? null : Input.SignerName.Trim();
        meeting.SignerTitle = string.IsNullOrWhiteSpace(Input.SignerTitle) ? null : Input.SignerTitle.Trim();
    }

    /// <summary>Finds the team (and meeting) in scope; returns a result to answer with when the caller may not.</summary>
    private async Task<(IActionResult? Refusal, Meeting? Meeting)> LoadAsync(Guid? id, Guid? teamId, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        Meeting? meeting = null;
        if (id is { } meetingId)
        {
            meeting = await scope.FindMeetingAsync(meetingId, cancellationToken);
            if (meeting is null)
            {
                return (NotFound(), null);
            }

            teamId = meeting.TeamId;
            IsNew = false;
        }

        var team = teamId is { } tid ? await scope.FindTeamAsync(tid, cancellationToken) : null;
        if (team is null)
        {
            return (NotFound(), null);
        }

        if (!scope.CanManage(team))
        {
            return (Forbid(), null);
        }

        Team = team;
        ZoneId = await db.Kanims.Where(k => k.Id == team.KanimId).Select(k => k.TimeZoneId).FirstAsync(cancellationToken);
        return (null, meeting);
    }

    public sealed class MeetingForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meetings.Kind")]
        public MeetingKind? Kind { get; set; } = MeetingKind.Coordination;

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        [Display(Name = "Meetings.MeetingTitle")]
        public string Title { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meetings.Start")]
        public DateTime? Start { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Meetings.End")]
        public DateTime? End { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Meetings.Venue")]
        public string Venue { get; set; } = "";

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.Basis")]
        public string? Basis { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.Agenda")]
        public string? Agenda { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.SignerName")]
        public string? SignerName { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Meetings.SignerTitle")]
        public string? SignerTitle { get; set; }

        public Guid Version { get; set; }
    }
}
