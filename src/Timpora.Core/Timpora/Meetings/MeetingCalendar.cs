using System.Globalization;
using System.Text;

namespace Timpora.Core.Meetings;

/// <summary>One event of an iCalendar file (RFC 5545), as an invitation carries it.</summary>
public sealed record CalendarEvent(string Uid, DateTime StampUtc, DateTime StartUtc, DateTime EndUtc, string Summary, string Location, string Description, Uri Url);

/// <summary>Writes RFC 5545 text: CRLF line ends, content lines folded at 75 octets without splitting a UTF-8
/// character, TEXT values escaped, times in UTC.</summary>
public static class MeetingCalendar
{
    public const string ContentType = "text/calendar; charset=utf-8";

    public static string Write(CalendarEvent e)
    {
        var lines = new List<string>
        {
            "BEGIN:VCALENDAR",
            "VERSION:2.0",
            "PRODID:-//Timpora//Rapat Timpora//ID",
            "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH",
            "BEGIN:VEVENT",
            "UID:" + e.Uid,
            "DTSTAMP:" + Utc(e.StampUtc),
            "DTSTART:" + Utc(e.StartUtc),
            "DTEND:" + Utc(e.EndUtc),
            "SUMMARY:" + Escape(e.Summary),
            "LOCATION:" + Escape(e.Location),
            "DESCRIPTION:" + Escape(e.Description),
            "URL:" + e.Url.AbsoluteUri,
            "END:VEVENT",
            "END:VCALENDAR",
        };
        var text = new StringBuilder();
        foreach (var line in lines)
        {
            Fold(text, line);
        }

        return text.ToString();
    }

    public static string Escape(string value) => value
        .Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal)
        .Replace(",", "\\,", StringComparison.Ordinal)
        .Replace("\r\n", "\\n", StringComparison.Ordinal)
        .Replace("\n", "\\n", StringComparison.Ordinal)
        .Replace("\r", "\\n", StringComparison.Ordinal);

    private static string Utc(DateTime utc) =>
        DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    // RFC 5545 3.1: lines SHOULD NOT be longer than 75 octets; a continuation starts with one space, which
    // counts towards its 75.
    private static void Fold(StringBuilder text, string line)
    {
        var octets = 0;
        const int limit = 75;
        foreach (var rune in line.EnumerateRunes())
        {
            var size = rune.Utf8SequenceLength;
            if (octets + size > limit)
            {
                text.Append("\r\n ");
                octets = 1;
            }

            text.Append(rune.ToString());
            octets += size;
        }

        text.Append("\r\n");
    }
}
