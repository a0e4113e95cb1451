using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Screening;
using Sex = Timpora.Core.Foreigners.Sex;

namespace Timpora.Core.Watchlists;

/// <summary>One person named in a record, as the screening job sees it: the record, the person in the register
/// when known, the office the record (and so the hit) belongs to, and what the matcher is asked.</summary>
public sealed record ScreeningSubject(
    SubjectKind Kind, Guid Id, Guid? ForeignerId, int KanimId, string AreaCode, DateTime CreatedUtc,
    string Name, string? BirthDate, string? Nationality, Sex Sex, string? Document)
{
    public const int MaxName = 260;

    public ScreeningQuery Query(DateOnly today) => new(
        Name,
        PartialDate.TryParse(BirthDate, out var date) ? date : null,
        Nationality,
        ScreeningRuns.ToMatcher(Sex),
        Document,
        today);
}

/// <summary>Reads the records of each kind saved since a time and not screened yet (the <c>person_screenings</c>
/// row decides, the time is only a lower bound), and the guests present for a re-screen.</summary>
public static class ScreeningSubjects
{
    public static readonly IReadOnlyList<SubjectKind> Kinds = Enum.GetValues<SubjectKind>();

    public static async Task<List<ScreeningSubject>> NewAsync(AppDbContext db, SubjectKind kind, DateTime fromUtc, int take, CancellationToken cancellationToken)
    {
        var screened = db.PersonScreenings.Where(s => s.SubjectKind == kind);
        switch (kind)
        {
            case SubjectKind.GuestReport:
                var reports = await db.GuestReports.IgnoreQueryFilters().AsNoTracking()
                    .Where(r => r.CreatedUtc >= fromUtc && !screened.Any(s => s.SubjectId == r.Id))
                    .OrderBy(r => r.CreatedUtc).Take(take).ToListAsync(cancellationToken);
                return [.. reports.Select(Of)];
            case SubjectKind.StayPermit:
                return await PermitHoldersAsync(
                    db.StayPermits.IgnoreQueryFilters().Where(p => p.CreatedUtc >= fromUtc && !screened.Any(s => s.SubjectId == p.Id))
                        .OrderBy(p => p.CreatedUtc).Take(take),
                    db, cancellationToken);
            case SubjectKind.OperationFinding:
                var findings = await db.OperationFindings.IgnoreQueryFilters().AsNoTracking()
                    .Where(f => f.CreatedUtc >= fromUtc && !screened.Any(s => s.SubjectId == f.Id))
                    .OrderBy(f => f.CreatedUtc).Take(take)
                    .LeftJoin(db.Foreigners.IgnoreQueryFilters(), f => f.ForeignerId, p => (Guid?)p.Id, (f, p) => new
                    {
                        Finding = f,
                        Person = p == null ? null : new { p.BirthDate, p.Sex },
                    })
                    .ToListAsync(cancellationToken);
                return [.. findings.Select(x => new ScreeningSubject(
                    kind, x.Finding.Id, x.Finding.ForeignerId, x.Finding.KanimId, x.Finding.AreaCode, x.Finding.CreatedUtc, Clip(x.Finding.PersonName),
                    x.Person?.BirthDate, x.Finding.Nationality, x.Person?.Sex ?? Sex.Unknown, x.Finding.PassportNumber))];
            default:
                // A tip that names nobody is not a subject; its nationality is free text, so only a code is used.
                var tips = await db.Tips.IgnoreQueryFilters().AsNoTracking()
                    .Where(t => t.CreatedUtc >= fromUtc && t.SubjectName != null && !screened.Any(s => s.SubjectId == t.Id))
                    .OrderBy(t => t.CreatedUtc).Take(take)
                    .Select(t => new { t.Id, t.KanimId, t.AreaCode, t.CreatedUtc, t.SubjectName, t.SubjectNationality })
                    .ToListAsync(cancellationToken);
                return [.. tips.Select(t => new ScreeningSubject(
                    kind, t.Id, null, t.KanimId, t.AreaCode, t.CreatedUtc, Clip(t.SubjectName!), null, CodeOrNull(t.SubjectNationality), Sex.Unknown, null))];
        }
    }

    /// <summary>Guests present as <c>RegisterQueries.Present</c> counts them (checked in, not out), paged by id. A
    /// report not screened yet is left to the new-record screening: it reads the lists after the report, so the
    /// changed entry is in them, and its hit says the report (not the list change) brought it.</summary>
    public static async Task<List<ScreeningSubject>> PresentAsync(AppDbContext db, DateTime nowUtc, Guid after, int take, CancellationToken cancellationToken) =>
        [.. (await db.GuestReports.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.CheckInUtc <= nowUtc && r.CheckOutUtc == null && r.Id.CompareTo(after) > 0
                && db.PersonScreenings.Any(s => s.SubjectKind == SubjectKind.GuestReport && s.SubjectId == r.Id))
            .OrderBy(r => r.Id).Take(take).ToListAsync(cancellationToken)).Select(Of)];

    /// <summary>Holders of a permit still in force today (active, not expired), paged by permit id: people living
    /// here are in the country as much as guests are. Like <see cref="PresentAsync"/>, only permits screened once.</summary>
    public static Task<List<ScreeningSubject>> PermitHoldersAsync(AppDbContext db, DateTime nowUtc, Guid after, int take, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        return PermitHoldersAsync(
            db.StayPermits.IgnoreQueryFilters()
                .Where(p => p.Status == PermitStatus.Active && p.ExpiresOn >= today && p.Id.CompareTo(after) > 0
                    && db.PersonScreenings.Any(s => s.SubjectKind == SubjectKind.StayPermit && s.SubjectId == p.Id))
                .OrderBy(p => p.Id).Take(take),
            db, cancellationToken);
    }

    /// <summary>The permits as subjects, named as their holder is in the register, in the query's order.</summary>
    private static async Task<List<ScreeningSubject>> PermitHoldersAsync(IQueryable<StayPermit> permits, AppDbContext db, CancellationToken cancellationToken)
    {
        // The page first, then its holders and their documents by key. Joined in one query, PostgreSQL's planner
        // hashed the whole foreigners table for each batch of 500 (a sequential scan that grew with the register);
        // a per-row subquery in EF became a window over the whole register.
        var page = await permits.AsNoTracking()
            .Select(p => new { p.Id, p.ForeignerId, p.KanimId, p.AreaCode, p.CreatedUtc })
            .ToListAsync(cancellationToken);
        if (page.Count == 0)
        {
            return [];
        }

        var holderIds = page.Select(p => p.ForeignerId).Distinct().ToList();
        var holders = await db.Foreigners.IgnoreQueryFilters().AsNoTracking().Where(f => holderIds.Contains(f.Id))
            .Select(f => new { f.Id, f.Surname, f.GivenNames, f.BirthDate, f.Nationality, f.Sex })
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        // Of a holder's passports the one that expires last is screened, an undated one only when it is the only one.
        var documents = (await db.TravelDocuments.AsNoTracking().Where(d => holderIds.Contains(d.ForeignerId))
                .Select(d => new { d.ForeignerId, d.Number, d.ExpiresOn }).ToListAsync(cancellationToken))
            .GroupBy(d => d.ForeignerId)
            .ToDictionary(g => g.Key, g => g.MaxBy(d => d.ExpiresOn)!.Number);

        // Every permit has its holder (a foreign key); the order is the page's, which the re-screen pages by.
        return [.. page.Select(p =>
        {
            var f = holders[p.ForeignerId];
            return new ScreeningSubject(
                SubjectKind.StayPermit, p.Id, p.ForeignerId, p.KanimId, p.AreaCode, p.CreatedUtc, NameOf(f.GivenNames, f.Surname),
                f.BirthDate, f.Nationality, f.Sex, documents.GetValueOrDefault(p.ForeignerId));
        })];
    }

    public static ScreeningSubject Of(GuestReport r) => new(
        SubjectKind.GuestReport, r.Id, r.ForeignerId, r.KanimId, r.AreaCode, r.CreatedUtc, NameOf(r.GivenNames, r.Surname),
        r.BirthDate, r.Nationality, r.Sex, r.PassportNumber);

    private static string NameOf(string given, string surname) => Clip(string.IsNullOrEmpty(given) ? surname : given + " " + surname);

    private static string Clip(string name) => name.Length > ScreeningSubject.MaxName ? name[..ScreeningSubject.MaxName] : name;

    private static string? CodeOrNull(string? nationality) =>
        nationality?.Trim() is { Length: 3 } code && code.All(char.IsAsciiLetter) ? code.ToUpperInvariant() : null;
}
