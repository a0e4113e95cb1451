using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Account;

/// <summary>The page of the one-time link (Admin/Users/PasswordLinks): the person sets their own password. A used,
/// replaced, expired or altered link is refused with the same message, and says whom to ask.</summary>
[EnableRateLimiting(Services.SignInRateLimit)]
public sealed class SetPasswordModel(UserManager<AppUser> users, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserId { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Token { get; set; }

    [BindProperty]
    public PasswordForm Input { get; set; } = new();

    public bool Refused { get; private set; }

    public string? UserName { get; private set; }

    public async Task OnGetAsync()
    {
        var user = await ValidUserAsync();
        Refused = user is null;
        UserName = user?.UserName;
    }

    public async Task<IActionResult> OnPostAsync()
    {
        var user = await ValidUserAsync();
        if (user is null)
        {
            Refused = true;
            return Page();
        }

        UserName = user.UserName;
        if (!ModelState.IsValid)
        {
            return Page();
        }

        var result = await users.ResetPasswordAsync(user, Token!, Input.Password);
        if (!result.Succeeded)
        {
            foreach (var error in result.Errors)
            {
                ModelState.AddModelError(error.Code == "InvalidToken" ? string.Empty : "Input.Password",
                    error.Code == "InvalidToken" ? t["SetPassword.Refused"] : error.Description);
            }

            return Page();
        }

        if (await users.IsLockedOutAsync(user))
        {
            await users.SetLockoutEndDateAsync(user, null);
        }

        TempData["Message"] = t["SetPassword.Done"].Value;
        return RedirectToPage("/Account/SignIn");
    }

    private async Task<AppUser?> ValidUserAsync()
    {
        if (string.IsNullOrEmpty(UserId) || string.IsNullOrEmpty(Token) || UserId.Length > 100 || Token.Length > 2000)
        {
            return null;
        }

        var user = await users.FindByIdAsync(UserId);
        if (user is null || user.DeactivatedUtc is not null)
        {
            return null;
        }

        var valid = await users.VerifyUserTokenAsync(user, users.Options.Tokens.PasswordResetTokenProvider, UserManager<AppUser>.ResetPasswordTokenPurpose, Token);
        return valid ? user : null;
    }

    public sealed class PasswordForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(256, MinimumLength = 12, ErrorMessage = "SetPassword.Length")]
        [DataType(DataType.Password)]
        [Display(Name = "SetPassword.Password")]
        public string Password { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Compare(nameof(Password), ErrorMessage = "SetPassword.Mismatch")]
        [DataType(DataType.Password)]
        [Display(Name = "SetPassword.Confirm")]
        public string Confirm { get; set; } = "";
    }
}
