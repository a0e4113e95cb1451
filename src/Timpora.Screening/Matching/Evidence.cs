using System.Globalization;
using System.Text;

namespace Timpora.Screening.Matching;

/// <summary>
/// What the facts beside the name add to or take from a name score. A date of birth that agrees is strong
/// support; one that clearly disagrees makes a namesake, not the listed person. Nationality weighs little
/// because dual nationals and changed passports are common among listed people.
/// </summary>
internal static class Evidence
{
    // Measured on the evaluation set: a date the list cannot confirm asks more of the name.
    private const double UnconfirmedDate = 0.12;

    public static double DateOfBirth(int query, int entry, StringBuilder? why)
    {
        if (query == 0)
        {
            return 0;
        }

        if (entry == 0)
        {
            // The officer has a date the list cannot confirm: the name alone must be strong enough.
            why?.Append("no date of birth on the list, ");
            return -UnconfirmedDate;
        }

        var q = PartialDate.FromPacked(query);
        var e = PartialDate.FromPacked(entry);
        double change;
        string text;
        if (q.Year == e.Year)
        {
            if (q.Month == 0 || e.Month == 0)
            {
                (change, text) = (0.08, "year of birth agrees");
            }
            else if (q.Month == e.Month)
            {
                (change, text) = q.Day == 0 || e.Day == 0 ? (0.12, "year and month of birth agree")
                    : q.Day == e.Day ? (0.20, "date of birth agrees")
                    : (-0.08, "day of birth differs");
            }
            else
            {
                (change, text) = IsSwapped(q, e) || IsSwapped(e, q) ? (-0.02, "day and month of birth swapped")
                    : q.Day == e.Day ? (-0.15, "month of birth differs") : (-0.30, "day and month of birth differ");
            }
        }
        else if (Math.Abs(q.Year - e.Year) == 1 || IsSwappedYear(q.Year, e.Year))
        {
            (change, text) = q.Month == e.Month && q.Day == e.Day && q.Month != 0 ? (-0.04, "year of birth differs by one digit")
                : q.Month == 0 || e.Month == 0 ? (-0.10, "year of birth differs by one")
                : (-0.25, "date of birth differs");
        }
        else
        {
            (change, text) = (-0.30, "date of birth contradicts");
        }

        why?.Append(CultureInfo.InvariantCulture, $"{text} ({q} / {e}), ");
        return change;
    }

    public static double Nationality(int query, int entry, StringBuilder? why)
    {
        if (query == 0 || entry == 0)
        {
            return 0;
        }

        why?.Append(query == entry ? "nationality agrees, " : "nationality differs, ");
        return query == entry ? 0.03 : -0.05;
    }

    public static double Sex(sbyte query, sbyte entry, StringBuilder? why)
    {
        if (query < 0 || entry < 0 || query == entry)
        {
            return 0;
        }

        why?.Append("sex differs, ");
        return -0.08;
    }

    /// <summary>Packs an ICAO nationality code into an int; the German D and ISO DEU are one code.</summary>
    public static int PackNationality(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return 0;
        }

        var trimmed = code.Trim().ToUpperInvariant();
        if (trimmed == "DEU")
        {
            trimmed = "D";
        }

        var packed = 0;
        for (var i = 0; i < trimmed.Length && i < 3; i++)
        {
            packed = (packed << 8) | (trimmed[i] & 0xFF);
        }

        return packed;
    }

    /// <summary>A document number as compared: letters and digits only, upper case.</summary>
    public static string NormaliseDocument(string document)
    {
        var sb = new StringBuilder(document.Length);
        foreach (var c in document)
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToUpperInvariant(c));
            }
        }

        return sb.ToString();
    }

    private static bool IsSwapped(PartialDate a, PartialDate b) => a.Day == b.Month && (a.Month == b.Day || b.Day == 0);

    private static bool IsSwappedYear(int a, int b) => a / 100 == b / 100 && a % 10 == b / 10 % 10 && a / 10 % 10 == b % 10;
}
