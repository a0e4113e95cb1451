using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>Permits in the user's scope that expire within 30 days, soonest first.</summary>
public sealed class ExpiringModel(
    AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, OfficeClock clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PermitRow> Result { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public string PageLink(int page) => "/Foreigners/Expiring?page=" + page.ToString(CultureInfo.InvariantCulture);

    public string ExportLink(string format) => "/Foreigners/Expiring?handler=Export&format=" + format;

    /// <summary>Area names and passport numbers of the rows shown.</summary>
    public ListLookups Look { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now);
        Result = await RegisterQueries.Expiring(reporting, Today).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        Look = await ListLookups.LoadAsync(reporting, Result.Items.Select(r => r.AreaCode), Result.Items.Select(r => r.ForeignerId), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var rows = (await RegisterQueries.ExpiringAsync(reporting, DateOnly.FromDateTime(clock.Now), cancellationToken: cancellationToken)).Take(RegisterExport.MaxRows).ToList();
        var look = await ListLookups.LoadAsync(reporting, rows.Select(r => r.AreaCode), rows.Select(r => r.ForeignerId), cancellationToken);
        return await RegisterExport.FileAsync(db, format, "expiring",
            [t["Export.Surname"], t["Export.GivenNames"], t["Export.Passport"], t["Export.Nationality"], t["Export.Area"], t["Export.AreaCode"],
                t["Export.PermitKind"], t["Export.VisaIndex"], t["Export.ExpiresOn"]],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.Surname, r.GivenNames, look.Passports(r.ForeignerId), r.Nationality, look.Area(r.AreaCode), r.AreaCode,
                t["Foreigners.Kind" + r.Kind].Value, r.VisaIndexCode, r.ExpiresOn]))],
            "expiring", cancellationToken);
    }
}
