using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Permits;

namespace Timpora.Web.Pages.Admin;

/// <summary>The overstay charge per day (Pasal 78) from an effective date on: a new tariff regulation is a new
/// row, so charges for earlier days keep the rate then in force.</summary>
public sealed class OverstayRatesModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public RateForm Input { get; set; } = new();

    public IReadOnlyList<OverstayRate> Rates { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Input.EffectiveFrom is { } from && await db.OverstayRates.AnyAsync(r => r.EffectiveFrom == from, cancellationToken))
        {
            ModelState.AddModelError("Input.EffectiveFrom", t["Admin.RateDateTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.OverstayRates.Add(new OverstayRate { EffectiveFrom = Input.EffectiveFrom!.Value, RupiahPerDay = Input.RupiahPerDay!.Value, LegalBasis = Input.LegalBasis.Trim() });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage();
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Rates = await db.OverstayRates.AsNoTracking().OrderByDescending(r => r.EffectiveFrom).ToListAsync(cancellationToken);

    public sealed class RateForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Admin.RateEffectiveFrom")]
        public DateOnly? EffectiveFrom { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Range(typeof(long), "1", "1000000000000", ErrorMessage = "Admin.RatePositive")]
        [Display(Name = "Admin.RatePerDay")]
        public long? RupiahPerDay { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Admin.RateLegalBasis")]
        public string LegalBasis { get; set; } = "";
    }
}
