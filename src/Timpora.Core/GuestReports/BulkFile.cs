using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace Timpora.Core.GuestReports;

/// <summary>One data row of a bulk file: its line (as a spreadsheet shows it) and its values by column.</summary>
public sealed record BulkRow(int Line, IReadOnlyDictionary<string, string> Values)
{
    public string this[string column] => Values.TryGetValue(column, out var v) ? v.Trim() : "";
}

/// <summary>Reads the bulk check-in template from CSV or XLSX. The header is checked before anything is
/// accepted; rows are then read one by one so that one bad row never loses the others.</summary>
public static class BulkFile
{
    public const long MaxBytes = 50L * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
    [
        "surname", "given_names", "sex", "birth_date", "nationality", "passport_number", "passport_issuing_state",
        "passport_expiry", "permit_kind", "visa_index", "permit_number", "permit_expiry", "check_in",
        "planned_departure", "room", "purpose",
    ];

    /// <summary>Set on a CSV row whose quotes do not pair up: the row is refused, the others still count.</summary>
    public const string BrokenQuoting = "__broken_quoting";

    public static readonly IReadOnlyList<string> Required = ["surname", "nationality", "passport_number", "check_in"];

    /// <summary>CSV or XLSX by content, not by name: an XLSX file is a ZIP package.</summary>
    public static BulkFormat? Detect(ReadOnlySpan<byte> head)
    {
        if (head.Length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4)
        {
            return BulkFormat.Xlsx;
        }

        // Text: no NUL bytes in the first kilobytes.
        return head.Length > 0 && !head[..Math.Min(head.Length, 4096)].Contains((byte)0) ? BulkFormat.Csv : null;
    }

    /// <summary>The problem with the header, or null when every required column is there and none is unknown.</summary>
    public static string? CheckHeader(IReadOnlyList<string> header)
    {
        var names = header.Select(h => h.Trim().ToLowerInvariant()).ToList();
        var missing = Required.Where(r => !names.Contains(r)).ToList();
        var unknown = names.Where(n => n.Length > 0 && !Columns.Contains(n)).ToList();
        if (missing.Count == 0 && unknown.Count == 0)
        {
            return null;
        }

        return string.Join("; ", new[]
        {
            missing.Count > 0 ? "missing columns: " + string.Join(", ", missing) : null,
            unknown.Count > 0 ? "unknown columns: " + string.Join(", ", unknown) : null,
        }.Where(x => x is not null));
    }

    public static (IReadOnlyList<string> Header, IEnumerable<BulkRow> Rows) Read(Stream stream, BulkFormat format) =>
        format == BulkFormat.Csv ? ReadCsv(stream) : ReadXlsx(stream);

    private static (IReadOnlyList<string>, IEnumerable<BulkRow>) ReadCsv(Stream stream)
    {
        var reader = new StreamReader(stream, detectEncodingFromByteOrderMarks: true);
        var badRow = false;
        var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            DetectDelimiter = true,
            BadDataFound = _ => badRow = true,
            MissingFieldFound = null,
        });
        if (!csv.Read() || !csv.ReadHeader() || csv.HeaderRecord is null)
        {
            return ([], []);
        }

        var header = csv.HeaderRecord.Select(h => h.Trim().ToLowerInvariant()).ToList();
        return (header, Rows());

        IEnumerable<BulkRow> Rows()
        {
            using (reader)
            using (csv)
            {
                while (csv.Read())
                {
                    var values = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < header.Count; i++)
                    {
                        values[header[i]] = csv.TryGetField(i, out string? value) ? value ?? "" : "";
                    }

                    // The parser reports bad quoting while the fields are read, so look only now.
                    if (badRow)
                    {
                        values[BrokenQuoting] = "true";
                        badRow = false;
                    }

                    if (values.Values.Any(v => v.Length > 0))
                    {
                        yield return new BulkRow(csv.Parser.RawRow, values);
                    }
                }
            }
        }
    }

    private static (IReadOnlyList<string>, IEnumerable<BulkRow>) ReadXlsx(Stream stream)
    {
        var document = SpreadsheetDocument.Open(stream, false);
        var workbook = document.WorkbookPart ?? throw new InvalidDataException("The XLSX file has no workbook.");
        var firstSheet = workbook.Workbook.Sheets?.Elements<Sheet>().FirstOrDefault() ?? throw new InvalidDataException("The XLSX file has no sheet.");
        var sheet = (WorksheetPart)workbook.GetPartById(firstSheet.Id!);
        var strings = workbook.SharedStringTablePart?.SharedStringTable.Elements<SharedStringItem>().Select(s => s.InnerText).ToList() ?? [];
        var rows = sheet.Worksheet.Descendants<Row>().ToList();
        if (rows.Count == 0)
        {
            document.Dispose();
            return ([], []);
        }

        var headerCells = Cells(rows[0], strings);
        var header = Enumerable.Range(0, headerCells.Count == 0 ? 0 : headerCells.Keys.Max() + 1)
            .Select(i => headerCells.TryGetValue(i, out var h) ? h.Trim().ToLowerInvariant() : "").ToList();
        return (header, Rows());

        IEnumerable<BulkRow> Rows()
        {
            using (document)
            {
                for (var r = 1; r < rows.Count; r++)
                {
                    var row = rows[r];
                    var cells = Cells(row, strings);
                    var values = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < header.Count; i++)
                    {
                        values[header[i]] = cells.TryGetValue(i, out var v) ? v : "";
                    }

                    if (values.Values.Any(v => v.Length > 0))
                    {
                        yield return new BulkRow((int)(row.RowIndex?.Value ?? (uint)(r + 1)), values);
                    }
                }
            }
        }
    }

    private static Dictionary<int, string> Cells(Row row, List<string> strings)
    {
        var cells = new Dictionary<int, string>();
        var next = 0;
        foreach (var cell in row.Elements<Cell>())
        {
            // Writers may leave out the cell reference; the cell then follows the previous one.
            var column = cell.CellReference?.Value is { } reference ? ColumnIndex(reference) : next;
            next = column + 1;
            var raw = cell.CellValue?.InnerText ?? cell.InnerText;
            cells[column] = cell.DataType?.Value == CellValues.SharedString && int.TryParse(raw, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s) && s < strings.Count
                ? strings[s]
                : raw;
        }

        return cells;
    }

    private static int ColumnIndex(string reference)
    {
        var index = 0;
        foreach (var c in reference.TakeWhile(char.IsLetter))
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index - 1;
    }
}
