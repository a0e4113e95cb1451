using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Foreigners;
using Timpora.Core.Operations;
using Timpora.Core.Organisation;
using Timpora.Core.Tips;

namespace Timpora.Core.Data;

/// <summary>The mapping of the public tip line: tips, their timeline, shares, photos, notices and the email outbox.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Tip> Tips => Set<Tip>();
    public DbSet<TipEvent> TipEvents => Set<TipEvent>();
    public DbSet<TipShare> TipShares => Set<TipShare>();
    public DbSet<TipPhoto> TipPhotos => Set<TipPhoto>();
    public DbSet<TipForeignerLink> TipForeignerLinks => Set<TipForeignerLink>();
    public DbSet<TipNotification> TipNotifications => Set<TipNotification>();
    public DbSet<OutboxEmail> OutboxEmails => Set<OutboxEmail>();

    private string? CallerUserId => Caller.UserId;

    /// <summary>The partial index's condition, in the words <see cref="TipInbox"/> writes it (the open states as
    /// literals), so that SQLite recognises the query's condition as the index's.</summary>
    private const string OpenTipsSql = "state IN (4, 5)";

    /// <summary>The same SQL on both providers; the blanks keep the last word of one field from running into the next.</summary>
    private const string TipSearchText = "upper(account || ' ' || coalesce(subject_name, '') || ' ' || coalesce(place, ''))";

    /// <summary>Called after the personal-record filters are set, because it replaces the tip's: see <see cref="TipScope"/>.</summary>
    private void ConfigureTips(ModelBuilder builder)
    {
        // The one provider-specific piece of the tips' model: a trigram index, so that a search for a word
        // anywhere in 200,000 reports reads the index instead of every row (ADR 0014). SQLite scans fast enough.
        var postgres = Database.IsNpgsql();
        if (postgres)
        {
            builder.HasPostgresExtension("pg_trgm");
        }

        builder.Entity<Tip>(e =>
        {
            e.Property(t => t.TrackingCode).HasMaxLength(12);
            e.Property(t => t.SecretHash).HasMaxLength(64);
            e.Property(t => t.Place).HasMaxLength(300);
            e.Property(t => t.Account).HasMaxLength(4000);
            e.Property(t => t.SubjectName).HasMaxLength(200);
            e.Property(t => t.SubjectNationality).HasMaxLength(100);
            e.Property(t => t.SubjectDescription).HasMaxLength(1000);
            e.Property(t => t.Vehicle).HasMaxLength(200);
            e.Property(t => t.ReporterName).HasMaxLength(200);
            e.Property(t => t.ReporterPhone).HasMaxLength(30);
            e.Property(t => t.ReporterEmail).HasMaxLength(200);
            e.Property(t => t.FiledByName).HasMaxLength(200);
            e.Property(t => t.SourceReliability).HasMaxLength(1);
            e.Property(t => t.EscalationNote).HasMaxLength(1000);
            e.Property(t => t.OperationReference).HasMaxLength(100);
            e.Property(t => t.PublicMessage).HasMaxLength(1000);
            e.HasIndex(t => t.TrackingCode).IsUnique();
            e.HasIndex(t => new { t.KanimId, t.CreatedUtc });
            e.HasIndex(t => new { t.KanimId, t.State, t.CreatedUtc });
            e.HasIndex(t => new { t.KanimId, t.Kind, t.CreatedUtc });
            // The inbox's combined filters answer from an index alone (schema 0013, ADR 0018): state with kind in
            // order, the area with the channel, and the open tips with their due date (the overdue and due-soon views).
            e.HasIndex(t => new { t.KanimId, t.State, t.Kind, t.CreatedUtc });
            e.HasIndex(t => new { t.KanimId, t.AreaCode, t.Channel, t.CreatedUtc });
            e.HasIndex(t => new { t.KanimId, t.CreatedUtc, t.DueUtc }).HasFilter(OpenTipsSql);
            e.HasIndex(t => new { t.AssignedUnitId, t.CreatedUtc });
            e.HasIndex(t => new { t.FiledByUserId, t.CreatedUtc });
            e.HasIndex(t => t.DueUtc);
            e.HasIndex(t => t.OperationId);
            e.Property(t => t.SearchText).HasComputedColumnSql(TipSearchText, stored: postgres);
            if (postgres)
            {
                e.HasIndex(t => t.SearchText).HasMethod("gin").HasOperators("gin_trgm_ops");
            }

            e.HasOne<Kanim>().WithMany().HasForeignKey(t => t.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AgencyUnit>().WithMany().HasForeignKey(t => t.AssignedUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<JointOperation>().WithMany().HasForeignKey(t => t.OperationId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Events).WithOne().HasForeignKey(v => v.TipId);
            e.HasMany(t => t.Shares).WithOne().HasForeignKey(s => s.TipId);
            e.HasMany(t => t.Photos).WithOne().HasForeignKey(p => p.TipId);
            e.HasMany(t => t.Foreigners).WithOne().HasForeignKey(f => f.TipId);
            e.HasQueryFilter(TipScope);
        });
        builder.Entity<TipEvent>(e =>
        {
            e.Property(v => v.By).HasMaxLength(256);
            e.Property(v => v.Text).HasMaxLength(4000);
            e.HasIndex(v => new { v.TipId, v.AtUtc });
        });
        builder.Entity<TipShare>(e =>
        {
            e.HasKey(s => new { s.TipId, s.AgencyUnitId });
            e.HasIndex(s => s.AgencyUnitId);
            e.HasOne<AgencyUnit>().WithMany().HasForeignKey(s => s.AgencyUnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TipForeignerLink>(e =>
        {
            e.HasKey(l => new { l.TipId, l.ForeignerId });
            e.HasOne<Foreigner>().WithMany().HasForeignKey(l => l.ForeignerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<TipPhoto>(e => e.Property(p => p.ContentType).HasMaxLength(30));
        builder.Entity<TipNotification>(e =>
        {
            e.HasIndex(n => new { n.UserId, n.TipId, n.Kind }).IsUnique();
            e.HasIndex(n => new { n.UserId, n.ReadUtc });
            e.HasOne<AppUser>().WithMany().HasForeignKey(n => n.UserId);
            e.HasOne<Tip>().WithMany().HasForeignKey(n => n.TipId);
        });
        builder.Entity<OutboxEmail>(e =>
        {
            e.Property(m => m.To).HasMaxLength(200);
            e.Property(m => m.Subject).HasMaxLength(300);
            e.Property(m => m.Body).HasMaxLength(4000);
            e.Property(m => m.LastError).HasMaxLength(1000);
            e.HasIndex(m => new { m.SentUtc, m.NextAttemptUtc });
        });
    }

    /// <summary>Who sees a tip, in one place: the offices and villages of the caller's scope as for any personal
    /// record; a partner agency unit the tips assigned or shared to it; a village cadre the tips they filed.</summary>
    private System.Linq.Expressions.Expression<Func<Tip, bool>> TipScope => t =>
        Scope.All || Scope.KanimIds.Contains(t.KanimId) || Scope.VillageCodes.Contains(t.AreaCode)
        || (Scope.AgencyUnitId != null && (t.AssignedUnitId == Scope.AgencyUnitId || t.Shares.Any(s => s.AgencyUnitId == Scope.AgencyUnitId)))
        || (CallerUserId != null && t.FiledByUserId == CallerUserId);

    /// <summary>Exactly the tips <see cref="TipScope"/> lets through, written so that the database can use the Kanim
    /// indexes: for everyone, or for a caller whose scope is only offices, the filter's OR chain is replaced by the
    /// plain equivalent; any other caller gets the filter itself.</summary>
    public IQueryable<Tip> VisibleTips()
    {
        var scope = Scope;
        if (scope.All)
        {
            return Tips.IgnoreQueryFilters();
        }

        var kanims = scope.KanimIds;
        var userId = CallerUserId;
        if (kanims.Count > 0 && scope.VillageCodes.Count == 0 && scope.AgencyUnitId is null
            && (userId is null || !Tips.IgnoreQueryFilters().Any(t => t.FiledByUserId == userId && !kanims.Contains(t.KanimId))))
        {
            // One office (the usual case) as an equality: PostgreSQL then reads the (kanim_id, created_utc) index
            // in order and stops at the page, where "= ANY(array)" sorts every tip of the office first.
            if (kanims.Count == 1)
            {
                var kanim = kanims[0];
                return Tips.IgnoreQueryFilters().Where(t => t.KanimId == kanim);
            }

            return Tips.IgnoreQueryFilters().Where(t => kanims.Contains(t.KanimId));
        }

        return Tips;
    }
}
