using System.Globalization;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages.Reports;

/// <summary>Places programme villages on a plain equirectangular frame of Indonesia (94°E-142°E, 7°N-12°S), drawn
/// server-side as SVG: no map tiles (nothing may load from the internet) and no script needed.</summary>
public sealed class VillageMap(IReadOnlyList<VillageQuarter> villages)
{
    public const double Width = 960;
    public const double Height = 380;
    private const double West = 94, East = 142, North = 7, South = -12;

    public IReadOnlyList<(VillageQuarter Village, string X, string Y)> Points { get; } =
        [.. villages.Where(v => v.Latitude is not null && v.Longitude is not null)
            .Select(v => (v, Format((v.Longitude!.Value - West) / (East - West) * Width), Format((North - v.Latitude!.Value) / (North - South) * Height)))];

    public IReadOnlyList<VillageQuarter> Unplaced { get; } = [.. villages.Where(v => v.Latitude is null || v.Longitude is null)];

    public string EquatorY => Format(North / (North - South) * Height);

    public static string Meridian(double longitude) => Format((longitude - West) / (East - West) * Width);

    private static string Format(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
