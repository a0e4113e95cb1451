using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>The filters of the entry list, shared by the page and its export.</summary>
public sealed record WatchlistQuery(string? List, string? Status, string? Q, string Sort)
{
    public IQueryable<WatchlistEntry> Apply(AppDbContext db, DateOnly today)
    {
        var entries = db.WatchlistEntries.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(List))
        {
            entries = entries.Where(e => e.WatchlistCode == List);
        }

        entries = Status switch
        {
            "expired" => entries.Where(e => e.ValidUntil != null && e.ValidUntil < today),
            "all" => entries,
            _ => entries.Where(e => e.ValidUntil == null || e.ValidUntil >= today),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var text = Q.Trim().ToUpperInvariant();
            var pattern = "%" + text + "%";
            entries = entries.Where(e => EF.Functions.Like(e.Name.ToUpper(), pattern)
                || (e.Reference != null && EF.Functions.Like(e.Reference.ToUpper(), pattern))
                || e.Aliases.Any(a => EF.Functions.Like(a.Name.ToUpper(), pattern))
                || e.Documents.Any(d => d.Number == text));
        }

        return Sort switch
        {
            "name" => entries.OrderBy(e => e.Name),
            "until" => entries.OrderBy(e => e.ValidUntil == null).ThenBy(e => e.ValidUntil),
            _ => entries.OrderByDescending(e => e.UpdatedUtc),
        };
    }

    public Dictionary<string, string?> Values() => new()
    {
        ["list"] = List,
        ["status"] = Status,
        ["q"] = Q,
        ["sort"] = Sort,
    };
}
