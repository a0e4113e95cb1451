using System.Globalization;

namespace Timpora.Screening;

/// <summary>
/// A date of birth as far as it is known: a year, a year and month, or a full date. Passports of some
/// countries print unknown parts as XX, so watchlists routinely hold partial dates.
/// </summary>
public readonly record struct PartialDate
{
    private PartialDate(int year, int month, int day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    /// <summary>1-12, or 0 when unknown.</summary>
    public int Month { get; }

    /// <summary>1-31, or 0 when unknown.</summary>
    public int Day { get; }

    public bool IsComplete => Month != 0 && Day != 0;

    /// <summary>One integer (yyyymmdd, unknown parts 0) so that the index can keep dates in a plain array.</summary>
    public int Packed => (Year * 10000) + (Month * 100) + Day;

    public static PartialDate FromPacked(int packed) => new(packed / 10000, packed / 100 % 100, packed % 100);

    public static PartialDate Of(int year, int month = 0, int day = 0) =>
        TryCreate(year, month, day, out var date)
            ? date
            : throw new ArgumentOutOfRangeException(nameof(year), $"{year}-{month}-{day} is not a valid date.");

    /// <summary>Parses <c>YYYY</c>, <c>YYYY-MM</c> or <c>YYYY-MM-DD</c>.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || (parts.Length > 1 && parts[1].Length != 2)
            || (parts.Length > 2 && parts[2].Length != 2))
        {
            return false;
        }

        var numbers = new int[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return false;
            }
        }

        return TryCreate(numbers[0], numbers[1], numbers[2], out date);
    }

    private static bool TryCreate(int year, int month, int day, out PartialDate date)
    {
        date = default;
        if (year is < 1000 or > 9999 || month is < 0 or > 12 || day < 0 || (month == 0 && day != 0))
        {
            return false;
        }

        if (day != 0 && day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    public override string ToString() => Month == 0
        ? Year.ToString("D4", CultureInfo.InvariantCulture)
        : Day == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}")
            : string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}");
}
