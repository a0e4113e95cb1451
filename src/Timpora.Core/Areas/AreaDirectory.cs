using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Areas;

/// <summary>An area with the names of the areas above it, for display: "Waitabula, Kota Tambolaka, ...".</summary>
public sealed record AreaPath(string Code, AreaLevel Level, string Name, IReadOnlyList<string> Parents)
{
    public string Display => Parents.Count == 0 ? Name : $"{Name}, {string.Join(", ", Parents)}";
}

/// <summary>Reads the area tree: children of an area, type-ahead search, and full paths.</summary>
public static class AreaDirectory
{
    public static Task<List<Area>> ChildrenAsync(AppDbContext db, string? parentCode, CancellationToken cancellationToken = default) =>
        db.Areas.AsNoTracking()
            .Where(a => parentCode == null ? a.ParentCode == null : a.ParentCode == parentCode)
            .OrderBy(a => a.Name)
            .ToListAsync(cancellationToken);

    /// <summary>Areas whose name, or a known other name, has a word starting with the query, e.g. "tambo" or "weete".</summary>
    public static async Task<IReadOnlyList<AreaPath>> SearchAsync(AppDbContext db, string query, int limit = 20, CancellationToken cancellationToken = default)
    {
        var q = Area.NormaliseForSearch(query);
        if (q.Length < 2)
        {
            return [];
        }

        var prefix = q + "%";
        var inWord = "% " + q + "%";
        var byName = await db.Areas.AsNoTracking()
            .Where(a => EF.Functions.Like(a.SearchName, prefix) || EF.Functions.Like(a.SearchName, inWord))
            .OrderBy(a => a.Level).ThenBy(a => a.Name)
            .Select(a => a.Code)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var byAlias = await db.AreaAliases.AsNoTracking()
            .Where(a => EF.Functions.Like(a.SearchName, prefix) || EF.Functions.Like(a.SearchName, inWord))
            .Select(a => a.AreaCode)
            .Take(limit)
            .ToListAsync(cancellationToken);
        var codes = byAlias.Concat(byName).Distinct().Take(limit).ToList();
        var paths = await PathsAsync(db, codes, cancellationToken);
        return [.. codes.Where(paths.ContainsKey).Select(c => paths[c])];
    }

    public static async Task<AreaPath?> PathAsync(AppDbContext db, string code, CancellationToken cancellationToken = default) =>
        (await PathsAsync(db, [code], cancellationToken)).GetValueOrDefault(code);

    public static async Task<Dictionary<string, AreaPath>> PathsAsync(AppDbContext db, IReadOnlyCollection<string> codes, CancellationToken cancellationToken = default)
    {
        var wanted = codes.SelectMany(SelfAndAncestors).Distinct().ToList();
        var names = await db.Areas.AsNoTracking()
            .Where(a => wanted.Contains(a.Code))
            .Select(a => new { a.Code, a.Name, a.Level })
            .ToDictionaryAsync(a => a.Code, cancellationToken);
        var result = new Dictionary<string, AreaPath>();
        foreach (var code in codes.Where(names.ContainsKey))
        {
            var parents = SelfAndAncestors(code).Skip(1).Where(names.ContainsKey).Select(c => names[c].Name).ToList();
            result[code] = new AreaPath(code, names[code].Level, names[code].Name, parents);
        }

        return result;
    }

    /// <summary>"53.18.09.1004" → "53.18.09.1004", "53.18.09", "53.18", "53".</summary>
    public static IEnumerable<string> SelfAndAncestors(string code)
    {
        var current = code;
        while (true)
        {
            yield return current;
            var dot = current.LastIndexOf('.');
            if (dot < 0)
            {
                yield break;
            }

            current = current[..dot];
        }
    }
}
