namespace Timpora.Core.Data;

/// <summary>Base of every record that holds personal data. The Kanim and area it belongs to decide who may
/// see it (see <see cref="DataScope"/>); every change to it is audited in the same transaction.</summary>
public abstract class PersonalRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int KanimId { get; set; }
    public required string AreaCode { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }

    /// <summary>Optimistic concurrency token, renewed by the application on every save so that it works the
    /// same on SQLite and PostgreSQL.</summary>
    public Guid Version { get; set; }
}
