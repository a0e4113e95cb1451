using Microsoft.Extensions.Localization;
using Timpora.Core.Actions;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Teams;

/// <summary>The display names of the Timpora enums, in the user's language.</summary>
public static class TeamTexts
{
    public static string Level(IStringLocalizer t, TeamLevel level) => t["Teams.Level." + level];

    public static string Role(IStringLocalizer t, MemberRole role) => t["Teams.Role." + role];

    public static string Kind(IStringLocalizer t, MeetingKind kind) => t["Meetings.Kind." + kind];

    public static string Outcome(IStringLocalizer t, OutcomeKind kind) => t["Meetings.Outcome." + kind];

    public static string Status(IStringLocalizer t, ActionStatus status) => t["Actions.Status." + status];
}
