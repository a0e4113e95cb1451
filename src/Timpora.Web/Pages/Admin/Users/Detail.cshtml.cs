using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Admin.Users;

/// <summary>One account: its details, role and scope, and the actions on it (deactivate, reactivate, a new password
/// link, reset the second factor, unlock). Each change is audited by the context with the reason given.</summary>
public sealed class DetailModel(AppDbContext db, UserManager<AppUser> users, AccountEditing editing, PasswordLinks links, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public AccountForm Input { get; set; } = new();

    [BindProperty]
    public string? ActionReason { get; set; }

    /// <summary>Set to "deactivate" or "reset2fa" by the action's first click: the page asks to confirm.</summary>
    [BindProperty(SupportsGet = true)]
    public string? Confirm { get; set; }

    public AppUser Account { get; private set; } = null!;
    public AccountChoices Choices { get; private set; } = new([], [], [], [], []);
    public string? Link { get; private set; }
    public bool IsSelf => Account.Id == db.Caller.UserId;

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        var roles = await users.GetRolesAsync(Account);
        Input = new AccountForm
        {
            UserName = Account.UserName!,
            DisplayName = Account.DisplayName,
            Email = Account.Email ?? "",
            Phone = Account.PhoneNumber,
            Role = AccountAdministration.HighestOf(roles),
            KanwilId = Account.KanwilId,
            KanimId = Account.KanimId,
            Villages = string.Join(", ", Account.Villages.Select(v => v.VillageCode)),
            UnitId = Account.PersonId is { } personId ? await db.People.Where(p => p.Id == personId).Select(p => (int?)p.UnitId).FirstOrDefaultAsync(cancellationToken) : null,
            ProviderId = Account.ProviderId,
            IsOfficeAdministrator = Account.IsOfficeAdministrator,
        };
        return Page();
    }

    public async Task<IActionResult> OnPostSaveAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        Input.UserName = Account.UserName!;
        var admin = await AdminAsync(cancellationToken);
        if (!ModelState.IsValid || await editing.ValidateAsync(Input, admin, Account.Id, ModelState, cancellationToken) is not { } place)
        {
            return Page();
        }

        if (place.Role != Roles.Administrator && await AccountAdministration.IsLastActiveAdministratorAsync(db, Account.Id, cancellationToken))
        {
            ModelState.AddModelError("Input.Role", t["Accounts.LastAdministrator"]);
            return Page();
        }

        if (IsSelf && (place.IsOfficeAdministrator != Account.IsOfficeAdministrator || !await users.IsInRoleAsync(Account, place.Role)))
        {
            ModelState.AddModelError("Input.Role", t["Accounts.NotYourOwn"]);
            return Page();
        }

        await editing.UpdateAsync(Account, Input, place, cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostDeactivateAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (RequireReason() is { } missing)
        {
            Confirm = "deactivate";
            return missing;
        }

        if (IsSelf || await AccountAdministration.IsLastActiveAdministratorAsync(db, Account.Id, cancellationToken))
        {
            ModelState.AddModelError(nameof(ActionReason), t[IsSelf ? "Accounts.NotYourOwn" : "Accounts.LastAdministrator"]);
            return Page();
        }

        db.ChangeReason = ActionReason;
        Account.DeactivatedUtc = clock.GetUtcNow().UtcDateTime;
        // A new stamp ends every session at its next check (SecurityStampValidator, one minute).
        AccountEditing.Check(await users.UpdateSecurityStampAsync(Account));
        TempData["Message"] = t["Accounts.DeactivatedDone"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostReactivateAsync(string id, CancellationToken cancellationToken) =>
        await ActAsync(id, "Accounts.ReactivatedDone", async () =>
        {
            Account.DeactivatedUtc = null;
            AccountEditing.Check(await users.UpdateAsync(Account));
        }, cancellationToken);

    public async Task<IActionResult> OnPostResetPasswordAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (RequireReason() is { } missing)
        {
            return missing;
        }

        db.ChangeReason = ActionReason;
        // The old password stops working at once; the person sets a new one through the link.
        AccountEditing.Check(await users.RemovePasswordAsync(Account));
        Link = await links.NewLinkAsync(Account, Request);
        return Page();
    }

    public async Task<IActionResult> OnPostResetTwoFactorAsync(string id, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (RequireReason() is { } missing)
        {
            Confirm = "reset2fa";
            return missing;
        }

        db.ChangeReason = ActionReason;
        AccountEditing.Check(await users.SetTwoFactorEnabledAsync(Account, false));
        AccountEditing.Check(await users.ResetAuthenticatorKeyAsync(Account));
        TempData["Message"] = t["Accounts.TwoFactorResetDone"].Value;
        return RedirectToPage(new { id });
    }

    public async Task<IActionResult> OnPostUnlockAsync(string id, CancellationToken cancellationToken) =>
        await ActAsync(id, "Accounts.UnlockedDone", async () =>
        {
            AccountEditing.Check(await users.SetLockoutEndDateAsync(Account, null));
            AccountEditing.Check(await users.ResetAccessFailedCountAsync(Account));
        }, cancellationToken);

    private async Task<IActionResult> ActAsync(string id, string done, Func<Task> change, CancellationToken cancellationToken)
    {
        if (await LoadAsync(id, cancellationToken) is { } refused)
        {
            return refused;
        }

        if (RequireReason() is { } missing)
        {
            return missing;
        }

        db.ChangeReason = ActionReason;
        await change();
        TempData["Message"] = t[done].Value;
        return RedirectToPage(new { id });
    }

    private IActionResult? RequireReason()
    {
        if (!string.IsNullOrWhiteSpace(ActionReason))
        {
            ActionReason = ActionReason.Trim();
            return null;
        }

        ModelState.AddModelError(nameof(ActionReason), t["Accounts.ReasonNeeded"]);
        return Page();
    }

    public bool LockedOut => Account.LockoutEnd is { } end && end > clock.GetUtcNow();

    private async Task<AccountAdministration> AdminAsync(CancellationToken cancellationToken) =>
        await AccountAdministration.ForUserAsync(db, db.Caller.UserId, cancellationToken);

    // Loads the account and the form's choices; another office's account, or one above the administrator, is a 404.
    private async Task<IActionResult?> LoadAsync(string id, CancellationToken cancellationToken)
    {
        var admin = await AdminAsync(cancellationToken);
        if (!admin.Administers)
        {
            return Forbid();
        }

        var place = await AccountAdministration.PlaceOfAsync(db, id, cancellationToken);
        if (place is null || !admin.Manages(place.Value.Place))
        {
            return NotFound();
        }

        Account = await db.Users.Include(u => u.Villages).FirstAsync(u => u.Id == id, cancellationToken);
        Choices = await editing.ChoicesAsync(admin, cancellationToken);
        return null;
    }
}
