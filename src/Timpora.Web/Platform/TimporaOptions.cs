namespace Timpora.Web.Platform;

/// <summary>The "Timpora" configuration section.</summary>
public sealed class TimporaOptions
{
    /// <summary>Where the SQLite database, uploads and other files live. Relative to the content root.</summary>
    public string DataFolder { get; set; } = "App_Data";

    /// <summary>Where the idn-area-data CSV files are; copied next to the application at build time.</summary>
    public string? AreaDataFolder { get; set; }
}
