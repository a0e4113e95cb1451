using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Organisation;
using Timpora.Core.Teams;

namespace Timpora.Core.Data;

/// <summary>
/// The one check for each kind of id that arrives in a form or API body and names a record the global query filter
/// does not guard: offices, agency units, team members, areas and villages. A page or API that accepts such an id asks here,
/// never with its own query, because a query on the bare table answers for every office (issue 28: a tip shared
/// with another Kanim's police unit, another office's team member's name shown in an attendance error).
/// A refused id is the caller's to report as a field error; nothing here throws.
/// </summary>
public sealed class ScopedIds(AppDbContext db)
{
    private DataScope Scope => db.Caller.Scope;

    /// <summary>Whether the caller may name the office as a record's owner: one of their own offices (a watchlist
    /// entry or an import entered for another Kanim was accepted before issue 28). Whether it exists is checked too.</summary>
    public Task<bool> OfficeAsync(int kanimId, CancellationToken cancellationToken)
    {
        var scope = Scope;
        return scope.All || scope.KanimIds.Contains(kanimId)
            ? db.Kanims.AnyAsync(k => k.Id == kanimId, cancellationToken)
            : Task.FromResult(false);
    }

    /// <summary>The agency units the caller may name: those of their offices; for a PIMPASA officer, those of the
    /// offices whose working area holds one of their villages.</summary>
    public IQueryable<AgencyUnit> AgencyUnits
    {
        get
        {
            var scope = Scope;
            var all = scope.All;
            var kanims = scope.KanimIds;
            var regencies = RegenciesOfVillages(scope);
            return db.AgencyUnits.Where(u => all || kanims.Contains(u.KanimId)
                || db.KanimWorkingAreas.Any(w => w.KanimId == u.KanimId && regencies.Contains(w.RegencyCode)));
        }
    }

    /// <summary>Whether the caller may name the unit; with <paramref name="ofKanim"/>, also whether it is a unit of
    /// that office (a tip is assigned or shared only within the tip's office).</summary>
    public Task<bool> AgencyUnitAsync(int unitId, int? ofKanim, CancellationToken cancellationToken) =>
        AgencyUnits.AnyAsync(u => u.Id == unitId && (ofKanim == null || u.KanimId == ofKanim), cancellationToken);

    /// <summary>The members of the teams <see cref="TeamScope"/> lets the caller see.</summary>
    public IQueryable<TeamMember> TeamMembers
    {
        get
        {
            var teams = new TeamScope(db).Teams;
            return db.TeamMembers.Where(m => teams.Any(t => t.Id == m.TeamId));
        }
    }

    /// <summary>The ids among <paramref name="memberIds"/> that are not members of <paramref name="teamId"/> as
    /// the caller sees it: another team's members, another office's, made-up ids.</summary>
    public async Task<IReadOnlyList<Guid>> NotTeamMembersAsync(IReadOnlyCollection<Guid> memberIds, Guid teamId, CancellationToken cancellationToken)
    {
        if (memberIds.Count == 0)
        {
            return [];
        }

        var known = await TeamMembers.Where(m => m.TeamId == teamId && memberIds.Contains(m.Id)).Select(m => m.Id).ToListAsync(cancellationToken);
        return [.. memberIds.Except(known)];
    }

    /// <summary>Whether an area (a province, regency, district or village code) lies in the working area of
    /// <paramref name="kanimId"/>, and that office is one of the caller's: the area of a team, an operation, a
    /// person or a PIMPASA's village. Whether the code exists at all is the form's own check.</summary>
    public Task<bool> AreaInOfficeAsync(string areaCode, int kanimId, CancellationToken cancellationToken)
    {
        if (!Scope.All && !Scope.KanimIds.Contains(kanimId))
        {
            return Task.FromResult(false);
        }

        if (Area.LevelOf(areaCode) == AreaLevel.Province)
        {
            var below = areaCode + ".";
            return db.KanimWorkingAreas.AnyAsync(w => w.KanimId == kanimId && w.RegencyCode.StartsWith(below), cancellationToken);
        }

        var regency = Area.Ancestor(areaCode, AreaLevel.Regency);
        return db.KanimWorkingAreas.AnyAsync(w => w.KanimId == kanimId && w.RegencyCode == regency, cancellationToken);
    }

    /// <summary>The office whose working area holds the village, when the caller may name the village (one of their
    /// offices' villages, or one of a PIMPASA's own); otherwise null.</summary>
    public async Task<int?> VillageOfficeAsync(string villageCode, CancellationToken cancellationToken)
    {
        var regency = Area.Ancestor(villageCode, AreaLevel.Regency);
        var kanimId = await db.KanimWorkingAreas.Where(w => w.RegencyCode == regency).Select(w => (int?)w.KanimId).FirstOrDefaultAsync(cancellationToken);
        var scope = Scope;
        return kanimId is { } id && (scope.All || scope.KanimIds.Contains(id) || scope.VillageCodes.Contains(villageCode)) ? id : null;
    }

    private static List<string> RegenciesOfVillages(DataScope scope) =>
        [.. scope.VillageCodes.Select(v => Area.Ancestor(v, AreaLevel.Regency)).Distinct()];
}
