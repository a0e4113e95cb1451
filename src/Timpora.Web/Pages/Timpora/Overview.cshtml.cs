using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.TimporaOverview;

/// <summary>The Timpora overview of a Kanim or a Kanwil for one year: printable (print stylesheet) and as XLSX.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.KanwilSupervisor + "," + Roles.KanimOfficer)]
public sealed class OverviewModel(AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, IStringLocalizer<SharedResource> t, TimeProvider clock, Platform.OfficeClock office) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    [BindProperty(SupportsGet = true)]
    public int? Kanim { get; set; }

    public Dictionary<int, string> Kanims { get; private set; } = [];

    public OverviewReport Report { get; private set; } = null!;

    public string Link(string? format = null) => "/Timpora/Overview" + QueryString.Create(new Dictionary<string, string?>
    {
        ["year"] = Report.Year.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["kanim"] = Kanim?.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["format"] = format,
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task<IActionResult> OnGetAsync(string? format, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var year = Year is >= 2000 and <= 2100 ? Year.Value : office.Today.Year;
        var scope = reporting.Caller.Scope;
        var ids = scope.KanimIds;
        Kanims = await reporting.Kanims.Where(k => scope.All || ids.Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        if (Kanim is { } kanim && !Kanims.ContainsKey(kanim))
        {
            Kanim = null;
        }

        var shown = Kanim is { } only ? Kanims.Where(k => k.Key == only).ToDictionary() : Kanims;
        Report = await OverviewReport.BuildAsync(reporting, shown, year, now, cancellationToken);
        if (format == "xlsx")
        {
            foreach (var office in Report.Offices)
            {
                db.RecordAccess(AuditAction.Exported, "TimporaOverview", year.ToString(System.Globalization.CultureInfo.InvariantCulture), office.KanimId, Request.QueryString.Value);
            }

            await db.SaveChangesAsync(cancellationToken);
            return File(OverviewWorkbook.Write(Report, t), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", $"timpora-ikhtisar-{year}.xlsx");
        }

        return Page();
    }
}
