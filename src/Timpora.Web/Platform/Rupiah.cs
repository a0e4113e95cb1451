using System.Globalization;

namespace Timpora.Web.Platform;

/// <summary>Amounts in rupiah as Indonesians write them, whatever the interface language: Rp1.000.000.</summary>
public static class Rupiah
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string Format(long amount) => "Rp" + amount.ToString("N0", Indonesian);
}
