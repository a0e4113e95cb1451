using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>The kinds of list (reference data): the four seeded ones and those an administrator adds.</summary>
public sealed class ListsModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public ListForm Input { get; set; } = new();

    public IReadOnlyList<(Watchlist List, int Entries)> Lists { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var code = Input.Code?.Trim().ToLowerInvariant() ?? "";
        if (ModelState.IsValid && await db.Watchlists.AnyAsync(w => w.Code == code, cancellationToken))
        {
            ModelState.AddModelError("Input.Code", t["Watchlists.Lists.CodeTaken"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        db.Watchlists.Add(new Watchlist { Code = code, Name = Input.Name!.Trim(), EnglishName = Input.EnglishName!.Trim(), Description = Input.Description?.Trim(), CreatedUtc = now });
        db.RecordAccess(AuditAction.Created, nameof(Watchlist), code, null);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect("/Watchlists/Lists");
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.CreatedUtc).ThenBy(w => w.Code)
            .Select(w => new { List = w, Entries = db.WatchlistEntries.Count(e => e.WatchlistCode == w.Code) })
            .ToListAsync(cancellationToken);
        Lists = [.. lists.Select(l => (l.List, l.Entries))];
    }

    public sealed class ListForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [RegularExpression("^[a-zA-Z0-9-]{2,30}$", ErrorMessage = "Watchlists.Lists.CodeFormat")]
        [Display(Name = "Watchlists.Lists.Code")]
        public string? Code { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Lists.Name")]
        public string? Name { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Lists.EnglishName")]
        public string? EnglishName { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Lists.Description")]
        public string? Description { get; set; }
    }
}
