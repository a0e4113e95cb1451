using Timpora.Core.Data;

namespace Timpora.Core.Operations;

/// <summary>A joint field operation (operasi gabungan) of the Timpora, on a written order (surat perintah).</summary>
public sealed class JointOperation : PersonalRecord
{
    public required string Name { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }

    /// <summary>Places, accommodation providers and companies to visit, one per line.</summary>
    public required string Targets { get; set; }
    public required string OrderNumber { get; set; }
    public DateOnly OrderDate { get; set; }

    /// <summary>Participating agencies and their personnel, one per line.</summary>
    public required string Participants { get; set; }
}

public enum FindingKind
{
    Overstay = 1,
    PermitMisused = 2,
    NoDocuments = 3,
    AddressNotReported = 4,
    HostDidNotReport = 5,
    None = 6,
    Other = 7,
}

/// <summary>A person checked at a place in the field, and what was found; recorded on a phone.</summary>
public sealed class OperationFinding : PersonalRecord
{
    public Guid OperationId { get; set; }
    public required string Place { get; set; }
    public Guid? ForeignerId { get; set; }
    public required string PersonName { get; set; }
    public string? PassportNumber { get; set; }
    public string? Nationality { get; set; }
    public FindingKind Kind { get; set; }
    public string? Evidence { get; set; }

    /// <summary>The examination report (berita acara pemeriksaan) it was written up in.</summary>
    public string? BapNumber { get; set; }
    public required string RecordedBy { get; set; }
    public DateTime RecordedUtc { get; set; }
}
