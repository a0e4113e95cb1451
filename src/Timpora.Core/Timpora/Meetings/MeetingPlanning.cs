using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Data;
using Timpora.Core.Teams;

namespace Timpora.Core.Meetings;

/// <summary>Schedules a meeting: every member is invited, and the agenda starts with the action items that the
/// team's previous meeting left open, so that they are followed until done.</summary>
public static class MeetingPlanning
{
    public static async Task<Meeting> ScheduleAsync(AppDbContext db, Team team, Meeting meeting, IEnumerable<string> agendaTitles, DateTime nowUtc, CancellationToken cancellationToken)
    {
        meeting.TeamId = team.Id;
        meeting.CreatedUtc = nowUtc;
        var number = 1;
        var previous = await db.Meetings.Where(m => m.TeamId == team.Id && m.StartUtc < meeting.StartUtc)
            .OrderByDescending(m => m.StartUtc).Select(m => (Guid?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (previous is { } previousId)
        {
            var open = await db.ActionItems.Where(a => a.MeetingId == previousId && (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress))
                .OrderBy(a => a.DueDate).Select(a => new { a.Id, a.Title }).ToListAsync(cancellationToken);
            foreach (var item in open)
            {
                meeting.Agenda.Add(new AgendaItem { Number = number++, Title = "Tindak lanjut: " + item.Title, ActionItemId = item.Id });
            }
        }

        foreach (var title in agendaTitles.Select(t => t.Trim()).Where(t => t.Length > 0))
        {
            meeting.Agenda.Add(new AgendaItem { Number = number++, Title = title });
        }

        var members = await db.TeamMembers.Where(m => m.TeamId == team.Id).Select(m => m.Id).ToListAsync(cancellationToken);
        meeting.Invitations.AddRange(members.Select(id => new MeetingInvitation { MemberId = id, InvitedUtc = nowUtc }));
        db.Meetings.Add(meeting);
        return meeting;
    }
}
