using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Screening;

/// <summary>The review queue: hits from records the caller's offices own (the scope filter applies), newest first.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
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

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<HitRow> Result { get; private set; } = null!;

    public IReadOnlyList<Watchlist> Lists { get; private set; } = [];

    public string PageLink(int page) => "/Screening" + QueryString.Create(new Dictionary<string, string?>
    {
        ["status"] = Status?.ToString() ?? "",
        ["list"] = List,
        ["q"] = Q,
        ["strongOnly"] = StrongOnly ? "true" : null,
        ["kind"] = Kind?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => kv.Value is not null));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Lists = await db.Watchlists.AsNoTracking().ToListAsync(cancellationToken);
        var hits = db.WatchlistHits.AsNoTracking();
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

        Result = await hits.OrderByDescending(h => h.CreatedUtc)
            .Select(h => new HitRow(
                h.Id, h.SubjectKind, h.SubjectId, h.ForeignerId,
                db.OperationFindings.Where(f => h.SubjectKind == SubjectKind.OperationFinding && f.Id == h.SubjectId).Select(f => (Guid?)f.OperationId).FirstOrDefault(),
                h.ScreenedName, h.MatchedName, h.WatchlistCode, h.Score, h.Strong, h.Status, h.Trigger, h.CreatedUtc))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record HitRow(
        Guid Id, SubjectKind Kind, Guid SubjectId, Guid? ForeignerId, Guid? OperationId, string ScreenedName, string MatchedName,
        string List, double Score, bool Strong, HitStatus Status, HitTrigger Trigger, DateTime CreatedUtc);
}
