using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>Permits in the user's scope that expire within 30 days, soonest first.</summary>
public sealed class ExpiringModel(AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, OfficeClock clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PermitRow> Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string PageLink(int page) => "/Foreigners/Expiring?page=" + page.ToString(CultureInfo.InvariantCulture);

    public string ExportLink(string format) => "/Foreigners/Expiring?handler=Export&format=" + format;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now);
        Result = await RegisterQueries.Expiring(reporting, Today).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = (await RegisterQueries.ExpiringAsync(reporting, DateOnly.FromDateTime(clock.Now), cancellationToken: cancellationToken)).Take(RegisterExport.MaxRows);
        return await RegisterExport.FileAsync(db, format, "expiring",
            ["surname", "given_names", "nationality", "area_code", "permit_kind", "visa_index", "expires_on"],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.Surname, r.GivenNames, r.Nationality, r.AreaCode, r.Kind.ToString(), r.VisaIndexCode, r.ExpiresOn]))],
            "expiring", cancellationToken);
    }
}
