using System.Globalization;

namespace Timpora.Web.Platform;

/// <summary>Shows stored UTC times in the viewer's office time zone (WIB, WITA or WIT).</summary>
public sealed class OfficeClock(IHttpContextAccessor http, TimeProvider time)
{
    public const string DefaultTimeZone = "Asia/Jakarta";

    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["Asia/Jakarta"] = "WIB",
        ["Asia/Pontianak"] = "WIB",
        ["Asia/Makassar"] = "WITA",
        ["Asia/Jayapura"] = "WIT",
    };

    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(ZoneId);

    public string ZoneId => http.HttpContext?.User.FindFirst(ScopeClaimsFactory.TimeZoneClaim)?.Value ?? DefaultTimeZone;

    public string ZoneName => Abbreviations.GetValueOrDefault(ZoneId, ZoneId);

    public DateTime Now => ToLocal(time.GetUtcNow().UtcDateTime);

    /// <summary>The calendar day at the viewer's office: due dates and deadlines are days there.</summary>
    public DateOnly Today => DateOnly.FromDateTime(Now);

    /// <summary>The calendar day at <paramref name="utc"/> in the office zone <paramref name="timeZoneId"/>, for pages that
    /// show several offices (each counts by its own day).</summary>
    public static DateOnly TodayIn(string timeZoneId, DateTime utc) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), TimeZoneInfo.FindSystemTimeZoneById(timeZoneId)));

    public DateTime ToLocal(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public DateTime ToUtc(DateTime local) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(local, DateTimeKind.Unspecified), Zone);

    /// <summary>"23 Nov 2026 19.30 WITA", in the current UI culture.</summary>
    public string Show(DateTime utc) =>
        ToLocal(utc).ToString("d MMM yyyy HH:mm", CultureInfo.CurrentCulture) + " " + ZoneName;
}
