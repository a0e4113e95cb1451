using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>People in the user's scope whose latest permit has expired: days, charge, and over 60 days the
/// proposal of deportation and an entry ban (Pasal 78).</summary>
public sealed class OverstaysModel(
    AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, OfficeClock clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PermitRow> Result { get; private set; } = null!;

    public IReadOnlyList<OverstayRow> Rows { get; private set; } = [];

    public string PageLink(int page) => "/Foreigners/Overstays?page=" + page.ToString(CultureInfo.InvariantCulture);

    public string ExportLink(string format) => "/Foreigners/Overstays?handler=Export&format=" + format;

    /// <summary>Area names and passport numbers of the rows shown.</summary>
    public ListLookups Look { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.Now);
        Result = await RegisterQueries.Overstayed(reporting, today).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        Rows = await RegisterQueries.ChargeAsync(reporting, Result.Items, today, cancellationToken);
        Look = await ListLookups.LoadAsync(reporting, Result.Items.Select(r => r.AreaCode), Result.Items.Select(r => r.ForeignerId), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = (await RegisterQueries.OverstaysAsync(reporting, DateOnly.FromDateTime(clock.Now), cancellationToken)).Take(RegisterExport.MaxRows).ToList();
        var look = await ListLookups.LoadAsync(reporting, rows.Select(r => r.Permit.AreaCode), rows.Select(r => r.Permit.ForeignerId), cancellationToken);
        return await RegisterExport.FileAsync(db, format, "overstays",
            [t["Export.Surname"], t["Export.GivenNames"], t["Export.Passport"], t["Export.Nationality"], t["Export.Area"], t["Export.AreaCode"],
                t["Export.PermitKind"], t["Export.VisaIndex"], t["Export.ExpiredOn"], t["Export.Days"], t["Export.ChargeRupiah"], t["Export.Action"]],
            [.. rows.Select(r => new ExportRow(r.Permit.KanimId,
                [r.Permit.Surname, r.Permit.GivenNames, look.Passports(r.Permit.ForeignerId), r.Permit.Nationality, look.Area(r.Permit.AreaCode), r.Permit.AreaCode,
                    t["Foreigners.Kind" + r.Permit.Kind].Value, r.Permit.VisaIndexCode, r.Permit.ExpiresOn, r.Days, r.Charge,
                    (r.DeportationProposed ? t["Foreigners.DeportationProposed"] : t["Foreigners.ChargeDue"]).Value]))],
            "overstays", cancellationToken);
    }
}
