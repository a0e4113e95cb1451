using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Areas;

/// <summary>What a form posts from the area picker: the chosen province, regency, district and village, a
/// type-ahead query, and a suggestion the user picked.</summary>
public sealed class AreaPickerInput
{
    public string? Province { get; set; }
    public string? Regency { get; set; }
    public string? District { get; set; }
    public string? Village { get; set; }
    public string? Query { get; set; }
    public string? Pick { get; set; }

    /// <summary>The most precise area chosen.</summary>
    public string? SelectedCode => Village ?? District ?? Regency ?? Province;

    public static AreaPickerInput For(string? code)
    {
        var input = new AreaPickerInput { Pick = code };
        input.Normalise();
        return input;
    }

    /// <summary>Applies a picked suggestion and drops choices that no longer sit under the level above.</summary>
    public void Normalise()
    {
        if (!string.IsNullOrWhiteSpace(Pick))
        {
            var code = Pick.Trim();
            Province = Area.Ancestor(code, AreaLevel.Province);
            Regency = Area.LevelOf(code) >= AreaLevel.Regency ? Area.Ancestor(code, AreaLevel.Regency) : null;
            District = Area.LevelOf(code) >= AreaLevel.District ? Area.Ancestor(code, AreaLevel.District) : null;
            Village = Area.LevelOf(code) == AreaLevel.Village ? code : null;
            Pick = null;
        }

        Province = Blank(Province);
        Regency = Province is not null && Blank(Regency) is { } r && r.StartsWith(Province + ".", StringComparison.Ordinal) ? r : null;
        District = Regency is not null && Blank(District) is { } d && d.StartsWith(Regency + ".", StringComparison.Ordinal) ? d : null;
        Village = District is not null && Blank(Village) is { } v && v.StartsWith(District + ".", StringComparison.Ordinal) ? v : null;
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}

/// <summary>Everything the picker partial renders.</summary>
public sealed class AreaPickerView
{
    public required string Prefix { get; init; }
    public required AreaPickerInput Input { get; init; }
    public IReadOnlyList<Area> Provinces { get; init; } = [];
    public IReadOnlyList<Area> Regencies { get; init; } = [];
    public IReadOnlyList<Area> Districts { get; init; } = [];
    public IReadOnlyList<Area> Villages { get; init; } = [];
    public IReadOnlyList<AreaPath> Suggestions { get; init; } = [];

    /// <summary>Set on the answer to a picked suggestion: it also empties the search input.</summary>
    public bool ClearsQuery { get; set; }

    public string Id => "picker-" + Prefix.Replace('.', '-');

    /// <summary>The search input's id: where an error about the area links to.</summary>
    public string QueryId => Id + "-query";

    public static async Task<AreaPickerView> LoadAsync(AppDbContext db, string prefix, AreaPickerInput input, CancellationToken cancellationToken = default)
    {
        input.Normalise();
        return new AreaPickerView
        {
            Prefix = prefix,
            Input = input,
            Provinces = await AreaDirectory.ChildrenAsync(db, null, cancellationToken),
            Regencies = input.Province is null ? [] : await AreaDirectory.ChildrenAsync(db, input.Province, cancellationToken),
            Districts = input.Regency is null ? [] : await AreaDirectory.ChildrenAsync(db, input.Regency, cancellationToken),
            Villages = input.District is null ? [] : await AreaDirectory.ChildrenAsync(db, input.District, cancellationToken),
            Suggestions = string.IsNullOrWhiteSpace(input.Query) ? [] : await AreaDirectory.SearchAsync(db, input.Query, 10, cancellationToken),
        };
    }

    /// <summary>Only the suggestions for the query: what each pause in typing asks for.</summary>
    public static async Task<AreaPickerView> SuggestAsync(AppDbContext db, string prefix, AreaPickerInput input, CancellationToken cancellationToken = default) =>
        new()
        {
            Prefix = prefix,
            Input = input,
            Suggestions = string.IsNullOrWhiteSpace(input.Query) ? [] : await AreaDirectory.SearchAsync(db, input.Query, 10, cancellationToken),
        };

    public static Task<bool> ExistsAsync(AppDbContext db, string code, CancellationToken cancellationToken = default) =>
        db.Areas.AnyAsync(a => a.Code == code, cancellationToken);
}
