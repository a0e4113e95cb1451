using System.Globalization;
using Microsoft.Extensions.Localization;
using Timpora.Core.Documents;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages.Reports;

/// <summary>The printable quarterly report (PDF), always in Bahasa Indonesia whatever the reader's language, as
/// offices send it on: heading, totals, one row per village, warning signs and referral outcomes, signature.</summary>
public static class ReportDocument
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id");

    public static byte[] Write(ProgrammeQuarter report, IReadOnlyDictionary<int, string> kanims, IStringLocalizer t, DateOnly today, string? signerOffice)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(t);
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = Indonesian;
        try
        {
            string T(string key) => t[key].Value;
            string N(int value) => value.ToString("N0", Indonesian);
            using var writer = new DocumentWriter("Laporan Triwulan Desa Binaan Imigrasi " + report.Quarter);
            writer.Heading("LAPORAN TRIWULAN", "PROGRAM DESA BINAAN IMIGRASI", $"Triwulan {report.Quarter.Number} Tahun {report.Quarter.Year}");
            writer.Rule();
            writer.Paragraph("Kantor : " + (kanims.Count == 0 ? "-" : string.Join(", ", kanims.Values.Order(StringComparer.Ordinal))));
            writer.Paragraph("Dasar : Program Desa Binaan Imigrasi dan Petugas Imigrasi Pembina Desa (PIMPASA).");
            writer.Paragraph("A. Ringkasan", strong: true);
            writer.Table(["Uraian", "Jumlah"],
            [
                [T("Village.Report.ActiveVillages"), N(report.ActiveVillages)],
                [T("Village.Report.ActivitiesAgainstPlan"), $"{N(report.Villages.Sum(v => v.Done))} / {N(report.Villages.Sum(v => v.Planned))}"],
                [T("Village.Activity.Participants"), N(report.Villages.Sum(v => v.Participants))],
                [T("Village.Nav.Consultations"), N(report.Villages.Sum(v => v.Consultations))],
                [T("Village.Referral.Title"), $"{N(report.Villages.Sum(v => v.Referrals))} ({N(report.Villages.Sum(v => v.ReferralsClosed))} {T("Village.Report.ReferralsClosed").ToLower(Indonesian)})"],
                [T("Village.Nav.Deferrals"), N(report.Villages.Sum(v => v.Deferrals) + report.DeferralsOutsideProgramme)],
            ], [3, 1]);
            writer.Paragraph("B. Desa binaan", strong: true);
            writer.Table(
                ["Desa", "Kanim", "Status", "Keg. (renc.)", "Peserta", "Konsul.", "Rujuk.", "Tunda", "Norma"],
                report.Villages.Select(v => (IReadOnlyList<string>)
                [
                    $"{v.Name} ({v.Code})", kanims.GetValueOrDefault(v.KanimId) ?? "-", VillageAccess.Text(t, v.Status),
                    $"{N(v.Done)} ({N(v.Planned)})", N(v.Participants), N(v.Consultations), N(v.Referrals), N(v.Deferrals),
                    T(v.NormMet ? "Village.Plan.Met" : "Village.Plan.NotMet"),
                ]),
                [2.6, 2.2, 1.1, 1.5, 1.2, 1.3, 1.2, 1.1, 1.6]);
            writer.Paragraph("C. Tanda bahaya dan hasil rujukan", strong: true);
            var rows = report.Signs.Where(s => s.Value > 0).Select(s => (IReadOnlyList<string>)[VillageAccess.Text(t, s.Key), N(s.Value)])
                .Concat(report.Outcomes.Where(o => o.Key != ReferralOutcome.None && o.Value > 0)
                    .Select(o => (IReadOnlyList<string>)[T("Village.Referral.Outcome") + ": " + VillageAccess.Text(t, o.Key), N(o.Value)]))
                .ToList();
            writer.Table(["Uraian", "Jumlah"], rows.Count > 0 ? rows : [["Tidak ada", "0"]], [3, 1]);
            writer.Signature(today.ToString("d MMMM yyyy", Indonesian), "Kepala " + (signerOffice ?? "Kantor Imigrasi"), "(..............................)");
            return writer.ToBytes();
        }
        finally
        {
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
        }
    }
}
