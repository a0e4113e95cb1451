using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Admin.Users;

/// <summary>Creates an account without a password and shows, once, the link with which its person sets one.</summary>
public sealed class NewModel(AppDbContext db, AccountEditing editing, PasswordLinks links) : PageModel
{
    [BindProperty]
    public AccountForm Input { get; set; } = new();

    public AccountChoices Choices { get; private set; } = new([], [], [], [], []);

    /// <summary>The one-time link, on the answer to the POST only: never stored, never shown again.</summary>
    public string? Link { get; private set; }

    public string? CreatedUserName { get; private set; }

    public string? CreatedId { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var admin = await AccountAdministration.ForUserAsync(db, db.Caller.UserId, cancellationToken);
        if (!admin.Administers)
        {
            return Forbid();
        }

        Choices = await editing.ChoicesAsync(admin, cancellationToken);
        Input.KanimId = admin.KanimId;
        Input.KanwilId = admin.KanwilId;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var admin = await AccountAdministration.ForUserAsync(db, db.Caller.UserId, cancellationToken);
        if (!admin.Administers)
        {
            return Forbid();
        }

        Choices = await editing.ChoicesAsync(admin, cancellationToken);
        if (!ModelState.IsValid || await editing.ValidateAsync(Input, admin, null, ModelState, cancellationToken) is not { } place)
        {
            return Page();
        }

        var user = await editing.CreateAsync(Input, place, cancellationToken);
        Link = await links.NewLinkAsync(user, Request);
        CreatedUserName = user.UserName;
        CreatedId = user.Id;
        return Page();
    }
}
