namespace Timpora.Core.Actions;

public enum ActionStatus
{
    Open = 1,
    InProgress = 2,
    Done = 3,
    Cancelled = 4,
}

/// <summary>Work that a decision gave to an agency, followed until done.</summary>
public sealed class ActionItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeamId { get; set; }
    public Guid MeetingId { get; set; }
    public Guid DecisionId { get; set; }

    /// <summary>The owning agency unit (Polres Sumba Barat Daya, Disnaker Lampung Timur...).</summary>
    public int OwnerUnitId { get; set; }
    public required string Title { get; set; }
    public required string PersonInCharge { get; set; }
    public DateOnly DueDate { get; set; }
    public ActionStatus Status { get; set; } = ActionStatus.Open;
    public DateTime CreatedUtc { get; set; }
    public DateTime? ClosedUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<ActionNote> Notes { get; set; } = [];

    public bool IsOpen => Status is ActionStatus.Open or ActionStatus.InProgress;

    public static bool IsOverdue(ActionStatus status, DateOnly dueDate, DateOnly today) =>
        status is ActionStatus.Open or ActionStatus.InProgress && dueDate < today;
}

public sealed class ActionNote
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActionItemId { get; set; }
    public DateTime AtUtc { get; set; }
    public required string Author { get; set; }
    public required string Text { get; set; }
    public ActionStatus Status { get; set; }
}
