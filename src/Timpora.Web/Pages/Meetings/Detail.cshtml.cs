using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Meetings;

/// <summary>A meeting: agenda, attendance, minutes, decisions and their action items; the invitation as an
/// .ics file, the minutes as a PDF; a member marks their own attendance on the day from their phone.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public MeetingView View { get; private set; } = null!;

    public bool CanManage { get; private set; }

    /// <summary>The signed-in user's own invitation, when they are invited.</summary>
    public MeetingView.Attendee? Own { get; private set; }

    public bool IsMeetingDay { get; private set; }

    public IReadOnlyList<(Guid Id, string Name)> ShareCandidates { get; private set; } = [];

    public IReadOnlyList<string> SharedWith { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(Meeting), id.ToString(), View.Team.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnGetIcsAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var m = View.Meeting;
        var url = new Uri($"{Request.Scheme}://{Request.Host}/Meetings/{m.Id}");
        var agenda = string.Join("\n", View.Agenda.Select(a => $"{a.Number}. {a.Title}"));
        var text = MeetingCalendar.Write(new CalendarEvent(
            m.Id + "@timpora", clock.GetUtcNow().UtcDateTime, m.StartUtc, m.EndUtc, m.Title, m.Venue, View.Team.Name + "\n" + agenda, url));
        return File(System.Text.Encoding.UTF8.GetBytes(text), MeetingCalendar.ContentType, "undangan-rapat.ics");
    }

    public async Task<IActionResult> OnGetPdfAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Exported, nameof(Meeting), id.ToString(), View.Team.KanimId, "notulen");
        await db.SaveChangesAsync(cancellationToken);
        return File(MinutesDocument.Write(View.ToMinutes(clock.GetUtcNow().UtcDateTime)), "application/pdf", "notulen-rapat.pdf");
    }

    /// <summary>A member marks themselves present, on the meeting's day only.</summary>
    public async Task<IActionResult> OnPostAttendAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Own is null)
        {
            TempData["Message"] = t["Meetings.NotInvited"].Value;
            return Redirect($"/Meetings/{id}");
        }

        if (!IsMeetingDay)
        {
            TempData["Message"] = t["Meetings.NotMeetingDay"].Value;
            return Redirect($"/Meetings/{id}");
        }

        var invitation = await db.MeetingInvitations.FirstAsync(i => i.MeetingId == id && i.MemberId == Own.MemberId, cancellationToken);
        if (invitation.AttendedUtc is null)
        {
            invitation.AttendedUtc = clock.GetUtcNow().UtcDateTime;
            invitation.AttendanceSource = AttendanceSource.Self;
            db.RecordAccess(AuditAction.Changed, nameof(MeetingInvitation), invitation.Id.ToString(), View.Team.KanimId, "hadir");
            await db.SaveChangesAsync(cancellationToken);
        }

        TempData["Message"] = t["Meetings.AttendanceRecorded"].Value;
        return Redirect($"/Meetings/{id}");
    }

    public async Task<IActionResult> OnPostShareAsync(Guid id, Guid teamId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (ShareCandidates.Any(c => c.Id == teamId))
        {
            db.MeetingShares.Add(new MeetingShare { MeetingId = id, TeamId = teamId });
            db.RecordAccess(AuditAction.Changed, nameof(MeetingShare), id.ToString(), View.Team.KanimId, teamId.ToString());
            await db.SaveChangesAsync(cancellationToken);
            TempData["Message"] = t["Meetings.Shared"].Value;
        }

        return Redirect($"/Meetings/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        if (await scope.FindMeetingAsync(id, cancellationToken) is not { } meeting)
        {
            return false;
        }

        View = await MeetingView.LoadAsync(db, meeting, cancellationToken);
        CanManage = scope.CanManage(View.Team);
        var userId = db.Caller.UserId;
        var personId = userId is null ? null : await db.Users.Where(u => u.Id == userId).Select(u => u.PersonId).FirstOrDefaultAsync(cancellationToken);
        Own = personId is null ? null : View.Attendees.FirstOrDefault(a => a.PersonId == personId);
        var today = MeetingTime.ToLocal(clock.GetUtcNow().UtcDateTime, View.ZoneId).Date;
        IsMeetingDay = MeetingTime.ToLocal(meeting.StartUtc, View.ZoneId).Date == today;
        SharedWith = await db.MeetingShares.Where(s => s.MeetingId == id).Join(db.Teams, s => s.TeamId, t => t.Id, (s, t) => t.Name).ToListAsync(cancellationToken);
        if (CanManage)
        {
            var shared = await db.MeetingShares.Where(s => s.MeetingId == id).Select(s => s.TeamId).ToListAsync(cancellationToken);
            ShareCandidates = (await scope.Teams.Where(x => x.Id != meeting.TeamId && !shared.Contains(x.Id)).OrderBy(x => x.Name)
                    .Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
                .Where(x => scope.CanManage(meeting.Team!)).Select(x => (x.Id, x.Name)).ToList();
        }

        return true;
    }
}
