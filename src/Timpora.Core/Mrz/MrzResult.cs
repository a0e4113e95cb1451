namespace Timpora.Core.Mrz;

/// <summary>The layouts of Doc 9303: Part 4 (TD3), Part 5 (TD1), Part 6 (TD2), Part 7 (MRV-A, MRV-B).</summary>
public enum MrzFormat
{
    /// <summary>Identity card size, 3 lines of 30.</summary>
    Td1,

    /// <summary>2 lines of 36.</summary>
    Td2,

    /// <summary>Passport book, 2 lines of 44.</summary>
    Td3,

    /// <summary>Full-page visa, 2 lines of 44.</summary>
    MrvA,

    /// <summary>Smaller visa that leaves room for a seal, 2 lines of 36.</summary>
    MrvB,
}

public enum DocumentKind
{
    Passport,

    /// <summary>Identity cards and other official travel documents (codes I, A, C).</summary>
    IdentityDocument,

    Visa,
}

public enum MrzSex
{
    /// <summary><c>X</c> or filler: Doc 9303 Part 4 allows either.</summary>
    Unspecified,
    Male,
    Female,
}

/// <summary>One check digit: the digit printed and the one computed from the field it protects.</summary>
public readonly record struct MrzCheckDigit(MrzField Field, char Printed, int Computed, bool IsValid);

/// <summary>
/// What an MRZ says, field by field, with every check digit and every issue found. Fields that could not be
/// read are empty strings or null; <see cref="IsValid"/> tells whether the whole can be trusted.
/// </summary>
public sealed record MrzResult
{
    public MrzFormat? Format { get; init; }

    /// <summary>The one or two letter document code, fillers removed: <c>P</c>, <c>PO</c>, <c>ID</c>, <c>V</c>.</summary>
    public string DocumentCode { get; init; } = "";

    public DocumentKind? Kind { get; init; }

    /// <summary>The issuing state or organisation, fillers removed (<c>D</c> for Germany).</summary>
    public string IssuingState { get; init; } = "";

    /// <summary>The primary identifier, fillers read as spaces.</summary>
    public string Surname { get; init; } = "";

    /// <summary>The secondary identifier (all given names), fillers read as spaces.</summary>
    public string GivenNames { get; init; } = "";

    public string DocumentNumber { get; init; } = "";

    public string Nationality { get; init; } = "";

    /// <summary>Null when wholly unknown (<c>&lt;&lt;&lt;&lt;&lt;&lt;</c>) or not a date.</summary>
    public PartialDate? DateOfBirth { get; init; }

    public MrzSex? Sex { get; init; }

    public DateOnly? ExpiryDate { get; init; }

    /// <summary>TD3 personal number, TD1 line 1 optional data, TD2 and visa optional data; fillers trimmed.</summary>
    public string OptionalData { get; init; } = "";

    /// <summary>TD1 line 2 optional data; empty for the other formats.</summary>
    public string OptionalData2 { get; init; } = "";

    /// <summary>The lines as read, after normalisation and any OCR correction.</summary>
    public IReadOnlyList<string> Lines { get; init; } = [];

    public IReadOnlyList<MrzCheckDigit> CheckDigits { get; init; } = [];

    public IReadOnlyList<MrzIssue> Issues { get; init; } = [];

    /// <summary>Read in a known format with no error (warnings allowed).</summary>
    public bool IsValid => Format is not null && Issues.All(i => i.Severity != MrzSeverity.Error);

    public bool Has(MrzIssueCode code) => Issues.Any(i => i.Code == code);

    public IEnumerable<MrzIssue> IssuesFor(MrzField field) => Issues.Where(i => i.Field == field);
}
