using System.Collections.Frozen;

namespace Timpora.Core.Reference;

/// <summary>A code that may stand in the issuing-state or nationality field of a machine readable travel
/// document, with its name in English and in Bahasa Indonesia.</summary>
public sealed record Nationality(string Code, string EnglishName, string IndonesianName, NationalityKind Kind);

public enum NationalityKind
{
    /// <summary>A state or territory: ISO 3166-1 alpha-3, plus <c>D</c> (Germany) and <c>RKS</c> (Kosovo).</summary>
    State,

    /// <summary>A status rather than a state: stateless, refugee, unspecified, the British nationality classes.</summary>
    Status,

    /// <summary>An organisation that issues travel documents to its officials (UN, EU, INTERPOL...).</summary>
    Organisation,

    /// <summary>A code withdrawn from ISO 3166 that still appears on older documents.</summary>
    Withdrawn,
}

/// <summary>
/// The three-letter codes of ICAO Doc 9303 Part 3 (section 5): ISO 3166-1 alpha-3 and the codes ICAO adds for
/// Germany, stateless persons, refugees, the British nationality classes and international organisations.
/// </summary>
public static partial class Nationalities
{
    // Doc 9303 Part 3, 5.1 and Appendix D: codes outside ISO 3166-1 that issuing authorities are allowed to use.
    private static readonly (string Code, string English, string Indonesian, NationalityKind Kind)[] IcaoCodes =
    [
        ("D", "Germany", "Jerman", NationalityKind.State),
        ("RKS", "Kosovo", "Kosovo", NationalityKind.State),
        ("GBD", "British Overseas Territories Citizen", "Warga Wilayah Seberang Laut Britania", NationalityKind.Status),
        ("GBN", "British National (Overseas)", "Warga Nasional Britania (Seberang Laut)", NationalityKind.Status),
        ("GBO", "British Overseas Citizen", "Warga Seberang Laut Britania", NationalityKind.Status),
        ("GBP", "British Protected Person", "Orang yang Dilindungi Britania", NationalityKind.Status),
        ("GBS", "British Subject", "Subjek Britania", NationalityKind.Status),
        ("XXA", "Stateless person", "Tanpa kewarganegaraan", NationalityKind.Status),
        ("XXB", "Refugee (1951 Convention)", "Pengungsi (Konvensi 1951)", NationalityKind.Status),
        ("XXC", "Refugee (other)", "Pengungsi (lainnya)", NationalityKind.Status),
        ("XXX", "Unspecified nationality", "Kewarganegaraan tidak disebutkan", NationalityKind.Status),
        ("EUE", "European Union", "Uni Eropa", NationalityKind.Organisation),
        ("UNO", "United Nations", "Perserikatan Bangsa-Bangsa", NationalityKind.Organisation),
        ("UNA", "United Nations specialised agency", "Badan khusus Perserikatan Bangsa-Bangsa", NationalityKind.Organisation),
        ("UNK", "Kosovo (UNMIK travel document)", "Kosovo (dokumen perjalanan UNMIK)", NationalityKind.Organisation),
        ("XBA", "African Development Bank", "Bank Pembangunan Afrika", NationalityKind.Organisation),
        ("XIM", "African Export-Import Bank", "Bank Ekspor-Impor Afrika", NationalityKind.Organisation),
        ("XCC", "Caribbean Community (CARICOM)", "Komunitas Karibia (CARICOM)", NationalityKind.Organisation),
        ("XCE", "Council of Europe", "Dewan Eropa", NationalityKind.Organisation),
        ("XCO", "Common Market for Eastern and Southern Africa (COMESA)", "Pasar Bersama Afrika Timur dan Selatan (COMESA)", NationalityKind.Organisation),
        ("XDC", "Southern African Development Community (SADC)", "Komunitas Pembangunan Afrika Selatan (SADC)", NationalityKind.Organisation),
        ("XEC", "Economic Community of West African States (ECOWAS)", "Komunitas Ekonomi Negara-Negara Afrika Barat (ECOWAS)", NationalityKind.Organisation),
        ("XES", "Organisation of Eastern Caribbean States (OECS)", "Organisasi Negara-Negara Karibia Timur (OECS)", NationalityKind.Organisation),
        ("XMP", "Parliamentary Assembly of the Mediterranean", "Majelis Parlemen Mediterania", NationalityKind.Organisation),
        ("XOM", "Sovereign Military Order of Malta", "Ordo Militer Berdaulat Malta", NationalityKind.Organisation),
        ("XPO", "INTERPOL", "Organisasi Polisi Kriminal Internasional (INTERPOL)", NationalityKind.Organisation),
        ("ANT", "Netherlands Antilles", "Antillen Belanda", NationalityKind.Withdrawn),
        ("NTZ", "Neutral Zone", "Zona Netral", NationalityKind.Withdrawn),
    ];

    private static readonly FrozenDictionary<string, Nationality> ByCode = Build();

    /// <summary>Every known code, states first, each kind in code order.</summary>
    public static IReadOnlyList<Nationality> All { get; } = [.. ByCode.Values.OrderBy(n => n.Kind).ThenBy(n => n.Code, StringComparer.Ordinal)];

    /// <summary>The entry for a code as printed in an MRZ; case, surrounding spaces and trailing fillers
    /// (<c>D&lt;&lt;</c>) are ignored.</summary>
    public static Nationality? Find(string? code)
    {
        var key = Normalise(code);
        return key is null ? null : ByCode.GetValueOrDefault(key);
    }

    public static bool IsKnown(string? code) => Find(code) is not null;

    private static string? Normalise(string? code)
    {
        if (code is null)
        {
            return null;
        }

        var trimmed = code.Trim().TrimEnd('<');
        return trimmed.Length is >= 1 and <= 3 ? trimmed.ToUpperInvariant() : null;
    }

    private static FrozenDictionary<string, Nationality> Build()
    {
        var states = Iso3166().Select(s => new Nationality(s.Code, s.English, s.Indonesian, NationalityKind.State));
        var icao = IcaoCodes.Select(s => new Nationality(s.Code, s.English, s.Indonesian, s.Kind));
        return states.Concat(icao).ToFrozenDictionary(n => n.Code, StringComparer.Ordinal);
    }
}
