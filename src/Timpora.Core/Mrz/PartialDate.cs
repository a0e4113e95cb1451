using System.Globalization;

namespace Timpora.Core.Mrz;

/// <summary>
/// A date as far as it is known: a year, a year and month, or a full date. Doc 9303 Part 3 lets an issuing
/// state print unknown parts of a date of birth as fillers (<c>74&lt;&lt;&lt;&lt;</c>, <c>7408&lt;&lt;</c>).
/// </summary>
public readonly record struct PartialDate
{
    private PartialDate(int year, int? month, int? day)
    {
        Year = year;
        Month = month;
        Day = day;
    }

    public int Year { get; }

    public int? Month { get; }

    /// <summary>Known only when <see cref="Month"/> is known.</summary>
    public int? Day { get; }

    public bool IsComplete => Day is not null;

    /// <summary>The full date, when day and month are known.</summary>
    public DateOnly? Date => Month is { } m && Day is { } d ? new DateOnly(Year, m, d) : null;

    public static PartialDate FromDate(DateOnly date) => new(date.Year, date.Month, date.Day);

    /// <summary>A partial date, or false when the parts do not make one (a day without a month, 31 February).</summary>
    public static bool TryCreate(int year, int? month, int? day, out PartialDate date)
    {
        date = default;
        if (year is < 1 or > 9999 || (day is not null && month is null) || month is < 1 or > 12)
        {
            return false;
        }

        if (day is { } d && month is { } m && (d < 1 || d > DateTime.DaysInMonth(year, m)))
        {
            return false;
        }

        date = new PartialDate(year, month, day);
        return true;
    }

    /// <summary>Parses the forms <see cref="ToString"/> writes: <c>1974</c>, <c>1974-08</c>, <c>1974-08-12</c>.</summary>
    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2))
        {
            return false;
        }

        var numbers = new int?[3];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            numbers[i] = n;
        }

        return TryCreate(numbers[0]!.Value, numbers[1], numbers[2], out date);
    }

    /// <summary>Whether the date could fall after <paramref name="day"/>, compared at the precision known.</summary>
    public bool IsAfter(DateOnly day) => (Month, Day) switch
    {
        ({ } m, { } d) => new DateOnly(Year, m, d) > day,
        ({ } m, null) => (Year, m).CompareTo((day.Year, day.Month)) > 0,
        _ => Year > day.Year,
    };

    public override string ToString() => (Month, Day) switch
    {
        (null, _) => Year.ToString("D4", CultureInfo.InvariantCulture),
        (_, null) => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Month:D2}-{Day:D2}"),
    };
}
