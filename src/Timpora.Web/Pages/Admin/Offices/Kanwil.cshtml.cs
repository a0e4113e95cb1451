using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Areas;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Admin.Offices;

/// <summary>Creates or edits a Kanwil: name, address, time zone and the province it serves. Audited by the context.</summary>
public sealed class KanwilModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public KanwilForm Input { get; set; } = new();

    public IReadOnlyList<Area> Provinces { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        Provinces = await AreaDirectory.ChildrenAsync(db, null, cancellationToken);
        if (id is null)
        {
            return Page();
        }

        var kanwil = await db.Kanwils.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kanwil is null)
        {
            return NotFound();
        }

        Input = new KanwilForm { Name = kanwil.Name, Address = kanwil.Address, TimeZoneId = kanwil.TimeZoneId, ProvinceCode = kanwil.ProvinceCode };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        Provinces = await AreaDirectory.ChildrenAsync(db, null, cancellationToken);
        var kanwil = id is null ? null : await db.Kanwils.FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (id is not null && kanwil is null)
        {
            return NotFound();
        }

        if (!KanimModel.TimeZones.Contains(Input.TimeZoneId))
        {
            ModelState.AddModelError("Input.TimeZoneId", t["Offices.TimeZoneUnknown"]);
        }

        if (Provinces.All(p => p.Code != Input.ProvinceCode))
        {
            ModelState.AddModelError("Input.ProvinceCode", t["Offices.ProvinceNeeded"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.ChangeReason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
        kanwil ??= db.Kanwils.Add(new Core.Organisation.Kanwil { Name = Input.Name, ProvinceCode = Input.ProvinceCode! }).Entity;
        kanwil.Name = Input.Name.Trim();
        kanwil.Address = string.IsNullOrWhiteSpace(Input.Address) ? null : Input.Address.Trim();
        kanwil.TimeZoneId = Input.TimeZoneId;
        kanwil.ProvinceCode = Input.ProvinceCode!;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage("/Offices/Index");
    }

    public sealed class KanwilForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Offices.Name")]
        public string Name { get; set; } = "";

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Offices.Address")]
        public string? Address { get; set; }

        [Display(Name = "Offices.TimeZone")]
        public string TimeZoneId { get; set; } = "Asia/Jakarta";

        [Display(Name = "Area.Province")]
        public string? ProvinceCode { get; set; }

        [StringLength(400, ErrorMessage = "Validation.TooLong")]
        public string? Reason { get; set; }
    }
}
