using System.Buffers.Binary;
using System.Text;

namespace Timpora.Tests.Tips;

/// <summary>Small well-formed files of each format, with location metadata where asked. The pixels are not real:
/// the cleaner never decodes them, it only rewrites the blocks.</summary>
public static class TestImages
{
    public const string Gps = "GPSLatitude -5.1123 GPSLongitude 105.6712 Canon EOS";

    public static byte[] Jpeg(bool withMetadata = true)
    {
        var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        Segment(file, 0xE0, "JFIF\0\u0001\u0001\0\0\u0001\0\u0001\0\0"u8.ToArray());
        if (withMetadata)
        {
            Segment(file, 0xE1, Encoding.ASCII.GetBytes("Exif\0\0" + Gps));
            Segment(file, 0xE1, Encoding.ASCII.GetBytes("http://ns.adobe.com/xap/1.0/\0<x:xmpmeta>" + Gps + "</x:xmpmeta>"));
            Segment(file, 0xFE, Encoding.ASCII.GetBytes("comment " + Gps));
            Segment(file, 0xED, Encoding.ASCII.GetBytes("Photoshop 3.0\0" + Gps));
        }

        Segment(file, 0xE2, Encoding.ASCII.GetBytes("ICC_PROFILE\0\u0001\u0001colour"));
        Segment(file, 0xDB, new byte[65]);
        Segment(file, 0xC0, [8, 0, 1, 0, 1, 1, 1, 0x11, 0]);
        Segment(file, 0xDA, [1, 1, 0, 0, 0x3F, 0]);
        file.Write([0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD9]);
        return file.ToArray();
    }

    public static byte[] Png(bool withMetadata = true)
    {
        var file = new MemoryStream();
        file.Write([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]);
        Chunk(file, "IHDR", [0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]);
        if (withMetadata)
        {
            Chunk(file, "tEXt", Encoding.ASCII.GetBytes("Comment\0" + Gps));
            Chunk(file, "eXIf", Encoding.ASCII.GetBytes("MM\0*" + Gps));
            Chunk(file, "iTXt", Encoding.ASCII.GetBytes("XML:com.adobe.xmp\0\0\0\0\0" + Gps));
            Chunk(file, "tIME", [7, 0xEA, 1, 1, 0, 0, 0]);
        }

        Chunk(file, "IDAT", [0x78, 0x9C, 0x63, 0, 0, 0, 2, 0, 1]);
        Chunk(file, "IEND", []);
        return file.ToArray();
    }

    public static byte[] WebP(bool withMetadata = true)
    {
        var body = new MemoryStream();
        body.Write("WEBP"u8);
        // VP8X: flags with EXIF (0x08) and XMP (0x04) set, canvas 1x1.
        RiffChunk(body, "VP8X", [withMetadata ? (byte)0x0C : (byte)0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        RiffChunk(body, "VP8L", [0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0]);
        if (withMetadata)
        {
            RiffChunk(body, "EXIF", Encoding.ASCII.GetBytes("MM\0*" + Gps));
            RiffChunk(body, "XMP ", Encoding.ASCII.GetBytes("<x:xmpmeta>" + Gps + "</x:xmpmeta>"));
        }

        var file = new MemoryStream();
        file.Write("RIFF"u8);
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)body.Length);
        file.Write(size);
        file.Write(body.ToArray());
        return file.ToArray();
    }

    private static void Segment(Stream file, byte marker, byte[] data)
    {
        file.Write([0xFF, marker, (byte)((data.Length + 2) >> 8), (byte)((data.Length + 2) & 0xFF)]);
        file.Write(data);
    }

    private static void Chunk(Stream file, string type, byte[] data)
    {
        var header = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(header, (uint)data.Length);
        file.Write(header);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        file.Write(typed);
        var crc = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(crc, Crc32(typed));
        file.Write(crc);
    }

    private static uint Crc32(byte[] data)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in data)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }

    private static void RiffChunk(Stream file, string fourCc, byte[] data)
    {
        file.Write(Encoding.ASCII.GetBytes(fourCc));
        var size = new byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(size, (uint)data.Length);
        file.Write(size);
        file.Write(data);
        if (data.Length % 2 == 1)
        {
            file.WriteByte(0);
        }
    }
}
