using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Timpora.Core.Files;

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

    /// <summary>Within <see cref="XlsxLimits.Default"/>: past a limit in the package or its shared strings the
    /// file is refused before any row; past one in the sheet the rows before it are returned and the enumeration
    /// then throws <see cref="XlsxLimitException"/> naming the row.</summary>
    private static (IReadOnlyList<string>, IEnumerable<BulkRow>) ReadXlsx(Stream stream)
    {
        var reader = XlsxReader.Open(stream);
        var rows = reader.Rows().GetEnumerator();
        if (!rows.MoveNext())
        {
            rows.Dispose();
            reader.Dispose();
            return ([], []);
        }

        var headerCells = rows.Current.Cells;
        var header = Enumerable.Range(0, headerCells.Count == 0 ? 0 : headerCells.Keys.Max() + 1)
            .Select(i => headerCells.TryGetValue(i, out var h) ? h.Trim().ToLowerInvariant() : "").ToList();
        return (header, Rows());

        IEnumerable<BulkRow> Rows()
        {
            using (reader)
            using (rows)
            {
                while (rows.MoveNext())
                {
                    var cells = rows.Current.Cells;
                    var values = new Dictionary<string, string>(StringComparer.Ordinal);
                    for (var i = 0; i < header.Count; i++)
                    {
                        values[header[i]] = cells.TryGetValue(i, out var v) ? v : "";
                    }

                    if (values.Values.Any(v => v.Length > 0))
                    {
                        yield return new BulkRow(rows.Current.Line, values);
                    }
                }
            }
        }
    }
}
