using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>Person resolution by the office: a report whose guest has the name, birth date and nationality of
/// someone already registered (but another passport) is reviewed here, and merged or kept apart.</summary>
public sealed class MatchesModel(AppDbContext db, TimeProvider time, ListedRecords listed, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Review> Result { get; private set; } = null!;

    /// <summary>For each person to review, the registered people who look the same.</summary>
    public IReadOnlyDictionary<Guid, List<Candidate>> Candidates { get; private set; } = new Dictionary<Guid, List<Candidate>>();

    public IReadOnlyList<MergeLine> RecentMerges { get; private set; } = [];

    public string? Error { get; private set; }

    public string PageLink(int page) => "/Foreigners/Matches?page=" + page.ToString(CultureInfo.InvariantCulture);

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostMergeAsync(Guid reportId, Guid intoId, string? reason, CancellationToken cancellationToken)
    {
        var report = await db.GuestReports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId && r.Match == PersonMatch.Possible, cancellationToken);
        var newPerson = report is null ? null : await db.Foreigners.AsNoTracking().FirstOrDefaultAsync(f => f.Id == report.ForeignerId, cancellationToken);
        var existing = await db.Foreigners.AsNoTracking().FirstOrDefaultAsync(f => f.Id == intoId, cancellationToken);
        if (newPerson is null || existing is null || existing.Id == newPerson.Id)
        {
            return NotFound();
        }

        if (!ReasonValid(reason))
        {
            return await ShowAsync(t["Reason.Invalid"].Value, cancellationToken);
        }

        await PersonMerge.MergeAsync(db, newPerson.Id, existing.Id, reason!.Trim(), time.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Message"] = t["Foreigners.Merged"].Value;
        return Redirect(listed.Foreigner(existing.Id));
    }

    public async Task<IActionResult> OnPostKeepApartAsync(Guid reportId, string? reason, CancellationToken cancellationToken)
    {
        var report = await db.GuestReports.FirstOrDefaultAsync(r => r.Id == reportId && r.Match == PersonMatch.Possible, cancellationToken);
        if (report is null)
        {
            return NotFound();
        }

        await PersonMerge.KeepApartAsync(db, report, string.IsNullOrWhiteSpace(reason) ? "keep apart" : reason.Trim(), cancellationToken);
        TempData["Message"] = t["Foreigners.KeptApart"].Value;
        return RedirectToPage();
    }

    public async Task<IActionResult> OnPostUndoAsync(long entryId, string? reason, CancellationToken cancellationToken)
    {
        if (!await db.AuditEntries.AnyAsync(a => a.Id == entryId && a.EntityType == PersonMerge.MergeEntity, cancellationToken))
        {
            return NotFound();
        }

        if (!ReasonValid(reason))
        {
            return await ShowAsync(t["Reason.Invalid"].Value, cancellationToken);
        }

        var undone = await PersonMerge.UndoAsync(db, entryId, reason!.Trim(), time.GetUtcNow().UtcDateTime, cancellationToken);
        TempData["Message"] = undone ? t["Foreigners.MergeUndone"].Value : t["Foreigners.MergeNotUndone"].Value;
        return RedirectToPage();
    }

    private static bool ReasonValid(string? reason) => reason?.Trim() is { Length: >= 5 and <= 500 };

    private async Task<IActionResult> ShowAsync(string error, CancellationToken cancellationToken)
    {
        Error = error;
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        Result = await db.GuestReports.AsNoTracking()
            .Where(r => r.Match == PersonMatch.Possible)
            .OrderByDescending(r => r.ReportedUtc)
            .Join(db.Foreigners, r => r.ForeignerId, f => f.Id, (r, f) => new Review(
                r.Id, f.Id, f.Surname, f.GivenNames, f.NameKey, f.BirthDate, f.Nationality, r.PassportNumber, r.PassportIssuingState,
                db.Providers.Where(p => p.Id == r.ProviderId).Select(p => p.Name).FirstOrDefault() ?? "", r.CheckInUtc))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);

        var candidates = new Dictionary<Guid, List<Candidate>>();
        foreach (var review in Result.Items)
        {
            candidates[review.ReportId] = await db.Foreigners.AsNoTracking()
                .Where(f => f.Id != review.ForeignerId && f.NameKey == review.NameKey && f.BirthDate == review.BirthDate && f.Nationality == review.Nationality)
                .OrderBy(f => f.CreatedUtc)
                .Select(f => new Candidate(
                    f.Id, f.Surname, f.GivenNames, f.BirthDate, f.Nationality, f.AreaCode, f.Street,
                    f.Documents.Select(d => d.IssuingState + " " + d.Number).ToList(),
                    db.GuestReports.Where(g => g.ForeignerId == f.Id).Max(g => (DateTime?)g.CheckInUtc)))
                .Take(5)
                .ToListAsync(cancellationToken);
        }

        Candidates = candidates;
        var merges = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == PersonMerge.MergeEntity)
            .OrderByDescending(a => a.Id)
            .Take(20)
            .Select(a => new { a.Id, a.AtUtc, a.UserName, a.EntityId, a.Reason })
            .ToListAsync(cancellationToken);
        var ids = merges.Select(m => m.Id.ToString(CultureInfo.InvariantCulture)).ToList();
        var undone = await db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == PersonMerge.UndoEntity && ids.Contains(a.EntityId))
            .Select(a => a.EntityId)
            .ToListAsync(cancellationToken);
        RecentMerges = [.. merges.Select(m => new MergeLine(m.Id, m.AtUtc, m.UserName, m.EntityId, m.Reason, undone.Contains(m.Id.ToString(CultureInfo.InvariantCulture))))];
    }

    public sealed record Review(
        Guid ReportId, Guid ForeignerId, string Surname, string GivenNames, string NameKey, string? BirthDate, string Nationality,
        string PassportNumber, string PassportIssuingState, string ProviderName, DateTime CheckInUtc);

    public sealed record Candidate(
        Guid Id, string Surname, string GivenNames, string? BirthDate, string Nationality, string AreaCode, string? Street, List<string> Documents, DateTime? LastReportUtc);

    public sealed record MergeLine(long Id, DateTime AtUtc, string UserName, string IntoId, string? Reason, bool Undone);
}
