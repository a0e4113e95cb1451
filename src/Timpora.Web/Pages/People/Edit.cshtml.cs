using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Organisation;
using Timpora.Web.Pages.Areas;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.People;

public sealed class EditModel(AppDbContext db, ListedRecords listed, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public PersonForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name, string Agency)> Units { get; private set; } = [];

    public bool IsNew => RouteData.Values["id"] is null;

    public async Task<IActionResult> OnGetAsync(string? id, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await FindAsync(id, cancellationToken) is not { } person)
            {
                return NotFound();
            }

            Input = new PersonForm
            {
                FullName = person.FullName,
                Position = person.Position,
                EmployeeNumber = person.EmployeeNumber,
                Phone = person.Phone,
                Email = person.Email,
                UnitId = person.UnitId,
                Version = person.Version,
            };
            Area = AreaPickerInput.For(person.AreaCode);
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    /// <summary>Re-renders the form with the next level of the area picker filled; used without JavaScript.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string? id, CancellationToken cancellationToken)
    {
        Person? person = null;
        if (id is not null && (person = await FindAsync(id, cancellationToken)) is null)
        {
            return NotFound();
        }

        Area.Normalise();
        var areaCode = Area.SelectedCode;
        var ids = new ScopedIds(db);
        var unit = Input.UnitId is { } unitId ? await ids.AgencyUnits.FirstOrDefaultAsync(u => u.Id == unitId, cancellationToken) : null;
        if (Input.UnitId is not null && unit is null)
        {
            ModelState.AddModelError("Input.UnitId", t["People.UnitUnknown"]);
        }

        if (areaCode is null || !await AreaPickerView.ExistsAsync(db, areaCode, cancellationToken))
        {
            ModelState.AddModelError(nameof(Area), t["Validation.AreaRequired"]);
        }
        else if (unit is not null && !await ids.AreaInOfficeAsync(areaCode, unit.KanimId, cancellationToken))
        {
            ModelState.AddModelError(nameof(Area), t["People.AreaOutsideKanim"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        person ??= db.People.Add(new Person { FullName = "", AreaCode = areaCode! }).Entity;
        if (id is not null)
        {
            db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
        }

        person.FullName = Input.FullName.Trim();
        person.Position = Input.Position?.Trim();
        person.EmployeeNumber = Input.EmployeeNumber?.Trim();
        person.Phone = Input.Phone?.Trim();
        person.Email = Input.Email?.Trim();
        person.UnitId = unit!.Id;
        person.KanimId = unit.KanimId;
        person.AreaCode = areaCode!;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect(listed.Person(person.Id));
    }

    private async Task<Person?> FindAsync(string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var personId) ? await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Units = (await new ScopedIds(db).AgencyUnits.AsNoTracking()
                .OrderBy(u => u.Name)
                .Select(u => new { u.Id, u.Name, Agency = u.Agency!.Code })
                .ToListAsync(cancellationToken))
            .Select(u => (u.Id, u.Name, u.Agency)).ToList();
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
    }

    public sealed class PersonForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "People.Name")]
        public string FullName { get; set; } = "";

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "People.Position")]
        public string? Position { get; set; }

        [StringLength(30, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "People.EmployeeNumber")]
        public string? EmployeeNumber { get; set; }

        [StringLength(30, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9+()\- ]{6,30}$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "People.Phone")]
        public string? Phone { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "People.Email")]
        public string? Email { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "People.Unit")]
        public int? UnitId { get; set; }

        public Guid Version { get; set; }
    }
}
