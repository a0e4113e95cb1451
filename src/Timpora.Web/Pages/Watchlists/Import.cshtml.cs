using System.ComponentModel.DataAnnotations;
using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>Loads a CSV file into one list, all or nothing: a file with any wrong line is refused whole and
/// every wrong line is listed with its field.</summary>
public sealed class ImportModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public const long MaxFileBytes = 20 * 1024 * 1024;

    [BindProperty]
    public ImportForm Input { get; set; } = new();

    public IReadOnlyList<Watchlist> Lists { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Offices { get; private set; } = [];

    public IReadOnlyList<string> Problems { get; private set; } = [];

    public int TotalProblems { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Input.WatchlistCode = Watchlist.EntryBan;
        Input.KanimId = await db.Kanims.Where(k => db.Caller.Scope.KanimIds.Contains(k.Id)).Select(k => (int?)k.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
        await LoadAsync(cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(IFormFile? file, CancellationToken cancellationToken)
    {
        if (file is null || file.Length == 0)
        {
            ModelState.AddModelError("file", t["Watchlists.Import.NoFile"]);
        }
        else if (file.Length > MaxFileBytes)
        {
            ModelState.AddModelError("file", t["Watchlists.Import.TooLarge"]);
        }

        if (!await db.Watchlists.AnyAsync(w => w.Code == Input.WatchlistCode, cancellationToken))
        {
            ModelState.AddModelError("Input.WatchlistCode", t["Watchlists.Problem.UnknownList"]);
        }

        if (!await new ScopedIds(db).OfficeAsync(Input.KanimId, cancellationToken))
        {
            ModelState.AddModelError("Input.KanimId", t["Watchlists.Problem.UnknownOffice"]);
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        using var reader = new StreamReader(file!.OpenReadStream(), new UTF8Encoding(false, true));
        ImportResult result;
        try
        {
            db.ChangeReason = "import " + Path.GetFileName(file.FileName);
            result = await WatchlistImport.ImportAsync(db, reader, Input.WatchlistCode, Input.KanimId, clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        catch (DecoderFallbackException)
        {
            result = new ImportResult(0, 0, [new EntryProblem("file", "NotUtf8", 1)]);
        }

        if (!result.Succeeded)
        {
            TotalProblems = result.Problems.Count;
            Problems = [.. result.Problems.Select(p => WatchlistTexts.Problem(t, p))];
            ModelState.AddModelError(string.Empty, t["Watchlists.Import.Refused", result.Problems.Count]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Watchlists.Import.Done", result.Created, result.Updated].Value;
        return Redirect("/Watchlists?list=" + Uri.EscapeDataString(Input.WatchlistCode));
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.CreatedUtc).ThenBy(w => w.Code).ToListAsync(cancellationToken);
        Offices = (await db.Kanims.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Id, k.Name)).ToList();
    }

    public sealed class ImportForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Watchlists.List")]
        public string WatchlistCode { get; set; } = "";

        [Display(Name = "Watchlists.Office")]
        public int KanimId { get; set; }
    }
}
