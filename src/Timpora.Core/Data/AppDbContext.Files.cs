using Microsoft.EntityFrameworkCore;
using Timpora.Core.Files;

namespace Timpora.Core.Data;

/// <summary>The mapping of the one file store: the bytes of every uploaded file (ADR 0026).</summary>
public sealed partial class AppDbContext
{
    public DbSet<StoredFile> StoredFiles => Set<StoredFile>();

    private static void ConfigureFiles(ModelBuilder builder) =>
        builder.Entity<StoredFile>(e =>
        {
            e.Property(f => f.ContentType).HasMaxLength(100);
            e.Property(f => f.Sha256).HasMaxLength(64);
            e.HasIndex(f => f.StagedUntilUtc);
        });
}
