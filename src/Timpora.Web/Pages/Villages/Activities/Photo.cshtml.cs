using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>Serves a photo's bytes to users who may see its activity (the scope filter on the activity decides).</summary>
public sealed class PhotoModel(AppDbContext db, FileStore files) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var visible = await db.ActivityPhotos.AsNoTracking()
            .AnyAsync(p => p.Id == id && db.VillageActivities.Any(a => a.Id == p.ActivityId), cancellationToken);
        if (!visible || await files.ReadAsync(id, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return StoredFileResult.Inline(Response, file, $"foto-{id:N}");
    }
}
