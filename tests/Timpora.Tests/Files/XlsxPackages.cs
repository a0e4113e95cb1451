using System.Buffers.Binary;
using System.IO.Compression;
using System.Security;
using System.Text;

namespace Timpora.Tests.Files;

/// <summary>XLSX files written part by part, so that a test can make one as large, as repetitive or as odd as
/// it needs (a sheet of a million rows, a workbook with a DTD) without holding it in memory.</summary>
internal static class XlsxPackages
{
    private const string Main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private const string Relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    /// <summary>A workbook of one sheet whose rows <paramref name="writeRows"/> writes inside sheetData;
    /// <paramref name="prologue"/> goes between the XML declaration and the workbook element.</summary>
    public static byte[] Build(Action<TextWriter> writeRows, string prologue = "", Action<TextWriter>? writeSharedStrings = null)
    {
        using var stream = new MemoryStream();
        using (var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            Part(zip, "[Content_Types].xml", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml\"/>"
                + "</Types>"));
            Part(zip, "_rels/.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"));
            Part(zip, "xl/workbook.xml", w => w.Write(
                $"<?xml version=\"1.0\" encoding=\"UTF-8\"?>{prologue}<workbook xmlns=\"{Main}\" xmlns:r=\"{Relationships}\">"
                + "<sheets><sheet name=\"Guests\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>"));
            Part(zip, "xl/_rels/workbook.xml.rels", w => w.Write(
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                + $"<Relationship Id=\"rId1\" Type=\"{Relationships}/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                + $"<Relationship Id=\"rId2\" Type=\"{Relationships}/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>"));
            Part(zip, "xl/sharedStrings.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><sst xmlns=\"{Main}\">");
                writeSharedStrings?.Invoke(w);
                w.Write("</sst>");
            });
            Part(zip, "xl/worksheets/sheet1.xml", w =>
            {
                w.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\"?><worksheet xmlns=\"{Main}\"><sheetData>");
                writeRows(w);
                w.Write("</sheetData></worksheet>");
            });
        }

        return stream.ToArray();
    }

    /// <summary>A row of inline strings; <paramref name="line"/> null leaves out the row and cell references.</summary>
    public static string Row(int? line, IEnumerable<string> values)
    {
        var row = new StringBuilder(line is null ? "<row>" : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"<row r=\"{line}\">"));
        var column = 0;
        foreach (var value in values)
        {
            var reference = line is null ? "" : $" r=\"{Column(column)}{line}\"";
            row.Append(System.Globalization.CultureInfo.InvariantCulture, $"<c{reference} t=\"inlineStr\"><is><t>{SecurityElement.Escape(value)}</t></is></c>");
            column++;
        }

        return row.Append("</row>").ToString();
    }

    /// <summary>The letters of a column (0 = A, 26 = AA).</summary>
    public static string Column(int index) => index < 26 ? ((char)('A' + index)).ToString() : Column((index / 26) - 1) + (char)('A' + (index % 26));

    /// <summary>Makes the ZIP headers of <paramref name="part"/> declare <paramref name="size"/> uncompressed bytes,
    /// whatever the entry really holds: a package that lies about its parts.</summary>
    public static byte[] DeclareSize(byte[] file, string part, uint size)
    {
        var name = Encoding.UTF8.GetBytes(part);
        var patched = file.ToArray();
        for (var i = 0; i + 46 < patched.Length; i++)
        {
            var signature = BinaryPrimitives.ReadUInt32LittleEndian(patched.AsSpan(i));
            var (sizeAt, nameAt) = signature switch
            {
                0x04034b50 => (22, 30),
                0x02014b50 => (24, 46),
                _ => (-1, -1),
            };
            if (sizeAt >= 0 && patched.AsSpan(i + nameAt).StartsWith(name))
            {
                BinaryPrimitives.WriteUInt32LittleEndian(patched.AsSpan(i + sizeAt), size);
            }
        }

        return patched;
    }

    private static void Part(ZipArchive zip, string name, Action<TextWriter> write)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name, CompressionLevel.SmallestSize).Open(), new UTF8Encoding(false), 1 << 16);
        write(writer);
    }
}
