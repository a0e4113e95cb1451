using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages;

/// <summary>The programme villages in the user's scope: a PIMPASA sees their own, a Kanim its area.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public VillageStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<VillageRow> Result { get; private set; } = null!;

    public Dictionary<int, string> Kanims { get; private set; } = [];

    public string PageLink(int page) => "/Villages" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["status"] = Status?.ToString(),
        ["sort"] = Sort,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var villages = db.ProgrammeVillages.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var pattern = "%" + q.ToUpperInvariant() + "%";
            villages = villages.Where(v => EF.Functions.Like(v.Name.ToUpper(), pattern) || v.AreaCode.StartsWith(q));
        }

        if (Status is { } status)
        {
            villages = villages.Where(v => v.Status == status);
        }

        villages = Sort switch
        {
            "code" => villages.OrderBy(v => v.AreaCode),
            "score" => villages.OrderByDescending(v => v.Criteria.Border + v.Criteria.Poverty + v.Criteria.LowEducation
                + v.Criteria.YoungPopulation + v.Criteria.Unemployment + v.Criteria.MigrantWorkers).ThenBy(v => v.Name),
            "status" => villages.OrderBy(v => v.Status).ThenBy(v => v.Name),
            _ => villages.OrderBy(v => v.Name),
        };
        Result = await villages
            .Select(v => new VillageRow(v.Id, v.Name, v.AreaCode, v.KanimId, v.Status, v.Criteria.Border + v.Criteria.Poverty + v.Criteria.LowEducation
                + v.Criteria.YoungPopulation + v.Criteria.Unemployment + v.Criteria.MigrantWorkers, v.EstablishedOn))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        var ids = Result.Items.Select(v => v.KanimId).Distinct().ToList();
        Kanims = await db.Kanims.AsNoTracking().Where(k => ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
    }

    public sealed record VillageRow(Guid Id, string Name, string Code, int KanimId, VillageStatus Status, int Score, DateOnly? EstablishedOn);
}
