namespace Timpora.Web.Pages.Meetings;

/// <summary>A meeting is entered and shown in the time zone of the team's office, whoever looks at it.</summary>
public static class MeetingTime
{
    private static readonly Dictionary<string, string> Names = new(StringComparer.Ordinal)
    {
        ["Asia/Jakarta"] = "WIB",
        ["Asia/Pontianak"] = "WIB",
        ["Asia/Makassar"] = "WITA",
        ["Asia/Jayapura"] = "WIT",
    };

    public static DateTime ToLocal(DateTime utc, string zoneId) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    public static DateTime ToUtc(DateTime local, string zoneId) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(zoneId));

    public static string ZoneName(string zoneId) => Names.GetValueOrDefault(zoneId, zoneId);

    public static string Show(DateTime utc, string zoneId) =>
        ToLocal(utc, zoneId).ToString("dddd, d MMM yyyy HH:mm", System.Globalization.CultureInfo.CurrentCulture) + " " + ZoneName(zoneId);
}
