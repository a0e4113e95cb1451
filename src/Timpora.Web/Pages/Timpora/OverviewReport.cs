using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Operations;
using Timpora.Core.Sanctions;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.TimporaOverview;

/// <summary>The figures of the Timpora overview per Kanim, read through the caller's scope: team coverage of the
/// working area, meetings held, open and overdue action items by agency, operations and findings, sanctions.</summary>
public sealed record OverviewReport(int Year, IReadOnlyList<OverviewReport.Office> Offices)
{
    public sealed record Office(int KanimId, string Name, IReadOnlyList<Coverage> Regencies, int Meetings, IReadOnlyList<AgencyActions> Actions,
        int Operations, IReadOnlyList<(FindingKind Kind, int Count)> Findings, IReadOnlyList<(SanctionKind Kind, int Count)> Sanctions,
        IReadOnlyList<(string Nationality, int Count)> Nationalities)
    {
        public int Districts => Regencies.Sum(r => r.Districts);

        public int DistrictTeams => Regencies.Sum(r => r.DistrictsWithTeam);

        public int RegencyTeams => Regencies.Count(r => r.Teams.Count > 0);
    }

    /// <summary>One regency of the working area: its own teams and how many of its districts have a district team.</summary>
    public sealed record Coverage(string Code, string Name, IReadOnlyList<string> Teams, int Districts, int DistrictsWithTeam);

    public sealed record AgencyActions(string Agency, int Open, int Overdue);

    public static async Task<OverviewReport> BuildAsync(AppDbContext db, IReadOnlyDictionary<int, string> kanims, int year, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var ids = kanims.Keys.ToList();
        var from = new DateOnly(year, 1, 1);
        var to = from.AddYears(1);
        var fromUtc = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var toUtc = nowUtc < to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) ? nowUtc : to.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        // Each office counts overdue items by its own calendar day (WIB, WITA or WIT).
        var today = (await db.Kanims.AsNoTracking().Where(k => ids.Contains(k.Id)).Select(k => new { k.Id, k.TimeZoneId }).ToListAsync(cancellationToken))
            .ToDictionary(k => k.Id, k => Platform.OfficeClock.TodayIn(k.TimeZoneId, nowUtc));
        var scope = new TeamScope(db);

        var working = await db.KanimWorkingAreas.AsNoTracking().Where(w => ids.Contains(w.KanimId)).ToListAsync(cancellationToken);
        var regencyCodes = working.Select(w => w.RegencyCode).Distinct().ToList();
        var regencyNames = await db.Areas.AsNoTracking().Where(a => regencyCodes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        var districts = await db.Areas.AsNoTracking().Where(a => a.Level == AreaLevel.District && a.ParentCode != null && regencyCodes.Contains(a.ParentCode))
            .Select(a => new { a.Code, a.ParentCode }).ToListAsync(cancellationToken);
        // Teams formed and still in office during the year.
        var teams = await scope.Teams.AsNoTracking()
            .Where(t => ids.Contains(t.KanimId) && t.AreaCode != null && (t.Level == TeamLevel.Regency || t.Level == TeamLevel.District)
                && t.PeriodStart < to && t.PeriodEnd >= from)
            .Select(t => new { t.KanimId, t.Level, AreaCode = t.AreaCode!, t.Name }).ToListAsync(cancellationToken);
        var meetings = await scope.Meetings.AsNoTracking().Where(m => m.StartUtc >= fromUtc && m.StartUtc < toUtc)
            .Join(db.Teams, m => m.TeamId, t => t.Id, (m, t) => t.KanimId).Where(k => ids.Contains(k))
            .GroupBy(k => k).Select(g => new { Kanim = g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Kanim, g => g.Count, cancellationToken);
        var actions = await scope.ActionItems.AsNoTracking().Where(a => a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress)
            .Join(db.Teams, a => a.TeamId, t => t.Id, (a, t) => new { a.OwnerUnitId, a.DueDate, t.KanimId })
            .Where(x => ids.Contains(x.KanimId))
            .Join(db.AgencyUnits, x => x.OwnerUnitId, u => u.Id, (x, u) => new { x.KanimId, x.DueDate, u.AgencyId })
            .Join(db.Agencies, x => x.AgencyId, g => g.Id, (x, g) => new { x.KanimId, x.DueDate, Agency = g.Name })
            .ToListAsync(cancellationToken);
        var operations = await db.JointOperations.AsNoTracking().Where(o => ids.Contains(o.KanimId) && o.PeriodStart >= from && o.PeriodStart < to)
            .Select(o => new { o.Id, o.KanimId }).ToListAsync(cancellationToken);
        var operationIds = operations.Select(o => o.Id).ToList();
        var findings = await db.OperationFindings.AsNoTracking().Where(f => operationIds.Contains(f.OperationId))
            .GroupBy(f => new { f.KanimId, f.Kind }).Select(g => new { g.Key.KanimId, g.Key.Kind, Count = g.Count() }).ToListAsync(cancellationToken);
        var sanctions = await db.Sanctions.AsNoTracking().Where(s => ids.Contains(s.KanimId) && s.DecisionDate >= from && s.DecisionDate < to)
            .GroupBy(s => new { s.KanimId, s.Kind, s.Nationality }).Select(g => new { g.Key.KanimId, g.Key.Kind, g.Key.Nationality, Count = g.Count() })
            .ToListAsync(cancellationToken);

        var offices = kanims.OrderBy(k => k.Value, StringComparer.Ordinal).Select(k =>
        {
            var mine = teams.Where(t => t.KanimId == k.Key).ToList();
            var regencies = working.Where(w => w.KanimId == k.Key).Select(w => w.RegencyCode).Distinct().Order(StringComparer.Ordinal).Select(code =>
            {
                var inRegency = districts.Where(d => d.ParentCode == code).Select(d => d.Code).ToHashSet();
                return new Coverage(code, regencyNames.GetValueOrDefault(code, code),
                    mine.Where(t => t.Level == TeamLevel.Regency && t.AreaCode == code).Select(t => t.Name).Order(StringComparer.Ordinal).ToList(),
                    inRegency.Count, mine.Where(t => t.Level == TeamLevel.District && inRegency.Contains(t.AreaCode)).Select(t => t.AreaCode).Distinct().Count());
            }).ToList();
            return new Office(k.Key, k.Value, regencies, meetings.GetValueOrDefault(k.Key),
                actions.Where(a => a.KanimId == k.Key).GroupBy(a => a.Agency).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => new AgencyActions(g.Key, g.Count(), g.Count(a => ActionItem.IsOverdue(ActionStatus.Open, a.DueDate, today[k.Key])))).ToList(),
                operations.Count(o => o.KanimId == k.Key),
                findings.Where(f => f.KanimId == k.Key).OrderBy(f => f.Kind).Select(f => (f.Kind, f.Count)).ToList(),
                sanctions.Where(s => s.KanimId == k.Key).GroupBy(s => s.Kind).OrderBy(g => g.Key).Select(g => (g.Key, g.Sum(s => s.Count))).ToList(),
                sanctions.Where(s => s.KanimId == k.Key).GroupBy(s => s.Nationality).OrderByDescending(g => g.Sum(s => s.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.Sum(s => s.Count))).ToList());
        }).ToList();
        return new OverviewReport(year, offices);
    }
}
