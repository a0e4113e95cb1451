namespace Timpora.Core.Meetings;

public enum MeetingKind
{
    Inauguration = 1,
    Coordination = 2,
    AdHoc = 3,
    Evaluation = 4,
}

public enum OutcomeKind
{
    Finding = 1,
    Recommendation = 2,
    Decision = 3,
}

public enum AttendanceSource
{
    Secretariat = 1,
    Self = 2,
}

/// <summary>A team meeting, from invitation to minutes. Times are stored in UTC and entered and shown in the
/// time zone of the team's office.</summary>
public sealed class Meeting
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeamId { get; set; }
    public Teams.Team? Team { get; set; }
    public MeetingKind Kind { get; set; }
    public required string Title { get; set; }
    public DateTime StartUtc { get; set; }
    public DateTime EndUtc { get; set; }
    public required string Venue { get; set; }

    /// <summary>The "Dasar" of the minutes: the decree and letters the meeting is held on.</summary>
    public string? Basis { get; set; }

    /// <summary>Who signs the minutes (usually the chair) and as what.</summary>
    public string? SignerName { get; set; }
    public string? SignerTitle { get; set; }
    public DateTime? MinutesClosedUtc { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<AgendaItem> Agenda { get; set; } = [];
    public List<MeetingInvitation> Invitations { get; set; } = [];
    public List<MeetingOutcome> Outcomes { get; set; } = [];
    public List<MeetingShare> Shares { get; set; } = [];
}

public sealed class AgendaItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public int Number { get; set; }
    public required string Title { get; set; }

    /// <summary>The minutes of this item: what was presented and discussed.</summary>
    public string? Minutes { get; set; }

    /// <summary>Set when the item was carried over as an open action item of the previous meeting.</summary>
    public Guid? ActionItemId { get; set; }
}

/// <summary>A member invited to a meeting, and whether they attended (taken on the day).</summary>
public sealed class MeetingInvitation
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid MemberId { get; set; }
    public Teams.TeamMember? Member { get; set; }
    public DateTime InvitedUtc { get; set; }
    public DateTime? AttendedUtc { get; set; }
    public AttendanceSource? AttendanceSource { get; set; }
}

/// <summary>A finding, recommendation or decision, under an agenda item or for the meeting as a whole.</summary>
public sealed class MeetingOutcome
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public Guid? AgendaItemId { get; set; }
    public OutcomeKind Kind { get; set; }
    public int Number { get; set; }
    public required string Text { get; set; }
}

/// <summary>A meeting shared with another team, whose members may then read it too.</summary>
public sealed class MeetingShare
{
    public Guid MeetingId { get; set; }
    public Guid TeamId { get; set; }
}

/// <summary>A photo or document of a meeting. The file lives in the file store, under the same id.</summary>
public sealed class MeetingAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid MeetingId { get; set; }
    public required string FileName { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public required string UploadedBy { get; set; }
    public DateTime UploadedUtc { get; set; }
}
