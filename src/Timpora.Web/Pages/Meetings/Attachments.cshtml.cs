using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Meetings;

/// <summary>Photos and documents of a meeting, kept in the file store (photos without their metadata); they are
/// served only to those who may see the meeting.</summary>
[RequestSizeLimit(FileStore.MaxBytes + (256 * 1024))]
[RequestFormLimits(MultipartBodyLengthLimit = FileStore.MaxBytes + (256 * 1024))]
public sealed class AttachmentsModel(AppDbContext db, FileStore files, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public IReadOnlyList<MeetingAttachment> Files { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Files.FirstOrDefault(f => f.Id == file) is not { } attachment)
        {
            return NotFound();
        }

        if (await files.ReadAsync(attachment.Id, cancellationToken) is not { } stored)
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(MeetingAttachment), attachment.Id.ToString(), Meeting.Team!.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return StoredFileResult.Attachment(Response, stored, attachment.FileName);
    }

    public async Task<IActionResult> OnPostAsync(Guid id, IFormFile? upload, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        if (upload is null || upload.Length == 0)
        {
            ModelState.AddModelError("upload", t["Meetings.FileMissing"]);
            return Page();
        }

        (StoredFile? File, FileProblem? Problem) added;
        await using (var stream = upload.OpenReadStream())
        {
            added = await files.AddAsync(stream, FileKinds.Photo | FileKinds.Document, cancellationToken);
        }

        if (added.File is not { } file)
        {
            ModelState.AddModelError("upload", added.Problem == FileProblem.TooLarge
                ? t["Meetings.FileTooLarge", FileStore.MaxBytes / 1024 / 1024]
                : t["Meetings.FileKind"]);
            return Page();
        }

        var attachment = new MeetingAttachment
        {
            Id = file.Id,
            MeetingId = id,
            FileName = Path.GetFileName(upload.FileName).Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : "lampiran",
            ContentType = file.ContentType,
            Size = file.Length,
            UploadedBy = User.Identity!.Name!,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.MeetingAttachments.Add(attachment);
        db.RecordAccess(AuditAction.Created, nameof(MeetingAttachment), attachment.Id.ToString(), Meeting.Team!.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Meetings.FileAdded", attachment.FileName].Value;
        return Redirect($"/Meetings/Attachments/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        if (await scope.FindMeetingAsync(id, cancellationToken) is not { } meeting)
        {
            return false;
        }

        Meeting = meeting;
        CanManage = scope.CanManage(meeting.Team!);
        Files = await db.MeetingAttachments.AsNoTracking().Where(a => a.MeetingId == id).OrderBy(a => a.UploadedUtc).ToListAsync(cancellationToken);
        return true;
    }
}
