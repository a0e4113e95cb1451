using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Reference;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>The office corrects what a foreigner or their guarantor reported (UU 6/2011 Pasal 71: changes of
/// address, job or guarantor): occupation, street, contacts and the guarantor. Audited like every change.</summary>
[Authorize(Roles = Roles.Administrator + "," + Roles.KanwilSupervisor + "," + Roles.KanimOfficer)]
public sealed class EditModel(AppDbContext db, OfficeClock clock, ListedRecords listed, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ContactsForm Input { get; set; } = new();

    public string PersonName { get; private set; } = "";

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        PersonName = person.FullName;
        Input = new ContactsForm
        {
            Occupation = person.Occupation,
            Street = person.Street,
            Phone = person.Phone,
            Email = person.Email,
            GuarantorKind = person.GuarantorKind,
            GuarantorName = person.GuarantorName,
            GuarantorNumber = person.GuarantorNumber,
            GuarantorContact = person.GuarantorContact,
            Version = person.Version,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        PersonName = person.FullName;
        var number = Input.GuarantorNumber?.Replace(" ", "", StringComparison.Ordinal);
        if (Input.GuarantorKind is not null && string.IsNullOrWhiteSpace(Input.GuarantorName))
        {
            ModelState.AddModelError("Input.GuarantorName", t["Foreigners.Edit.GuarantorNameRequired"]);
        }

        if (Input.GuarantorKind is null && !string.IsNullOrWhiteSpace(Input.GuarantorName))
        {
            ModelState.AddModelError("Input.GuarantorKind", t["Foreigners.Edit.GuarantorKindRequired"]);
        }

        if (Input.GuarantorKind == GuarantorKind.Company && !string.IsNullOrEmpty(number) && (number.Length != 13 || !number.All(char.IsAsciiDigit)))
        {
            ModelState.AddModelError("Input.GuarantorNumber", t["Foreigners.Edit.NibInvalid"]);
        }

        if (Input.GuarantorKind == GuarantorKind.Person && !string.IsNullOrEmpty(number))
        {
            var districts = await db.Areas.AsNoTracking().Where(a => a.Code.Length == 8 && a.Code.StartsWith(number.Substring(0, Math.Min(2, number.Length))))
                .Select(a => a.Code).ToListAsync(cancellationToken);
            var nik = Nik.Validate(number, districts.Contains, DateOnly.FromDateTime(clock.Now));
            if (nik.Issues.Count > 0)
            {
                ModelState.AddModelError("Input.GuarantorNumber", string.Format(System.Globalization.CultureInfo.CurrentCulture,
                    t["Foreigners.Edit.NikInvalid"].Value, string.Join(" ", nik.Issues.Select(i => t["Foreigners.Edit.Nik." + i.Code].Value))));
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Entry(person).Property(p => p.Version).OriginalValue = Input.Version;
        person.Occupation = Clean(Input.Occupation);
        person.Street = Clean(Input.Street);
        person.Phone = Clean(Input.Phone);
        person.Email = Clean(Input.Email);
        person.GuarantorKind = Input.GuarantorKind;
        person.GuarantorName = Input.GuarantorKind is null ? null : Clean(Input.GuarantorName);
        person.GuarantorNumber = Input.GuarantorKind is null ? null : Clean(number);
        person.GuarantorContact = Input.GuarantorKind is null ? null : Clean(Input.GuarantorContact);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            return Page();
        }

        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect(listed.Foreigner(person.Id));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task<Foreigner?> FindAsync(string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var personId) ? await db.Foreigners.FirstOrDefaultAsync(f => f.Id == personId, cancellationToken) : null;

    public sealed class ContactsForm
    {
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Foreigners.Occupation")]
        public string? Occupation { get; set; }

        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Foreigners.Edit.Street")]
        public string? Street { get; set; }

        [StringLength(30, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9+()\- ]{6,30}$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "Foreigners.Phone")]
        public string? Phone { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Foreigners.Email")]
        public string? Email { get; set; }

        [Display(Name = "Foreigners.Guarantor")]
        public GuarantorKind? GuarantorKind { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Foreigners.Edit.GuarantorName")]
        public string? GuarantorName { get; set; }

        [StringLength(30, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Foreigners.Edit.GuarantorNumber")]
        public string? GuarantorNumber { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Foreigners.Edit.GuarantorContact")]
        public string? GuarantorContact { get; set; }

        public Guid Version { get; set; }
    }
}
