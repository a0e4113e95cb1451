namespace Timpora.Core.Areas;

/// <summary>An administrative area with its Kemendagri code: province "53", regency "53.18",
/// district "53.18.09", village "53.18.09.1004".</summary>
public sealed class Area
{
    public required string Code { get; set; }
    public string? ParentCode { get; set; }
    public AreaLevel Level { get; set; }
    public required string Name { get; set; }

    /// <summary>Lower-case, accent-free name used for type-ahead search.</summary>
    public required string SearchName { get; set; }

    public static AreaLevel LevelOf(string code) => code.Count(c => c == '.') switch
    {
        0 => AreaLevel.Province,
        1 => AreaLevel.Regency,
        2 => AreaLevel.District,
        _ => AreaLevel.Village,
    };

    /// <summary>The code of the province, regency or district that contains <paramref name="code"/>.</summary>
    public static string Ancestor(string code, AreaLevel level)
    {
        var parts = code.Split('.');
        return string.Join('.', parts.Take(Math.Min(parts.Length, (int)level)));
    }

    public static string NormaliseForSearch(string name) =>
        new string(name.Normalize(System.Text.NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ')
            .ToArray()).Trim();
}

public enum AreaLevel
{
    Province = 1,
    Regency = 2,
    District = 3,
    Village = 4,
}

/// <summary>Another name people use for an area, e.g. "Weetebula" for the kelurahan Waitabula.</summary>
public sealed class AreaAlias
{
    public int Id { get; set; }
    public required string AreaCode { get; set; }
    public required string Name { get; set; }
    public required string SearchName { get; set; }
}

/// <summary>Which version of a reference data set is loaded, so that start-up can upgrade it in place.</summary>
public sealed class ReferenceDataVersion
{
    public required string Name { get; set; }
    public required string Version { get; set; }
    public DateTime LoadedUtc { get; set; }
}
