using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Timpora.Core.Audit;

namespace Timpora.Core.Data;

/// <summary>A row the database numbers and no one reads back by that number once written (an audit entry, a
/// screening record): <see cref="AppDbContext.SaveChangesInBulkAsync"/> may insert it in bulk, without its id.</summary>
public interface IWrittenOnce;

/// <summary>The save for many new rows at once (check-in batches, bulk files): the same audit entries, versions
/// and timestamps as <see cref="SaveChangesAsync(bool, CancellationToken)"/>, but new rows go to the database in
/// bulk (ADR 0008), and rows added with <see cref="AddUntracked"/> never enter EF's change tracker (ADR 0016).
/// Changed and deleted rows still go through EF, in the same transaction.</summary>
public sealed partial class AppDbContext
{
    private const string BulkSavepoint = "bulk_save";

    private static readonly ConcurrentDictionary<IEntityType, bool> Untrackable = new();
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteWriters = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<IEntityType, IProperty[]> AuditedProperties = new();

    private readonly List<object> untracked = [];

    /// <summary>A new row for the next <see cref="SaveChangesInBulkAsync"/>, kept out of the change tracker: stamped,
    /// audited and written as a tracked added row would be, without EF's bookkeeping. The caller sets its foreign
    /// keys (there is no fix-up), and the row is not tracked after the save. A type that cannot be written that way
    /// (see <see cref="InsertableInBulk"/>, or with shadow properties) is simply added to the context.</summary>
    public void AddUntracked(object entity)
    {
        var type = Model.FindEntityType(entity.GetType()) ?? throw new InvalidOperationException($"{entity.GetType().Name} is not in the model.");
        if (Untrackable.GetOrAdd(type, t => InsertableInBulk(t) && !t.GetProperties().Any(p => p.IsShadowProperty())))
        {
            untracked.Add(entity);
        }
        else
        {
            Add(entity);
        }
    }

    public async Task SaveChangesInBulkAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await SaveInBulkAsync(cancellationToken);
        }
        finally
        {
            // Written, or failed: either way a retry builds its rows again.
            untracked.Clear();
            actors.Clear();
        }
    }

    private async Task SaveInBulkAsync(CancellationToken cancellationToken)
    {
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        List<NewRow> added;
        bool changed;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (ChangeTracker.Entries().Any(e => e.State == EntityState.Added && !InsertableInBulk(e.Metadata)))
            {
                ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                untracked.ForEach(e => Add(e));
                await InWriterQueueAsync(() => SaveChangesAsync(cancellationToken), cancellationToken);
                return;
            }

            PrepareForSave();
            var entries = ChangeTracker.Entries().ToList();
            added = [.. entries.Where(e => e.State == EntityState.Added).Select(e => new NewRow(e.Metadata, e.Entity, e))];
            added.AddRange(PrepareUntracked());
            changed = entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

        await InWriterQueueAsync(() => WriteAsync(added, changed, cancellationToken), cancellationToken);
    }

    /// <summary>Runs a write in this process's queue of SQLite writers: SQLite has one writer at a time and makes
    /// another sleep 150 ms when it finds the lock taken, so the bulk saves (two check-in writers, bulk files) and
    /// the writes beside them wait here instead (ADR 0016). Inside a transaction, or on PostgreSQL, it just runs.</summary>
    public async Task InWriterQueueAsync(Func<Task> write, CancellationToken cancellationToken = default)
    {
        var gate = Database.CurrentTransaction is null && Database.IsSqlite()
            ? SqliteWriters.GetOrAdd(Database.GetConnectionString() ?? "", _ => new SemaphoreSlim(1, 1))
            : null;
        if (gate is null)
        {
            await write();
            return;
        }

        await gate.WaitAsync(cancellationToken);
        try
        {
            await write();
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task WriteAsync(List<NewRow> added, bool changed, CancellationToken cancellationToken)
    {
        var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var transaction = Database.CurrentTransaction!;
        try
        {
            if (own is null)
            {
                // Inside a caller's transaction (an Idempotency-Key) a failure must leave that transaction usable.
                await transaction.CreateSavepointAsync(BulkSavepoint, cancellationToken);
            }

            await BulkInsert.WriteAsync(this, added, cancellationToken);
            // Rows numbered by the database are never read back; everything else stays tracked.
            foreach (var row in added.Where(r => r.Entry is not null && r.Entity is IWrittenOnce))
            {
                row.Entry!.State = EntityState.Detached;
            }

            if (!changed)
            {
                // As after SaveChanges: the new rows become unchanged, their written values the originals.
                ChangeTracker.AcceptAllChanges();
            }
            else
            {
                foreach (var entry in added.Select(r => r.Entry).OfType<EntityEntry>().Where(e => e.State == EntityState.Added))
                {
                    // Out of EF's save, with the written values as originals (the concurrency token of a later change).
                    entry.State = EntityState.Unchanged;
                    entry.OriginalValues.SetValues(entry.CurrentValues);
                }

                // The audit entries for these were written above: past PrepareForSave, straight to EF's save.
                await base.SaveChangesAsync(true, cancellationToken);
            }

            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }
        }
        catch
        {
            if (own is not null)
            {
                await own.RollbackAsync(CancellationToken.None);
            }
            else
            {
                await transaction.RollbackToSavepointAsync(BulkSavepoint, CancellationToken.None);
            }

            throw;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>What <see cref="PrepareForSave"/> does for an added entry, for the untracked rows: times, version
    /// and a "created" audit entry with the same description of the values.</summary>
    private List<NewRow> PrepareUntracked()
    {
        var rows = new List<NewRow>(untracked.Count * 2);
        if (untracked.Count == 0)
        {
            return rows;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var auditType = Model.FindEntityType(typeof(AuditEntry))!;
        var audits = new List<NewRow>(untracked.Count);
        foreach (var entity in untracked)
        {
            var type = Model.FindEntityType(entity.GetType())!;
            rows.Add(new NewRow(type, entity, null));
            if (entity is PersonalRecord record)
            {
                record.CreatedUtc = now;
                record.UpdatedUtc = now;
                record.Version = Guid.NewGuid();
                var audit = NewAuditEntry(ActorOf(entity), AuditAction.Created, type.ClrType.Name, record.Id.ToString(), record.KanimId, ChangeReason, DescribeNew(type, entity));
                audits.Add(new NewRow(auditType, audit, null));
            }
        }

        rows.AddRange(audits);
        return rows;
    }

    /// <summary>The description <see cref="DescribeChanges"/> gives an added entry, read from the entity itself
    /// (a row EF does not track, ADR 0016).</summary>
    private static string DescribeNew(IEntityType type, object entity)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var property in AuditedProperties.GetOrAdd(type, t => [.. t.GetProperties().Where(p => !UnauditedProperties.Contains(p.Name) && p.ClrType != typeof(byte[]))]))
            {
                writer.WriteStartArray(property.Name);
                writer.WriteNullValue();
                WriteValue(writer, property.GetGetter().GetClrValueUsingContainingEntity(entity));
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Rows whose key the database numbers are written in bulk only when no one reads that id back
    /// (<see cref="IWrittenOnce"/>: the audit log, screening records); anything else of that kind goes through EF so
    /// that its id is known after the save.</summary>
    private static bool InsertableInBulk(IEntityType type) =>
        BulkInsert.Supports(type)
        && (typeof(IWrittenOnce).IsAssignableFrom(type.ClrType)
            || !type.FindPrimaryKey()!.Properties.Any(p => p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && p.ClrType != typeof(Guid)));
}
