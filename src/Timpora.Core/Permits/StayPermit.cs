using Timpora.Core.Data;

namespace Timpora.Core.Permits;

/// <summary>A stay permit (UU 6/2011 Pasal 48): one valid permit per person at a time.</summary>
public sealed class StayPermit : PersonalRecord
{
    public Guid ForeignerId { get; set; }
    public PermitKind Kind { get; set; }
    public int? VisaIndexId { get; set; }
    public VisaIndex? VisaIndex { get; set; }
    public string? Number { get; set; }
    /// <summary>Unknown when the permit is learnt from a guest report.</summary>
    public DateOnly? IssuedOn { get; set; }
    public DateOnly ExpiresOn { get; set; }
    public int? IssuingKanimId { get; set; }
    public PermitStatus Status { get; set; } = PermitStatus.Active;
}

public enum PermitKind
{
    /// <summary>Visa-free entry (bebas visa kunjungan): 30 days, no extension.</summary>
    VisaFree = 0,
    Diplomatic = 1,
    Service = 2,
    Itk = 3,
    Itas = 4,
    Itap = 5,
}

public enum PermitStatus
{
    Active = 1,
    Cancelled = 2,
    Replaced = 3,
}

/// <summary>A visa index code (e.g. B1, E23, C7C) with its validity: the codes change often, so they are
/// reference data an administrator keeps, never an enum.</summary>
public sealed class VisaIndex
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Description { get; set; }
    public PermitKind PermitKind { get; set; }
    public int? StayDays { get; set; }
    public bool Extendable { get; set; }
    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidUntil { get; set; }
}

/// <summary>The overstay charge per day (Pasal 78) from a date on: PP 28/2019 set Rp1,000,000; PP 45/2024
/// replaced the tariff regulation, so the rate is data with an effective date.</summary>
public sealed class OverstayRate
{
    public int Id { get; set; }
    public DateOnly EffectiveFrom { get; set; }
    public long RupiahPerDay { get; set; }
    public required string LegalBasis { get; set; }
}
