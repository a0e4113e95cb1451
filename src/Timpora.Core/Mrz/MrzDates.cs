namespace Timpora.Core.Mrz;

/// <summary>The YYMMDD dates of an MRZ, and the centuries their two-digit years belong to.</summary>
internal static class MrzDates
{
    /// <summary>
    /// A date of birth: <c>740812</c>, <c>7408&lt;&lt;</c>, <c>74&lt;&lt;&lt;&lt;</c>, or <c>&lt;&lt;&lt;&lt;&lt;&lt;</c>
    /// when wholly unknown (Doc 9303 Part 3 lets fillers stand for unknown parts). Some issuers print 00 for an unknown month or day
    /// instead of fillers; the check digit still covers what was printed, so it is read the same way.
    /// The century is the latest one that does not put the birth after <paramref name="today"/>.
    /// </summary>
    public static (PartialDate? Date, bool Valid) ReadBirthDate(string yymmdd, DateOnly today)
    {
        if (yymmdd == "<<<<<<")
        {
            return (null, true);
        }

        if (!TwoDigits(yymmdd, 0, out var yy)
            || !Part(yymmdd, 2, out var month)
            || !Part(yymmdd, 4, out var day)
            || (month is null && day is not null))
        {
            return (null, false);
        }

        foreach (var century in new[] { 2000, 1900 })
        {
            if (PartialDate.TryCreate(century + yy, month, day, out var date) && !date.IsAfter(today))
            {
                return (date, true);
            }
        }

        return (null, false);
    }

    /// <summary>
    /// An expiry date, which must be complete. Documents are valid for ten years at most, so the year is put
    /// in the 20xx century unless that lands more than 50 years ahead (a 1990s document, e.g. Doc 9303's own
    /// MRV specimen expiring 961210, is then read as 1996 and reported expired rather than as 2096).
    /// </summary>
    public static DateOnly? ReadExpiryDate(string yymmdd, DateOnly today)
    {
        if (!TwoDigits(yymmdd, 0, out var yy) || !TwoDigits(yymmdd, 2, out var month) || !TwoDigits(yymmdd, 4, out var day))
        {
            return null;
        }

        var year = 2000 + yy > today.Year + 50 ? 1900 + yy : 2000 + yy;
        return PartialDate.TryCreate(year, month, day, out var date) ? date.Date : null;
    }

    private static bool Part(string text, int start, out int? value)
    {
        value = null;
        if (text[start] == '<' && text[start + 1] == '<')
        {
            return true;
        }

        if (!TwoDigits(text, start, out var n))
        {
            return false;
        }

        value = n == 0 ? null : n;
        return true;
    }

    private static bool TwoDigits(string text, int start, out int value)
    {
        value = 0;
        if (!char.IsAsciiDigit(text[start]) || !char.IsAsciiDigit(text[start + 1]))
        {
            return false;
        }

        value = ((text[start] - '0') * 10) + (text[start + 1] - '0');
        return true;
    }
}
