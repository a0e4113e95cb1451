using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Agencies;

public sealed class IndexModel(AppDbContext db) : PageModel
{
    public IReadOnlyList<AgencyRow> Agencies { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        Agencies = await db.Agencies.AsNoTracking().OrderBy(a => a.Code)
            .Select(a => new AgencyRow(a.Code, a.Name, a.Units.OrderBy(u => u.Name).Select(u => u.Name).ToList()))
            .ToListAsync(cancellationToken);

    public sealed record AgencyRow(string Code, string Name, List<string> Units);
}
