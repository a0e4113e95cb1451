using System.Security.Claims;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Agencies;

/// <summary>Partner agencies and their units with area and office. Organisation data is not personal: all staff see
/// it; administrators edit agencies, and units of the offices they administer.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public bool EditsAgencies { get; private set; }

    public bool EditsUnits { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var admin = await AccountAdministration.ForUserAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        EditsAgencies = admin.IsNational;
        EditsUnits = admin.Administers;
        var kanwilId = admin.KanwilId;
        var kanimId = admin.KanimId;
        var national = admin.IsNational;
        var administered = admin.Administers;
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new AgencyRow(a.Id, a.Code, a.Name, a.Units.OrderBy(u => u.Name).Select(u => new UnitRow(
                u.Id, u.Name, u.AreaCode,
                db.Areas.Where(x => x.Code == u.AreaCode).Select(x => x.Name).FirstOrDefault() ?? u.AreaCode,
                db.Kanims.Where(k => k.Id == u.KanimId).Select(k => k.Name).FirstOrDefault() ?? "",
                administered && (national || db.Kanims.Any(k => k.Id == u.KanimId && (kanwilId == null || k.KanwilId == kanwilId) && (kanimId == null || k.Id == kanimId)))))
                .ToList()))
            .ToListAsync(cancellationToken);
    }

    public sealed record AgencyRow(int Id, string Code, string Name, List<UnitRow> Units);

    public sealed record UnitRow(int Id, string Name, string AreaCode, string AreaName, string Kanim, bool Editable);
}
