using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;

namespace Timpora.Web.Pages.TimporaOverview;

/// <summary>The overview as an XLSX workbook, one sheet per table of the page, numbers kept as numbers.</summary>
public static class OverviewWorkbook
{
    public static byte[] Write(OverviewReport report, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(report);
        string T(string key) => t[key].Value;
        var offices = report.Offices;
        var teams = Table([T("Overview.Kanim"), T("Overview.Regency"), T("Overview.RegencyTeam"), T("Overview.Districts"), T("Overview.DistrictTeams")],
            offices.SelectMany(o => o.Regencies.Select(r => new object?[] { o.Name, r.Name, string.Join("; ", r.Teams), r.Districts, r.DistrictsWithTeam })));
        var meetings = Table([T("Overview.Kanim"), T("Overview.Meetings"), T("Overview.Operations")],
            offices.Select(o => new object?[] { o.Name, o.Meetings, o.Operations }));
        var actions = Table([T("Overview.Kanim"), T("Overview.Agency"), T("Overview.Open"), T("Overview.Overdue")],
            offices.SelectMany(o => o.Actions.Select(a => new object?[] { o.Name, a.Agency, a.Open, a.Overdue })));
        var findings = Table([T("Overview.Kanim"), T("Overview.FindingKind"), T("Overview.Count")],
            offices.SelectMany(o => o.Findings.Select(f => new object?[] { o.Name, T("Operations.Kind." + f.Kind), f.Count })));
        var sanctions = Table([T("Overview.Kanim"), T("Overview.SanctionKind"), T("Overview.Count")],
            offices.SelectMany(o => o.Sanctions.Select(s => new object?[] { o.Name, T("Sanctions.Kind." + s.Kind), s.Count })));
        var nationalities = Table([T("Overview.Kanim"), T("Overview.Nationality"), T("Overview.Count")],
            offices.SelectMany(o => o.Nationalities.Select(n => new object?[] { o.Name, n.Nationality, n.Count })));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            uint id = 1;
            foreach (var (name, rows) in new[]
            {
                (T("Overview.Sheet.Teams"), teams), (T("Overview.Sheet.Meetings"), meetings), (T("Overview.Sheet.Actions"), actions),
                (T("Overview.Sheet.Findings"), findings), (T("Overview.Sheet.Sanctions"), sanctions), (T("Overview.Sheet.Nationalities"), nationalities),
            })
            {
                AddSheet(workbook, sheets, id++, name, rows);
            }

            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

    private static List<object?[]> Table(object?[] header, IEnumerable<object?[]> rows) => [header, .. rows];

    private static void AddSheet(WorkbookPart workbook, Sheets sheets, uint id, string name, IEnumerable<object?[]> rows)
    {
        var part = workbook.AddNewPart<WorksheetPart>();
        var data = new SheetData();
        foreach (var row in rows)
        {
            data.Append(new Row(row.Select(c => c switch
            {
                int n => new Cell { DataType = CellValues.Number, CellValue = new CellValue(n.ToString(CultureInfo.InvariantCulture)) },
                _ => new Cell { DataType = CellValues.InlineString, InlineString = new InlineString(new Text(Safe(c?.ToString() ?? ""))) },
            })));
        }

        part.Worksheet = new Worksheet(data);
        sheets.Append(new Sheet { Id = workbook.GetIdOfPart(part), SheetId = id, Name = name.Length > 31 ? name[..31] : name });
    }

    private static string Safe(string text) => text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
