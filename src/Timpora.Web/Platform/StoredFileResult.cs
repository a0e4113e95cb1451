using Microsoft.AspNetCore.Mvc;
using Microsoft.Net.Http.Headers;
using Timpora.Core.Files;

namespace Timpora.Web.Platform;

/// <summary>How every page hands out a stored file: the content type the sniffer found, a Content-Disposition with a
/// safe name, and nosniff so that a browser never runs it as something else.</summary>
public static class StoredFileResult
{
    /// <summary>Shown in the page (photos).</summary>
    public static FileContentResult Inline(HttpResponse response, StoredFile file, string name) => Result(response, file, name, "inline");

    /// <summary>Saved by the browser under <paramref name="name"/> (documents).</summary>
    public static FileContentResult Attachment(HttpResponse response, StoredFile file, string name) => Result(response, file, name, "attachment");

    private static FileContentResult Result(HttpResponse response, StoredFile file, string name, string disposition)
    {
        ArgumentNullException.ThrowIfNull(response);
        ArgumentNullException.ThrowIfNull(file);
        var extension = file.ContentType switch
        {
            "image/jpeg" => ".jpg",
            "image/png" => ".png",
            "image/webp" => ".webp",
            "application/pdf" => ".pdf",
            _ => "",
        };
        var header = new ContentDispositionHeaderValue(disposition);
        header.SetHttpFileName(Path.HasExtension(name) || extension.Length == 0 ? name : name + extension);
        response.Headers.ContentDisposition = header.ToString();
        response.Headers.XContentTypeOptions = "nosniff";
        return new FileContentResult(file.Content, file.ContentType);
    }
}
