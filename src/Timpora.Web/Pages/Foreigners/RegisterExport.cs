using System.Globalization;
using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>One exported row: the office it belongs to (for the audit; none for national records) and its cells.</summary>
public sealed record ExportRow(int? KanimId, object?[] Cells);

/// <summary>Writes what a register list shows as CSV or XLSX, and audits the export per office.</summary>
public static class RegisterExport
{
    public const int MaxRows = 50_000;

    public static Task<FileContentResult> FileAsync(
        AppDbContext db, string? format, string name, string[] headers, IReadOnlyList<ExportRow> rows, string filter, CancellationToken cancellationToken) =>
        FileAsync(db, format, name, "Foreigner", headers, rows, filter, cancellationToken);

    /// <summary>As above, for records other than foreigners: <paramref name="entity"/> is the kind the audit entries name.</summary>
    public static async Task<FileContentResult> FileAsync(AppDbContext db, string? format, string name, string entity, string[] headers,
        IReadOnlyList<ExportRow> rows, string filter, CancellationToken cancellationToken)
    {
        foreach (var kanim in rows.GroupBy(r => r.KanimId))
        {
            db.RecordAccess(AuditAction.Exported, entity, $"export:{name}:{kanim.Count()}", kanim.Key, filter);
        }

        await db.SaveChangesAsync(cancellationToken);
        return format == "xlsx"
            ? new FileContentResult(Xlsx(name, headers, rows), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet") { FileDownloadName = $"timpora-{name}.xlsx" }
            : new FileContentResult(Csv(headers, rows), "text/csv") { FileDownloadName = $"timpora-{name}.csv" };
    }

    private static byte[] Csv(string[] headers, IReadOnlyList<ExportRow> rows)
    {
        var csv = new StringBuilder();
        csv.AppendJoin(',', headers.Select(CsvField)).Append('\n');
        foreach (var row in rows)
        {
            csv.AppendJoin(',', row.Cells.Select(c => CsvField(Text(c)))).Append('\n');
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(csv.ToString())];
    }

    // Quotes every field and neutralises spreadsheet formulas (CSV injection).
    private static string CsvField(string text)
    {
        if (text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal))
        {
            text = "'" + text;
        }

        return "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime t => t.ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
        bool b => b ? "yes" : "no",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    public static byte[] Xlsx(string name, string[] headers, IReadOnlyList<ExportRow> rows)
    {
        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheetPart = workbook.AddNewPart<WorksheetPart>();
            var data = new SheetData();
            data.Append(Row(headers));
            foreach (var row in rows)
            {
                data.Append(Row(row.Cells));
            }

            sheetPart.Worksheet = new Worksheet(data);
            workbook.Workbook.AppendChild(new Sheets(new Sheet { Id = workbook.GetIdOfPart(sheetPart), SheetId = 1, Name = name }));
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    // Inline strings keep the writer simple; numbers stay numbers so a spreadsheet can sum the charges.
    private static Row Row(IEnumerable<object?> cells) => new(cells.Select(c => c switch
    {
        int or long or double or decimal => new Cell { DataType = CellValues.Number, CellValue = new CellValue(Text(c)) },
        _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new DocumentFormat.OpenXml.Spreadsheet.Text(Text(c))) },
    }));
}

/// <summary>What a register list shows beside its records' keys: the name of each area and each person's passport
/// numbers, read for the whole list in two queries (issue 29: lists showed codes and no passports).</summary>
public sealed class ListLookups
{
    private readonly Dictionary<string, string> areas;
    private readonly ILookup<Guid, string> passports;

    private ListLookups(Dictionary<string, string> areas, ILookup<Guid, string> passports)
    {
        this.areas = areas;
        this.passports = passports;
    }

    public static async Task<ListLookups> LoadAsync(AppDbContext db, IEnumerable<string> areaCodes, IEnumerable<Guid> foreignerIds, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var codes = areaCodes.Distinct().ToList();
        var ids = foreignerIds.Distinct().ToList();
        var areas = codes.Count == 0 ? [] : await db.Areas.AsNoTracking().Where(a => codes.Contains(a.Code))
            .ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var documents = ids.Count == 0 ? [] : await db.TravelDocuments.AsNoTracking().Where(d => ids.Contains(d.ForeignerId))
            .OrderByDescending(d => d.ExpiresOn).Select(d => new { d.ForeignerId, d.Number }).ToListAsync(cancellationToken);
        return new ListLookups(areas, documents.ToLookup(d => d.ForeignerId, d => d.Number));
    }

    /// <summary>The area's name (title case as the Kemendagri list spells it), or the code when it is not known.</summary>
    public string Area(string? code) => code is null ? "" : areas.GetValueOrDefault(code) ?? code;

    /// <summary>The person's passport numbers, the latest first.</summary>
    public string Passports(Guid foreignerId) => string.Join("; ", passports[foreignerId].Distinct());
}
