using System.Buffers.Binary;

namespace Timpora.Core.Files;

/// <summary>Rewrites a photo (JPEG, PNG, WebP) without the blocks that carry location, camera and free-text
/// metadata; <see cref="FileStore"/> passes every image it stores through it. No image library restores here, and none is needed: each format is a
/// list of blocks and the metadata lives in blocks of its own (ADR 0013). Pixels are never decoded.</summary>
public static class PhotoCleaner
{
    private static readonly byte[] PngSignature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private static readonly HashSet<string> PngMetadataChunks = ["tEXt", "zTXt", "iTXt", "eXIf", "tIME"];

    /// <summary>The cleaned file and its content type, or null when the bytes are not a well-formed photo.</summary>
    public static (string ContentType, byte[] Bytes)? Clean(ReadOnlySpan<byte> file)
    {
        if (file.Length > 3 && file[0] == 0xFF && file[1] == 0xD8 && file[2] == 0xFF)
        {
            return CleanJpeg(file) is { } jpeg ? ("image/jpeg", jpeg) : null;
        }

        if (file.StartsWith(PngSignature))
        {
            return CleanPng(file) is { } png ? ("image/png", png) : null;
        }

        if (file.Length >= 12 && file[..4].SequenceEqual("RIFF"u8) && file[8..12].SequenceEqual("WEBP"u8))
        {
            return CleanWebP(file) is { } webp ? ("image/webp", webp) : null;
        }

        return null;
    }

    /// <summary>Keeps APP0 (JFIF) and the ICC colour profile in APP2; drops APP1 (EXIF, XMP), the other APPn and
    /// comments. Everything from the start of scan on is copied as it is.</summary>
    private static byte[]? CleanJpeg(ReadOnlySpan<byte> file)
    {
        using var output = new MemoryStream(file.Length);
        output.Write(file[..2]);
        var position = 2;
        while (position + 4 <= file.Length)
        {
            if (file[position] != 0xFF)
            {
                return null;
            }

            var marker = file[position + 1];
            if (marker == 0xFF)
            {
                position++;
                continue;
            }

            if (marker is >= 0xD0 and <= 0xD7 or 0x01)
            {
                output.Write(file.Slice(position, 2));
                position += 2;
                continue;
            }

            var length = BinaryPrimitives.ReadUInt16BigEndian(file[(position + 2)..]);
            if (length < 2 || position + 2 + length > file.Length)
            {
                return null;
            }

            var segment = file.Slice(position, 2 + length);
            if (marker == 0xDA)
            {
                output.Write(file[position..]);
                return output.ToArray();
            }

            var keep = marker switch
            {
                0xE0 => true,
                0xE2 => segment[4..].StartsWith("ICC_PROFILE\0"u8),
                >= 0xE1 and <= 0xEF or 0xFE => false,
                _ => true,
            };
            if (keep)
            {
                output.Write(segment);
            }

            position += 2 + length;
        }

        return null;
    }

    private static byte[]? CleanPng(ReadOnlySpan<byte> file)
    {
        using var output = new MemoryStream(file.Length);
        output.Write(PngSignature);
        var position = PngSignature.Length;
        var first = true;
        while (position + 12 <= file.Length)
        {
            var length = BinaryPrimitives.ReadUInt32BigEndian(file[position..]);
            if (length > int.MaxValue || position + 12 + (long)length > file.Length)
            {
                return null;
            }

            var type = System.Text.Encoding.ASCII.GetString(file.Slice(position + 4, 4));
            if (first && type != "IHDR")
            {
                return null;
            }

            first = false;
            var chunk = file.Slice(position, 12 + (int)length);
            if (!PngMetadataChunks.Contains(type))
            {
                output.Write(chunk);
            }

            position += chunk.Length;
            if (type == "IEND")
            {
                return output.ToArray();
            }
        }

        return null;
    }

    /// <summary>Drops the EXIF and XMP chunks, clears their flags in the VP8X header and fixes the RIFF size.</summary>
    private static byte[]? CleanWebP(ReadOnlySpan<byte> file)
    {
        var declared = BinaryPrimitives.ReadUInt32LittleEndian(file[4..]);
        if (declared + 8L > file.Length || declared < 4)
        {
            return null;
        }

        var end = (int)declared + 8;
        using var output = new MemoryStream(file.Length);
        output.Write("RIFF\0\0\0\0WEBP"u8);
        var position = 12;
        var image = false;
        while (position + 8 <= end)
        {
            var fourCc = System.Text.Encoding.ASCII.GetString(file.Slice(position, 4));
            var size = BinaryPrimitives.ReadUInt32LittleEndian(file[(position + 4)..]);
            var padded = size + (size & 1);
            if (position + 8 + (long)padded > end)
            {
                return null;
            }

            var chunk = file.Slice(position, 8 + (int)padded).ToArray();
            if (fourCc == "VP8X" && size >= 10)
            {
                chunk[8] &= unchecked((byte)~0x0C);
            }

            image |= fourCc is "VP8 " or "VP8L" or "ANIM";
            if (fourCc is not ("EXIF" or "XMP "))
            {
                output.Write(chunk);
            }

            position += chunk.Length;
        }

        if (!image || position != end)
        {
            return null;
        }

        var bytes = output.ToArray();
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(4), (uint)(bytes.Length - 8));
        return bytes;
    }
}
