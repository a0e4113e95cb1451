using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Teams;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Audit;

/// <summary>How an audit entry names its record: a label a person recognises, and a link when the reader may open it.</summary>
public sealed record AuditRecordName(string Label, string? Link);

/// <summary>
/// Names the records of a page of audit entries: the foreigner's name, the tip's tracking code, the account's user
/// name, the office's name, ... read in one query per kind of record through the reader's own scope (the query
/// filter, <see cref="TeamScope"/>), so a record the reader may not see is not named and not linked, and shows its
/// kind and id as before. Export entries ("export:overstays:12") read as the list and its row count.
/// </summary>
public sealed class AuditRecords
{
    private readonly Dictionary<(string Type, string Id), AuditRecordName> names = [];

    public static async Task<AuditRecords> LoadAsync(AppDbContext db, ListedRecords listed, bool readsAccounts, IReadOnlyCollection<AuditEntry> entries, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(listed);
        ArgumentNullException.ThrowIfNull(entries);
        var records = new AuditRecords();
        List<Guid> Guids(params string[] types) => [.. entries.Where(e => types.Contains(e.EntityType))
            .Select(e => Guid.TryParse(e.EntityId, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).Distinct()];
        List<int> Ints(string type) => [.. entries.Where(e => e.EntityType == type)
            .Select(e => int.TryParse(e.EntityId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0).Where(id => id > 0).Distinct()];
        void Add(string type, object id, string label, string? link) => records.names[(type, Convert.ToString(id, CultureInfo.InvariantCulture)!)] = new(label, link);

        var foreigners = Guids("Foreigner");
        foreach (var f in await db.Foreigners.AsNoTracking().Where(f => foreigners.Contains(f.Id)).Select(f => new { f.Id, f.Surname, f.GivenNames }).ToListAsync(cancellationToken))
        {
            Add("Foreigner", f.Id, string.IsNullOrEmpty(f.GivenNames) ? f.Surname : f.Surname + ", " + f.GivenNames, listed.Foreigner(f.Id));
        }

        var people = Guids("Person");
        foreach (var p in await db.People.AsNoTracking().Where(p => people.Contains(p.Id)).Select(p => new { p.Id, p.FullName }).ToListAsync(cancellationToken))
        {
            Add("Person", p.Id, p.FullName, listed.Person(p.Id));
        }

        var tips = Guids("Tip");
        foreach (var tip in await db.Tips.AsNoTracking().Where(x => tips.Contains(x.Id)).Select(x => new { x.Id, x.TrackingCode }).ToListAsync(cancellationToken))
        {
            Add("Tip", tip.Id, tip.TrackingCode, $"/Tips/Detail/{tip.Id}");
        }

        var reports = Guids("GuestReport");
        foreach (var r in await db.GuestReports.AsNoTracking().Where(x => reports.Contains(x.Id)).Select(x => new { x.Id, x.ReceiptNumber, x.Surname }).ToListAsync(cancellationToken))
        {
            Add("GuestReport", r.Id, r.ReceiptNumber + " · " + r.Surname, "/GuestReports/Receipt/" + Uri.EscapeDataString(r.ReceiptNumber));
        }

        var providers = Guids("AccommodationProvider");
        foreach (var p in await db.Providers.AsNoTracking().Where(x => providers.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("AccommodationProvider", p.Id, p.Name, $"/Providers/Detail/{p.Id}");
        }

        var hits = Guids("WatchlistHit");
        foreach (var h in await db.WatchlistHits.AsNoTracking().Where(x => hits.Contains(x.Id)).Select(x => new { x.Id, x.ScreenedName, x.MatchedName }).ToListAsync(cancellationToken))
        {
            Add("WatchlistHit", h.Id, h.ScreenedName + " ~ " + h.MatchedName, $"/Screening/Detail/{h.Id}");
        }

        // Audit readers are supervisors, who read the lists (Policies.WatchlistReaders).
        var onLists = Guids("WatchlistEntry");
        foreach (var w in await db.WatchlistEntries.AsNoTracking().Where(x => onLists.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("WatchlistEntry", w.Id, w.Name, $"/Watchlists/Detail/{w.Id}");
        }

        var villages = Guids("ProgrammeVillage");
        foreach (var v in await db.ProgrammeVillages.AsNoTracking().Where(x => villages.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("ProgrammeVillage", v.Id, v.Name, $"/Villages/{v.Id}");
        }

        var scope = new TeamScope(db);
        var teams = Guids("Team");
        foreach (var team in await scope.Teams.AsNoTracking().Where(x => teams.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("Team", team.Id, team.Name, $"/Teams/{team.Id}");
        }

        var members = Guids("TeamMember");
        foreach (var m in await new ScopedIds(db).TeamMembers.AsNoTracking().Where(x => members.Contains(x.Id)).Select(x => new { x.Id, x.FullName, x.TeamId }).ToListAsync(cancellationToken))
        {
            Add("TeamMember", m.Id, m.FullName, $"/Teams/{m.TeamId}");
        }

        var meetings = Guids("Meeting");
        foreach (var m in await scope.Meetings.AsNoTracking().Where(x => meetings.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(cancellationToken))
        {
            Add("Meeting", m.Id, m.Title, $"/Meetings/{m.Id}");
        }

        var actions = Guids("ActionItem");
        foreach (var a in await scope.ActionItems.AsNoTracking().Where(x => actions.Contains(x.Id)).Select(x => new { x.Id, x.Title }).ToListAsync(cancellationToken))
        {
            Add("ActionItem", a.Id, a.Title, $"/ActionItems/{a.Id}");
        }

        // Offices and agencies are organisation data every staff member reads; the entries themselves are scoped.
        var kanims = Ints("Kanim");
        foreach (var k in await db.Kanims.AsNoTracking().Where(x => kanims.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("Kanim", k.Id, k.Name, $"/Offices/{k.Id}");
        }

        var kanwils = Ints("Kanwil");
        foreach (var k in await db.Kanwils.AsNoTracking().Where(x => kanwils.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("Kanwil", k.Id, k.Name, "/Offices");
        }

        var agencies = Ints("Agency");
        foreach (var a in await db.Agencies.AsNoTracking().Where(x => agencies.Contains(x.Id)).Select(x => new { x.Id, x.Code, x.Name }).ToListAsync(cancellationToken))
        {
            Add("Agency", a.Id, a.Code + " · " + a.Name, "/Agencies");
        }

        var units = Ints("AgencyUnit");
        foreach (var u in await db.AgencyUnits.AsNoTracking().Where(x => units.Contains(x.Id)).Select(x => new { x.Id, x.Name }).ToListAsync(cancellationToken))
        {
            Add("AgencyUnit", u.Id, u.Name, "/Agencies");
        }

        // Accounts: the user name is shown to every reader of the entry; the account page only to those who manage accounts.
        var accountIds = entries.Where(e => e.EntityType is "AppUser" or "AppUserRole").Select(e => e.EntityId).Distinct().ToList();
        foreach (var u in await db.Users.AsNoTracking().Where(x => accountIds.Contains(x.Id)).Select(x => new { x.Id, x.UserName }).ToListAsync(cancellationToken))
        {
            var link = readsAccounts ? $"/Admin/Users/Detail/{u.Id}" : null;
            Add("AppUser", u.Id, u.UserName ?? u.Id, link);
            Add("AppUserRole", u.Id, u.UserName ?? u.Id, link);
        }

        return records;
    }

    /// <summary>The entry's record as a person reads it; null when it is not known or not the reader's to see.</summary>
    public AuditRecordName? For(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return names.GetValueOrDefault((entry.EntityType, entry.EntityId));
    }

    /// <summary>An export entry's list name and row count ("export:overstays:12"), or null.</summary>
    public static (string List, int Rows)? Export(AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var parts = entry.EntityId.Split(':');
        return parts.Length == 3 && parts[0] == "export" && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var rows)
            ? (parts[1], rows)
            : null;
    }
}
