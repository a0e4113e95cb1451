using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Permits;

namespace Timpora.Core.GuestReports;

/// <summary>A provider's report of one foreign guest's stay: the check-in (due within 24 hours, Pasal 72) and
/// later the check-out. It keeps the guest's details as reported, and links to the person in the register.</summary>
public sealed class GuestReport : PersonalRecord
{
    public Guid ProviderId { get; set; }
    public Guid ForeignerId { get; set; }

    /// <summary>The number on the receipt: "TP-" + year + a sequence-free random part, unique.</summary>
    public required string ReceiptNumber { get; set; }

    public ReportChannel Channel { get; set; }

    public required string Surname { get; set; }
    public string GivenNames { get; set; } = "";
    public Sex Sex { get; set; }
    public string? BirthDate { get; set; }
    public required string Nationality { get; set; }
    public required string PassportNumber { get; set; }
    public required string PassportIssuingState { get; set; }
    public DateOnly? PassportExpiresOn { get; set; }
    public PermitKind PermitKind { get; set; }
    public string? VisaIndexCode { get; set; }
    public string? PermitNumber { get; set; }
    public DateOnly? PermitExpiresOn { get; set; }

    public DateTime CheckInUtc { get; set; }
    public DateTime? PlannedDepartureUtc { get; set; }
    public string? Room { get; set; }
    public string? Purpose { get; set; }
    public DateTime ReportedUtc { get; set; }

    /// <summary>Reported more than 24 hours after the check-in.</summary>
    public bool IsLate { get; set; }

    public DateTime? CheckOutUtc { get; set; }
    public DateTime? CheckOutReportedUtc { get; set; }

    /// <summary>How the guest was matched to the register: the office reviews <see cref="PersonMatch.Possible"/>.</summary>
    public PersonMatch Match { get; set; }
}

public enum ReportChannel
{
    WebForm = 1,
    Api = 2,
    BulkFile = 3,
}

public enum PersonMatch
{
    /// <summary>Same passport number and nationality as a person already in the register.</summary>
    Document = 1,

    /// <summary>No one alike: a new person.</summary>
    New = 2,

    /// <summary>A new person, but someone with the same name and date of birth exists: the office decides.</summary>
    Possible = 3,
}

/// <summary>Remembers the answer to an API request with an Idempotency-Key, so a retry gets the same answer
/// and never a second report.</summary>
public sealed class IdempotencyRecord
{
    public Guid ProviderId { get; set; }
    public required string Key { get; set; }
    public required string RequestHash { get; set; }
    public int StatusCode { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedUtc { get; set; }
}
