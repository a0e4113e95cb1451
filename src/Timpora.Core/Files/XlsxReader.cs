using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Xml;

namespace Timpora.Core.Files;

/// <summary>One row of a sheet: its number as a spreadsheet shows it, and the text of each cell that has one, by
/// column index (0 = A).</summary>
public sealed record XlsxRow(int Line, IReadOnlyDictionary<int, string> Cells);

/// <summary>Reads the first sheet of an XLSX file as a stream of rows, within <see cref="XlsxLimits"/>. The one way
/// the application reads a spreadsheet (or any ZIP package): the package's directory is checked before a byte is
/// inflated, and the XML is read node by node, never as a document, so memory stays flat whatever the file
/// expands to. DTDs are refused (no entity expansion, no external references).</summary>
/// <remarks>The OpenXML SDK is not used for reading: it loads each part as a DOM and reads every relationship part
/// of the package on open, which is how an 89 KB upload once took 1.5 GB.</remarks>
public sealed partial class XlsxReader : IDisposable
{
    private readonly ZipArchive package;
    private readonly Dictionary<string, ZipArchiveEntry> parts;
    private readonly XlsxLimits limits;
    private readonly string sheetPart;
    private readonly List<string> sharedStrings = [];
    private readonly char[] buffer = new char[4096];
    private int rows;
    private int line;

    private XlsxReader(ZipArchive package, Dictionary<string, ZipArchiveEntry> parts, XlsxLimits limits)
    {
        this.package = package;
        this.parts = parts;
        this.limits = limits;
        var workbook = Target(Relationships("", rel => rel.Type.EndsWith("/officeDocument", StringComparison.Ordinal)), "")
            ?? throw new InvalidDataException("The XLSX file has no workbook.");
        var sheetId = FirstSheetId(workbook) ?? throw new InvalidDataException("The XLSX file has no sheet.");
        var workbookRelationships = Relationships(workbook, rel => rel.Id == sheetId || rel.Type.EndsWith("/sharedStrings", StringComparison.Ordinal));
        sheetPart = Target(workbookRelationships.Where(r => r.Id == sheetId), workbook) ?? throw new InvalidDataException("The XLSX file has no sheet.");
        if (Target(workbookRelationships.Where(r => r.Id != sheetId), workbook) is { } strings)
        {
            ReadSharedStrings(strings);
        }
    }

    /// <summary>Checks the package's directory against the limits and reads the shared strings; throws
    /// <see cref="XlsxLimitException"/> past a limit and <see cref="InvalidDataException"/> for a damaged file.</summary>
    public static XlsxReader Open(Stream stream, XlsxLimits? limits = null)
    {
        limits ??= XlsxLimits.Default;
        if (DeclaredEntries(stream) > limits.Parts)
        {
            throw new XlsxLimitException(XlsxLimit.Parts, limits.Parts, "the package", null);
        }

        var package = new ZipArchive(stream, ZipArchiveMode.Read);
        try
        {
            var parts = new Dictionary<string, ZipArchiveEntry>(StringComparer.OrdinalIgnoreCase);
            long total = 0;
            foreach (var entry in package.Entries)
            {
                // ZipArchive inflates no more than an entry's declared length, so these are the real bounds.
                if (entry.Length > limits.PartBytes)
                {
                    throw new XlsxLimitException(XlsxLimit.PartBytes, limits.PartBytes, entry.FullName, null);
                }

                total += entry.Length;
                if (total > limits.PackageBytes)
                {
                    throw new XlsxLimitException(XlsxLimit.PackageBytes, limits.PackageBytes, "the package", null);
                }

                parts.TryAdd(entry.FullName.TrimStart('/'), entry);
            }

            return Guarded(() => new XlsxReader(package, parts, limits));
        }
        catch
        {
            package.Dispose();
            throw;
        }
    }

    /// <summary>The rows of the first sheet, in file order; throws <see cref="XlsxLimitException"/> at the row
    /// that passes a limit, after every row before it has been returned.</summary>
    public IEnumerable<XlsxRow> Rows()
    {
        using var xml = OpenPart(sheetPart);
        while (Guarded(() => NextRow(xml)) is { } row)
        {
            yield return row;
        }
    }

    public void Dispose() => package.Dispose();

    private XlsxRow? NextRow(XmlReader xml)
    {
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "row")
            {
                continue;
            }

            line = int.TryParse(xml.GetAttribute("r"), NumberStyles.None, CultureInfo.InvariantCulture, out var r) ? r : line + 1;
            if (++rows > limits.Rows)
            {
                throw new XlsxLimitException(XlsxLimit.Rows, limits.Rows, sheetPart, line);
            }

            return new XlsxRow(line, Cells(xml, line));
        }

        return null;
    }

    private Dictionary<int, string> Cells(XmlReader xml, int line)
    {
        var cells = new Dictionary<int, string>();
        if (xml.IsEmptyElement)
        {
            return cells;
        }

        var depth = xml.Depth;
        var next = 0;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "c")
            {
                continue;
            }

            // Writers may leave out the cell reference; the cell then follows the previous one.
            var column = xml.GetAttribute("r") is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            var type = xml.GetAttribute("t");
            var text = CellText(xml, line);
            var value = type == "s" && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s < sharedStrings.Count
                ? sharedStrings[s]
                : text;
            if (value.Length == 0)
            {
                continue;
            }

            if (column >= limits.Columns)
            {
                throw new XlsxLimitException(XlsxLimit.Columns, limits.Columns, sheetPart, line);
            }

            cells[column] = value;
        }

        return cells;
    }

    /// <summary>The value of a cell (its v, or the runs of an inline string), the reader left on its end.</summary>
    private string CellText(XmlReader xml, int line)
    {
        var text = new StringBuilder();
        if (xml.IsEmptyElement)
        {
            return "";
        }

        var depth = xml.Depth;
        var phonetic = false;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType == XmlNodeType.Element && xml.LocalName == "rPh")
            {
                phonetic = !xml.IsEmptyElement;
            }
            else if (xml.NodeType == XmlNodeType.EndElement && xml.LocalName == "rPh")
            {
                phonetic = false;
            }
            else if (xml.NodeType == XmlNodeType.Element && !phonetic && xml.LocalName is "v" or "t")
            {
                AppendText(xml, text, limits.CellCharacters, () => new XlsxLimitException(XlsxLimit.CellCharacters, limits.CellCharacters, sheetPart, line));
            }
        }

        return text.ToString();
    }

    private void ReadSharedStrings(string part)
    {
        using var xml = OpenPart(part);
        long characters = 0;
        Guarded(() =>
        {
            while (xml.Read())
            {
                if (xml.NodeType != XmlNodeType.Element || xml.LocalName != "si")
                {
                    continue;
                }

                if (sharedStrings.Count == limits.SharedStrings)
                {
                    throw new XlsxLimitException(XlsxLimit.SharedStrings, limits.SharedStrings, part, null);
                }

                // A shared string is read like an inline one: its runs, without the phonetic guide.
                var text = CellText(xml, 0);
                characters += text.Length;
                if (characters > limits.SharedStringCharacters)
                {
                    throw new XlsxLimitException(XlsxLimit.SharedStringCharacters, limits.SharedStringCharacters, part, null);
                }

                sharedStrings.Add(text);
            }

            return true;
        });
    }

    /// <summary>The text of the element the reader is on, read in chunks so that an oversized value is refused
    /// before it is held.</summary>
    private void AppendText(XmlReader xml, StringBuilder text, int max, Func<Exception> tooLong)
    {
        if (xml.IsEmptyElement)
        {
            return;
        }

        var depth = xml.Depth;
        while (xml.Read() && xml.Depth > depth)
        {
            if (xml.NodeType is not (XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace or XmlNodeType.Whitespace))
            {
                continue;
            }

            int read;
            while ((read = xml.ReadValueChunk(buffer, 0, buffer.Length)) > 0)
            {
                if (text.Length + read > max)
                {
                    throw tooLong();
                }

                text.Append(buffer, 0, read);
            }
        }
    }

    /// <summary>The column of a cell reference (A1 -> 0); past the column limit it stays at the limit.</summary>
    private int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference)
        {
            if (!char.IsAsciiLetter(c))
            {
                break;
            }

            index = Math.Min((index * 26) + (char.ToUpperInvariant(c) - 'A' + 1), limits.Columns + 1);
        }

        return index - 1;
    }
}
