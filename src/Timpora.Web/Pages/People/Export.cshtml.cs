using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.People;

/// <summary>CSV of what the list shows, within the user's scope; every export is audited.</summary>
public sealed class ExportModel(AppDbContext db) : PageModel
{
    public async Task<IActionResult> OnGetAsync(string? q, int? agency, string? sort, CancellationToken cancellationToken)
    {
        var rows = await IndexModel.Filter(db, q, agency, sort).Take(50_000).ToListAsync(cancellationToken);
        foreach (var kanim in rows.GroupBy(r => r.KanimId))
        {
            db.RecordAccess(AuditAction.Exported, "Person", $"export:{kanim.Count()}", kanim.Key, $"q={q}; agency={agency}");
        }

        await db.SaveChangesAsync(cancellationToken);
        var csv = new StringBuilder("name,position,unit,agency,area_code,phone,email\n");
        foreach (var r in rows)
        {
            csv.AppendJoin(',', new[] { r.FullName, r.Position, r.Unit, r.Agency, r.AreaCode, r.Phone, r.Email }.Select(Csv)).Append('\n');
        }

        return File(Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv.ToString())).ToArray(), "text/csv", "timpora-people.csv");
    }

    // Quotes every field and neutralises spreadsheet formulas (CSV injection).
    private static string Csv(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }
}
