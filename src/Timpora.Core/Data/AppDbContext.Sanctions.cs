using Microsoft.EntityFrameworkCore;
using Timpora.Core.Foreigners;
using Timpora.Core.Organisation;
using Timpora.Core.Sanctions;

namespace Timpora.Core.Data;

/// <summary>The mapping of the TAK register and of the public holidays its deadlines are counted with.
/// Sanctions are personal records: the scope filter and audit apply.</summary>
public sealed partial class AppDbContext
{
    public DbSet<Sanction> Sanctions => Set<Sanction>();
    public DbSet<PublicHoliday> PublicHolidays => Set<PublicHoliday>();

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
        builder.Entity<PublicHoliday>(e =>
        {
            e.HasKey(h => h.Date);
            e.Property(h => h.Name).HasMaxLength(200);
        });
    }
}
