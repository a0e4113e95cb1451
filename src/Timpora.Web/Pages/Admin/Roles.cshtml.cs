using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Admin;

/// <summary>An administrator marks which roles must sign in with a second factor.</summary>
public sealed class RolesModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public IReadOnlyList<RoleRow> RoleRows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) =>
        RoleRows = await db.Roles.OrderBy(r => r.Name)
            .Select(r => new RoleRow(r.Name!, r.RequiresTwoFactor, db.UserRoles.Count(u => u.RoleId == r.Id)))
            .ToListAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(string[] twoFactor, CancellationToken cancellationToken)
    {
        foreach (var role in await db.Roles.ToListAsync(cancellationToken))
        {
            role.RequiresTwoFactor = twoFactor.Contains(role.Name);
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage();
    }

    public sealed record RoleRow(string Name, bool RequiresTwoFactor, int Users);
}
