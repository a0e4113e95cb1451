using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Tips;
using Timpora.Web.Pages.Foreigners;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Tips;

/// <summary>The inbox of tips: those of the user's offices and villages, for a partner those assigned or shared to
/// its unit, for a cadre those they filed (the scope filter decides). Filters, search, overdue views, pages.</summary>
public sealed class IndexModel(AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, TimeProvider time, OfficeClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public TipState? State { get; set; }

    [BindProperty(SupportsGet = true)]
    public TipKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public TipChannel? Channel { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Kanim { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Unit { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Area { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Due { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "new";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<TipRow> Result { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Kanims { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public DateTime NowUtc { get; private set; }

    public string PageLink(int page) => "/Tips" + QueryFor(page, null);

    public string ExportLink(string format) => "/Tips" + QueryFor(null, format);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        var filter = Filter();
        var (rows, total, page) = await TipInbox.PageAsync(reporting, filter, NowUtc, PageNumber, Paging.DefaultPageSize, cancellationToken);
        Result = new Paged<TipRow>(rows, page, Paging.DefaultPageSize, total);
        var scope = reporting.Caller.Scope;
        Kanims = (await reporting.Kanims.Where(k => scope.All || scope.KanimIds.Contains(k.Id)).OrderBy(k => k.Name)
            .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken)).Select(k => (k.Id, k.Name)).ToList();
        Units = (await reporting.AgencyUnits.Where(u => scope.All || scope.KanimIds.Contains(u.KanimId)).OrderBy(u => u.Name)
            .Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.Name)).ToList();
    }

    /// <summary>What the inbox shows with the same filters, in the same order, audited as an export per office.</summary>
    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        NowUtc = time.GetUtcNow().UtcDateTime;
        var rows = await TipInbox.RowsAsync(reporting, Filter(), NowUtc, RegisterExport.MaxRows, cancellationToken);
        string Local(DateTime? utc) => utc is { } u ? clock.ToLocal(u).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture) : "";
        return await RegisterExport.FileAsync(db, format, "tips", nameof(Tip),
            [t["Tips.TrackingCode"], t["Tips.Kind"], t["Tips.State"], t["Tips.Channel"], t["Tips.Inbox.Village"], t["Tips.Inbox.AreaCode"], t["Tips.Place"],
                t["Tips.Inbox.Received"] + " (" + clock.ZoneName + ")", t["Tips.Due"] + " (" + clock.ZoneName + ")", t["Tips.AssignedUnit"], t["Tips.Grade"]],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.TrackingCode, t["Tips.Kind." + r.Kind].Value, r.DuplicateOfCode is { } of ? t["Tips.DuplicateOfCode"].Value + " " + of : t["Tips.State." + r.State].Value, t["Tips.Channel." + r.Channel].Value,
                r.AreaName, r.AreaCode, r.Place, Local(r.ReceivedUtc), Local(r.DueUtc), r.UnitName,
                r.SourceReliability is null ? t["Tips.NotGraded"].Value : r.SourceReliability + r.Credibility]))],
            QueryFor(null, null), cancellationToken);
    }

    private TipFilter Filter() => new()
    {
        Q = Q?[..Math.Min(Q.Length, 100)],
        State = State,
        Kind = Kind,
        Channel = Channel,
        KanimId = Kanim,
        UnitId = Unit,
        Area = Area?[..Math.Min(Area.Length, 13)],
        Due = Due,
        Sort = Sort,
    };

    private string QueryFor(int? page, string? format) => QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = format is null ? null : "Export",
        ["format"] = format,
        ["q"] = Q,
        ["state"] = State?.ToString(),
        ["kind"] = Kind?.ToString(),
        ["channel"] = Channel?.ToString(),
        ["kanim"] = Kanim?.ToString(CultureInfo.InvariantCulture),
        ["unit"] = Unit?.ToString(CultureInfo.InvariantCulture),
        ["area"] = Area,
        ["due"] = Due,
        ["sort"] = Sort,
        ["page"] = page?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}
