using System.Globalization;

namespace Timpora.Core.Villages;

/// <summary>A calendar quarter, the programme's reporting period.</summary>
public readonly record struct Quarter(int Year, int Number)
{
    public DateOnly First => new(Year, ((Number - 1) * 3) + 1, 1);

    public DateOnly Last => First.AddMonths(3).AddDays(-1);

    public Quarter Previous => Number == 1 ? new(Year - 1, 4) : new(Year, Number - 1);

    public Quarter Next => Number == 4 ? new(Year + 1, 1) : new(Year, Number + 1);

    public bool Contains(DateOnly date) => date >= First && date <= Last;

    public static Quarter Of(DateOnly date) => new(date.Year, ((date.Month - 1) / 3) + 1);

    public static bool IsValid(int year, int number) => year is >= 2020 and <= 2100 && number is >= 1 and <= 4;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Year}-Q{Number}");
}
