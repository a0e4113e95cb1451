using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Admin.Users;

/// <summary>The accounts the administrator manages: the national administrator's all, an office administrator's
/// those of their office (<see cref="AccountAdministration.Accounts"/>).</summary>
public sealed class IndexModel(AppDbContext db, AccountEditing editing, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public string? Role { get; set; }
    [BindProperty(SupportsGet = true)] public int? Kanim { get; set; }
    [BindProperty(SupportsGet = true)] public int? Unit { get; set; }

    /// <summary>"yes", "no" or empty (both).</summary>
    [BindProperty(SupportsGet = true)] public string? Active { get; set; }

    /// <summary>"never", "30" (not in the last 30 days), "recent" (in the last 30 days) or empty.</summary>
    [BindProperty(SupportsGet = true)] public string? SignedIn { get; set; }

    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;

    public Paged<AccountRow> Accounts { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public AccountChoices Choices { get; private set; } = new([], [], [], [], []);

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var admin = await AccountAdministration.ForUserAsync(db, db.Caller.UserId, cancellationToken);
        if (!admin.Administers)
        {
            return Forbid();
        }

        Choices = await editing.ChoicesAsync(admin, cancellationToken);
        var accounts = admin.Accounts(db);
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            accounts = accounts.Where(u => u.NormalizedUserName!.Contains(q) || u.DisplayName.ToUpper().Contains(q) || u.NormalizedEmail!.Contains(q));
        }

        if (!string.IsNullOrWhiteSpace(Role))
        {
            var role = Role;
            accounts = accounts.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == role)));
        }

        if (Kanim is { } kanim)
        {
            accounts = accounts.Where(u => u.KanimId == kanim);
        }

        if (Unit is { } unit)
        {
            accounts = accounts.Where(u => db.People.Any(p => p.Id == u.PersonId && p.UnitId == unit));
        }

        accounts = Active switch
        {
            "yes" => accounts.Where(u => u.DeactivatedUtc == null),
            "no" => accounts.Where(u => u.DeactivatedUtc != null),
            _ => accounts,
        };
        var monthAgo = clock.GetUtcNow().UtcDateTime.AddDays(-30);
        accounts = SignedIn switch
        {
            "never" => accounts.Where(u => u.LastSignInUtc == null),
            "30" => accounts.Where(u => u.LastSignInUtc == null || u.LastSignInUtc < monthAgo),
            "recent" => accounts.Where(u => u.LastSignInUtc >= monthAgo),
            _ => accounts,
        };
        Accounts = await accounts.OrderBy(u => u.UserName)
            .Select(u => new AccountRow(
                u.Id, u.UserName!, u.DisplayName,
                db.UserRoles.Where(ur => ur.UserId == u.Id).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!).FirstOrDefault() ?? "",
                db.Kanims.Where(k => k.Id == u.KanimId).Select(k => k.Name).FirstOrDefault()
                    ?? db.Kanwils.Where(k => k.Id == u.KanwilId).Select(k => k.Name).FirstOrDefault(),
                u.IsOfficeAdministrator, u.DeactivatedUtc == null, u.LastSignInUtc))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        return Page();
    }

    public string PageLink(int page) => Url.Page("/Admin/Users/Index", new { Q, Role, Kanim, Unit, Active, SignedIn, p = page })!;

    public sealed record AccountRow(string Id, string UserName, string DisplayName, string Role, string? Office, bool OfficeAdministrator, bool Active, DateTime? LastSignInUtc);

    public static IEnumerable<SelectListItem> With(IEnumerable<SelectListItem> items, string? selected) =>
        items.Select(i => new SelectListItem(i.Text, i.Value, i.Value == selected));
}
