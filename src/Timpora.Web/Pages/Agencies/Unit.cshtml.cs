using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Organisation;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Agencies;

/// <summary>Creates or edits a partner agency's unit in an area of one Kanim. The national administrator may name
/// any Kanim; an office administrator only their own Kanim (or their Kanwil's), by the same rule as accounts
/// (<see cref="AccountAdministration"/>). Another office's unit is a 404. Audited by the context.</summary>
public sealed class UnitModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public UnitForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Agencies { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Kanims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadChoicesAsync(cancellationToken))
        {
            return Forbid();
        }

        if (id is not null)
        {
            if (await FindAsync(id.Value, cancellationToken) is not { } unit)
            {
                return NotFound();
            }

            Input = new UnitForm { AgencyId = unit.AgencyId, Name = unit.Name, KanimId = unit.KanimId };
            Area = AreaPickerInput.For(unit.AreaCode);
        }
        else if (Kanims.Count == 1)
        {
            Input.KanimId = Kanims[0].Id;
        }

        await LoadPickerAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        if (!await LoadChoicesAsync(cancellationToken))
        {
            return Forbid();
        }

        await LoadPickerAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        if (!await LoadChoicesAsync(cancellationToken))
        {
            return Forbid();
        }

        var unit = id is null ? null : await FindAsync(id.Value, cancellationToken);
        if (id is not null && unit is null)
        {
            return NotFound();
        }

        if (Agencies.All(a => a.Id != Input.AgencyId))
        {
            ModelState.AddModelError("Input.AgencyId", t["Agencies.AgencyNeeded"]);
        }

        // Another office's id posted by hand is refused like an unknown one.
        if (Kanims.All(k => k.Id != Input.KanimId))
        {
            ModelState.AddModelError("Input.KanimId", t["Agencies.KanimNotYours"]);
        }

        Area.Normalise();
        var areaCode = Area.SelectedCode;
        if (areaCode is null || !await AreaPickerView.ExistsAsync(db, areaCode, cancellationToken))
        {
            ModelState.AddModelError("Area", t["Validation.AreaRequired"]);
        }
        else if (Input.KanimId is { } kanimId && Kanims.Any(k => k.Id == kanimId)
            && !await new ScopedIds(db).AreaInOfficeAsync(areaCode, kanimId, cancellationToken))
        {
            ModelState.AddModelError("Area", t["Agencies.AreaOutsideKanim"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadPickerAsync(cancellationToken);
            return Page();
        }

        db.ChangeReason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
        unit ??= db.AgencyUnits.Add(new AgencyUnit { Name = "", AreaCode = areaCode! }).Entity;
        unit.AgencyId = Input.AgencyId!.Value;
        unit.Name = Input.Name.Trim();
        unit.AreaCode = areaCode!;
        unit.KanimId = Input.KanimId!.Value;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage("/Agencies/Index");
    }

    private async Task<AgencyUnit?> FindAsync(int id, CancellationToken cancellationToken)
    {
        var unit = await db.AgencyUnits.FirstOrDefaultAsync(u => u.Id == id, cancellationToken);
        return unit is not null && Kanims.Any(k => k.Id == unit.KanimId) ? unit : null;
    }

    /// <summary>The offices the acting user administers, read from the database; false when they administer none.</summary>
    private async Task<bool> LoadChoicesAsync(CancellationToken cancellationToken)
    {
        var admin = await AccountAdministration.ForUserAsync(db, User.FindFirstValue(ClaimTypes.NameIdentifier), cancellationToken);
        if (!admin.Administers)
        {
            return false;
        }

        var kanwilId = admin.KanwilId;
        var kanimId = admin.KanimId;
        Kanims = (await db.Kanims.Where(k => (kanwilId == null || k.KanwilId == kanwilId) && (kanimId == null || k.Id == kanimId))
                .OrderBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Id, k.Name)).ToList();
        Agencies = (await db.Agencies.OrderBy(a => a.Code).Select(a => new { a.Id, Name = a.Code + " · " + a.Name }).ToListAsync(cancellationToken))
            .Select(a => (a.Id, a.Name)).ToList();
        return true;
    }

    private async Task LoadPickerAsync(CancellationToken cancellationToken) =>
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);

    public sealed class UnitForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Agencies.Agency")]
        public int? AgencyId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Agencies.UnitName")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Offices.Kanim")]
        public int? KanimId { get; set; }

        [StringLength(400, ErrorMessage = "Validation.TooLong")]
        public string? Reason { get; set; }
    }
}
