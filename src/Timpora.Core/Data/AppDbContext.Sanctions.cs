using Microsoft.EntityFrameworkCore;
using Timpora.Core.Foreigners;
using Timpora.Core.Operations;
using Timpora.Core.Organisation;
using Timpora.Core.Sanctions;

namespace Timpora.Core.Data;

/// <summary>The mapping of the TAK register, the public holidays its deadlines are counted with, and joint operations.
/// Sanctions, operations and findings are personal records: the scope filter and audit apply.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Sanction> Sanctions => Set<Sanction>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();
    public DbSet<JointOperation> JointOperations => Set<JointOperation>();
    public DbSet<OperationFinding> OperationFindings => Set<OperationFinding>();

    private static void ConfigureSanctions(ModelBuilder builder)
    {
        builder.Entity<Sanction>(e =>
        {
            e.Property(s => s.DecisionNumber).HasMaxLength(100);
            e.Property(s => s.SubjectName).HasMaxLength(260);
            e.Property(s => s.Nationality).HasMaxLength(3);
            e.Property(s => s.PassportNumber).HasMaxLength(20);
            e.Property(s => s.Grounds).HasMaxLength(2000);
            e.Property(s => s.DeportationPort).HasMaxLength(200);
            e.Property(s => s.Carrier).HasMaxLength(200);
            e.Property(s => s.Rudenim).HasMaxLength(200);
            e.Property(s => s.Detail).HasMaxLength(1000);
            e.Property(s => s.ObjectionLateReason).HasMaxLength(1000);
            e.Property(s => s.ObjectionOutcome).HasMaxLength(1000);
            e.HasIndex(s => new { s.KanimId, s.DecisionDate });
            e.HasIndex(s => s.ForeignerId);
            e.HasOne<Kanim>().WithMany().HasForeignKey(s => s.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Foreigner>().WithMany().HasForeignKey(s => s.ForeignerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<JointOperation>(e =>
        {
            e.Property(o => o.Name).HasMaxLength(300);
            e.Property(o => o.Targets).HasMaxLength(4000);
            e.Property(o => o.OrderNumber).HasMaxLength(100);
            e.Property(o => o.Participants).HasMaxLength(4000);
            e.HasIndex(o => new { o.KanimId, o.PeriodStart });
            e.HasOne<Kanim>().WithMany().HasForeignKey(o => o.KanimId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<OperationFinding>(e =>
        {
            e.Property(f => f.Place).HasMaxLength(300);
            e.Property(f => f.PersonName).HasMaxLength(260);
            e.Property(f => f.PassportNumber).HasMaxLength(20);
            e.Property(f => f.Nationality).HasMaxLength(3);
            e.Property(f => f.Evidence).HasMaxLength(2000);
            e.Property(f => f.BapNumber).HasMaxLength(100);
            e.Property(f => f.RecordedBy).HasMaxLength(256);
            e.HasIndex(f => f.OperationId);
            e.HasOne<JointOperation>().WithMany().HasForeignKey(f => f.OperationId);
            e.HasOne<Foreigner>().WithMany().HasForeignKey(f => f.ForeignerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PublicHoliday>(e =>
        {
            e.HasKey(h => h.Date);
            e.Property(h => h.Name).HasMaxLength(200);
            e.Property(h => h.Source).HasMaxLength(300);
        });
    }
}
