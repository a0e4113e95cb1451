using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Data;
using Timpora.Core.Meetings;

namespace Timpora.Core.Teams;

/// <summary>The one sharing rule of the Timpora records; every page reads teams, meetings, minutes and action
/// items through it. Staff see the teams of their offices (PIMPASA: of their villages). A partner-agency
/// member sees the teams their agency unit sits on, the meetings of those teams and the meetings shared with
/// them, and the action items of those meetings or owned by their unit (whichever team gave them).</summary>
public sealed class TeamScope(AppDbContext db)
{
    private DataScope Scope => db.Caller.Scope;

    public IQueryable<Team> Teams
    {
        get
        {
            var scope = Scope;
            var all = scope.All;
            var kanims = scope.KanimIds;
            var villages = scope.VillageCodes;
            var unit = scope.AgencyUnitId;
            return db.Teams.Where(t => all || kanims.Contains(t.KanimId)
                || (t.AreaCode != null && villages.Contains(t.AreaCode))
                || (unit != null && t.Members.Any(m => m.UnitId == unit)));
        }
    }

    public IQueryable<Meeting> Meetings
    {
        get
        {
            var teams = Teams;
            return db.Meetings.Where(m => teams.Any(t => t.Id == m.TeamId) || m.Shares.Any(s => teams.Any(t => t.Id == s.TeamId)));
        }
    }

    public IQueryable<ActionItem> ActionItems
    {
        get
        {
            var meetings = Meetings;
            var unit = Scope.AgencyUnitId;
            return db.ActionItems.Where(a => meetings.Any(m => m.Id == a.MeetingId) || (unit != null && a.OwnerUnitId == unit));
        }
    }

    /// <summary>Staff of the team's office (or everyone-scope administrators) run the team: decree, members,
    /// meetings, minutes. Partners read, record their own attendance and report progress on their items.</summary>
    public bool CanManage(Team team) => CanManage(team.KanimId);

    public bool CanManage(int kanimId) => Scope.All || Scope.KanimIds.Contains(kanimId);

    public Task<Team?> FindTeamAsync(Guid id, CancellationToken cancellationToken) =>
        Teams.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);

    public Task<Meeting?> FindMeetingAsync(Guid id, CancellationToken cancellationToken) =>
        Meetings.Include(m => m.Team).FirstOrDefaultAsync(m => m.Id == id, cancellationToken);
}
