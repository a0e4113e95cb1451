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
public sealed class PresentModel(AppDbContext db, [FromKeyedServices(ReportingDb.Key)] AppDbContext reporting, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public AreaPickerInput Area { get; set; } = new();

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<PresentRow> Result { get; private set; } = null!;

    public AreaPickerView Picker { get; private set; } = null!;

    public string PageLink(int page) => "/Foreigners/Present" + QueryFor(page, null);

    public string ExportLink(string format) => "/Foreigners/Present" + QueryFor(null, format);

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Picker = await AreaPickerView.LoadAsync(reporting, nameof(Area), Area, cancellationToken);
        Result = await RegisterQueries.Present(reporting, time.GetUtcNow().UtcDateTime, Area.SelectedCode).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        Area.Normalise();
        var rows = await RegisterQueries.Present(reporting, time.GetUtcNow().UtcDateTime, Area.SelectedCode).Take(RegisterExport.MaxRows).ToListAsync(cancellationToken);
        return await RegisterExport.FileAsync(db, format, "present",
            ["surname", "given_names", "nationality", "provider", "room", "area_code", "check_in_utc", "planned_departure_utc", "receipt"],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.Surname, r.GivenNames, r.Nationality, r.ProviderName, r.Room, r.AreaCode, r.CheckInUtc, r.PlannedDepartureUtc, r.ReceiptNumber]))],
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
