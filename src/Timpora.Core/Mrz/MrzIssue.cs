namespace Timpora.Core.Mrz;

/// <summary>Something wrong or worth knowing about an MRZ. The web app localises by <see cref="Code"/> and
/// puts the message beside <see cref="Field"/>; <see cref="Message"/> is English, for logs and the CLI.</summary>
public sealed record MrzIssue(MrzIssueCode Code, MrzField Field, MrzSeverity Severity, string Message);

public enum MrzSeverity
{
    /// <summary>The MRZ cannot be trusted as read: a check digit fails, a field is impossible, the layout is wrong.</summary>
    Error,

    /// <summary>The MRZ reads, but someone should know: a correction was made, a code is not in the reference list.</summary>
    Warning,
}

/// <summary>The field an issue concerns. A failing check digit names the field it protects.</summary>
public enum MrzField
{
    /// <summary>The text as a whole: empty, too long, wrong number or length of lines.</summary>
    Input,
    DocumentCode,
    IssuingState,
    Name,
    DocumentNumber,
    Nationality,
    DateOfBirth,
    Sex,
    ExpiryDate,

    /// <summary>TD3 personal number, TD1 optional data of line 1, TD2 and visa optional data.</summary>
    OptionalData,

    /// <summary>TD1 optional data of line 2.</summary>
    OptionalData2,

    /// <summary>The composite check digit, which covers document number, dates and optional data together.</summary>
    Composite,
}

public enum MrzIssueCode
{
    /// <summary>Nothing but whitespace was given.</summary>
    Empty,

    /// <summary>Far longer than any MRZ; not read at all.</summary>
    InputTooLong,

    /// <summary>A character other than A-Z, 0-9 and the filler <c>&lt;</c>.</summary>
    InvalidCharacter,

    /// <summary>Not 2 or 3 lines.</summary>
    WrongLineCount,

    /// <summary>Line lengths that match no format (2x44, 2x36, 3x30).</summary>
    WrongLineLength,

    /// <summary>A document code that does not fit the layout (e.g. a 2x44 MRZ not starting with P or V).</summary>
    UnexpectedDocumentCode,

    DocumentNumberCheckDigit,
    DateOfBirthCheckDigit,
    ExpiryDateCheckDigit,
    OptionalDataCheckDigit,
    CompositeCheckDigit,

    /// <summary>Not a date (month 13, 31 February) or unknown parts in a pattern Doc 9303 does not allow.</summary>
    InvalidDateOfBirth,

    /// <summary>Not a date, or not complete: an expiry date cannot be partly unknown.</summary>
    InvalidExpiryDate,

    /// <summary>Not M, F, X or filler.</summary>
    InvalidSex,

    /// <summary>An issuing state or nationality that is not letters (and trailing fillers).</summary>
    InvalidCountryCode,

    /// <summary>Well formed, but not in <see cref="Reference.Nationalities"/>.</summary>
    UnknownIssuingState,

    /// <summary>Well formed, but not in <see cref="Reference.Nationalities"/>.</summary>
    UnknownNationality,

    /// <summary>No primary identifier (surname).</summary>
    MissingName,

    /// <summary>Digits in the name zone: names are letters only, and are never corrected automatically.</summary>
    InvalidNameCharacter,

    /// <summary>The name fills its field to the last position, so Doc 9303 truncation may have cut it.</summary>
    NameMayBeTruncated,

    MissingDocumentNumber,

    /// <summary>A letter in a numeric position (date, check digit) read as the digit it resembles (O as 0, I as 1).</summary>
    OcrCorrected,

    /// <summary>Trailing fillers were added to, or removed from, a line that holds only the name.</summary>
    FillerAdjusted,

    /// <summary>The expiry date is before the day of reading.</summary>
    DocumentExpired,
}
