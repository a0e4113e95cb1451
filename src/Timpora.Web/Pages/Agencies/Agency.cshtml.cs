using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Agencies;

/// <summary>Creates or edits a partner agency (Polri, TNI, a Pemda service, ...): national reference, so the
/// national administrator's only. Its units are the offices' (<see cref="UnitModel"/>). Audited by the context.</summary>
public sealed class AgencyModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AgencyForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is null)
        {
            return Page();
        }

        var agency = await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (agency is null)
        {
            return NotFound();
        }

        Input = new AgencyForm { Code = agency.Code, Name = agency.Name };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        var agency = id is null ? null : await db.Agencies.FirstOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (id is not null && agency is null)
        {
            return NotFound();
        }

        var code = Input.Code.Trim().ToUpperInvariant();
        if (await db.Agencies.AnyAsync(a => a.Code == code && a.Id != (id ?? 0), cancellationToken))
        {
            ModelState.AddModelError("Input.Code", t["Agencies.CodeTaken", code]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ChangeReason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
        agency ??= db.Agencies.Add(new Core.Organisation.Agency { Code = code, Name = "" }).Entity;
        agency.Code = code;
        agency.Name = Input.Name.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage("/Agencies/Index");
    }

    public sealed class AgencyForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(30, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [RegularExpression("^[A-Za-z0-9-]+$", ErrorMessage = "Agencies.CodeFormat")]
        [Display(Name = "Agencies.Code")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Agencies.Agency")]
        public string Name { get; set; } = "";

        [StringLength(400, ErrorMessage = "Validation.TooLong")]
        public string? Reason { get; set; }
    }
}
