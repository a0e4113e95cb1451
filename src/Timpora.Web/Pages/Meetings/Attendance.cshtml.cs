using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Meetings;

/// <summary>The secretariat takes attendance of the invited members, and invites members added since.</summary>
public sealed class AttendanceModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    private readonly ScopedIds ids = new(db);

    public MeetingView View { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> NotInvited { get; private set; } = [];

    [BindProperty]
    public List<Guid> Present { get; set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ?? Page();

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        var marked = Present.Distinct().ToList();
        if (await ids.NotTeamMembersAsync(marked, View.Team.Id, cancellationToken) is { Count: > 0 })
        {
            // No name for an id that is not this team's: it may be another office's member.
            ModelState.AddModelError(nameof(Present), t["Meetings.AttendeeNotOnTeam"]);
            return Page();
        }

        var invited = View.Attendees.ToDictionary(a => a.MemberId);
        var strangers = marked.Where(p => !invited.ContainsKey(p)).ToList();
        if (strangers.Count > 0)
        {
            var names = await ids.TeamMembers.Where(m => strangers.Contains(m.Id)).Select(m => m.FullName).ToListAsync(cancellationToken);
            ModelState.AddModelError(nameof(Present), t["Meetings.AttendeeNotInvited", string.Join(", ", names)]);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var invitations = await db.MeetingInvitations.Where(i => i.MeetingId == id).ToListAsync(cancellationToken);
        foreach (var invitation in invitations)
        {
            var present = Present.Contains(invitation.MemberId);
            if (present && invitation.AttendedUtc is null)
            {
                invitation.AttendedUtc = now;
                invitation.AttendanceSource = AttendanceSource.Secretariat;
            }
            else if (!present && invitation.AttendedUtc is not null)
            {
                invitation.AttendedUtc = null;
                invitation.AttendanceSource = null;
            }
        }

        db.RecordAccess(AuditAction.Changed, nameof(MeetingInvitation), id.ToString(), View.Team.KanimId, "daftar hadir");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Meetings.AttendanceSaved", Present.Count].Value;
        return Redirect($"/Meetings/{id}");
    }

    public async Task<IActionResult> OnPostInviteAsync(Guid id, Guid memberId, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (await ids.NotTeamMembersAsync([memberId], View.Team.Id, cancellationToken) is { Count: > 0 })
        {
            Present = [.. View.Attendees.Where(a => a.AttendedUtc is not null).Select(a => a.MemberId)];
            ModelState.AddModelError(nameof(Present), t["Meetings.AttendeeNotOnTeam"]);
            return Page();
        }

        if (NotInvited.Any(n => n.Id == memberId))
        {
            db.MeetingInvitations.Add(new MeetingInvitation { MeetingId = id, MemberId = memberId, InvitedUtc = clock.GetUtcNow().UtcDateTime });
            db.RecordAccess(AuditAction.Created, nameof(MeetingInvitation), id.ToString(), View.Team.KanimId, memberId.ToString());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Redirect($"/Meetings/Attendance/{id}");
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
        var invited = View.Attendees.Select(a => a.MemberId).ToList();
        NotInvited = (await ids.TeamMembers.Where(m => m.TeamId == meeting.TeamId && !invited.Contains(m.Id)).OrderBy(m => m.FullName)
            .Select(m => new { m.Id, m.FullName }).ToListAsync(cancellationToken)).Select(m => (m.Id, m.FullName)).ToList();
        if (Request.Method == HttpMethods.Get)
        {
            Present = [.. View.Attendees.Where(a => a.AttendedUtc is not null).Select(a => a.MemberId)];
        }

        return null;
    }
}
