using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Sanctions;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Admin;

/// <summary>The public holidays and joint leave days that working-day deadlines skip: the national ones come with the
/// schema as reference data citing the joint decree (SKB 3 Menteri); an administrator adds and removes local ones, and
/// is warned when next year is not loaded (or only estimated).</summary>
public sealed class HolidaysModel(AppDbContext db, OfficeClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public int? Year { get; set; }

    public IReadOnlyList<PublicHoliday> Holidays { get; private set; } = [];

    public IReadOnlyList<int> Years { get; private set; } = [];

    public PublicHoliday? Removing { get; private set; }

    public int NextYear { get; private set; }

    public HolidayCalendar.YearState NextYearState { get; private set; }

    [BindProperty]
    public HolidayForm Input { get; set; } = new();

    public async Task OnGetAsync(DateOnly? remove, CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        Removing = remove is { } date ? Holidays.FirstOrDefault(h => h.Date == date) : null;
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.Date is { } date && await db.PublicHolidays.AnyAsync(h => h.Date == date, cancellationToken))
        {
            ModelState.AddModelError("Input.Date", t["Holidays.Duplicate"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.PublicHolidays.Add(new PublicHoliday { Date = Input.Date!.Value, Name = Input.Name.Trim() });
        db.RecordAccess(AuditAction.Created, nameof(PublicHoliday), Input.Date.Value.ToString("O", System.Globalization.CultureInfo.InvariantCulture), null, Input.Name);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Admin/Holidays?year={Input.Date.Value.Year}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(DateOnly date, CancellationToken cancellationToken)
    {
        // The decree's dates are reference data, changed by the next schema script, not removed by hand.
        if (await db.PublicHolidays.FirstOrDefaultAsync(h => h.Date == date && h.Source == null, cancellationToken) is not { } holiday)
        {
            return NotFound();
        }

        db.PublicHolidays.Remove(holiday);
        db.RecordAccess(AuditAction.Deleted, nameof(PublicHoliday), date.ToString("O", System.Globalization.CultureInfo.InvariantCulture), null, holiday.Name);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Deleted"].Value;
        return Redirect($"/Admin/Holidays?year={date.Year}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var all = await db.PublicHolidays.AsNoTracking().OrderBy(h => h.Date).ToListAsync(cancellationToken);
        Years = [.. all.Select(h => h.Date.Year).Distinct()];
        Holidays = [.. all.Where(h => Year is null || h.Date.Year == Year)];
        NextYear = clock.Today.Year + 1;
        NextYearState = await HolidayCalendar.StateOfAsync(db, NextYear, cancellationToken);
    }

    public sealed class HolidayForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Holidays.Date")]
        public DateOnly? Date { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Holidays.Name")]
        public string Name { get; set; } = "";
    }
}
