using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Reports;

/// <summary>The programme's quarterly report for the user's offices or villages, by Kanim and regency: a
/// printable page (print stylesheet), an XLSX workbook, and a map of the programme villages drawn as SVG.</summary>
public sealed class IndexModel(AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true, Name = "q")]
    public int? QuarterNumber { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Kanim { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Regency { get; set; }

    public ProgrammeQuarter Report { get; private set; } = null!;

    public Dictionary<int, string> Kanims { get; private set; } = [];

    public IReadOnlyList<(string Code, string Name)> Regencies { get; private set; } = [];

    public VillageMap Map { get; private set; } = null!;

    public string Link(string? format = null) => "/Villages/Reports" + QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Report.Quarter.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["q"] = Report.Quarter.Number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kanim"] = Kanim?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["regency"] = Regency,
        ["format"] = format,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        var current = Quarter.Of(DateOnly.FromDateTime(clock.Now));
        var quarter = Year is { } y && QuarterNumber is { } n && Quarter.IsValid(y, n) ? new Quarter(y, n) : current;
        var scope = reporting.Caller.Scope;
        var ids = scope.KanimIds;
        var villageKanims = await reporting.ProgrammeVillages.Select(v => v.KanimId).Distinct().ToListAsync(cancellationToken);
        Kanims = await reporting.Kanims.Where(k => scope.All || ids.Contains(k.Id) || villageKanims.Contains(k.Id))
            .ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        var kanimIds = Kanims.Keys.ToList();
        Regencies = (await reporting.KanimWorkingAreas.Where(w => kanimIds.Contains(w.KanimId))
                .Join(reporting.Areas, w => w.RegencyCode, a => a.Code, (w, a) => new { a.Code, a.Name }).OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();
        if (Kanim is { } kanim && !Kanims.ContainsKey(kanim))
        {
            Kanim = null;
        }

        if (Regency is { } regency && Regencies.All(r => r.Code != regency))
        {
            Regency = null;
        }

        Report = await ProgrammeQuarter.BuildAsync(reporting, quarter, Kanim, Regency, cancellationToken);
        Map = new VillageMap(Report.Villages);
        if (format is "xlsx" or "pdf")
        {
            foreach (var office in Report.Villages.GroupBy(v => v.KanimId))
            {
                db.RecordAccess(AuditAction.Exported, "VillageReport", $"{quarter}:{office.Count()}", office.Key, Request.QueryString.Value);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (format == "pdf")
            {
                var office = User.FindFirst(ScopeClaimsFactory.KanimNameClaim)?.Value;
                return File(ReportDocument.Write(Report, Kanims, t, DateOnly.FromDateTime(clock.Now), office), "application/pdf", $"timpora-desa-binaan-{quarter}.pdf");
            }

            return File(ReportWorkbook.Write(Report, Kanims, t), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"timpora-desa-binaan-{quarter}.xlsx");
        }

        return Page();
    }
}
