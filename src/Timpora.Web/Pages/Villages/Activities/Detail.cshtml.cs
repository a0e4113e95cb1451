using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages.Activities;

/// <summary>One activity with its photos; photos are uploaded here and served by <see cref="PhotoModel"/>.</summary>
[RequestSizeLimit(FileStore.MaxPhotoBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = FileStore.MaxPhotoBytes + (256 * 1024))]
public sealed class DetailModel(AppDbContext db, IStringLocalizer<SharedResource> t, FileStore files, TimeProvider time) : PageModel
{
    public VillageActivity Activity { get; private set; } = null!;

    public string VillageName { get; private set; } = "";

    [BindProperty]
    public IFormFile? Photo { get; set; }

    [BindProperty]
    public string? Caption { get; set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnPostPhotoAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (Caption?.Length > 200)
        {
            ModelState.AddModelError(nameof(Caption), string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Validation.TooLong"].Value, t["Village.Activity.Caption"].Value, 200));
            return Page();
        }

        if (Photo is null || Photo.Length == 0)
        {
            ModelState.AddModelError(nameof(Photo), t["Village.Photo.Empty"]);
            return Page();
        }

        if (Photo.Length > FileStore.MaxPhotoBytes)
        {
            ModelState.AddModelError(nameof(Photo), t["Village.Photo.TooLarge"]);
            return Page();
        }

        await using var stream = Photo.OpenReadStream();
        var (file, problem) = await files.AddAsync(stream, FileKinds.Photo, cancellationToken);
        if (file is null)
        {
            ModelState.AddModelError(nameof(Photo), t[problem == FileProblem.NotAccepted ? "Village.Photo.NotAnImage" : $"Village.Photo.{problem}"]);
            return Page();
        }

        var photo = new ActivityPhoto
        {
            Id = file.Id,
            ActivityId = id,
            ContentType = file.ContentType,
            Size = file.Length,
            Caption = Caption?.Trim(),
            UploadedUtc = time.GetUtcNow().UtcDateTime,
            UploadedBy = User.Identity?.Name ?? "?",
        };
        db.ActivityPhotos.Add(photo);
        db.Entry(Activity).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Activities/{id}");
    }

    public async Task<IActionResult> OnPostDeletePhotoAsync(Guid id, Guid photoId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Activity.Photos.FirstOrDefault(p => p.Id == photoId) is not { } photo)
        {
            return NotFound();
        }

        db.ActivityPhotos.Remove(photo);
        db.Entry(Activity).State = EntityState.Modified;
        await db.SaveChangesAsync(cancellationToken);
        await files.DeleteAsync(photo.Id, cancellationToken);
        TempData["Message"] = t["Common.Deleted"].Value;
        return Redirect($"/Villages/Activities/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.VillageActivities.Include(a => a.Photos).FirstOrDefaultAsync(a => a.Id == id, cancellationToken) is not { } activity)
        {
            return false;
        }

        Activity = activity;
        VillageName = await db.ProgrammeVillages.Where(v => v.Id == activity.VillageId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return true;
    }
}
