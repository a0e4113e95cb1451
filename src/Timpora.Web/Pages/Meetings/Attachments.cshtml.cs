using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Meetings;

/// <summary>Photos and documents of a meeting. Files sit in the data folder, not the database; they are
/// served only to those who may see the meeting.</summary>
public sealed class AttachmentsModel(AppDbContext db, IConfiguration configuration, IWebHostEnvironment environment, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public Meeting Meeting { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public IReadOnlyList<MeetingAttachment> Files { get; private set; } = [];

    private string DataFolder => Path.GetFullPath(configuration["Timpora:DataFolder"] ?? "App_Data", environment.ContentRootPath);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken) =>
        await LoadAsync(id, cancellationToken) ? Page() : NotFound();

    public async Task<IActionResult> OnGetFileAsync(Guid id, Guid file, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Files.FirstOrDefault(f => f.Id == file) is not { } attachment)
        {
            return NotFound();
        }

        var path = AttachmentFile.PathOf(DataFolder, id, attachment.Id);
        if (!System.IO.File.Exists(path))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(MeetingAttachment), attachment.Id.ToString(), Meeting.Team!.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return PhysicalFile(path, attachment.ContentType, attachment.FileName);
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

        if (upload.Length > AttachmentFile.MaxBytes)
        {
            ModelState.AddModelError("upload", t["Meetings.FileTooLarge", AttachmentFile.MaxBytes / 1024 / 1024]);
            return Page();
        }

        var head = new byte[8];
        await using (var stream = upload.OpenReadStream())
        {
            _ = await stream.ReadAtLeastAsync(head, head.Length, throwOnEndOfStream: false, cancellationToken);
        }

        if (AttachmentFile.Recognise(head) is not { } contentType)
        {
            ModelState.AddModelError("upload", t["Meetings.FileKind"]);
            return Page();
        }

        var attachment = new MeetingAttachment
        {
            MeetingId = id,
            FileName = Path.GetFileName(upload.FileName).Trim() is { Length: > 0 } name ? name[..Math.Min(name.Length, 200)] : "lampiran",
            ContentType = contentType,
            Size = upload.Length,
            UploadedBy = User.Identity!.Name!,
            UploadedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var path = AttachmentFile.PathOf(DataFolder, id, attachment.Id);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var target = System.IO.File.Create(path))
        {
            await upload.CopyToAsync(target, cancellationToken);
        }

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
