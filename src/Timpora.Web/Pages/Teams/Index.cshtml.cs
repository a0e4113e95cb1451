using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Teams;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Teams;

/// <summary>The Timpora teams the user may see (see <see cref="TeamScope"/>).</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public TeamLevel? Level { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<TeamRow> Result { get; private set; } = null!;

    public bool CanCreate => db.Caller.Scope.All || db.Caller.Scope.KanimIds.Count > 0;

    public string PageLink(int page) => "/Teams" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["level"] = Level?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var teams = new TeamScope(db).Teams.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().ToUpperInvariant() + "%";
            teams = teams.Where(t => EF.Functions.Like(t.Name.ToUpper(), pattern) || EF.Functions.Like(t.DecreeNumber.ToUpper(), pattern));
        }

        if (Level is { } level)
        {
            teams = teams.Where(t => t.Level == level);
        }

        Result = await teams.OrderBy(t => t.Level).ThenBy(t => t.Name)
            .Select(t => new TeamRow(t.Id, t.Name, t.Level, t.AreaCode, t.DecreeNumber, t.DecreeDate, t.PeriodEnd, t.Members.Count))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record TeamRow(Guid Id, string Name, TeamLevel Level, string? AreaCode, string DecreeNumber, DateOnly DecreeDate, DateOnly PeriodEnd, int Members);
}
