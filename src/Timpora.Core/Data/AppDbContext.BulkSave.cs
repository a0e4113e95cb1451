using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Timpora.Core.Audit;

namespace Timpora.Core.Data;

/// <summary>The save for many new rows at once (check-in batches, bulk files): the same audit entries, versions
/// and timestamps as <see cref="SaveChangesAsync(bool, CancellationToken)"/>, but new rows go to the database in
/// bulk (ADR 0008). Changed and deleted rows still go through EF, in the same transaction.</summary>
public sealed partial class AppDbContext
{
    private const string BulkSavepoint = "bulk_save";

    public async Task SaveChangesInBulkAsync(CancellationToken cancellationToken = default)
    {
        ChangeTracker.DetectChanges();
        var autoDetect = ChangeTracker.AutoDetectChangesEnabled;
        List<EntityEntry> added;
        bool changed;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            if (ChangeTracker.Entries().Any(e => e.State == EntityState.Added && !InsertableInBulk(e.Metadata)))
            {
                ChangeTracker.AutoDetectChangesEnabled = autoDetect;
                await SaveChangesAsync(cancellationToken);
                return;
            }

            PrepareForSave();
            var entries = ChangeTracker.Entries().ToList();
            added = [.. entries.Where(e => e.State == EntityState.Added)];
            changed = entries.Any(e => e.State is EntityState.Modified or EntityState.Deleted);
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = autoDetect;
        }

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
            // Audit entries are numbered by the database and never read back; everything else stays tracked.
            foreach (var entry in added.Where(e => e.Entity is AuditEntry))
            {
                entry.State = EntityState.Detached;
            }

            if (!changed)
            {
                // As after SaveChanges: the new rows become unchanged, their written values the originals.
                ChangeTracker.AcceptAllChanges();
            }
            else
            {
                foreach (var entry in added.Where(e => e.State == EntityState.Added))
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

    /// <summary>Rows whose key the database numbers are written in bulk only for the audit log, whose ids no
    /// one reads back; anything else of that kind goes through EF so that its id is known after the save.</summary>
    private static bool InsertableInBulk(IEntityType type) =>
        BulkInsert.Supports(type)
        && (type.ClrType == typeof(AuditEntry) || !type.FindPrimaryKey()!.Properties.Any(p => p.ValueGenerated.HasFlag(ValueGenerated.OnAdd) && p.ClrType != typeof(Guid)));
}
