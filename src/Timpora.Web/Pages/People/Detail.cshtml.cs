using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Areas;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Organisation;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.People;

public sealed class DetailModel(AppDbContext db, ListedRecords listedRecords, IStringLocalizer<SharedResource> t) : PageModel
{
    public Person? Person { get; private set; }

    public string? AreaDisplay { get; private set; }

    /// <summary>Opening a record that no list of daily work showed (a search, a typed link) is outside daily work:
    /// the officer says why first.</summary>
    public bool NeedsReason { get; private set; }

    public string? Reason { get; private set; }

    public string? ReasonError { get; private set; }

    public async Task<IActionResult> OnGetAsync(string id, string? listed, string? reason, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var personId))
        {
            return NotFound();
        }

        Person = await db.People.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == personId, cancellationToken);
        if (Person is null)
        {
            return NotFound();
        }

        Reason = reason?.Trim();
        // Owed unless a list of daily work sent the officer here: decided by the server, see ListedRecords.
        if (!listedRecords.WasListed(listed, Person.Id) && (Reason is null || Reason.Length < 5 || Reason.Length > 500))
        {
            NeedsReason = true;
            ReasonError = Reason is null ? null : t["Reason.Invalid"].Value;
            Person = null;
            return Page();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(Timpora.Core.Organisation.Person), Person.Id.ToString(), Person.KanimId, Reason);
        await db.SaveChangesAsync(cancellationToken);
        AreaDisplay = (await AreaDirectory.PathAsync(db, Person.AreaCode, cancellationToken))?.Display;
        return Page();
    }
}
