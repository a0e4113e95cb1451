using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Meetings;

/// <summary>Everything a meeting's pages show, read once for a meeting already found in scope.</summary>
public sealed class MeetingView
{
    public required Meeting Meeting { get; init; }
    public required Team Team { get; init; }
    public required string ZoneId { get; init; }
    public required string OfficeName { get; init; }
    public required IReadOnlyList<AgendaItem> Agenda { get; init; }
    public required IReadOnlyList<Attendee> Attendees { get; init; }
    public required IReadOnlyList<MeetingOutcome> Outcomes { get; init; }
    public required IReadOnlyList<ActionRow> Actions { get; init; }

    public sealed record Attendee(Guid MemberId, Guid PersonId, string Name, string Unit, string? Position, MemberRole Role, DateTime? AttendedUtc, AttendanceSource? Source);

    public sealed record ActionRow(Guid Id, Guid DecisionId, string Title, string Owner, string PersonInCharge, DateOnly DueDate, ActionStatus Status);

    public static async Task<MeetingView> LoadAsync(AppDbContext db, Meeting meeting, CancellationToken cancellationToken)
    {
        var team = meeting.Team ?? await db.Teams.FirstAsync(t => t.Id == meeting.TeamId, cancellationToken);
        var office = await db.Kanims.Where(k => k.Id == team.KanimId).Select(k => new { k.Name, k.TimeZoneId }).FirstAsync(cancellationToken);
        return new MeetingView
        {
            Meeting = meeting,
            Team = team,
            ZoneId = office.TimeZoneId,
            OfficeName = office.Name,
            Agenda = await db.AgendaItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.Number).ToListAsync(cancellationToken),
            Attendees = await db.MeetingInvitations.AsNoTracking().Where(i => i.MeetingId == meeting.Id)
                .OrderBy(i => i.Member!.Role).ThenBy(i => i.Member!.UnitName).ThenBy(i => i.Member!.FullName)
                .Select(i => new Attendee(i.MemberId, i.Member!.PersonId, i.Member.FullName, i.Member.UnitName, i.Member.Position, i.Member.Role, i.AttendedUtc, i.AttendanceSource))
                .ToListAsync(cancellationToken),
            Outcomes = await db.MeetingOutcomes.AsNoTracking().Where(o => o.MeetingId == meeting.Id).OrderBy(o => o.Number).ToListAsync(cancellationToken),
            Actions = await db.ActionItems.AsNoTracking().Where(a => a.MeetingId == meeting.Id).OrderBy(a => a.DueDate)
                .Join(db.AgencyUnits, a => a.OwnerUnitId, u => u.Id, (a, u) => new ActionRow(a.Id, a.DecisionId, a.Title, u.Name, a.PersonInCharge, a.DueDate, a.Status))
                .ToListAsync(cancellationToken),
        };
    }

    /// <summary>The minutes as printed; <paramref name="nowUtc"/> decides whether the meeting has been held yet.</summary>
    public MinutesData ToMinutes(DateTime nowUtc)
    {
        var byItem = Outcomes.Where(o => o.AgendaItemId is not null).ToLookup(o => o.AgendaItemId!.Value);
        var decisions = Outcomes.Where(o => o.Kind == OutcomeKind.Decision).ToDictionary(o => o.Id, o => o.Number);
        var place = Meeting.Venue.Split(',').Select(p => p.Trim()).LastOrDefault(p => p.Length > 0) ?? Meeting.Venue;
        return new MinutesData(
            OfficeName, Team.Name, Team.DecreeNumber, Team.DecreeDate, Meeting.Kind, Meeting.Title,
            MeetingTime.ToLocal(Meeting.StartUtc, ZoneId), MeetingTime.ToLocal(Meeting.EndUtc, ZoneId), MeetingTime.ZoneName(ZoneId),
            Meeting.Venue, Meeting.Basis,
            [.. Attendees.Select(a => new MinutesAttendee(a.Name, a.Unit, a.Position, a.AttendedUtc is not null))],
            [.. Agenda.Select(a => new MinutesItem(a.Number, a.Title, a.Minutes, [.. byItem[a.Id].Select(ToPrinted)]))],
            // What the meeting page shows apart from the items (whole-meeting outcomes of every kind) and every decision.
            [.. Outcomes.Where(o => o.AgendaItemId is null || o.Kind == OutcomeKind.Decision).Select(ToPrinted)],
            [.. Actions.Select(a => new MinutesAction(decisions.GetValueOrDefault(a.DecisionId), a.Title, a.Owner, a.PersonInCharge, a.DueDate, a.Status))],
            place, Meeting.SignerName, Meeting.SignerTitle,
            Held: Meeting.StartUtc <= nowUtc);
    }

    private static MinutesOutcome ToPrinted(MeetingOutcome o) => new(o.Number, o.Kind, o.Text);
}
