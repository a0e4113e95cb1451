using Timpora.Core.Data;
using Timpora.Core.Foreigners;

namespace Timpora.Core.Watchlists;

/// <summary>A list people or documents are put on: the four kinds the law and Interpol know are seeded by the
/// schema, an administrator adds others (reference data, never an enum).</summary>
public sealed class Watchlist
{
    public const string ExitBan = "pencegahan";
    public const string EntryBan = "penangkalan";
    public const string Wanted = "dpo";
    public const string LostDocuments = "dokumen-hilang";

    public required string Code { get; set; }
    public required string Name { get; set; }
    public required string EnglishName { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedUtc { get; set; }
}

/// <summary>One person (or, on a document list, one travel document) on a list. Ban lists are national, so
/// every staff member sees the entries; the owning office is the one told when a hit is confirmed.</summary>
public sealed class WatchlistEntry
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string WatchlistCode { get; set; }

    /// <summary>The number the source gives the listing (decree, notice), unique within a list.</summary>
    public string? Reference { get; set; }

    /// <summary>Empty for a document-only listing (a lost or stolen passport).</summary>
    public string Name { get; set; } = "";

    /// <summary>"1974", "1974-08" or "1974-08-12".</summary>
    public string? BirthDate { get; set; }

    public string? Nationality { get; set; }
    public Sex Sex { get; set; }

    /// <summary>First and last day the listing applies (pencegahan: 6 months unless renewed); outside them it stops matching.</summary>
    public DateOnly? ValidFrom { get; set; }

    public DateOnly? ValidUntil { get; set; }
    public string? Source { get; set; }
    public string? Reason { get; set; }
    public int KanimId { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime UpdatedUtc { get; set; }
    public required string UpdatedBy { get; set; }

    /// <summary>Optimistic concurrency token, renewed on every save.</summary>
    public Guid Version { get; set; }

    public List<WatchlistAlias> Aliases { get; set; } = [];
    public List<WatchlistDocument> Documents { get; set; } = [];

    public bool IsValidOn(DateOnly day) => (ValidFrom is null || ValidFrom <= day) && (ValidUntil is null || day <= ValidUntil);
}

public sealed class WatchlistAlias
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public required string Name { get; set; }
}

public sealed class WatchlistDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EntryId { get; set; }
    public required string Number { get; set; }
}

/// <summary>One changed entry, waiting until the people present in the country are screened against it again.</summary>
public sealed class WatchlistChange
{
    public long Id { get; set; }
    public Guid EntryId { get; set; }
    public DateTime ChangedUtc { get; set; }
    public DateTime? RescreenedUtc { get; set; }
}

public enum HitStatus
{
    New = 1,
    Confirmed = 2,
    Dismissed = 3,
}

public enum HitTrigger
{
    /// <summary>The person was just reported (a check-in).</summary>
    Saved = 1,

    /// <summary>A list changed while the person was in the country.</summary>
    ListChanged = 2,
}

/// <summary>The kinds of record that name a person and are screened when saved.</summary>
public enum SubjectKind
{
    GuestReport = 1,
    StayPermit = 2,
    OperationFinding = 3,
    Tip = 4,
}

/// <summary>A person named in a record (guest report, permit, finding, tip) who resembles a list entry. It belongs
/// to the office that owns that record (scope filter), which confirms or dismisses it with a reason.</summary>
public sealed class WatchlistHit : PersonalRecord
{
    public SubjectKind SubjectKind { get; set; } = SubjectKind.GuestReport;

    /// <summary>The record the person was named in (a guest report, permit, finding or tip id).</summary>
    public Guid SubjectId { get; set; }

    /// <summary>The person in the register, when known (a finding or a tip may name someone not registered).</summary>
    public Guid? ForeignerId { get; set; }

    public Guid? GuestReportId { get; set; }
    public Guid EntryId { get; set; }
    public required string WatchlistCode { get; set; }
    public required string ScreenedName { get; set; }
    public required string MatchedName { get; set; }
    public double Score { get; set; }

    /// <summary>The matcher's score reached its alert threshold (not only review).</summary>
    public bool Strong { get; set; }

    public required string Explanation { get; set; }
    public HitTrigger Trigger { get; set; }
    public HitStatus Status { get; set; } = HitStatus.New;
    public string? DecisionReason { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedUtc { get; set; }
}

/// <summary>A confirmed hit, told to the office that owns the entry; shown on that office's home page.</summary>
public sealed class WatchlistAlert
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public int KanimId { get; set; }
    public Guid HitId { get; set; }
    public Guid EntryId { get; set; }
    public required string PersonName { get; set; }
    public required string EntryName { get; set; }

    /// <summary>The office where the person was found.</summary>
    public int FoundByKanimId { get; set; }

    public required string ConfirmedBy { get; set; }
    public DateTime CreatedUtc { get; set; }
    public DateTime? ReadUtc { get; set; }

    /// <summary>Who marked it read, for the office (an alert is the office's, not one user's).</summary>
    public string? ReadBy { get; set; }
}

/// <summary>That a record naming a person was screened, and with how many hits: the profile's timeline shows it,
/// and the screening job looks for records without one.</summary>
public sealed class PersonScreening : IWrittenOnce
{
    public long Id { get; set; }
    public SubjectKind SubjectKind { get; set; }
    public Guid SubjectId { get; set; }
    public Guid? ForeignerId { get; set; }
    public int KanimId { get; set; }
    public DateTime ScreenedUtc { get; set; }
    public int Hits { get; set; }
}

/// <summary>How far a screening stream got, and which instance may work on it now (an expiring lease, so any
/// instance can take over when one stops).</summary>
public sealed class ScreeningCursor
{
    /// <summary>Also the row whose lease lets an instance run the whole screening job.</summary>
    public const string GuestReports = "guest-reports";

    public const string StayPermits = "stay-permits";
    public const string OperationFindings = "operation-findings";
    public const string Tips = "tips";

    public static string For(SubjectKind kind) => kind switch
    {
        SubjectKind.GuestReport => GuestReports,
        SubjectKind.StayPermit => StayPermits,
        SubjectKind.OperationFinding => OperationFindings,
        _ => Tips,
    };

    public required string Name { get; set; }
    public DateTime PositionUtc { get; set; }
    public string? Holder { get; set; }
    public DateTime? LeaseUntilUtc { get; set; }
}
