using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Web.Pages.Watchlists;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Screening;

/// <summary>One hit: who was screened, the entry, why the matcher found them alike; the officer confirms or
/// dismisses with a reason. The hit belongs to the office of the screened person: others get a 404.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, ListedRecords listed, IStringLocalizer<SharedResource> t) : PageModel
{
    public WatchlistHit Hit { get; private set; } = null!;

    public WatchlistEntry Entry { get; private set; } = null!;

    public string ListName { get; private set; } = "";

    public string OwnerName { get; private set; } = "";

    /// <summary>What was reported about the person, to set beside the entry.</summary>
    public Core.GuestReports.GuestReport? Report { get; private set; }

    /// <summary>The record the person was named in, and what it says (permits, findings, tips).</summary>
    public string? SourceUrl { get; private set; }

    public string? SourceSummary { get; private set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public bool CanDecide => Hit.Status == HitStatus.New
        && (User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor) || User.IsInRole(Roles.KanimOfficer));

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(WatchlistHit), Hit.Id.ToString(), Hit.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        Input.Version = Hit.Version;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        var reason = Input.Reason?.Trim();
        if (reason is null || reason.Length < HitReview.MinReasonLength)
        {
            ModelState.AddModelError("Input.Reason", t["Screening.ReasonRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Entry(Hit).Property(h => h.Version).OriginalValue = Input.Version;
        HitReview.Decide(db, Hit, Entry, Input.Confirm, reason!, clock.GetUtcNow().UtcDateTime);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = t["Common.ChangedMeanwhile"].Value;
            return Redirect($"/Screening/Detail/{id}");
        }

        TempData["Message"] = t[Input.Confirm ? "Screening.ConfirmedDone" : "Screening.DismissedDone"].Value;
        return Redirect($"/Screening/Detail/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.WatchlistHits.FirstOrDefaultAsync(h => h.Id == id, cancellationToken) is not { } hit)
        {
            return false;
        }

        Hit = hit;
        Entry = (await WatchlistEditing.FindAsync(db, hit.EntryId, cancellationToken))!;
        ListName = WatchlistTexts.Name(await db.Watchlists.AsNoTracking().FirstOrDefaultAsync(w => w.Code == Entry.WatchlistCode, cancellationToken), Entry.WatchlistCode);
        Report = hit.GuestReportId is { } reportId ? await db.GuestReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, cancellationToken) : null;
        var operation = await HitSources.OperationOf(db, hit.SubjectKind, hit.SubjectId).FirstOrDefaultAsync(cancellationToken);
        SourceUrl = HitSources.Url(listed, hit.SubjectKind, hit.SubjectId, hit.ForeignerId, operation);
        SourceSummary = await HitSources.SummaryAsync(db, hit, cancellationToken);
        OwnerName = await db.Kanims.Where(k => k.Id == Entry.KanimId).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        return true;
    }

    public sealed class DecisionForm
    {
        public bool Confirm { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Screening.Reason")]
        public string? Reason { get; set; }

        public Guid Version { get; set; }
    }
}
