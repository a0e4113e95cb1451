using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Providers;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Providers;

/// <summary>A hotel, villa, kos or house registers itself and its first operator's account. It waits, Pending,
/// for the Kanim whose working area holds its village; the operator can sign in but not report until then.</summary>
public sealed class RegisterModel(
    AppDbContext db, UserManager<AppUser> users, IOptions<IdentityOptions> identity, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public RegistrationForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    /// <summary>Re-renders the form with the next level of the area picker filled; used without JavaScript.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        Area.Normalise();
        var village = Area.Village;
        (int Id, string Name)? kanim = null;
        if (village is null || !await AreaPickerView.ExistsAsync(db, village, cancellationToken))
        {
            ModelState.AddModelError(nameof(Area), t["Providers.VillageRequired"]);
        }
        else if ((kanim = await KanimOfAsync(village, cancellationToken)) is null)
        {
            ModelState.AddModelError(nameof(Area), t["Providers.NoKanim"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var provider = db.Providers.Add(new AccommodationProvider
        {
            Name = Input.Name.Trim(),
            Kind = Input.Kind!.Value,
            BusinessNumber = string.IsNullOrWhiteSpace(Input.BusinessNumber) ? null : Input.BusinessNumber.Trim(),
            Street = Input.Street.Trim(),
            ContactName = Input.ContactName.Trim(),
            Phone = Input.Phone.Trim(),
            Email = Input.Email.Trim(),
            KanimId = kanim!.Value.Id,
            AreaCode = village!,
            Status = ProviderStatus.Pending,
        }).Entity;
        var user = new AppUser
        {
            UserName = Input.UserName.Trim(),
            Email = Input.Email.Trim(),
            DisplayName = Input.ContactName.Trim(),
            KanimId = kanim.Value.Id,
            ProviderId = provider.Id,
        };
        // One save writes the provider, its audit entry and the user; the role follows in the same transaction.
        var created = await users.CreateAsync(user, Input.Password);
        if (created.Succeeded)
        {
            created = await users.AddToRoleAsync(user, Roles.ProviderOperator);
        }

        if (!created.Succeeded)
        {
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            foreach (var error in created.Errors)
            {
                ModelState.AddModelError(FieldOf(error.Code), Describe(error));
            }

            await LoadAsync(cancellationToken);
            return Page();
        }

        await transaction.CommitAsync(cancellationToken);
        TempData["Providers.Kanim"] = kanim.Value.Name;
        TempData["Providers.UserName"] = user.UserName;
        return Redirect("/Providers/Registered");
    }

    /// <summary>The Kanim whose working area (a list of regencies) contains the village.</summary>
    private async Task<(int Id, string Name)?> KanimOfAsync(string village, CancellationToken cancellationToken)
    {
        var regency = Core.Areas.Area.Ancestor(village, AreaLevel.Regency);
        var kanim = await db.KanimWorkingAreas
            .Where(w => w.RegencyCode == regency)
            .OrderBy(w => w.KanimId)
            .Join(db.Kanims, w => w.KanimId, k => k.Id, (w, k) => new { k.Id, k.Name })
            .FirstOrDefaultAsync(cancellationToken);
        return kanim is null ? null : (kanim.Id, kanim.Name);
    }

    private static string FieldOf(string code) => code switch
    {
        _ when code.StartsWith("Password", StringComparison.Ordinal) => "Input.Password",
        _ when code.EndsWith("UserName", StringComparison.Ordinal) => "Input.UserName",
        _ when code.EndsWith("Email", StringComparison.Ordinal) => "Input.Email",
        _ => string.Empty,
    };

    /// <summary>Identity's messages are English only: each code it can give here has a text of ours.</summary>
    private string Describe(IdentityError error)
    {
        var text = t["Providers.Identity." + error.Code, identity.Value.Password.RequiredLength];
        return text.ResourceNotFound ? error.Description : text.Value;
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);

    public sealed class RegistrationForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Providers.Name")]
        public string Name { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Providers.Kind")]
        public ProviderKind? Kind { get; set; }

        /// <summary>NIB (Nomor Induk Berusaha) from OSS: 13 digits. A private house may have none.</summary>
        [RegularExpression(@"^\s*\d{13}\s*$", ErrorMessage = "Providers.BusinessNumberFormat")]
        [Display(Name = "Providers.BusinessNumber")]
        public string? BusinessNumber { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(300, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Providers.Street")]
        public string Street { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Providers.ContactName")]
        public string ContactName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^[0-9+()\- ]{6,30}$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "Providers.Phone")]
        public string Phone { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [EmailAddress(ErrorMessage = "Validation.Email")]
        [Display(Name = "Providers.Email")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression(@"^[A-Za-z0-9._-]{3,50}$", ErrorMessage = "Providers.UserNameFormat")]
        [Display(Name = "Providers.UserName")]
        public string UserName { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(128, ErrorMessage = "Validation.TooLong")]
        [DataType(DataType.Password)]
        [Display(Name = "Providers.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "Providers.PasswordMismatch")]
        [DataType(DataType.Password)]
        [Display(Name = "Providers.ConfirmPassword")]
        public string ConfirmPassword { get; set; } = "";
    }
}
