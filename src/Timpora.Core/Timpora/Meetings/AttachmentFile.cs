namespace Timpora.Core.Meetings;

/// <summary>What a meeting may carry as attachments: photos and documents, recognised by their first bytes,
/// never by the name or the content type the browser claims.</summary>
public static class AttachmentFile
{
    public const long MaxBytes = 10 * 1024 * 1024;

    private static readonly (byte[] Magic, string ContentType)[] Kinds =
    [
        ([0xFF, 0xD8, 0xFF], "image/jpeg"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "image/png"),
        ("%PDF-"u8.ToArray(), "application/pdf"),
        // DOCX, XLSX and PPTX are ZIP containers.
        ([0x50, 0x4B, 0x03, 0x04], "application/zip"),
    ];

    /// <summary>The content type that the file's first bytes prove, or null for anything else.</summary>
    public static string? Recognise(ReadOnlySpan<byte> head)
    {
        foreach (var (magic, contentType) in Kinds)
        {
            if (head.StartsWith(magic))
            {
                return contentType;
            }
        }

        return null;
    }

    /// <summary>Where the file lives: the data folder, one folder per meeting, the attachment's id as name.</summary>
    public static string PathOf(string dataFolder, Guid meetingId, Guid attachmentId) =>
        Path.Combine(dataFolder, "meeting-attachments", meetingId.ToString("N"), attachmentId.ToString("N"));
}
