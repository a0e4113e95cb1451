using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Files;

/// <summary>The bytes of an uploaded file, kept in the database so that every instance and every backup has them
/// (ADR 0026). The feature's own row (a tip photo, an activity photo, a meeting attachment) has the same id.</summary>
public sealed class StoredFile
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string ContentType { get; set; }
    public long Length { get; set; }
    public required string Sha256 { get; set; }
    public required byte[] Content { get; set; }
    public DateTime CreatedUtc { get; set; }

    /// <summary>Set while a photo waits for its form to be sent again; the row is deleted after this time.</summary>
    public DateTime? StagedUntilUtc { get; set; }
}

[Flags]
public enum FileKinds
{
    Photo = 1,
    Document = 2,
}

public enum FileProblem
{
    Empty,
    TooLarge,
    NotAccepted,
}

/// <summary>What a file is by its first bytes, never by the name or the content type the browser claims.</summary>
public static class ContentSniffer
{
    private static readonly (byte[] Magic, string ContentType, FileKinds Kind)[] Kinds =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg", FileKinds.Photo),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png", FileKinds.Photo),
        ("%PDF-"u8.ToArray(), "application/pdf", FileKinds.Document),
        // DOCX, XLSX and PPTX are ZIP containers.
        ([0x50, 0x4B, 0x03, 0x04], "application/zip", FileKinds.Document),
    ];

    public static (string ContentType, FileKinds Kind)? Recognise(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return ("image/webp", FileKinds.Photo);
        }

        foreach (var (magic, contentType, kind) in Kinds)
        {
            if (head.StartsWith(magic))
            {
                return (contentType, kind);
            }
        }

        return null;
    }
}

/// <summary>The one place files are checked, cleaned and kept: one sniffer, one size rule, one metadata cleaner for
/// every image. Adding a file only adds the row: the caller saves it with its own row, in one save.</summary>
public sealed class FileStore(AppDbContext db, TimeProvider clock)
{
    public const long MaxPhotoBytes = 10 * 1024 * 1024;
    public const long MaxDocumentBytes = 10 * 1024 * 1024;

    /// <summary>The largest file of any kind, for request size limits.</summary>
    public const long MaxBytes = MaxDocumentBytes > MaxPhotoBytes ? MaxDocumentBytes : MaxPhotoBytes;

    public static long MaxBytesOf(FileKinds kind) => kind == FileKinds.Photo ? MaxPhotoBytes : MaxDocumentBytes;

    /// <summary>Checks the bytes and returns the file to store (an image without its metadata), or the problem.</summary>
    public StoredFile? Check(ReadOnlySpan<byte> bytes, FileKinds accepted, out FileProblem? problem)
    {
        problem = null;
        if (bytes.IsEmpty)
        {
            problem = FileProblem.Empty;
            return null;
        }

        if (ContentSniffer.Recognise(bytes[..Math.Min(16, bytes.Length)]) is not { } found || !accepted.HasFlag(found.Kind))
        {
            problem = FileProblem.NotAccepted;
            return null;
        }

        if (bytes.Length > MaxBytesOf(found.Kind))
        {
            problem = FileProblem.TooLarge;
            return null;
        }

        var content = bytes.ToArray();
        if (found.Kind == FileKinds.Photo)
        {
            if (PhotoCleaner.Clean(bytes) is not { } clean)
            {
                problem = FileProblem.NotAccepted;
                return null;
            }

            content = clean.Bytes;
        }

        return new StoredFile
        {
            ContentType = found.ContentType,
            Length = content.Length,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(content)),
            Content = content,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
    }

    /// <summary>Reads an upload up to the largest accepted size, then <see cref="Check"/>s it and adds it to the
    /// context (not saved).</summary>
    public async Task<(StoredFile? File, FileProblem? Problem)> AddAsync(Stream upload, FileKinds accepted, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(upload);
        var limit = accepted.HasFlag(FileKinds.Document) ? MaxBytes : MaxPhotoBytes;
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return (null, FileProblem.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (Check(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), accepted, out var problem) is not { } file)
        {
            return (null, problem);
        }

        db.StoredFiles.Add(file);
        return (file, null);
    }

    /// <summary>Adds a file that <see cref="Check"/> returned, to be saved with the caller's next save.</summary>
    public void Add(StoredFile file) => db.StoredFiles.Add(file);

    public Task<StoredFile?> ReadAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.AsNoTracking().Where(f => f.Id == id && f.StagedUntilUtc == null).FirstOrDefaultAsync(cancellationToken);

    public Task<int> DeleteAsync(Guid id, CancellationToken cancellationToken) =>
        db.StoredFiles.Where(f => f.Id == id).ExecuteDeleteAsync(cancellationToken);

    /// <summary>Saves a checked photo at once, to wait for its form to be sent again until <paramref name="untilUtc"/>;
    /// its id is the token the form carries.</summary>
    public async Task<Guid> StageAsync(StoredFile file, DateTime untilUtc, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(file);
        file.StagedUntilUtc = untilUtc;
        db.StoredFiles.Add(file);
        await db.InWriterQueueAsync(() => db.SaveChangesAsync(cancellationToken), cancellationToken);
        db.Entry(file).State = EntityState.Detached;
        return file.Id;
    }

    public Task<bool> IsStagedAsync(Guid token, CancellationToken cancellationToken) =>
        db.StoredFiles.AnyAsync(f => f.Id == token && f.StagedUntilUtc != null, cancellationToken);

    /// <summary>Keeps a staged file for good (with the caller's next save); null when it is not, or no longer, staged.</summary>
    public async Task<(string ContentType, long Length)?> ClaimAsync(Guid token, CancellationToken cancellationToken)
    {
        var file = await db.StoredFiles.Where(f => f.Id == token && f.StagedUntilUtc != null)
            .Select(f => new { f.ContentType, f.Length }).FirstOrDefaultAsync(cancellationToken);
        if (file is null)
        {
            return null;
        }

        var stub = new StoredFile { Id = token, ContentType = file.ContentType, Sha256 = "", Content = [], StagedUntilUtc = DateTime.MinValue };
        db.StoredFiles.Attach(stub);
        stub.StagedUntilUtc = null;
        return (file.ContentType, file.Length);
    }

    /// <summary>Deletes the staged files whose time ran out: photos of forms that came back and were never sent again.</summary>
    public Task<int> PruneStagedAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return db.StoredFiles.Where(f => f.StagedUntilUtc != null && f.StagedUntilUtc < now).ExecuteDeleteAsync(cancellationToken);
    }
}
