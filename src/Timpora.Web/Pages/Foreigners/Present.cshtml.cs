using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Web.Pages.Areas;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>Who is present now: guests checked in and not checked out, in the chosen area and below it.</summary>
public sealed class PresentModel(
    AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, TimeProvider time, OfficeClock clock,
    Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AreaPickerInput Area { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PresentRow> Result { get; private set; } = null!;

    public AreaPickerView Picker { get; private set; } = null!;

    public string PageLink(int page) => "/Foreigners/Present" + QueryFor(page, null);

    public string ExportLink(string format) => "/Foreigners/Present" + QueryFor(null, format);

    /// <summary>Area names and passport numbers of the rows shown.</summary>
    public ListLookups Look { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Picker = await AreaPickerView.LoadAsync(reporting, nameof(Area), Area, cancellationToken);
        Result = await RegisterQueries.Present(reporting, time.GetUtcNow().UtcDateTime, Area.SelectedCode).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        Look = await ListLookups.LoadAsync(reporting, Result.Items.Select(r => r.AreaCode), Result.Items.Select(r => r.ForeignerId), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        Area.Normalise();
        var rows = await RegisterQueries.Present(reporting, time.GetUtcNow().UtcDateTime, Area.SelectedCode).Take(RegisterExport.MaxRows).ToListAsync(cancellationToken);
        var look = await ListLookups.LoadAsync(reporting, rows.Select(r => r.AreaCode), rows.Select(r => r.ForeignerId), cancellationToken);
        var zone = " (" + clock.ZoneName + ")";
        return await RegisterExport.FileAsync(db, format, "present",
            [t["Export.Surname"], t["Export.GivenNames"], t["Export.Passport"], t["Export.Nationality"], t["Export.Provider"], t["Export.Room"],
                t["Export.Area"], t["Export.AreaCode"], t["Export.CheckIn"] + zone, t["Export.PlannedDeparture"] + zone, t["Export.Receipt"]],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.Surname, r.GivenNames, look.Passports(r.ForeignerId), r.Nationality, r.ProviderName, r.Room,
                look.Area(r.AreaCode), r.AreaCode, clock.ToLocal(r.CheckInUtc), r.PlannedDepartureUtc is { } d ? clock.ToLocal(d) : null, r.ReceiptNumber]))],
            "present; area=" + Area.SelectedCode, cancellationToken);
    }

    private string QueryFor(int? page, string? format) => QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = format is null ? null : "Export",
        ["format"] = format,
        ["Area.Province"] = Area.Province,
        ["Area.Regency"] = Area.Regency,
        ["Area.District"] = Area.District,
        ["Area.Village"] = Area.Village,
        ["page"] = page?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();
}
