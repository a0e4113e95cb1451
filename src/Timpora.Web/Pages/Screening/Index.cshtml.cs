using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Web.Pages.Foreigners;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Screening;

/// <summary>The review queue: hits from records the caller's offices own (the scope filter applies), newest first
/// or by score; what it shows can be exported (audited).</summary>
public sealed class IndexModel(
    AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, OfficeClock clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public HitStatus? Status { get; set; } = HitStatus.New;

    [BindProperty(SupportsGet = true)]
    public string? List { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public bool StrongOnly { get; set; }

    /// <summary>Only hits from one kind of record (guest reports, permits, findings, tips).</summary>
    [BindProperty(SupportsGet = true)]
    public SubjectKind? Kind { get; set; }

    /// <summary><c>newest</c> (the default), <c>oldest</c> or <c>score</c> (highest first).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Sort { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<HitRow> Result { get; private set; } = null!;

    public IReadOnlyList<Watchlist> Lists { get; private set; } = [];

    public string PageLink(int page) => Link(new() { ["page"] = page.ToString(CultureInfo.InvariantCulture) });

    public string ExportLink(string format) => Link(new() { ["handler"] = "Export", ["format"] = format });

    private string Link(Dictionary<string, string?> extra) => "/Screening" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString() ?? "",
        ["list"] = List,
        ["q"] = Q,
        ["strongOnly"] = StrongOnly ? "true" : null,
        ["kind"] = Kind?.ToString(),
        ["sort"] = Sort,
    }.Concat(extra).Where(kv => kv.Value is not null));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lists = await reporting.Watchlists.ToListAsync(cancellationToken);
        Result = await Rows(Sorted(Filtered())).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = await Rows(Sorted(Filtered())).Take(RegisterExport.MaxRows).ToListAsync(cancellationToken);
        return await RegisterExport.FileAsync(db, format, "screening-hits", nameof(WatchlistHit),
            [t["Screening.Person"], t["ScreeningApp.Source"], t["Screening.Matched"], t["Watchlists.List"], t["Screening.Score"], t["Screening.Strong"],
                t["Screening.Status"], t["Export.Trigger"], t["Screening.Found"] + " (" + clock.ZoneName + ")"],
            [.. rows.Select(r => new ExportRow(r.KanimId,
                [r.ScreenedName, HitSources.Kind(t, r.Kind), r.MatchedName, r.List, Math.Round(r.Score, 3), r.Strong ? t["Screening.Strong"].Value : "",
                    Watchlists.WatchlistTexts.Status(t, r.Status), r.Trigger.ToString(), clock.ToLocal(r.CreatedUtc)]))],
            Link([]), cancellationToken);
    }

    private IQueryable<WatchlistHit> Filtered()
    {
        IQueryable<WatchlistHit> hits = reporting.WatchlistHits;
        if (Status is { } status)
        {
            hits = hits.Where(h => h.Status == status);
        }

        if (!string.IsNullOrWhiteSpace(List))
        {
            hits = hits.Where(h => h.WatchlistCode == List);
        }

        if (Kind is { } kind)
        {
            hits = hits.Where(h => h.SubjectKind == kind);
        }

        if (StrongOnly)
        {
            hits = hits.Where(h => h.Strong);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().ToUpperInvariant() + "%";
            hits = hits.Where(h => EF.Functions.Like(h.ScreenedName.ToUpper(), pattern) || EF.Functions.Like(h.MatchedName.ToUpper(), pattern));
        }

        return hits;
    }

    private IQueryable<WatchlistHit> Sorted(IQueryable<WatchlistHit> hits) => Sort switch
    {
        "oldest" => hits.OrderBy(h => h.CreatedUtc).ThenBy(h => h.Id),
        "score" => hits.OrderByDescending(h => h.Score).ThenByDescending(h => h.CreatedUtc).ThenBy(h => h.Id),
        _ => hits.OrderByDescending(h => h.CreatedUtc).ThenBy(h => h.Id),
    };

    private IQueryable<HitRow> Rows(IQueryable<WatchlistHit> hits) => hits.Select(h => new HitRow(
        h.Id, h.SubjectKind, h.SubjectId, h.ForeignerId,
        reporting.OperationFindings.Where(f => h.SubjectKind == SubjectKind.OperationFinding && f.Id == h.SubjectId).Select(f => (Guid?)f.OperationId).FirstOrDefault(),
        h.ScreenedName, h.MatchedName, h.WatchlistCode, h.Score, h.Strong, h.Status, h.Trigger, h.CreatedUtc, h.KanimId));

    public sealed record HitRow(
        Guid Id, SubjectKind Kind, Guid SubjectId, Guid? ForeignerId, Guid? OperationId, string ScreenedName, string MatchedName,
        string List, double Score, bool Strong, HitStatus Status, HitTrigger Trigger, DateTime CreatedUtc, int KanimId);
}
