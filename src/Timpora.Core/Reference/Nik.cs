using System.Globalization;

namespace Timpora.Core.Reference;

public enum NikSex
{
    Male,
    Female,
}

public enum NikIssueCode
{
    Empty,

    /// <summary>Not 16 digits long.</summary>
    WrongLength,

    /// <summary>Something other than digits (spaces are ignored).</summary>
    NotDigits,

    /// <summary>The first six digits name no district in the area data.</summary>
    UnknownDistrict,

    /// <summary>Digits 7-12 are no date, with or without the 40 added for women (31 February, day 35).</summary>
    ImpossibleDate,

    /// <summary>Serial 0000: Dukcapil numbers people from 0001.</summary>
    InvalidSerial,
}

public sealed record NikIssue(NikIssueCode Code, string Message);

/// <summary>A checked NIK and what it encodes. The parts are filled in as far as the digits allow, even when
/// there are issues, so a form can show what it understood.</summary>
public sealed record NikResult
{
    /// <summary>The sixteen digits, spaces removed.</summary>
    public string Nik { get; init; } = "";

    /// <summary>The district (kecamatan) as an area code: <c>53.18.01</c>.</summary>
    public string? DistrictCode { get; init; }

    /// <summary>The province, e.g. <c>53</c>.</summary>
    public string? ProvinceCode => DistrictCode?[..2];

    /// <summary>The regency or city, e.g. <c>53.18</c>.</summary>
    public string? RegencyCode => DistrictCode?[..5];

    public NikSex? Sex { get; init; }

    public DateOnly? DateOfBirth { get; init; }

    /// <summary>The last four digits, which tell apart people of one district born on one day.</summary>
    public string? Serial { get; init; }

    public IReadOnlyList<NikIssue> Issues { get; init; } = [];

    public bool IsValid => Issues.Count == 0;
}

/// <summary>
/// The Nomor Induk Kependudukan (UU 24/2013 on civil administration): six digits of the district of
/// registration (province, regency, district, as in the Kemendagri area codes), six of the date of birth as
/// DDMMYY with 40 added to the day for women, and a four-digit serial.
/// </summary>
public static class Nik
{
    public const int Length = 16;

    /// <param name="nik">As typed; spaces are ignored.</param>
    /// <param name="districtExists">Whether a district code such as <c>53.18.01</c> is in the area data.</param>
    /// <param name="today">Places the two-digit year in the century that does not put the birth in the future.</param>
    public static NikResult Validate(string? nik, Func<string, bool> districtExists, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(districtExists);
        var digits = string.Concat((nik ?? "").Where(c => !char.IsWhiteSpace(c)));
        var issues = new List<NikIssue>();
        if (digits.Length == 0)
        {
            issues.Add(new(NikIssueCode.Empty, "No NIK was given."));
            return new NikResult { Issues = issues };
        }

        if (!digits.All(char.IsAsciiDigit))
        {
            issues.Add(new(NikIssueCode.NotDigits, "A NIK has digits only."));
        }

        if (digits.Length != Length)
        {
            issues.Add(new(NikIssueCode.WrongLength, Invariant($"A NIK has 16 digits; this one has {digits.Length} characters.")));
        }

        if (issues.Count > 0)
        {
            return new NikResult { Nik = digits, Issues = issues };
        }

        var district = string.Create(CultureInfo.InvariantCulture, $"{digits[..2]}.{digits[2..4]}.{digits[4..6]}");
        if (!districtExists(district))
        {
            issues.Add(new(NikIssueCode.UnknownDistrict, $"The district {district} (digits 1-6) does not exist."));
        }

        var day = Number(digits, 6);
        var sex = day > 40 ? NikSex.Female : NikSex.Male;
        var birth = BirthDate(day > 40 ? day - 40 : day, Number(digits, 8), Number(digits, 10), today);
        if (birth is null)
        {
            issues.Add(new(NikIssueCode.ImpossibleDate, $"Digits 7-12 ({digits[6..12]}) are not a date of birth (DDMMYY, 40 added to the day for women)."));
        }

        var serial = digits[12..];
        if (serial == "0000")
        {
            issues.Add(new(NikIssueCode.InvalidSerial, "The serial (digits 13-16) cannot be 0000."));
        }

        return new NikResult
        {
            Nik = digits,
            DistrictCode = district,
            Sex = birth is null ? null : sex,
            DateOfBirth = birth,
            Serial = serial,
            Issues = issues,
        };
    }

    private static DateOnly? BirthDate(int day, int month, int yy, DateOnly today)
    {
        foreach (var year in new[] { 2000 + yy, 1900 + yy })
        {
            if (month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month)
                && new DateOnly(year, month, day) is var date && date <= today)
            {
                return date;
            }
        }

        return null;
    }

    private static int Number(string digits, int start) => ((digits[start] - '0') * 10) + (digits[start + 1] - '0');

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
