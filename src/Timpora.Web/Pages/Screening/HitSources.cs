using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Watchlists;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Screening;

/// <summary>Where the record a hit came from is shown: a guest report or a permit on the person's profile, a
/// finding on its operation, a tip on its own page.</summary>
public static class HitSources
{
    /// <summary>A hit is daily work, so a profile opens from it without a reason (<see cref="ListedRecords"/>).</summary>
    public static string? Url(ListedRecords listed, SubjectKind kind, Guid subjectId, Guid? foreignerId, Guid? operationId) => kind switch
    {
        SubjectKind.GuestReport or SubjectKind.StayPermit => foreignerId is { } person ? listed.Foreigner(person) : null,
        SubjectKind.OperationFinding => operationId is { } operation ? $"/Operations/{operation}" : null,
        _ => $"/Tips/Detail/{subjectId}",
    };

    public static string Kind(IStringLocalizer t, SubjectKind kind) => t["ScreeningApp.Kind." + kind].Value;

    /// <summary>The operation of a finding (through the caller's scope), for its link.</summary>
    public static IQueryable<Guid?> OperationOf(AppDbContext db, SubjectKind kind, Guid subjectId) =>
        db.OperationFindings.Where(f => kind == SubjectKind.OperationFinding && f.Id == subjectId).Select(f => (Guid?)f.OperationId);

    /// <summary>One line of what the record says about the person (null for a guest report: the page shows the report).</summary>
    public static async Task<string?> SummaryAsync(AppDbContext db, WatchlistHit hit, CancellationToken cancellationToken)
    {
        var id = hit.SubjectId;
        switch (hit.SubjectKind)
        {
            case SubjectKind.StayPermit:
                var permit = await db.StayPermits.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, cancellationToken);
                return permit is null ? null
                    : string.Join(" · ", permit.Kind.ToString(), permit.Number ?? "—", permit.ExpiresOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            case SubjectKind.OperationFinding:
                var finding = await db.OperationFindings.AsNoTracking().FirstOrDefaultAsync(f => f.Id == id, cancellationToken);
                return finding is null ? null : string.Join(" · ", finding.Place, finding.PassportNumber ?? "—", finding.Nationality ?? "—");
            case SubjectKind.Tip:
                var tip = await db.Tips.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
                return tip is null ? null : string.Join(" · ", tip.TrackingCode, tip.SubjectNationality ?? "—", tip.SubjectDescription ?? "—");
            default:
                return null;
        }
    }
}
