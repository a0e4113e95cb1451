using System.Text;
using Timpora.Core.Files;

namespace Timpora.Tests.Tips;

/// <summary>Crafted files with GPS and camera metadata in every block where each format can carry it.</summary>
public sealed class PhotoCleanerTests
{
    private static string Ascii(byte[] bytes) => Encoding.ASCII.GetString(bytes);

    [Fact]
    public void Jpeg_WithExifXmpCommentAndPhotoshopBlocks_KeepsJfifIccAndTheScan()
    {
        var cleaned = PhotoCleaner.Clean(TestImages.Jpeg());

        Assert.NotNull(cleaned);
        Assert.Equal("image/jpeg", cleaned.Value.ContentType);
        var text = Ascii(cleaned.Value.Bytes);
        Assert.DoesNotContain("GPSLatitude", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exif", text, StringComparison.Ordinal);
        Assert.Contains("JFIF", text, StringComparison.Ordinal);
        Assert.Contains("ICC_PROFILE", text, StringComparison.Ordinal);
        Assert.Equal(TestImages.Jpeg(withMetadata: false), cleaned.Value.Bytes);
    }

    [Fact]
    public void Png_WithTextExifAndTimeChunks_KeepsOnlyTheImageChunks()
    {
        var cleaned = PhotoCleaner.Clean(TestImages.Png());

        Assert.NotNull(cleaned);
        Assert.Equal("image/png", cleaned.Value.ContentType);
        Assert.Equal(TestImages.Png(withMetadata: false), cleaned.Value.Bytes);
        Assert.DoesNotContain("GPSLatitude", Ascii(cleaned.Value.Bytes), StringComparison.Ordinal);
    }

    [Fact]
    public void WebP_WithExifAndXmpChunks_DropsThemClearsTheFlagsAndFixesTheSize()
    {
        var cleaned = PhotoCleaner.Clean(TestImages.WebP());

        Assert.NotNull(cleaned);
        var bytes = cleaned.Value.Bytes;
        Assert.Equal("image/webp", cleaned.Value.ContentType);
        Assert.DoesNotContain("GPSLatitude", Ascii(bytes), StringComparison.Ordinal);
        Assert.Equal(bytes.Length - 8, BitConverter.ToInt32(bytes, 4));
        Assert.Equal(0, bytes[20] & 0x0C);
        Assert.Equal(TestImages.WebP(withMetadata: false), bytes);
    }

    [Theory]
    [InlineData("not an image at all, just text pretending to be foto.jpg")]
    [InlineData("\u00FF\u00D8\u00FF\u00E0 truncated")]
    [InlineData("RIFF\u0004\0\0\0WEBP")]
    public void Clean_NotAWellFormedPhoto_IsRefused(string content) =>
        Assert.Null(PhotoCleaner.Clean(Encoding.Latin1.GetBytes(content)));

    [Fact]
    public void Clean_PngCutShort_IsRefused()
    {
        var png = TestImages.Png();

        Assert.Null(PhotoCleaner.Clean(png.AsSpan(0, png.Length - 12)));
    }
}
