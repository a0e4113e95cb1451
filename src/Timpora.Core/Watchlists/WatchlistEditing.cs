using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Areas;
using Timpora.Core.Audit;
using Timpora.Core.Data;

namespace Timpora.Core.Watchlists;

/// <summary>Every change to list entries (form, file, API) goes through here: it writes the entry, an audit line
/// with what changed and why, a change record for re-screening, and a new list version that every application
/// instance polls, in one save.</summary>
public static class WatchlistEditing
{
    public const string VersionName = "watchlists";

    public static WatchlistEntry Create(AppDbContext db, EntryDraft draft, DateTime nowUtc)
    {
        var entry = new WatchlistEntry { WatchlistCode = draft.WatchlistCode, UpdatedBy = db.Caller.UserName, CreatedUtc = nowUtc };
        Apply(entry, draft);
        db.WatchlistEntries.Add(entry);
        Record(db, entry, AuditAction.Created, null, nowUtc);
        return entry;
    }

    /// <summary>Changes a loaded entry (with its aliases and documents) to the draft.</summary>
    public static void Update(AppDbContext db, WatchlistEntry entry, EntryDraft draft, DateTime nowUtc)
    {
        var before = Describe(entry);
        db.WatchlistAliases.RemoveRange(entry.Aliases);
        db.WatchlistDocuments.RemoveRange(entry.Documents);
        Apply(entry, draft);
        Record(db, entry, AuditAction.Changed, before, nowUtc);
    }

    /// <summary>Ends the listing yesterday, so that from today it no longer matches.</summary>
    public static void Expire(AppDbContext db, WatchlistEntry entry, DateOnly today, DateTime nowUtc)
    {
        var before = Describe(entry);
        entry.ValidUntil = today.AddDays(-1);
        if (entry.ValidFrom > entry.ValidUntil)
        {
            entry.ValidFrom = entry.ValidUntil;
        }

        Record(db, entry, AuditAction.Changed, before, nowUtc);
    }

    public static Task<WatchlistEntry?> FindAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        db.WatchlistEntries.Include(e => e.Aliases).Include(e => e.Documents).FirstOrDefaultAsync(e => e.Id == id, cancellationToken);

    public static EntryDraft ToDraft(WatchlistEntry e) => new(
        e.WatchlistCode, e.Reference, e.Name, [.. e.Aliases.Select(a => a.Name)], e.BirthDate, e.Nationality, e.Sex,
        [.. e.Documents.Select(d => d.Number)], e.ValidFrom, e.ValidUntil, e.Source, e.Reason, e.KanimId);

    private static void Apply(WatchlistEntry entry, EntryDraft draft)
    {
        entry.WatchlistCode = draft.WatchlistCode;
        entry.Reference = string.IsNullOrWhiteSpace(draft.Reference) ? null : draft.Reference.Trim();
        entry.Name = draft.Name.Trim();
        entry.BirthDate = string.IsNullOrWhiteSpace(draft.BirthDate) ? null : draft.BirthDate.Trim();
        entry.Nationality = string.IsNullOrWhiteSpace(draft.Nationality) ? null : draft.Nationality.Trim().ToUpperInvariant();
        entry.Sex = draft.Sex;
        entry.ValidFrom = draft.ValidFrom;
        entry.ValidUntil = draft.ValidUntil;
        entry.Source = string.IsNullOrWhiteSpace(draft.Source) ? null : draft.Source.Trim();
        entry.Reason = string.IsNullOrWhiteSpace(draft.Reason) ? null : draft.Reason.Trim();
        entry.KanimId = draft.KanimId;
        entry.Aliases = [.. draft.Aliases.Select(a => new WatchlistAlias { EntryId = entry.Id, Name = a.Trim() })];
        entry.Documents = [.. draft.Documents.Select(d => new WatchlistDocument { EntryId = entry.Id, Number = EntryRules.NormaliseDocument(d) })];
    }

    // Entries are national, not office records, so they are audited here rather than by the scope-bound PersonalRecord path.
    private static void Record(AppDbContext db, WatchlistEntry entry, AuditAction action, Dictionary<string, object?>? before, DateTime nowUtc)
    {
        entry.UpdatedUtc = nowUtc;
        entry.UpdatedBy = db.Caller.UserName;
        entry.Version = Guid.NewGuid();
        var after = Describe(entry);
        var changes = after.Where(kv => before is null || !Equals(before.GetValueOrDefault(kv.Key)?.ToString(), kv.Value?.ToString()))
            .ToDictionary(kv => kv.Key, kv => new[] { before?.GetValueOrDefault(kv.Key), kv.Value });
        db.AuditEntries.Add(new AuditEntry
        {
            AtUtc = nowUtc,
            UserId = db.Caller.UserId,
            UserName = db.Caller.UserName,
            IpAddress = db.Caller.IpAddress,
            Action = action,
            EntityType = nameof(WatchlistEntry),
            EntityId = entry.Id.ToString(),
            KanimId = entry.KanimId,
            Reason = db.ChangeReason,
            Changes = changes.Count == 0 ? null : JsonSerializer.Serialize(changes),
        });
        db.WatchlistChanges.Add(new WatchlistChange { EntryId = entry.Id, ChangedUtc = nowUtc });
        BumpVersion(db, nowUtc);
    }

    private static void BumpVersion(AppDbContext db, DateTime nowUtc)
    {
        // Find looks in the identity map before the database and, unlike Local, does not scan every tracked
        // entity: an import of many rows calls this once per row.
        var version = db.ReferenceDataVersions.Find(VersionName);
        if (version is null)
        {
            version = new ReferenceDataVersion { Name = VersionName, Version = "" };
            db.ReferenceDataVersions.Add(version);
        }

        version.Version = Guid.NewGuid().ToString("N");
        version.LoadedUtc = nowUtc;
        if (db.Entry(version).State != EntityState.Added)
        {
            db.Entry(version).Property(v => v.Version).IsModified = true;
            db.Entry(version).Property(v => v.LoadedUtc).IsModified = true;
        }
    }

    private static Dictionary<string, object?> Describe(WatchlistEntry e) => new()
    {
        [nameof(e.WatchlistCode)] = e.WatchlistCode,
        [nameof(e.Reference)] = e.Reference,
        [nameof(e.Name)] = e.Name,
        [nameof(e.Aliases)] = string.Join("; ", e.Aliases.Select(a => a.Name)),
        [nameof(e.BirthDate)] = e.BirthDate,
        [nameof(e.Nationality)] = e.Nationality,
        [nameof(e.Sex)] = e.Sex.ToString(),
        [nameof(e.Documents)] = string.Join("; ", e.Documents.Select(d => d.Number)),
        [nameof(e.ValidFrom)] = e.ValidFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [nameof(e.ValidUntil)] = e.ValidUntil?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        [nameof(e.Source)] = e.Source,
        [nameof(e.Reason)] = e.Reason,
        [nameof(e.KanimId)] = e.KanimId,
    };
}
