using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Offices;

public sealed class DetailModel(AppDbContext db) : PageModel
{
    public string Name { get; private set; } = "";

    public string Kanwil { get; private set; } = "";

    public string TimeZoneId { get; private set; } = "";

    public string? Address { get; private set; }

    public IReadOnlyList<(string Code, string Name)> Regencies { get; private set; } = [];

    public IReadOnlyList<UnitRow> Units { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken cancellationToken)
    {
        var kanim = await db.Kanims.AsNoTracking().Where(k => k.Id == id)
            .Select(k => new { k.Name, Kanwil = k.Kanwil!.Name, k.TimeZoneId, k.Address })
            .FirstOrDefaultAsync(cancellationToken);
        if (kanim is null)
        {
            return NotFound();
        }

        (Name, Kanwil, TimeZoneId, Address) = (kanim.Name, kanim.Kanwil, kanim.TimeZoneId, kanim.Address);
        Regencies = (await db.KanimWorkingAreas.Where(w => w.KanimId == id)
                .Join(db.Areas, w => w.RegencyCode, a => a.Code, (w, a) => new { a.Code, a.Name })
                .OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();
        Units = await db.AgencyUnits.AsNoTracking().Where(u => u.KanimId == id)
            .OrderBy(u => u.Agency!.Code).ThenBy(u => u.Name)
            .Select(u => new UnitRow(u.Agency!.Code, u.Name, u.AreaCode))
            .ToListAsync(cancellationToken);
        return Page();
    }

    public sealed record UnitRow(string Agency, string Name, string AreaCode);
}
