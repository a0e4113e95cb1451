using Microsoft.EntityFrameworkCore;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Organisation;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Core.Data;

/// <summary>The mapping of the register of foreigners: people, documents, permits, providers, guest reports.</summary>
public sealed partial class AppDbContext
{
    private static void ConfigureRegister(ModelBuilder builder)
    {
        builder.Entity<Foreigner>(e =>
        {
            e.Property(f => f.Surname).HasMaxLength(100);
            e.Property(f => f.GivenNames).HasMaxLength(150);
            e.Property(f => f.NameKey).HasMaxLength(260);
            e.Property(f => f.BirthDate).HasMaxLength(10);
            e.Property(f => f.Nationality).HasMaxLength(3);
            e.Property(f => f.Occupation).HasMaxLength(100);
            e.Property(f => f.Street).HasMaxLength(300);
            e.Property(f => f.Phone).HasMaxLength(30);
            e.Property(f => f.Email).HasMaxLength(200);
            e.Property(f => f.GuarantorName).HasMaxLength(200);
            e.Property(f => f.GuarantorNumber).HasMaxLength(30);
            e.Property(f => f.GuarantorContact).HasMaxLength(100);
            e.Ignore(f => f.FullName);
            e.HasIndex(f => new { f.KanimId, f.NameKey });
            e.HasIndex(f => new { f.NameKey, f.BirthDate });
            e.HasOne<Kanim>().WithMany().HasForeignKey(f => f.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(f => f.Documents).WithOne().HasForeignKey(d => d.ForeignerId);
            e.HasMany(f => f.Aliases).WithOne().HasForeignKey(a => a.ForeignerId);
            e.HasMany(f => f.PastAddresses).WithOne().HasForeignKey(a => a.ForeignerId);
        });
        builder.Entity<TravelDocument>(e =>
        {
            e.Property(d => d.Number).HasMaxLength(20);
            e.Property(d => d.IssuingState).HasMaxLength(3);
            // A passport number is unique per issuing state: the key of person resolution.
            e.HasIndex(d => new { d.Number, d.IssuingState }).IsUnique();
        });
        builder.Entity<ForeignerAlias>(e => e.Property(a => a.Name).HasMaxLength(260));
        builder.Entity<ForeignerAddress>(e =>
        {
            e.Property(a => a.AreaCode).HasMaxLength(13);
            e.Property(a => a.Street).HasMaxLength(300);
        });

        builder.Entity<VisaIndex>(e =>
        {
            e.Property(v => v.Code).HasMaxLength(10);
            e.Property(v => v.Description).HasMaxLength(300);
            e.HasIndex(v => new { v.Code, v.ValidFrom }).IsUnique();
        });
        builder.Entity<OverstayRate>(e =>
        {
            e.Property(r => r.LegalBasis).HasMaxLength(200);
            e.HasIndex(r => r.EffectiveFrom).IsUnique();
        });
        builder.Entity<StayPermit>(e =>
        {
            e.Property(p => p.Number).HasMaxLength(50);
            e.HasOne<Foreigner>().WithMany().HasForeignKey(p => p.ForeignerId);
            e.HasOne(p => p.VisaIndex).WithMany().HasForeignKey(p => p.VisaIndexId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Kanim>().WithMany().HasForeignKey(p => p.IssuingKanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.KanimId, p.ExpiresOn });
        });

        builder.Entity<AccommodationProvider>(e =>
        {
            e.Property(p => p.Name).HasMaxLength(200);
            e.Property(p => p.BusinessNumber).HasMaxLength(30);
            e.Property(p => p.Street).HasMaxLength(300);
            e.Property(p => p.ContactName).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.Property(p => p.Email).HasMaxLength(200);
            e.Property(p => p.DecisionNote).HasMaxLength(500);
            e.Property(p => p.DecidedBy).HasMaxLength(256);
            e.HasIndex(p => new { p.KanimId, p.Status });
            e.HasOne<Kanim>().WithMany().HasForeignKey(p => p.KanimId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<ApiKey>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(100);
            e.Property(k => k.Prefix).HasMaxLength(16);
            e.Property(k => k.SecretHash).HasMaxLength(64);
            e.Property(k => k.CreatedBy).HasMaxLength(256);
            e.HasIndex(k => k.Prefix).IsUnique();
            e.HasOne<AccommodationProvider>().WithMany().HasForeignKey(k => k.ProviderId);
        });

        builder.Entity<GuestReport>(e =>
        {
            e.Property(r => r.ReceiptNumber).HasMaxLength(20);
            e.Property(r => r.Surname).HasMaxLength(100);
            e.Property(r => r.GivenNames).HasMaxLength(150);
            e.Property(r => r.BirthDate).HasMaxLength(10);
            e.Property(r => r.Nationality).HasMaxLength(3);
            e.Property(r => r.PassportNumber).HasMaxLength(20);
            e.Property(r => r.PassportIssuingState).HasMaxLength(3);
            e.Property(r => r.VisaIndexCode).HasMaxLength(10);
            e.Property(r => r.PermitNumber).HasMaxLength(50);
            e.Property(r => r.Room).HasMaxLength(50);
            e.Property(r => r.Purpose).HasMaxLength(200);
            e.HasIndex(r => r.ReceiptNumber).IsUnique();
            e.HasIndex(r => new { r.ProviderId, r.CheckInUtc });
            e.HasIndex(r => new { r.KanimId, r.CheckInUtc });
            e.HasIndex(r => r.ForeignerId);
            e.HasOne<AccommodationProvider>().WithMany().HasForeignKey(r => r.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Foreigner>().WithMany().HasForeignKey(r => r.ForeignerId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<BulkImport>(e =>
        {
            e.Property(b => b.FileName).HasMaxLength(260);
            e.Property(b => b.CreatedBy).HasMaxLength(256);
            e.Property(b => b.TimeZoneId).HasMaxLength(50);
            e.Property(b => b.Culture).HasMaxLength(10);
            e.Property(b => b.Error).HasMaxLength(1000);
            e.HasIndex(b => new { b.Status, b.CreatedUtc });
            e.HasIndex(b => new { b.ProviderId, b.CreatedUtc });
            e.HasOne<AccommodationProvider>().WithMany().HasForeignKey(b => b.ProviderId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<OfficeDigest>(e =>
        {
            e.HasIndex(d => new { d.KanimId, d.Day }).IsUnique();
            e.HasOne<Kanim>().WithMany().HasForeignKey(d => d.KanimId);
        });
        builder.Entity<IdempotencyRecord>(e =>
        {
            e.HasKey(r => new { r.ProviderId, r.Key });
            e.Property(r => r.Key).HasMaxLength(100);
            e.Property(r => r.RequestHash).HasMaxLength(64);
        });
    }
}
