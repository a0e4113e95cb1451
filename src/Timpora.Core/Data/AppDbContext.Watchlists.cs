using Microsoft.EntityFrameworkCore;
using Timpora.Core.GuestReports;
using Timpora.Core.Operations;
using Timpora.Core.Organisation;
using Timpora.Core.Permits;
using Timpora.Core.Tips;
using Timpora.Core.Watchlists;

namespace Timpora.Core.Data;

/// <summary>The mapping of the ban and wanted lists, their hits and the screening streams.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Watchlist> Watchlists => Set<Watchlist>();
    public DbSet<WatchlistEntry> WatchlistEntries => Set<WatchlistEntry>();
    public DbSet<WatchlistAlias> WatchlistAliases => Set<WatchlistAlias>();
    public DbSet<WatchlistDocument> WatchlistDocuments => Set<WatchlistDocument>();
    public DbSet<WatchlistChange> WatchlistChanges => Set<WatchlistChange>();
    public DbSet<WatchlistHit> WatchlistHits => Set<WatchlistHit>();
    public DbSet<WatchlistAlert> WatchlistAlerts => Set<WatchlistAlert>();
    public DbSet<PersonScreening> PersonScreenings => Set<PersonScreening>();
    public DbSet<ScreeningCursor> ScreeningCursors => Set<ScreeningCursor>();

    private static void ConfigureWatchlists(ModelBuilder builder)
    {
        builder.Entity<Watchlist>(e =>
        {
            e.HasKey(w => w.Code);
            e.Property(w => w.Code).HasMaxLength(30);
            e.Property(w => w.Name).HasMaxLength(100);
            e.Property(w => w.EnglishName).HasMaxLength(100);
            e.Property(w => w.Description).HasMaxLength(500);
        });
        builder.Entity<WatchlistEntry>(e =>
        {
            e.Property(w => w.WatchlistCode).HasMaxLength(30);
            e.Property(w => w.Reference).HasMaxLength(100);
            e.Property(w => w.Name).HasMaxLength(200);
            e.Property(w => w.BirthDate).HasMaxLength(10);
            e.Property(w => w.Nationality).HasMaxLength(3);
            e.Property(w => w.Source).HasMaxLength(200);
            e.Property(w => w.Reason).HasMaxLength(500);
            e.Property(w => w.UpdatedBy).HasMaxLength(256);
            e.Property(w => w.Version).IsConcurrencyToken();
            e.HasIndex(w => new { w.WatchlistCode, w.Reference }).IsUnique();
            e.HasIndex(w => w.Name);
            e.HasOne<Watchlist>().WithMany().HasForeignKey(w => w.WatchlistCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Kanim>().WithMany().HasForeignKey(w => w.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(w => w.Aliases).WithOne().HasForeignKey(a => a.EntryId);
            e.HasMany(w => w.Documents).WithOne().HasForeignKey(d => d.EntryId);
        });
        builder.Entity<WatchlistAlias>(e => e.Property(a => a.Name).HasMaxLength(200));
        builder.Entity<WatchlistDocument>(e =>
        {
            e.Property(d => d.Number).HasMaxLength(30);
            e.HasIndex(d => d.Number);
        });
        builder.Entity<WatchlistChange>(e =>
        {
            e.HasIndex(c => c.RescreenedUtc);
            e.HasOne<WatchlistEntry>().WithMany().HasForeignKey(c => c.EntryId);
        });
        builder.Entity<WatchlistHit>(e =>
        {
            e.Property(h => h.WatchlistCode).HasMaxLength(30);
            e.Property(h => h.ScreenedName).HasMaxLength(260);
            e.Property(h => h.MatchedName).HasMaxLength(200);
            e.Property(h => h.Explanation).HasMaxLength(1000);
            e.Property(h => h.DecisionReason).HasMaxLength(500);
            e.Property(h => h.DecidedBy).HasMaxLength(256);
            // A record is put before the office once per entry, however often it is screened (and the job
            // skips a person already hit on that entry through another record).
            e.HasIndex(h => new { h.SubjectKind, h.SubjectId, h.EntryId }).IsUnique();
            e.HasIndex(h => new { h.ForeignerId, h.EntryId });
            e.HasIndex(h => new { h.KanimId, h.Status, h.CreatedUtc });
            e.HasOne<WatchlistEntry>().WithMany().HasForeignKey(h => h.EntryId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<WatchlistAlert>(e =>
        {
            e.Property(a => a.PersonName).HasMaxLength(260);
            e.Property(a => a.EntryName).HasMaxLength(200);
            e.Property(a => a.ConfirmedBy).HasMaxLength(256);
            e.Property(a => a.ReadBy).HasMaxLength(256);
            e.HasIndex(a => new { a.KanimId, a.CreatedUtc });
            e.HasOne<WatchlistHit>().WithMany().HasForeignKey(a => a.HitId);
            e.HasOne<Kanim>().WithMany().HasForeignKey(a => a.KanimId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PersonScreening>(e =>
        {
            e.HasIndex(s => new { s.SubjectKind, s.SubjectId }).IsUnique();
            e.HasIndex(s => s.ForeignerId);
        });

        // The screening job reads each kind of record by the time it was saved.
        builder.Entity<GuestReport>().HasIndex(r => r.CreatedUtc);
        builder.Entity<StayPermit>().HasIndex(p => p.CreatedUtc);
        builder.Entity<OperationFinding>().HasIndex(f => f.CreatedUtc);
        builder.Entity<Tip>().HasIndex(t => t.CreatedUtc);
        builder.Entity<ScreeningCursor>(e =>
        {
            e.HasKey(c => c.Name);
            e.Property(c => c.Name).HasMaxLength(50);
            e.Property(c => c.Holder).HasMaxLength(100);
        });
    }
}
