using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Permits;

namespace Timpora.Web.Pages.Admin;

/// <summary>The visa index codes with their validity: an administrator adds and edits them as decrees change
/// them. One code may be reissued with another meaning, but never with overlapping validity.</summary>
public sealed class VisaIndexesModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public VisaIndexForm Input { get; set; } = new();

    public IReadOnlyList<VisaIndex> Indexes { get; private set; } = [];

    public int? EditingId { get; private set; }

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await db.VisaIndexes.FindAsync([id], cancellationToken) is not { } index)
            {
                return NotFound();
            }

            EditingId = id;
            Input = new VisaIndexForm
            {
                Code = index.Code,
                Description = index.Description,
                PermitKind = index.PermitKind,
                StayDays = index.StayDays,
                Extendable = index.Extendable,
                ValidFrom = index.ValidFrom,
                ValidUntil = index.ValidUntil,
            };
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        VisaIndex? index = null;
        if (id is not null && (index = await db.VisaIndexes.FindAsync([id], cancellationToken)) is null)
        {
            return NotFound();
        }

        EditingId = id;
        var code = Input.Code.Trim().ToUpperInvariant();
        if (Input.ValidFrom is { } from && Input.ValidUntil is { } until && until < from)
        {
            ModelState.AddModelError("Input.ValidUntil", t["Admin.VisaUntilBeforeFrom"]);
        }
        else if (ModelState.IsValid && Input.ValidFrom is { } start)
        {
            var end = Input.ValidUntil ?? DateOnly.MaxValue;
            var sameCode = await db.VisaIndexes.AsNoTracking().Where(v => v.Code == code && v.Id != (id ?? 0)).ToListAsync(cancellationToken);
            if (sameCode.Any(v => v.ValidFrom <= end && (v.ValidUntil ?? DateOnly.MaxValue) >= start))
            {
                ModelState.AddModelError("Input.ValidFrom", t["Admin.VisaOverlap"]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        index ??= db.VisaIndexes.Add(new VisaIndex { Code = code, Description = "" }).Entity;
        index.Code = code;
        index.Description = Input.Description.Trim();
        index.PermitKind = Input.PermitKind;
        index.StayDays = Input.StayDays;
        index.Extendable = Input.Extendable;
        index.ValidFrom = Input.ValidFrom!.Value;
        index.ValidUntil = Input.ValidUntil;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect("/Admin/VisaIndexes");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Indexes = await db.VisaIndexes.AsNoTracking().OrderBy(v => v.Code).ThenBy(v => v.ValidFrom).ToListAsync(cancellationToken);

    public sealed class VisaIndexForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^[A-Za-z0-9]{1,10}$", ErrorMessage = "Admin.VisaCodeFormat")]
        [Display(Name = "Admin.VisaCode")]
        public string Code { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Admin.VisaDescription")]
        public string Description { get; set; } = "";

        [Display(Name = "Admin.VisaKind")]
        public PermitKind PermitKind { get; set; } = PermitKind.Itk;

        [Range(1, 3650, ErrorMessage = "Admin.VisaStayDaysRange")]
        [Display(Name = "Admin.VisaStayDays")]
        public int? StayDays { get; set; }

        [Display(Name = "Admin.VisaExtendable")]
        public bool Extendable { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Admin.VisaValidFrom")]
        public DateOnly? ValidFrom { get; set; }

        [Display(Name = "Admin.VisaValidUntil")]
        public DateOnly? ValidUntil { get; set; }
    }
}
