using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>Activities in the user's villages, newest first, filtered by village, kind, status and period.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActivityKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public ActivityStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "recent";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ActivityRow> Result { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Villages { get; private set; } = [];

    public string PageLink(int page) => "/Villages/Activities" + QueryString.Create(new Dictionary<string, string?>
    {
        ["village"] = Village?.ToString(),
        ["kind"] = Kind?.ToString(),
        ["status"] = Status?.ToString(),
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["sort"] = Sort,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Villages = await VillageAccess.PickListAsync(db, activeOnly: false, keep: null, cancellationToken);
        var activities = db.VillageActivities.AsNoTracking();
        if (Village is { } village)
        {
            activities = activities.Where(a => a.VillageId == village);
        }

        if (Kind is { } kind)
        {
            activities = activities.Where(a => a.Kind == kind);
        }

        if (Status is { } status)
        {
            activities = activities.Where(a => a.Status == status);
        }

        if (From is { } from)
        {
            activities = activities.Where(a => a.Date >= from);
        }

        if (To is { } to)
        {
            activities = activities.Where(a => a.Date <= to);
        }

        activities = Sort == "oldest" ? activities.OrderBy(a => a.Date) : activities.OrderByDescending(a => a.Date);
        Result = await activities
            .Join(db.ProgrammeVillages, a => a.VillageId, v => v.Id, (a, v) => new ActivityRow(
                a.Id, a.Date, v.Name, a.Kind, a.Status, a.Topics, a.Place,
                a.Men + a.Women + a.Pupils + a.ProspectiveMigrants + a.VillageOfficials, a.Photos.Count))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record ActivityRow(Guid Id, DateOnly Date, string Village, ActivityKind Kind, ActivityStatus Status, ActivityTopics Topics, string Place, int Participants, int Photos);
}
