using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.GuestReports;

public sealed class CheckOutModel(AppDbContext db, OfficeClock clock, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Report.CheckOut")]
    public DateTime? CheckOutLocal { get; set; }

    public string Number { get; private set; } = "";

    public string Guest { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        var now = clock.Now;
        CheckOutLocal = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Unspecified);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string number, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(number, cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var providerId = db.Caller.Scope.ProviderIds.FirstOrDefault();
        var outcome = await GuestReporting.CheckOutAsync(db, providerId, number, clock.ToUtc(CheckOutLocal!.Value), time.GetUtcNow().UtcDateTime, cancellationToken);
        if (!outcome.Accepted)
        {
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError(nameof(CheckOutLocal), t["Report." + problem.Code]);
            }

            return Page();
        }

        TempData["Message"] = t["Report.CheckedOut"].Value;
        return Redirect($"/GuestReports/Receipt/{outcome.Report!.ReceiptNumber}");
    }

    private async Task<bool> LoadAsync(string number, CancellationToken cancellationToken)
    {
        Number = number.Trim().ToUpperInvariant();
        var receipt = Number;
        var report = await db.GuestReports.AsNoTracking()
            .Where(r => r.ReceiptNumber == receipt)
            .Select(r => new { r.Surname, r.GivenNames })
            .FirstOrDefaultAsync(cancellationToken);
        Guest = report is null ? "" : $"{report.Surname} {report.GivenNames}";
        return report is not null;
    }
}
