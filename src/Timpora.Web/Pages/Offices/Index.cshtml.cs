using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Offices;

/// <summary>Kanwil and their Kanim with working areas. Organisation data is not personal: all staff see it.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<KanwilRow> Kanwils { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Kanwils = await db.Kanwils.AsNoTracking()
            .OrderBy(k => k.Name)
            .Select(k => new KanwilRow(k.Id, k.Name, k.TimeZoneId, k.Address, k.Kanims.OrderBy(m => m.Name).Select(m => new KanimRow(
                m.Id, m.Name, m.TimeZoneId,
                m.WorkingAreas.Join(db.Areas, w => w.RegencyCode, a => a.Code, (w, a) => a.Name).ToList())).ToList()))
            .ToListAsync(cancellationToken);
    }

    public sealed record KanwilRow(int Id, string Name, string TimeZoneId, string? Address, List<KanimRow> Kanims);

    public sealed record KanimRow(int Id, string Name, string TimeZoneId, List<string> Regencies);
}
