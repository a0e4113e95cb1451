using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>Creates or edits one entry, or ends it (with confirmation and a reason). Every save is audited and
/// makes every instance rebuild its lists and re-screen the people present.</summary>
public sealed class EntryModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public EntryForm Input { get; set; } = new();

    public Guid? Id { get; private set; }

    public bool Confirming { get; private set; }

    public bool IsExpired { get; private set; }

    public IReadOnlyList<Watchlist> Lists { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Offices { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(Guid? id, bool expire, CancellationToken cancellationToken)
    {
        if (id is { } existing)
        {
            if (await WatchlistEditing.FindAsync(db, existing, cancellationToken) is not { } entry)
            {
                return NotFound();
            }

            Id = existing;
            Input = EntryForm.From(entry);
            Confirming = expire;
            IsExpired = entry.ValidUntil < Today;
        }
        else
        {
            Input.KanimId = await db.Kanims.Where(k => db.Caller.Scope.KanimIds.Contains(k.Id)).Select(k => (int?)k.Id).FirstOrDefaultAsync(cancellationToken) ?? 0;
            Input.WatchlistCode = Watchlist.EntryBan;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        WatchlistEntry? entry = null;
        if (id is { } existing && (entry = await WatchlistEditing.FindAsync(db, existing, cancellationToken)) is null)
        {
            return NotFound();
        }

        Id = id;
        var draft = Input.ToDraft();
        if (ModelState.IsValid)
        {
            foreach (var problem in EntryRules.Check(draft))
            {
                ModelState.AddModelError("Input." + FieldOf(problem.Field), WatchlistTexts.Problem(t, problem));
            }

            if (!await db.Watchlists.AnyAsync(w => w.Code == draft.WatchlistCode, cancellationToken))
            {
                ModelState.AddModelError("Input.WatchlistCode", t["Watchlists.Problem.UnknownList"]);
            }

            if (!await new ScopedIds(db).OfficeAsync(draft.KanimId, cancellationToken))
            {
                ModelState.AddModelError("Input.KanimId", t["Watchlists.Problem.UnknownOffice"]);
            }

            if (draft.Reference is { Length: > 0 } reference
                && await db.WatchlistEntries.AnyAsync(e => e.WatchlistCode == draft.WatchlistCode && e.Reference == reference && e.Id != id, cancellationToken))
            {
                ModelState.AddModelError("Input.Reference", t["Watchlists.Problem.DuplicateReference"]);
            }
        }

        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (entry is null)
        {
            entry = WatchlistEditing.Create(db, draft, now);
        }
        else
        {
            db.Entry(entry).Property(e => e.Version).OriginalValue = Input.Version;
            WatchlistEditing.Update(db, entry, draft, now);
        }

        return await SaveAsync(entry.Id, "Watchlists.Saved", cancellationToken);
    }

    public async Task<IActionResult> OnPostExpireAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await WatchlistEditing.FindAsync(db, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var reason = Input.ExpireReason?.Trim();
        if (reason is null || reason.Length < HitReview.MinReasonLength)
        {
            ModelState.Clear();
            ModelState.AddModelError("Input.ExpireReason", t["Watchlists.ReasonRequired"]);
            Id = id;
            Confirming = true;
            Input = EntryForm.From(entry);
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Entry(entry).Property(e => e.Version).OriginalValue = Input.Version;
        db.ChangeReason = reason;
        WatchlistEditing.Expire(db, entry, Today, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(id, "Watchlists.ExpiredDone", cancellationToken);
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private async Task<IActionResult> SaveAsync(Guid id, string message, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = t["Common.ChangedMeanwhile"].Value;
            return Redirect($"/Watchlists/Detail/{id}");
        }

        TempData["Message"] = t[message].Value;
        return Redirect($"/Watchlists/Detail/{id}");
    }

    private static string FieldOf(string field) => field switch
    {
        nameof(EntryDraft.Aliases) => nameof(EntryForm.Aliases),
        nameof(EntryDraft.Documents) => nameof(EntryForm.Documents),
        _ => field,
    };

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Lists = await db.Watchlists.AsNoTracking().OrderBy(w => w.CreatedUtc).ThenBy(w => w.Code).ToListAsync(cancellationToken);
        Offices = (await db.Kanims.AsNoTracking().OrderBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Id, k.Name)).ToList();
    }

    public sealed class EntryForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Watchlists.List")]
        public string WatchlistCode { get; set; } = "";

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Reference")]
        public string? Reference { get; set; }

        [StringLength(EntryRules.MaxNameLength, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Name")]
        public string? Name { get; set; }

        [StringLength(4000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Aliases")]
        public string? Aliases { get; set; }

        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.BirthDate")]
        public string? BirthDate { get; set; }

        [StringLength(3, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Nationality")]
        public string? Nationality { get; set; }

        public Sex Sex { get; set; }

        [StringLength(700, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Documents")]
        public string? Documents { get; set; }

        [Display(Name = "Watchlists.ValidFrom")]
        public DateOnly? ValidFrom { get; set; }

        [Display(Name = "Watchlists.ValidUntil")]
        public DateOnly? ValidUntil { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Source")]
        public string? Source { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Watchlists.Reason")]
        public string? Reason { get; set; }

        [Display(Name = "Watchlists.Office")]
        public int KanimId { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        public string? ExpireReason { get; set; }

        public Guid Version { get; set; }

        public EntryDraft ToDraft() => new(
            WatchlistCode, Reference?.Trim(), Name?.Trim() ?? "", EntryRules.SplitList(Aliases), BirthDate?.Trim(), Nationality?.Trim().ToUpperInvariant(),
            Sex, EntryRules.SplitList(Documents), ValidFrom, ValidUntil, Source, Reason, KanimId);

        public static EntryForm From(WatchlistEntry e) => new()
        {
            WatchlistCode = e.WatchlistCode,
            Reference = e.Reference,
            Name = e.Name,
            Aliases = string.Join("\n", e.Aliases.Select(a => a.Name)),
            BirthDate = e.BirthDate,
            Nationality = e.Nationality,
            Sex = e.Sex,
            Documents = string.Join("\n", e.Documents.Select(d => d.Number)),
            ValidFrom = e.ValidFrom,
            ValidUntil = e.ValidUntil,
            Source = e.Source,
            Reason = e.Reason,
            KanimId = e.KanimId,
            Version = e.Version,
        };
    }
}
