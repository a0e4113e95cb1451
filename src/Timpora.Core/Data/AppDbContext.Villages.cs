using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Organisation;
using Timpora.Core.Villages;

namespace Timpora.Core.Data;

/// <summary>The mapping of the Desa Binaan Imigrasi programme: villages, officers, activities, consultations,
/// passport deferrals and referrals.</summary>
public sealed partial class AppDbContext
{
    public DbSet<ProgrammeVillage> ProgrammeVillages => Set<ProgrammeVillage>();
    public DbSet<VillageContact> VillageContacts => Set<VillageContact>();
    public DbSet<PimpasaOfficer> PimpasaOfficers => Set<PimpasaOfficer>();
    public DbSet<VillageActivity> VillageActivities => Set<VillageActivity>();
    public DbSet<ActivityPhoto> ActivityPhotos => Set<ActivityPhoto>();
    public DbSet<QuarterPlan> QuarterPlans => Set<QuarterPlan>();
    public DbSet<Consultation> Consultations => Set<Consultation>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<PassportDeferral> PassportDeferrals => Set<PassportDeferral>();

    private static void ConfigureVillages(ModelBuilder builder)
    {
        builder.Entity<ProgrammeVillage>(e =>
        {
            e.Property(v => v.Name).HasMaxLength(200);
            e.Property(v => v.ProposedBy).HasMaxLength(256);
            e.Property(v => v.Evidence).HasMaxLength(4000);
            e.Property(v => v.ConsentDocument).HasMaxLength(200);
            e.Property(v => v.DecreeNumber).HasMaxLength(100);
            e.Property(v => v.MessagingGroupLink).HasMaxLength(300);
            e.Property(v => v.StatusNote).HasMaxLength(500);
            e.ComplexProperty(v => v.Criteria);
            // A village is in the programme once: proposing it again is refused with a message.
            e.HasIndex(v => v.AreaCode).IsUnique();
            e.HasIndex(v => new { v.KanimId, v.Status });
            e.HasOne<Area>().WithMany().HasForeignKey(v => v.AreaCode).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Kanim>().WithMany().HasForeignKey(v => v.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(v => v.Contacts).WithOne().HasForeignKey(c => c.VillageId);
        });
        builder.Entity<VillageContact>(e =>
        {
            e.Property(c => c.FullName).HasMaxLength(200);
            e.Property(c => c.Phone).HasMaxLength(30);
        });
        builder.Entity<PimpasaOfficer>(e =>
        {
            e.HasKey(o => o.UserId);
            e.Property(o => o.DecreeNumber).HasMaxLength(100);
            e.HasOne<AppUser>().WithOne().HasForeignKey<PimpasaOfficer>(o => o.UserId);
            e.HasOne<Kanim>().WithMany().HasForeignKey(o => o.KanimId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<VillageActivity>(e =>
        {
            e.Property(a => a.Place).HasMaxLength(200);
            e.Property(a => a.Materials).HasMaxLength(2000);
            e.Property(a => a.Outcome).HasMaxLength(2000);
            e.Ignore(a => a.Participants);
            e.HasIndex(a => new { a.VillageId, a.Date });
            e.HasIndex(a => new { a.KanimId, a.Date });
            e.HasOne<ProgrammeVillage>().WithMany().HasForeignKey(a => a.VillageId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(a => a.Photos).WithOne().HasForeignKey(p => p.ActivityId);
        });
        builder.Entity<ActivityPhoto>(e =>
        {
            e.Property(p => p.ContentType).HasMaxLength(20);
            e.Property(p => p.Caption).HasMaxLength(200);
            e.Property(p => p.UploadedBy).HasMaxLength(256);
        });
        builder.Entity<QuarterPlan>(e =>
        {
            e.Property(p => p.Note).HasMaxLength(1000);
            e.HasIndex(p => new { p.VillageId, p.Year, p.Quarter }).IsUnique();
            e.HasOne<ProgrammeVillage>().WithMany().HasForeignKey(p => p.VillageId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Consultation>(e =>
        {
            e.Property(c => c.ResidentName).HasMaxLength(200);
            e.Property(c => c.Nik).HasMaxLength(16);
            e.Property(c => c.Phone).HasMaxLength(30);
            e.Property(c => c.DestinationCountry).HasMaxLength(3);
            e.Property(c => c.Job).HasMaxLength(200);
            e.Property(c => c.Recruiter).HasMaxLength(200);
            e.Property(c => c.Advice).HasMaxLength(2000);
            e.HasIndex(c => new { c.VillageId, c.Date });
            e.HasIndex(c => c.Nik);
            e.HasOne<ProgrammeVillage>().WithMany().HasForeignKey(c => c.VillageId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Referral>(e =>
        {
            e.Property(r => r.Note).HasMaxLength(1000);
            e.HasIndex(r => r.ConsultationId);
            e.HasIndex(r => r.DeferralId);
            e.HasOne<Consultation>().WithMany().HasForeignKey(r => r.ConsultationId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<PassportDeferral>().WithMany().HasForeignKey(r => r.DeferralId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<PassportDeferral>(e =>
        {
            e.Property(d => d.ApplicantName).HasMaxLength(200);
            e.Property(d => d.Nik).HasMaxLength(16);
            e.Property(d => d.ApplicationNumber).HasMaxLength(50);
            e.Property(d => d.StatedPurpose).HasMaxLength(200);
            e.Property(d => d.IndicatedPurpose).HasMaxLength(200);
            e.Property(d => d.DestinationCountry).HasMaxLength(3);
            e.Property(d => d.Note).HasMaxLength(2000);
            e.HasIndex(d => new { d.KanimId, d.InterviewOn });
            e.HasIndex(d => d.Nik);
            e.HasOne<ProgrammeVillage>().WithMany().HasForeignKey(d => d.VillageId).OnDelete(DeleteBehavior.Restrict);
        });
    }
}
