using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Areas;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>A foreigner's profile: identity, documents, addresses, guarantor, contacts, and the timeline of
/// reports and permits, newest first. Only what the caller's scope holds is shown.</summary>
public sealed class DetailModel(AppDbContext db, OfficeClock clock, ListedRecords listedRecords, IStringLocalizer<SharedResource> t) : PageModel
{
    public Foreigner? Person { get; private set; }

    public IReadOnlyDictionary<string, AreaPath> Areas { get; private set; } = new Dictionary<string, AreaPath>();

    public IReadOnlyList<TimelineItem> Timeline { get; private set; } = [];

    /// <summary>The overstay of the latest active permit, if it has expired.</summary>
    public Overstay? CurrentOverstay { get; private set; }

    public bool PendingMatch { get; private set; }

    public Screening.ProfileScreening? Screening { get; private set; }

    public bool NeedsReason { get; private set; }

    public string? Reason { get; private set; }

    public string? ReasonError { get; private set; }

    public string AreaDisplay(string code) => Areas.TryGetValue(code, out var path) ? path.Display : code;

    public async Task<IActionResult> OnGetAsync(string id, string? listed, string? reason, CancellationToken cancellationToken)
    {
        if (!Guid.TryParse(id, out var foreignerId))
        {
            return NotFound();
        }

        Person = await db.Foreigners.AsNoTracking()
            .Include(f => f.Documents).Include(f => f.Aliases).Include(f => f.PastAddresses)
            .AsSplitQuery()
            .FirstOrDefaultAsync(f => f.Id == foreignerId, cancellationToken);
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

        db.RecordAccess(AuditAction.Viewed, nameof(Foreigner), Person.Id.ToString(), Person.KanimId, Reason);
        await db.SaveChangesAsync(cancellationToken);

        var reports = await db.GuestReports.AsNoTracking().Where(r => r.ForeignerId == foreignerId)
            .Select(r => new
            {
                Report = r,
                Provider = db.Providers.Where(p => p.Id == r.ProviderId).Select(p => p.Name).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        var permits = await db.StayPermits.AsNoTracking().Include(p => p.VisaIndex).Where(p => p.ForeignerId == foreignerId).ToListAsync(cancellationToken);
        var rates = await db.OverstayRates.AsNoTracking().ToListAsync(cancellationToken);
        var today = DateOnly.FromDateTime(clock.Now);
        var latest = permits.Where(p => p.Status == PermitStatus.Active).MaxBy(p => p.ExpiresOn);

        Timeline = [.. reports.Select(r => new TimelineItem(r.Report.CheckInUtc, r.Report, r.Provider, null, null))
            .Concat(permits.Select(p => new TimelineItem(
                p.IssuedOn?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ?? p.CreatedUtc, null, null, p,
                p == latest ? Overstay.On(p.ExpiresOn, today, rates) : null)))
            .OrderByDescending(i => i.AtUtc)];
        CurrentOverstay = latest is null ? null : Overstay.On(latest.ExpiresOn, today, rates);
        PendingMatch = reports.Any(r => r.Report.Match == PersonMatch.Possible);
        Screening = await Pages.Screening.ProfileScreening.LoadAsync(db, foreignerId, cancellationToken);
        Areas = await AreaDirectory.PathsAsync(db, [Person.AreaCode, .. Person.PastAddresses.Select(a => a.AreaCode), .. reports.Select(r => r.Report.AreaCode)], cancellationToken);
        return Page();
    }

    /// <summary>One event of the person's timeline: a guest report or a stay permit.</summary>
    public sealed record TimelineItem(DateTime AtUtc, GuestReport? Report, string? ProviderName, StayPermit? Permit, Overstay? Overstay);
}
