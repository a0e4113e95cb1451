using System.Text;

namespace Timpora.Screening.Matching;

/// <summary>
/// What the facts beside the name add to or take from a name score. A date of birth that agrees is strong
/// support; one that clearly disagrees makes a namesake, not the listed person. A different nationality weighs
/// less than a different date (dual nationals and changed passports are common among listed people), but enough
/// that a namesake of another country needs more than a near name to be an alert.
/// </summary>
internal static class Evidence
{
    // Measured on the evaluation set: a date the list cannot confirm asks more of the name. An exact name without a
    // date on the list is still an alert, unless another entry fits clearly better (ADR 0021, ADR 0023).
    private const double UnconfirmedDate = 0.10;

    public static double DateOfBirth(int query, int entry, List<HitReason>? why)
    {
        if (query == 0)
        {
            return 0;
        }

        if (entry == 0)
        {
            // The officer has a date the list cannot confirm: the name alone must be strong enough.
            why?.Add(new HitReason(HitReasonCode.NoDateOfBirthOnList));
            return -UnconfirmedDate;
        }

        var q = PartialDate.FromPacked(query);
        var e = PartialDate.FromPacked(entry);
        double change;
        HitReasonCode code;
        if (q.Year == e.Year)
        {
            if (q.Month == 0 || e.Month == 0)
            {
                (change, code) = (0.08, HitReasonCode.YearOfBirthAgrees);
            }
            else if (q.Month == e.Month)
            {
                (change, code) = q.Day == 0 || e.Day == 0 ? (0.12, HitReasonCode.YearAndMonthOfBirthAgree)
                    : q.Day == e.Day ? (0.20, HitReasonCode.DateOfBirthAgrees)
                    : q.Day / 10 == e.Day / 10 || q.Day % 10 == e.Day % 10 ? (-0.04, HitReasonCode.DayOfBirthDiffersByOneDigit)
                    : (-0.08, HitReasonCode.DayOfBirthDiffers);
            }
            else
            {
                // Day and month swapped, or the year one off with day and month the same: the usual slips of a
                // clerk, and a namesake's date lands on one by chance only a few times in ten thousand (about as
                // rarely as on an agreeing year and month), so they count for the person, not against.
                (change, code) = IsSwapped(q, e) || IsSwapped(e, q) ? (q.Day != 0 && e.Day != 0 ? 0.06 : -0.02, HitReasonCode.DayAndMonthOfBirthSwapped)
                    : q.Day == e.Day ? (-0.15, HitReasonCode.MonthOfBirthDiffers) : (-0.30, HitReasonCode.DayAndMonthOfBirthDiffer);
            }
        }
        else if (Math.Abs(q.Year - e.Year) == 1 || IsSwappedYear(q.Year, e.Year))
        {
            (change, code) = q.Month == e.Month && q.Day == e.Day && q.Month != 0 ? (0.06, HitReasonCode.YearOfBirthDiffersByOneDigit)
                : q.Month == e.Month && q.Month != 0 && (q.Day == 0 || e.Day == 0) ? (-0.06, HitReasonCode.YearOfBirthDiffersByOneDigit)
                : q.Month == 0 || e.Month == 0 ? (-0.10, HitReasonCode.YearOfBirthDiffersByOne)
                : (-0.25, HitReasonCode.DateOfBirthDiffers);
        }
        else
        {
            (change, code) = (-0.30, HitReasonCode.DateOfBirthContradicts);
        }

        why?.Add(new HitReason(code, q.ToString(), e.ToString()));
        return change;
    }

    public static double Nationality(int query, int entry, List<HitReason>? why)
    {
        if (query == 0 || entry == 0)
        {
            return 0;
        }

        why?.Add(new HitReason(query == entry ? HitReasonCode.NationalityAgrees : HitReasonCode.NationalityDiffers));
        return query == entry ? 0.03 : -0.10;
    }

    public static double Sex(sbyte query, sbyte entry, List<HitReason>? why)
    {
        if (query < 0 || entry < 0 || query == entry)
        {
            return 0;
        }

        why?.Add(new HitReason(HitReasonCode.SexDiffers));
        return -0.15;
    }

    /// <summary>
    /// Packs an ICAO nationality code into an int; the German D and ISO DEU are one code, and the British
    /// statuses (GBD, GBN, GBO, GBP, GBS) are British. A status that names no state (XXA stateless, XXB and
    /// XXC refugee, XXX unspecified) or an organisation's document (UNO, EUE, XPO...) says nothing about who
    /// the person is, and packs as unknown (0), so it neither agrees nor differs.
    /// </summary>
    public static int PackNationality(string? code)
    {
        if (string.IsNullOrWhiteSpace(code))
        {
            return 0;
        }

        var trimmed = code.Trim().ToUpperInvariant();
        if (trimmed.StartsWith('X') || trimmed is "UNO" or "UNA" or "UNK" or "EUE")
        {
            return 0;
        }

        trimmed = trimmed switch
        {
            "DEU" => "D",
            "GBD" or "GBN" or "GBO" or "GBP" or "GBS" => "GBR",
            _ => trimmed,
        };

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
