using System.Globalization;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Microsoft.Extensions.Localization;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages.Reports;

/// <summary>The quarterly report as an XLSX workbook: one sheet of villages, one of totals, in the user's language
/// (numbers stay numbers so offices can add up their regions).</summary>
public static class ReportWorkbook
{
    public static byte[] Write(ProgrammeQuarter report, IReadOnlyDictionary<int, string> kanims, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(report);
        string T(string key) => t[key].Value;
        var villages = new List<object?[]>
        {
            new object?[]
            {
                T("Village.Name"), T("Village.Code"), T("Village.Kanim"), T("Village.Status"), T("Village.Plan.Planned"), T("Village.Plan.Done"),
                T("Village.Activity.Men"), T("Village.Activity.Women"), T("Village.Activity.Pupils"), T("Village.Activity.ProspectiveMigrants"),
                T("Village.Activity.VillageOfficials"), T("Village.Nav.Consultations"), T("Village.Consultation.Signs"), T("Village.Referral.Title"),
                T("Village.Report.ReferralsClosed"), T("Village.Nav.Deferrals"), T("Village.Plan.Fulfilment"),
            },
        };
        villages.AddRange(report.Villages.Select(v => new object?[]
        {
            v.Name, v.Code, kanims.GetValueOrDefault(v.KanimId), VillageAccess.Text(t, v.Status), v.Planned, v.Done,
            v.Men, v.Women, v.Pupils, v.ProspectiveMigrants, v.VillageOfficials, v.Consultations, v.WarningSigns, v.Referrals,
            v.ReferralsClosed, v.Deferrals, T(v.NormMet ? "Village.Plan.Met" : "Village.Plan.NotMet"),
        }));
        var summary = new List<object?[]>
        {
            new object?[] { T("Village.Report.Quarter"), report.Quarter.ToString() },
            new object?[] { T("Village.Report.ActiveVillages"), report.ActiveVillages },
            new object?[] { T("Village.Report.ActivitiesAgainstPlan"), $"{report.Villages.Sum(v => v.Done)} / {report.Villages.Sum(v => v.Planned)}" },
            new object?[] { T("Village.Activity.Participants"), report.Villages.Sum(v => v.Participants) },
            new object?[] { T("Village.Nav.Consultations"), report.Villages.Sum(v => v.Consultations) },
            new object?[] { T("Village.Nav.Deferrals"), report.Villages.Sum(v => v.Deferrals) + report.DeferralsOutsideProgramme },
        };
        summary.AddRange(report.Signs.Select(s => new object?[] { VillageAccess.Text(t, s.Key), s.Value }));
        summary.AddRange(report.Outcomes.Where(o => o.Key != ReferralOutcome.None).Select(o => new object?[] { T("Village.Referral.Outcome") + ": " + VillageAccess.Text(t, o.Key), o.Value }));

        using var stream = new MemoryStream();
        using (var document = SpreadsheetDocument.Create(stream, DocumentFormat.OpenXml.SpreadsheetDocumentType.Workbook))
        {
            var workbook = document.AddWorkbookPart();
            workbook.Workbook = new Workbook();
            var sheets = workbook.Workbook.AppendChild(new Sheets());
            AddSheet(workbook, sheets, 1, T("Village.Nav.Villages"), villages);
            AddSheet(workbook, sheets, 2, T("Village.Report.Summary"), summary);
            workbook.Workbook.Save();
        }

        return stream.ToArray();
    }

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

    // A text cell beginning with = is still text in an inline string, but a quote keeps copy-paste safe too.
    private static string Safe(string text) => text.Length > 0 && "=+-@".Contains(text[0], StringComparison.Ordinal) ? "'" + text : text;
}
