namespace Timpora.Core.Villages;

public enum PhotoProblem
{
    Empty,
    TooLarge,
    NotAnImage,
}

/// <summary>Stores activity photos as files under the data folder, one file per photo named by its id. What the
/// browser says a file is counts for nothing: the first bytes must be those of a JPEG, PNG or WebP image.</summary>
public sealed class ActivityPhotos(string dataFolder)
{
    public const long MaxBytes = 5 * 1024 * 1024;

    public string Folder => Path.Combine(dataFolder, "village-photos");

    /// <summary>The image type by its magic bytes, or null when the bytes are no JPEG, PNG or WebP.</summary>
    public static string? ContentTypeOf(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 3 && head[0] == 0xFF && head[1] == 0xD8 && head[2] == 0xFF)
        {
            return "image/jpeg";
        }

        if (head.Length >= 8 && head[..8].SequenceEqual((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (head.Length >= 12 && head[..4].SequenceEqual("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8))
        {
            return "image/webp";
        }

        return null;
    }

    /// <summary>Reads the upload (up to the limit), checks it and writes it; returns the photo or the problem.</summary>
    public async Task<(ActivityPhoto? Photo, PhotoProblem? Problem)> SaveAsync(
        Stream upload, Guid activityId, string? caption, string uploadedBy, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(upload);
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await upload.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
            {
                return (null, PhotoProblem.TooLarge);
            }

            buffer.Write(chunk, 0, read);
        }

        if (buffer.Length == 0)
        {
            return (null, PhotoProblem.Empty);
        }

        var bytes = buffer.GetBuffer().AsMemory(0, (int)buffer.Length);
        if (ContentTypeOf(bytes.Span[..Math.Min(16, bytes.Length)]) is not { } type)
        {
            return (null, PhotoProblem.NotAnImage);
        }

        var photo = new ActivityPhoto
        {
            ActivityId = activityId,
            ContentType = type,
            Size = bytes.Length,
            Caption = caption,
            UploadedUtc = nowUtc,
            UploadedBy = uploadedBy,
        };
        Directory.CreateDirectory(Folder);
        await File.WriteAllBytesAsync(PathOf(photo.Id), bytes.ToArray(), cancellationToken);
        return (photo, null);
    }

    public string PathOf(Guid photoId) => Path.Combine(Folder, photoId.ToString("N"));

    public void Delete(Guid photoId) => File.Delete(PathOf(photoId));
}
