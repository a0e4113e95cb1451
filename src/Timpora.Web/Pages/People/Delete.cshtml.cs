using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Organisation;

namespace Timpora.Web.Pages.People;

/// <summary>Deleting personal data asks for confirmation and a reason, both kept in the audit log.</summary>
public sealed class DeleteModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public string Name { get; private set; } = "";

    public string? ReasonError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        Name = person.FullName;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, string? reason, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } person)
        {
            return NotFound();
        }

        if (reason is null || reason.Trim().Length is < 5 or > 500)
        {
            Name = person.FullName;
            ReasonError = t["Reason.Invalid"];
            return Page();
        }

        db.People.Remove(person);
        db.ChangeReason = reason.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Deleted"].Value;
        return Redirect("/People");
    }

    private async Task<Person?> FindAsync(string id, CancellationToken cancellationToken) =>
        Guid.TryParse(id, out var personId) ? await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
}
