using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>People in the user's scope whose latest permit has expired: days, charge, and over 60 days the
/// proposal of deportation and an entry ban (Pasal 78).</summary>
public sealed class OverstaysModel(AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, OfficeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PermitRow> Result { get; private set; } = null!;

    public IReadOnlyList<OverstayRow> Rows { get; private set; } = [];

    public string PageLink(int page) => "/Foreigners/Overstays?page=" + page.ToString(CultureInfo.InvariantCulture);

    public string ExportLink(string format) => "/Foreigners/Overstays?handler=Export&format=" + format;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(clock.Now);
        Result = await RegisterQueries.Overstayed(reporting, today).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        Rows = await RegisterQueries.ChargeAsync(reporting, Result.Items, today, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = (await RegisterQueries.OverstaysAsync(reporting, DateOnly.FromDateTime(clock.Now), cancellationToken)).Take(RegisterExport.MaxRows);
        return await RegisterExport.FileAsync(db, format, "overstays",
            ["surname", "given_names", "nationality", "area_code", "permit_kind", "visa_index", "expired_on", "days", "charge_rupiah", "deportation_proposed"],
            [.. rows.Select(r => new ExportRow(r.Permit.KanimId,
                [r.Permit.Surname, r.Permit.GivenNames, r.Permit.Nationality, r.Permit.AreaCode, r.Permit.Kind.ToString(), r.Permit.VisaIndexCode, r.Permit.ExpiresOn, r.Days, r.Charge, r.DeportationProposed]))],
            "overstays", cancellationToken);
    }
}
