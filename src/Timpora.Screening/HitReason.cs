using System.Globalization;

namespace Timpora.Screening;

/// <summary>
/// One reason a hit scored as it did. The codes are stable: the application stores them (see
/// <see cref="HitReasons"/>) and renders each in the officer's language, so never renumber or rename one.
/// </summary>
public enum HitReasonCode : byte
{
    /// <summary>Left: the query part(s), the same on the list.</summary>
    NameExact = 1,

    /// <summary>Left: query part(s), Right: listed part(s), with their similarity.</summary>
    NameVariant = 2,

    /// <summary>Left: the initial in one name, Right: the part it stands for in the other.</summary>
    NameInitial = 3,

    /// <summary>Parts written together on one side and apart on the other, with their similarity.</summary>
    NameJoined = 4,

    /// <summary>Left: query parts the listed name does not have.</summary>
    NotInListedName = 5,

    /// <summary>Right: listed parts the screened name does not have.</summary>
    NotInScreenedName = 6,

    /// <summary>The rest of the date codes carry Left: the query's date, Right: the listed date.</summary>
    DateOfBirthAgrees = 10,
    YearAndMonthOfBirthAgree = 11,
    YearOfBirthAgrees = 12,
    DayOfBirthDiffers = 13,
    DayAndMonthOfBirthSwapped = 14,
    MonthOfBirthDiffers = 15,
    DayAndMonthOfBirthDiffer = 16,
    YearOfBirthDiffersByOneDigit = 17,
    YearOfBirthDiffersByOne = 18,
    DateOfBirthDiffers = 19,
    DateOfBirthContradicts = 20,

    /// <summary>The query has a date of birth, the listed entry none.</summary>
    NoDateOfBirthOnList = 21,

    /// <summary>Same year and month; the days differ in one digit (28 and 18, 12 and 02): a typing error.</summary>
    DayOfBirthDiffersByOneDigit = 22,
    NationalityAgrees = 30,
    NationalityDiffers = 31,
    SexDiffers = 32,
    DocumentMatches = 40,

    /// <summary>Above the alert threshold, but another entry fits the query clearly better: a review.</summary>
    AnotherEntryFitsBetter = 50,
}

/// <summary>A reason with its arguments: name parts or dates (<see cref="Left"/> from the query,
/// <see cref="Right"/> from the list) and, for name parts, their similarity from 0 to 1.</summary>
public readonly record struct HitReason(HitReasonCode Code, string Left = "", string Right = "", double Similarity = 0)
{
    /// <summary>The reason in English, as the batch command and logs show it.</summary>
    public override string ToString() => Code switch
    {
        HitReasonCode.NameExact => Left,
        HitReasonCode.NameVariant => Invariant($"{Left} ~ {Right} ({Similarity:0.00})"),
        HitReasonCode.NameInitial => $"{Left} as initial of {Right}",
        HitReasonCode.NameJoined => Invariant($"{Left} ~ {Right} (written together, {Similarity:0.00})"),
        HitReasonCode.NotInListedName => $"not in the listed name: {Left}",
        HitReasonCode.NotInScreenedName => $"not in the screened name: {Right}",
        HitReasonCode.DateOfBirthAgrees => Dates("date of birth agrees"),
        HitReasonCode.YearAndMonthOfBirthAgree => Dates("year and month of birth agree"),
        HitReasonCode.YearOfBirthAgrees => Dates("year of birth agrees"),
        HitReasonCode.DayOfBirthDiffers => Dates("day of birth differs"),
        HitReasonCode.DayOfBirthDiffersByOneDigit => Dates("day of birth differs by one digit"),
        HitReasonCode.DayAndMonthOfBirthSwapped => Dates("day and month of birth swapped"),
        HitReasonCode.MonthOfBirthDiffers => Dates("month of birth differs"),
        HitReasonCode.DayAndMonthOfBirthDiffer => Dates("day and month of birth differ"),
        HitReasonCode.YearOfBirthDiffersByOneDigit => Dates("year of birth differs by one digit"),
        HitReasonCode.YearOfBirthDiffersByOne => Dates("year of birth differs by one"),
        HitReasonCode.DateOfBirthDiffers => Dates("date of birth differs"),
        HitReasonCode.DateOfBirthContradicts => Dates("date of birth contradicts"),
        HitReasonCode.NoDateOfBirthOnList => "no date of birth on the list",
        HitReasonCode.NationalityAgrees => "nationality agrees",
        HitReasonCode.NationalityDiffers => "nationality differs",
        HitReasonCode.SexDiffers => "sex differs",
        HitReasonCode.DocumentMatches => "document number matches",
        HitReasonCode.AnotherEntryFitsBetter => "another entry fits better",
        _ => Code.ToString(),
    };

    private string Dates(string text) => $"{text} ({Left} / {Right})";

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
