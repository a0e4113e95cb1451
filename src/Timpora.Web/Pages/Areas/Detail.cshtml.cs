using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Areas;

public sealed class DetailModel(AppDbContext db) : PageModel
{
    public AreaPath Path { get; private set; } = null!;

    public IReadOnlyList<(string Code, string Name)> Breadcrumb { get; private set; } = [];

    public IReadOnlyList<Area> Children { get; private set; } = [];

    public string? Kanim { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken cancellationToken)
    {
        if (code.Length > 13 || await AreaDirectory.PathAsync(db, code, cancellationToken) is not { } path)
        {
            return NotFound();
        }

        Path = path;
        var ancestors = AreaDirectory.SelfAndAncestors(code).Skip(1).Reverse().ToList();
        var names = await db.Areas.Where(a => ancestors.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        Breadcrumb = [.. ancestors.Where(names.ContainsKey).Select(c => (c, names[c]))];
        Children = await AreaDirectory.ChildrenAsync(db, code, cancellationToken);
        if (path.Level >= AreaLevel.Regency)
        {
            var regency = Area.Ancestor(code, AreaLevel.Regency);
            Kanim = await db.KanimWorkingAreas.Where(w => w.RegencyCode == regency)
                .Join(db.Kanims, w => w.KanimId, k => k.Id, (w, k) => k.Name)
                .FirstOrDefaultAsync(cancellationToken);
        }

        return Page();
    }
}
