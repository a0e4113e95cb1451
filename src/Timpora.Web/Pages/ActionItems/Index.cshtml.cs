using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Data;
using Timpora.Core.Teams;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.ActionItems;

/// <summary>Action items across all teams the user may see: a partner-agency member sees their own agency
/// unit's first; overdue items are flagged.</summary>
public sealed class IndexModel(AppDbContext db, OfficeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "open";

    [BindProperty(SupportsGet = true)]
    public bool Mine { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ActionRow> Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool IsPartner => db.Caller.Scope.AgencyUnitId is not null;

    public string PageLink(int page) => "/ActionItems" + QueryString.Create(new Dictionary<string, string?>
    {
        ["show"] = Show,
        ["mine"] = Mine ? "true" : null,
        ["q"] = Q,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // Due dates are calendar days of the viewer's office (WIB, WITA or WIT).
        Today = clock.Today;
        var today = Today;
        var items = new TeamScope(db).ActionItems.AsNoTracking();
        var unit = db.Caller.Scope.AgencyUnitId;
        if (Mine && unit is not null)
        {
            items = items.Where(a => a.OwnerUnitId == unit);
        }

        items = Show switch
        {
            "overdue" => items.Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueDate < today),
            "closed" => items.Where(a => a.Status == ActionStatus.Done || a.Status == ActionStatus.Cancelled),
            "all" => items,
            _ => items.Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().ToUpperInvariant() + "%";
            items = items.Where(a => EF.Functions.Like(a.Title.ToUpper(), pattern) || EF.Functions.Like(a.PersonInCharge.ToUpper(), pattern));
        }

        Result = await items.OrderBy(a => a.DueDate)
            .Join(db.AgencyUnits, a => a.OwnerUnitId, u => u.Id, (a, u) => new { a, Unit = u.Name })
            .Join(db.Teams, x => x.a.TeamId, t => t.Id, (x, t) => new ActionRow(x.a.Id, x.a.Title, x.Unit, t.Name, x.a.PersonInCharge, x.a.DueDate, x.a.Status))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record ActionRow(Guid Id, string Title, string Owner, string Team, string PersonInCharge, DateOnly DueDate, ActionStatus Status);
}
