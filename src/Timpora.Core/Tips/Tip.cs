using Timpora.Core.Data;

namespace Timpora.Core.Tips;

/// <summary>A report from the public tip line or from a village's intake, worked by the Kanim whose working area
/// holds its area. The reporter follows it with the tracking code and a secret, of which only a hash is kept.</summary>
public sealed class Tip : PersonalRecord
{
    public required string TrackingCode { get; set; }
    public required string SecretHash { get; set; }
    public TipKind Kind { get; set; }
    public TipState State { get; set; } = TipState.New;
    public TipChannel Channel { get; set; } = TipChannel.Public;

    public string? Place { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public DateTime? OccurredUtc { get; set; }
    public required string Account { get; set; }

    public string? SubjectName { get; set; }
    public string? SubjectNationality { get; set; }
    public string? SubjectDescription { get; set; }
    public string? Vehicle { get; set; }

    public bool Anonymous { get; set; }
    public string? ReporterName { get; set; }
    public string? ReporterPhone { get; set; }
    public string? ReporterEmail { get; set; }

    /// <summary>For a village intake: the PIMPASA officer or cadre who filed it on a resident's behalf.</summary>
    public string? FiledByUserId { get; set; }
    public string? FiledByName { get; set; }

    public TipRejection? Rejection { get; set; }
    public Guid? DuplicateOfId { get; set; }
    public int? AssignedUnitId { get; set; }
    public string? AssignedUserId { get; set; }
    public DateTime? DueUtc { get; set; }
    public TipOutcome? Outcome { get; set; }

    /// <summary>The Admiralty grading: reliability of the source A (reliable) to F (cannot be judged), and
    /// credibility of the information 1 (confirmed) to 6 (cannot be judged).</summary>
    public string? SourceReliability { get; set; }
    public int? Credibility { get; set; }

    public DateTime? EscalatedUtc { get; set; }
    public int? EscalationKanimId { get; set; }
    public string? EscalationNote { get; set; }

    /// <summary>The joint operation's reference as the Timpora knows it, typed by the officer.</summary>
    public string? OperationReference { get; set; }

    /// <summary>The joint operation in Timpora the tip was escalated to, when it is one of its records.</summary>
    public Guid? OperationId { get; set; }

    /// <summary>What the reporter's status page shows, written by an officer.</summary>
    public string? PublicMessage { get; set; }
    public DateTime LastActionUtc { get; set; }

    /// <summary>What the inbox's search reads: the account, the subject's name and the place, upper-cased in one
    /// column that the database computes, so that PostgreSQL keeps one trigram index on it (ADR 0014).</summary>
    public string SearchText { get; private set; } = "";

    public List<TipEvent> Events { get; set; } = [];
    public List<TipShare> Shares { get; set; } = [];
    public List<TipPhoto> Photos { get; set; } = [];
    public List<TipForeignerLink> Foreigners { get; set; } = [];
}

public enum TipKind
{
    SuspiciousForeigner = 1,
    WorkingWithoutPermit = 2,
    NotReportedByHost = 3,
    NonProceduralRecruitment = 4,
    TraffickingOrSmuggling = 5,
    Other = 6,
}

public enum TipChannel
{
    Public = 1,
    VillageIntake = 2,
}

public enum TipRejection
{
    Spam = 1,

    /// <summary>Not given any more: a duplicate is its own state (<see cref="TipState.Duplicate"/>, ADR 0033); the
    /// schema script 0017_c moved the tips once rejected as duplicates there. Kept so the numbers stay.</summary>
    Duplicate = 2,
    OutOfScope = 3,
}

public enum TipOutcome
{
    Substantiated = 1,
    NotSubstantiated = 2,
}

/// <summary>One line of a tip's timeline: a triage step, a note, a field check, information the reporter added.</summary>
public sealed class TipEvent
{
    public long Id { get; set; }
    public Guid TipId { get; set; }
    public DateTime AtUtc { get; set; }
    public TipEventKind Kind { get; set; }
    public required string By { get; set; }
    public string? Text { get; set; }
}

public enum TipEventKind
{
    Received = 1,
    Verified = 2,
    Rejected = 3,
    Assigned = 4,
    FollowUpStarted = 5,
    Note = 6,
    FieldCheck = 7,
    ForeignerLinked = 8,
    Closed = 9,
    Escalated = 10,
    DuplicateLinked = 11,
    Graded = 12,
    Shared = 13,
    PublicMessage = 14,
    ReporterAdded = 15,
    ReporterPhotos = 16,
}

/// <summary>A partner agency unit that may see the tip without it being assigned to it.</summary>
public sealed class TipShare
{
    public Guid TipId { get; set; }
    public int AgencyUnitId { get; set; }
    public DateTime SharedUtc { get; set; }
}

public sealed class TipForeignerLink
{
    public Guid TipId { get; set; }
    public Guid ForeignerId { get; set; }
}

/// <summary>A photo, stored in the photo folder with its metadata stripped; only its file name is kept here.</summary>
public sealed class TipPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TipId { get; set; }
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>An in-app notice to one user about one tip.</summary>
public sealed class TipNotification
{
    public long Id { get; set; }
    public required string UserId { get; set; }
    public Guid TipId { get; set; }
    public TipNotificationKind Kind { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }
}

public enum TipNotificationKind
{
    Assigned = 1,
    DueSoon = 2,
    Overdue = 3,
}

/// <summary>An email waiting for the SMTP server; a background worker sends it, so a slow server never holds a request.</summary>
public sealed class OutboxEmail
{
    public long Id { get; set; }
    public required string To { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? SentUtc { get; set; }
    public int Attempts { get; set; }
    public DateTime NextAttemptUtc { get; set; }
    public string? LastError { get; set; }
}
