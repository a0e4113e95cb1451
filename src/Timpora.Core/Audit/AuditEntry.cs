using Timpora.Core.Data;

namespace Timpora.Core.Audit;

/// <summary>One line of the append-only audit log. The database refuses updates and deletes on its table
/// (triggers in the schema history), and <see cref="Data.AppDbContext"/> refuses them before that.</summary>
public sealed class AuditEntry : IWrittenOnce
{
    public const int EntityIdLength = 100;
    public const int ReasonLength = 500;

    public long Id { get; set; }
    public DateTime AtUtc { get; set; }
    public string? UserId { get; set; }
    public required string UserName { get; set; }
    public string? IpAddress { get; set; }
    public AuditAction Action { get; set; }
    public required string EntityType { get; set; }
    public required string EntityId { get; set; }
    public int? KanimId { get; set; }
    public string? Reason { get; set; }

    /// <summary>JSON of the fields that changed: {"Field": [old, new]}.</summary>
    public string? Changes { get; set; }
}

public enum AuditAction
{
    Created = 1,
    Changed = 2,
    Deleted = 3,
    Viewed = 4,
    Exported = 5,
}

/// <summary>A record without personal data of its own (an account, an office, an agency) whose every change the
/// context writes to the audit log on save, as it does for a <see cref="Data.PersonalRecord"/>.</summary>
public interface IAudited
{
    string AuditId { get; }

    /// <summary>The office the entry belongs to: who may read it in the audit log.</summary>
    int? AuditKanimId { get; }
}
