using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Pages.GuestReports;

/// <summary>Progress of one bulk file; the page refreshes itself while the file runs, without JavaScript.</summary>
public sealed class ImportModel(AppDbContext db) : PageModel
{
    public Guid Id { get; private set; }
    public string FileName { get; private set; } = "";
    public BulkStatus Status { get; private set; }
    public int Processed { get; private set; }
    public int Accepted { get; private set; }
    public int Rejected { get; private set; }
    public string? Error { get; private set; }

    public bool Running => Status is BulkStatus.Queued or BulkStatus.Running;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var importId))
        {
            return NotFound();
        }

        var import = await db.BulkImports.AsNoTracking().Where(b => b.Id == importId)
            .Select(b => new { b.Id, b.FileName, b.Status, b.ProcessedRows, b.Accepted, b.Rejected, b.Error })
            .FirstOrDefaultAsync(cancellationToken);
        if (import is null)
        {
            return NotFound();
        }

        (Id, FileName, Status, Processed, Accepted, Rejected, Error) = (import.Id, import.FileName, import.Status, import.ProcessedRows, import.Accepted, import.Rejected, import.Error);
        if (Running)
        {
            Response.Headers["Refresh"] = "2";
        }

        return Page();
    }

    public async Task<IActionResult> OnGetResultAsync(string id, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var importId))
        {
            return NotFound();
        }

        var import = await db.BulkImports.AsNoTracking().Where(b => b.Id == importId).Select(b => new { b.FileName, b.Result }).FirstOrDefaultAsync(cancellationToken);
        return import?.Result is null ? NotFound() : File(import.Result, "text/csv", Path.GetFileNameWithoutExtension(import.FileName) + "-result.csv");
    }
}
