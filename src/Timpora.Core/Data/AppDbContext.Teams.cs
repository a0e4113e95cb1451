using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Areas;
using Timpora.Core.Meetings;
using Timpora.Core.Organisation;
using Timpora.Core.Teams;

namespace Timpora.Core.Data;

/// <summary>The mapping of the Timpora teams: decrees and members, meetings and minutes, action items.
/// Reads go through <see cref="TeamScope"/>, which holds the sharing rule.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<TeamMember> TeamMembers => Set<TeamMember>();
    public DbSet<Meeting> Meetings => Set<Meeting>();
    public DbSet<AgendaItem> AgendaItems => Set<AgendaItem>();
    public DbSet<MeetingInvitation> MeetingInvitations => Set<MeetingInvitation>();
    public DbSet<MeetingOutcome> MeetingOutcomes => Set<MeetingOutcome>();
    public DbSet<MeetingShare> MeetingShares => Set<MeetingShare>();
    public DbSet<MeetingAttachment> MeetingAttachments => Set<MeetingAttachment>();
    public DbSet<ActionItem> ActionItems => Set<ActionItem>();
    public DbSet<ActionNote> ActionNotes => Set<ActionNote>();

    private static void ConfigureTeams(ModelBuilder builder)
    {
        ConfigureSanctions(builder);
        builder.Entity<Team>(e =>
        {
            e.Property(t => t.AreaCode).HasMaxLength(13);
            e.Property(t => t.Name).HasMaxLength(300);
            e.Property(t => t.DecreeNumber).HasMaxLength(100);
            e.Property(t => t.Version).IsConcurrencyToken();
            e.HasIndex(t => new { t.KanimId, t.Level });
            e.HasOne<Kanim>().WithMany().HasForeignKey(t => t.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(t => t.AreaCode).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(t => t.Members).WithOne(m => m.Team).HasForeignKey(m => m.TeamId);
        });
        builder.Entity<TeamMember>(e =>
        {
            e.Property(m => m.FullName).HasMaxLength(200);
            e.Property(m => m.UnitName).HasMaxLength(200);
            e.Property(m => m.Position).HasMaxLength(200);
            e.Property(m => m.Phone).HasMaxLength(30);
            e.Property(m => m.Email).HasMaxLength(200);
            // A person sits on a team once.
            e.HasIndex(m => new { m.TeamId, m.PersonId }).IsUnique();
            e.HasIndex(m => m.UnitId);
            e.HasOne<Person>().WithMany().HasForeignKey(m => m.PersonId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AgencyUnit>().WithMany().HasForeignKey(m => m.UnitId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Meeting>(e =>
        {
            e.Property(m => m.Title).HasMaxLength(300);
            e.Property(m => m.Venue).HasMaxLength(300);
            e.Property(m => m.Basis).HasMaxLength(2000);
            e.Property(m => m.SignerName).HasMaxLength(200);
            e.Property(m => m.SignerTitle).HasMaxLength(200);
            e.Property(m => m.Version).IsConcurrencyToken();
            e.HasIndex(m => new { m.TeamId, m.StartUtc });
            e.HasOne(m => m.Team).WithMany().HasForeignKey(m => m.TeamId);
            e.HasMany(m => m.Agenda).WithOne().HasForeignKey(a => a.MeetingId);
            e.HasMany(m => m.Invitations).WithOne().HasForeignKey(i => i.MeetingId);
            e.HasMany(m => m.Outcomes).WithOne().HasForeignKey(o => o.MeetingId);
            e.HasMany(m => m.Shares).WithOne().HasForeignKey(s => s.MeetingId);
        });
        builder.Entity<AgendaItem>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(300);
            e.Property(a => a.Minutes).HasMaxLength(8000);
            e.HasIndex(a => new { a.MeetingId, a.Number });
            e.HasOne<ActionItem>().WithMany().HasForeignKey(a => a.ActionItemId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<MeetingInvitation>(e =>
        {
            e.HasIndex(i => new { i.MeetingId, i.MemberId }).IsUnique();
            e.HasOne(i => i.Member).WithMany().HasForeignKey(i => i.MemberId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<MeetingOutcome>(e =>
        {
            e.Property(o => o.Text).HasMaxLength(2000);
            e.HasIndex(o => new { o.MeetingId, o.Number });
            e.HasOne<AgendaItem>().WithMany().HasForeignKey(o => o.AgendaItemId).OnDelete(DeleteBehavior.SetNull);
        });
        builder.Entity<MeetingShare>(e =>
        {
            e.HasKey(s => new { s.MeetingId, s.TeamId });
            e.HasOne<Team>().WithMany().HasForeignKey(s => s.TeamId);
        });
        builder.Entity<MeetingAttachment>(e =>
        {
            e.Property(a => a.FileName).HasMaxLength(260);
            e.Property(a => a.ContentType).HasMaxLength(100);
            e.Property(a => a.UploadedBy).HasMaxLength(256);
            e.HasIndex(a => a.MeetingId);
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId);
        });
        builder.Entity<ActionItem>(e =>
        {
            e.Property(a => a.Title).HasMaxLength(500);
            e.Property(a => a.PersonInCharge).HasMaxLength(200);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.IsOpen);
            e.HasIndex(a => new { a.OwnerUnitId, a.Status });
            e.HasIndex(a => new { a.TeamId, a.Status });
            e.HasIndex(a => a.MeetingId);
            e.HasOne<Team>().WithMany().HasForeignKey(a => a.TeamId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Meeting>().WithMany().HasForeignKey(a => a.MeetingId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<MeetingOutcome>().WithMany().HasForeignKey(a => a.DecisionId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AgencyUnit>().WithMany().HasForeignKey(a => a.OwnerUnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Notes).WithOne().HasForeignKey(n => n.ActionItemId);
        });
        builder.Entity<ActionNote>(e =>
        {
            e.Property(n => n.Author).HasMaxLength(256);
            e.Property(n => n.Text).HasMaxLength(2000);
        });
    }
}
