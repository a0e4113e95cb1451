using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>Serves a photo's bytes to users who may see its activity (the scope filter on the activity decides).</summary>
public sealed class PhotoModel(AppDbContext db, ActivityPhotos photos) : PageModel
{
    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        var photo = await db.ActivityPhotos.AsNoTracking()
            .Where(p => p.Id == id && db.VillageActivities.Any(a => a.Id == p.ActivityId))
            .FirstOrDefaultAsync(cancellationToken);
        var path = photo is null ? null : photos.PathOf(photo.Id);
        if (photo is null || !System.IO.File.Exists(path))
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, max-age=3600";
        return PhysicalFile(path!, photo.ContentType);
    }
}
