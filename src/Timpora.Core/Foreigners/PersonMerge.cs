using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Core.Foreigners;

/// <summary>What a merge moved, kept in the merge's audit entry so that it can be undone.</summary>
public sealed record MergeRecord(
    Guid FromId, Guid IntoId, Dictionary<string, JsonElement> Person,
    List<Guid> Documents, List<Guid> Aliases, List<Guid> Addresses, List<Guid> Permits, Dictionary<Guid, PersonMatch> Reports,
    List<Guid>? Hits = null, List<long>? Screenings = null);

/// <summary>Person resolution by the office: two register entries found to be one person become one (the reports,
/// permits, documents, spellings, past addresses and screening hits of the newer one move to the existing one), or the office
/// keeps them apart. Both persons are first found through the caller's scope by the page; the moves then reach
/// every record of the person, whichever office holds it, since a person cannot be half merged.</summary>
public static class PersonMerge
{
    public const string MergeEntity = "ForeignerMerge";
    public const string UndoEntity = "ForeignerMergeUndo";

    private static readonly JsonSerializerOptions Json = new();

    public static async Task<long> MergeAsync(AppDbContext db, Guid fromId, Guid intoId, string reason, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (fromId == intoId)
        {
            throw new InvalidOperationException("A person cannot be merged into itself.");
        }

        var from = await db.Foreigners.IgnoreQueryFilters().Include(f => f.Documents).Include(f => f.Aliases).Include(f => f.PastAddresses)
            .FirstAsync(f => f.Id == fromId, cancellationToken);
        var into = await db.Foreigners.IgnoreQueryFilters().Include(f => f.Aliases).FirstAsync(f => f.Id == intoId, cancellationToken);
        var permits = await db.StayPermits.IgnoreQueryFilters().Where(p => p.ForeignerId == fromId).ToListAsync(cancellationToken);
        var reports = await db.GuestReports.IgnoreQueryFilters().Where(r => r.ForeignerId == fromId).ToListAsync(cancellationToken);
        var hits = await db.WatchlistHits.IgnoreQueryFilters().Where(h => h.ForeignerId == fromId).ToListAsync(cancellationToken);
        var screenings = await db.PersonScreenings.Where(s => s.ForeignerId == fromId).ToListAsync(cancellationToken);

        var record = new MergeRecord(
            fromId, intoId, Snapshot(db, from),
            [.. from.Documents.Select(d => d.Id)], [.. from.Aliases.Select(a => a.Id)], [.. from.PastAddresses.Select(a => a.Id)],
            [.. permits.Select(p => p.Id)], reports.ToDictionary(r => r.Id, r => r.Match), [.. hits.Select(h => h.Id)], [.. screenings.Select(s => s.Id)]);

        foreach (var document in from.Documents)
        {
            document.ForeignerId = intoId;
        }

        foreach (var alias in from.Aliases)
        {
            alias.ForeignerId = intoId;
        }

        foreach (var address in from.PastAddresses)
        {
            address.ForeignerId = intoId;
        }

        foreach (var permit in permits)
        {
            permit.ForeignerId = intoId;
        }

        // A hit on the merged person is now one on the kept person, with its decision: the review is not lost.
        foreach (var hit in hits)
        {
            hit.ForeignerId = intoId;
        }

        foreach (var screening in screenings)
        {
            screening.ForeignerId = intoId;
        }

        // The office has now attached these reports to a known person: they leave the review list.
        foreach (var report in reports)
        {
            report.ForeignerId = intoId;
            report.Match = report.Match == PersonMatch.Possible ? PersonMatch.Document : report.Match;
        }

        // Fix-up first: the moved documents leave the person's collections, so removing it cascades to nothing.
        db.ChangeTracker.DetectChanges();
        db.Foreigners.Remove(from);
        db.ChangeReason = reason;
        var entry = Entry(db, into.KanimId, intoId, reason, JsonSerializer.Serialize(record, Json), nowUtc);
        db.AuditEntries.Add(entry);
        await SaveInStepsAsync(db, cancellationToken);
        return entry.Id;
    }

    /// <summary>Recreates the merged person as it was and moves back what the merge moved. Records added to the
    /// surviving person since the merge stay with it.</summary>
    public static async Task<bool> UndoAsync(AppDbContext db, long mergeEntryId, string reason, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var mergeEntry = await db.AuditEntries.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == mergeEntryId && a.EntityType == MergeEntity, cancellationToken);
        if (mergeEntry?.Changes is null
            || JsonSerializer.Deserialize<MergeRecord>(mergeEntry.Changes, Json) is not { } record
            || await db.Foreigners.IgnoreQueryFilters().AnyAsync(f => f.Id == record.FromId, cancellationToken)
            || await db.AuditEntries.AnyAsync(a => a.EntityType == UndoEntity && a.EntityId == mergeEntryId.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken))
        {
            return false;
        }

        var person = Restore(db, record.Person);
        db.Foreigners.Add(person);
        await db.TravelDocuments.Where(d => record.Documents.Contains(d.Id)).ForEachAsync(d => d.ForeignerId = record.FromId, cancellationToken);
        await db.ForeignerAliases.Where(a => record.Aliases.Contains(a.Id)).ForEachAsync(a => a.ForeignerId = record.FromId, cancellationToken);
        await db.ForeignerAddresses.Where(a => record.Addresses.Contains(a.Id)).ForEachAsync(a => a.ForeignerId = record.FromId, cancellationToken);
        await db.StayPermits.IgnoreQueryFilters().Where(p => record.Permits.Contains(p.Id)).ForEachAsync(p => p.ForeignerId = record.FromId, cancellationToken);
        // A merge recorded before hits moved with the person has no list of them.
        var hitIds = record.Hits ?? [];
        var screeningIds = record.Screenings ?? [];
        await db.WatchlistHits.IgnoreQueryFilters().Where(h => hitIds.Contains(h.Id)).ForEachAsync(h => h.ForeignerId = record.FromId, cancellationToken);
        await db.PersonScreenings.Where(s => screeningIds.Contains(s.Id)).ForEachAsync(s => s.ForeignerId = record.FromId, cancellationToken);
        var reportIds = record.Reports.Keys.ToList();
        await db.GuestReports.IgnoreQueryFilters().Where(r => reportIds.Contains(r.Id)).ForEachAsync(r =>
        {
            r.ForeignerId = record.FromId;
            r.Match = record.Reports[r.Id];
        }, cancellationToken);

        db.ChangeReason = reason;
        db.AuditEntries.Add(Entry(db, person.KanimId, mergeEntryId, reason, null, nowUtc, UndoEntity));
        await SaveInStepsAsync(db, cancellationToken);
        return true;
    }

    /// <summary>The office decides that the reported guest is not the person with the same name and birth date.</summary>
    public static async Task KeepApartAsync(AppDbContext db, GuestReport report, string? reason, CancellationToken cancellationToken = default)
    {
        report.Match = PersonMatch.New;
        db.ChangeReason = reason;
        await db.SaveChangesAsync(cancellationToken);
    }

    // One transaction; the person rows go first or last so that no foreign key points at a missing person.
    private static async Task SaveInStepsAsync(AppDbContext db, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var removed = db.ChangeTracker.Entries<Foreigner>().Where(e => e.State == EntityState.Deleted).ToList();
        foreach (var e in removed)
        {
            e.State = EntityState.Unchanged;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var e in removed)
        {
            e.State = EntityState.Deleted;
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static AuditEntry Entry(AppDbContext db, int kanimId, object entityId, string reason, string? changes, DateTime nowUtc, string entity = MergeEntity) => new()
    {
        AtUtc = nowUtc,
        UserId = db.Caller.UserId,
        UserName = db.Caller.UserName,
        IpAddress = db.Caller.IpAddress,
        Action = AuditAction.Changed,
        EntityType = entity,
        EntityId = Convert.ToString(entityId, System.Globalization.CultureInfo.InvariantCulture)!,
        KanimId = kanimId,
        Reason = reason,
        Changes = changes,
    };

    private static Dictionary<string, JsonElement> Snapshot(AppDbContext db, Foreigner person) =>
        db.Entry(person).Properties.ToDictionary(p => p.Metadata.Name, p => JsonSerializer.SerializeToElement(p.CurrentValue, p.Metadata.ClrType, Json));

    private static Foreigner Restore(AppDbContext db, Dictionary<string, JsonElement> values)
    {
        var person = new Foreigner { Surname = "", Nationality = "", AreaCode = "" };
        var entry = db.Entry(person);
        foreach (var property in entry.Properties)
        {
            if (values.TryGetValue(property.Metadata.Name, out var value))
            {
                property.CurrentValue = value.Deserialize(property.Metadata.ClrType, Json);
            }
        }

        return person;
    }
}
