using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Screening.Csv;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>The filtered entries as a CSV file in the import's own columns, so an export can be edited and loaded back.
/// The export is audited.</summary>
public sealed class ExportModel(AppDbContext db, TimeProvider clock) : PageModel
{
    public const int MaxRows = 100_000;

    public async Task<IActionResult> OnGetAsync(string? list, string? status, string? q, string? sort, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var entries = await new WatchlistQuery(list, status, q, sort ?? "name").Apply(db, today)
            .Include(e => e.Aliases).Include(e => e.Documents).AsSplitQuery().Take(MaxRows).ToListAsync(cancellationToken);
        var text = new StringWriter(CultureInfo.InvariantCulture);
        CsvWriter.WriteRecord(text, ["list", .. WatchlistImport.RequiredColumns, .. WatchlistImport.OptionalColumns]);
        foreach (var e in entries)
        {
            CsvWriter.WriteRecord(
                text,
                e.WatchlistCode,
                e.Reference ?? "",
                e.Name,
                e.BirthDate ?? "",
                e.Nationality ?? "",
                e.Sex switch { Core.Foreigners.Sex.Male => "M", Core.Foreigners.Sex.Female => "F", _ => "" },
                string.Join(';', e.Aliases.Select(a => a.Name)),
                string.Join(';', e.Documents.Select(d => d.Number)),
                e.ValidFrom?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                e.ValidUntil?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "",
                e.Source ?? "",
                e.Reason ?? "");
        }

        db.RecordAccess(AuditAction.Exported, nameof(WatchlistEntry), list ?? "*", null, $"{entries.Count} rows; q={q}; status={status}");
        await db.SaveChangesAsync(cancellationToken);
        return File(Encoding.UTF8.GetBytes(text.ToString()), "text/csv; charset=utf-8", $"watchlist-{today:yyyyMMdd}.csv");
    }
}
