using Microsoft.EntityFrameworkCore;

namespace Timpora.Core.Sanctions;

/// <summary>Deadlines counted in working days (hari kerja): Saturdays, Sundays and public holidays do not count.
/// The day of the event itself does not count either; the deadline is the last working day of the period.</summary>
public sealed class WorkingDays(IEnumerable<DateOnly> holidays)
{
    private readonly HashSet<DateOnly> holidays = [.. holidays];

    public bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !holidays.Contains(day);

    /// <summary>The <paramref name="days"/>-th working day after <paramref name="start"/>.</summary>
    public DateOnly Add(DateOnly start, int days)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        var day = start;
        var counted = 0;
        while (counted < days)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day))
            {
                counted++;
            }
        }

        return day;
    }

    /// <summary>Working days after <paramref name="from"/> up to and including <paramref name="to"/>.</summary>
    public int Between(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
        {
            if (IsWorkingDay(day))
            {
                count++;
            }
        }

        return count;
    }
}

/// <summary>A national public holiday or joint leave day (cuti bersama) from the schema's reference data, which names
/// the joint decree (SKB 3 Menteri) in <see cref="Source"/>, or a local addition by an administrator (no source).</summary>
public sealed class PublicHoliday
{
    /// <summary>How the reference data marks dates estimated before the year's decree was published.</summary>
    public const string ProvisionalMark = "Perkiraan";

    public DateOnly Date { get; set; }
    public required string Name { get; set; }
    public string? Source { get; set; }

    public bool IsLocal => Source is null;

    public bool IsProvisional => Source?.StartsWith(ProvisionalMark, StringComparison.Ordinal) == true;
}

/// <summary>Whether a year's holidays are there: without them every working-day deadline of that year (a TAK
/// objection's, Pasal 75(2)) comes early.</summary>
public static class HolidayCalendar
{
    public enum YearState
    {
        Missing = 0,
        Provisional = 1,
        Loaded = 2,
    }

    public static async Task<YearState> StateOfAsync(Data.AppDbContext db, int year, CancellationToken cancellationToken = default)
    {
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var sources = await db.PublicHolidays.Where(h => h.Date >= from && h.Date < to).Select(h => h.Source).ToListAsync(cancellationToken);
        return sources.Count == 0 ? YearState.Missing
            : sources.Any(s => s != null && s.StartsWith(PublicHoliday.ProvisionalMark, StringComparison.Ordinal)) ? YearState.Provisional
            : YearState.Loaded;
    }
}
