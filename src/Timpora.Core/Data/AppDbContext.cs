using System.Buffers;
using System.Linq.Expressions;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Audit;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Organisation;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Core.Data;

// The caller is read at each use, not at construction: in a web request the context can be created (by the
// sign-in cookie's validator) before authentication has set the user.
public sealed partial class AppDbContext(DbContextOptions<AppDbContext> options, Func<Caller> caller, TimeProvider clock)
    : IdentityDbContext<AppUser, AppRole, string>(options), IDataProtectionKeyContext
{
    public AppDbContext(DbContextOptions<AppDbContext> options, Caller caller, TimeProvider clock)
        : this(options, () => caller, clock)
    {
    }

    public Caller Caller => caller();

    /// <summary>Why the pending changes are made (e.g. the reason given for a deletion); written with them.</summary>
    public string? ChangeReason { get; set; }

    // Who makes a change, where that is not this context's caller (see AuditAs).
    private readonly Dictionary<object, Caller> actors = new(ReferenceEqualityComparer.Instance);

    /// <summary>Names <paramref name="actor"/>, not this context's caller, in the audit entry of the next save's change
    /// to <paramref name="entity"/>: one batch of API check-ins is one save for the keys of several providers (ADR 0020).
    /// The first actor named for an entity in a save keeps it: one entry describes all of that save's changes.</summary>
    public void AuditAs(object entity, Caller actor)
    {
        // The caller itself needs no entry (every row of a bulk file, a web form's check-in).
        if (!ReferenceEquals(actor, Caller))
        {
            actors.TryAdd(entity, actor);
        }
    }

    private Caller ActorOf(object entity) => actors.GetValueOrDefault(entity) ?? Caller;

    // Read by the global query filters; EF Core turns it into a parameter of each query.
    private DataScope Scope => Caller.Scope;

    public DbSet<Area> Areas => Set<Area>();
    public DbSet<AreaAlias> AreaAliases => Set<AreaAlias>();
    public DbSet<ReferenceDataVersion> ReferenceDataVersions => Set<ReferenceDataVersion>();
    public DbSet<Kanwil> Kanwils => Set<Kanwil>();
    public DbSet<Kanim> Kanims => Set<Kanim>();
    public DbSet<KanimWorkingArea> KanimWorkingAreas => Set<KanimWorkingArea>();
    public DbSet<Agency> Agencies => Set<Agency>();
    public DbSet<AgencyUnit> AgencyUnits => Set<AgencyUnit>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PimpasaVillage> PimpasaVillages => Set<PimpasaVillage>();
    public DbSet<Foreigner> Foreigners => Set<Foreigner>();
    public DbSet<TravelDocument> TravelDocuments => Set<TravelDocument>();
    public DbSet<ForeignerAlias> ForeignerAliases => Set<ForeignerAlias>();
    public DbSet<ForeignerAddress> ForeignerAddresses => Set<ForeignerAddress>();
    public DbSet<StayPermit> StayPermits => Set<StayPermit>();
    public DbSet<VisaIndex> VisaIndexes => Set<VisaIndex>();
    public DbSet<OverstayRate> OverstayRates => Set<OverstayRate>();
    public DbSet<AccommodationProvider> Providers => Set<AccommodationProvider>();
    public DbSet<ApiKey> ApiKeys => Set<ApiKey>();
    public DbSet<GuestReport> GuestReports => Set<GuestReport>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<BulkImport> BulkImports => Set<BulkImport>();
    public DbSet<OfficeDigest> OfficeDigests => Set<OfficeDigest>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();

    /// <summary>The key ring for cookies and antiforgery tokens, shared by every instance on one database.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Adds a "viewed" or "exported" line to the audit log; it is written by the next save.</summary>
    public void RecordAccess(AuditAction action, string entityType, string entityId, int? kanimId, string? reason = null) =>
        AuditEntries.Add(NewAuditEntry(Caller, action, entityType, entityId, kanimId, reason, null));

    // Audit entries of new records whose key the database assigns (a Kanwil, a Kanim, its working areas): written
    // once the rows have their ids, in the same transaction, so the log names the office and not a temporary key.
    private readonly List<(AuditEntry Entry, IAudited Record)> auditsAwaitingKeys = [];

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        PrepareForSave();
        if (auditsAwaitingKeys.Count == 0)
        {
            return base.SaveChanges(acceptAllChangesOnSuccess);
        }

        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var count = base.SaveChanges(acceptAllChangesOnSuccess);
        AddAuditsAwaitingKeys();
        count += base.SaveChanges(acceptAllChangesOnSuccess);
        own?.Commit();
        return count;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        PrepareForSave();
        if (auditsAwaitingKeys.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AddAuditsAwaitingKeys();
        count += await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return count;
    }

    private void AddAuditsAwaitingKeys()
    {
        foreach (var (entry, record) in auditsAwaitingKeys)
        {
            entry.EntityId = record.AuditId;
            entry.KanimId = record.AuditKanimId;
            AuditEntries.Add(entry);
        }

        auditsAwaitingKeys.Clear();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);

        builder.Entity<AppUser>().ToTable("users");
        builder.Entity<AppRole>().ToTable("roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserRole<string>>().ToTable("user_roles");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<string>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<string>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<string>>().ToTable("user_tokens");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityRoleClaim<string>>().ToTable("role_claims");

        builder.Entity<Area>(e =>
        {
            e.HasKey(a => a.Code);
            e.Property(a => a.Code).HasMaxLength(13);
            e.Property(a => a.ParentCode).HasMaxLength(13);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.SearchName).HasMaxLength(200);
            e.HasIndex(a => a.ParentCode);
            e.HasIndex(a => a.SearchName);
        });
        builder.Entity<AreaAlias>(e =>
        {
            e.Property(a => a.AreaCode).HasMaxLength(13);
            e.Property(a => a.Name).HasMaxLength(200);
            e.Property(a => a.SearchName).HasMaxLength(200);
            e.HasIndex(a => a.SearchName);
            e.HasOne<Area>().WithMany().HasForeignKey(a => a.AreaCode);
        });
        builder.Entity<ReferenceDataVersion>(e =>
        {
            e.HasKey(v => v.Name);
            e.Property(v => v.Name).HasMaxLength(100);
            e.Property(v => v.Version).HasMaxLength(200);
        });

        builder.Entity<Kanwil>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.ProvinceCode).HasMaxLength(2);
            e.Property(k => k.Address).HasMaxLength(500);
            e.Property(k => k.TimeZoneId).HasMaxLength(50);
            e.HasOne<Area>().WithMany().HasForeignKey(k => k.ProvinceCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Kanim>(e =>
        {
            e.Property(k => k.Name).HasMaxLength(200);
            e.Property(k => k.Address).HasMaxLength(500);
            e.Property(k => k.TimeZoneId).HasMaxLength(50);
            e.Property(k => k.OfficeClass).HasMaxLength(50);
            e.HasOne(k => k.Kanwil).WithMany(k => k.Kanims).HasForeignKey(k => k.KanwilId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<KanimWorkingArea>(e =>
        {
            e.HasKey(w => new { w.KanimId, w.RegencyCode });
            e.Property(w => w.RegencyCode).HasMaxLength(5);
            e.HasOne<Kanim>().WithMany(k => k.WorkingAreas).HasForeignKey(w => w.KanimId);
            e.HasOne<Area>().WithMany().HasForeignKey(w => w.RegencyCode).OnDelete(DeleteBehavior.Restrict);
            // A regency is supervised by exactly one Kanim.
            e.HasIndex(w => w.RegencyCode).IsUnique();
        });
        builder.Entity<Agency>(e =>
        {
            e.Property(a => a.Code).HasMaxLength(30);
            e.Property(a => a.Name).HasMaxLength(200);
            e.HasIndex(a => a.Code).IsUnique();
        });
        builder.Entity<AgencyUnit>(e =>
        {
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.AreaCode).HasMaxLength(13);
            e.HasOne(u => u.Agency).WithMany(a => a.Units).HasForeignKey(u => u.AgencyId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Kanim>().WithMany().HasForeignKey(u => u.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Area>().WithMany().HasForeignKey(u => u.AreaCode).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<Person>(e =>
        {
            e.Property(p => p.FullName).HasMaxLength(200);
            e.Property(p => p.EmployeeNumber).HasMaxLength(30);
            e.Property(p => p.Position).HasMaxLength(200);
            e.Property(p => p.Phone).HasMaxLength(30);
            e.Property(p => p.Email).HasMaxLength(200);
            e.HasOne(p => p.Unit).WithMany().HasForeignKey(p => p.UnitId).OnDelete(DeleteBehavior.Restrict);
            e.HasIndex(p => new { p.KanimId, p.FullName });
        });

        builder.Entity<AppUser>(e =>
        {
            e.Property(u => u.DisplayName).HasMaxLength(200);
            e.HasOne<Kanim>().WithMany().HasForeignKey(u => u.KanimId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<Kanwil>().WithMany().HasForeignKey(u => u.KanwilId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<AccommodationProvider>().WithMany().HasForeignKey(u => u.ProviderId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(u => u.Villages).WithOne().HasForeignKey(v => v.UserId);
        });
        builder.Entity<PimpasaVillage>(e =>
        {
            e.HasKey(v => new { v.UserId, v.VillageCode });
            e.Property(v => v.VillageCode).HasMaxLength(13);
            e.HasOne<Area>().WithMany().HasForeignKey(v => v.VillageCode).OnDelete(DeleteBehavior.Restrict);
        });

        ConfigureRegister(builder);
        ConfigureWatchlists(builder);
        ConfigureTeams(builder);
        ConfigureVillages(builder);
        ConfigureFiles(builder);

        builder.Entity<AuditEntry>(e =>
        {
            e.Property(a => a.UserName).HasMaxLength(256);
            e.Property(a => a.IpAddress).HasMaxLength(64);
            e.Property(a => a.EntityType).HasMaxLength(100);
            e.Property(a => a.EntityId).HasMaxLength(AuditEntry.EntityIdLength);
            e.Property(a => a.Reason).HasMaxLength(AuditEntry.ReasonLength);
            e.HasIndex(a => a.AtUtc);
            e.HasIndex(a => new { a.EntityType, a.EntityId });
            e.HasQueryFilter(a => Scope.All || (a.KanimId != null && Scope.KanimIds.Contains(a.KanimId.Value)));
        });

        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(PersonalRecord).IsAssignableFrom(t.ClrType)).ToList())
        {
            builder.Entity(type.ClrType).Property(nameof(PersonalRecord.AreaCode)).HasMaxLength(13);
            builder.Entity(type.ClrType).Property(nameof(PersonalRecord.Version)).IsConcurrencyToken();
            builder.Entity(type.ClrType).HasQueryFilter(ScopeFilter(type.ClrType));
        }

        ConfigureTips(builder);
    }

    /// <summary>The one scope rule: everything, the caller's offices, the caller's villages, and for records
    /// of an accommodation provider (the provider itself, its guest reports) the caller's providers.</summary>
    private LambdaExpression ScopeFilter(Type type)
    {
        Expression<Func<PersonalRecord, bool>> filter = r =>
            Scope.All || Scope.KanimIds.Contains(r.KanimId) || Scope.VillageCodes.Contains(r.AreaCode);
        var parameter = Expression.Parameter(type, "r");
        var body = new ParameterReplacer(filter.Parameters[0], parameter).Visit(filter.Body)!;
        var providerKey = type == typeof(AccommodationProvider) ? nameof(AccommodationProvider.Id)
            : type.GetProperty(nameof(GuestReport.ProviderId))?.PropertyType == typeof(Guid) ? nameof(GuestReport.ProviderId)
            : null;
        if (providerKey is not null)
        {
            Expression<Func<Guid, bool>> ownProvider = id => Scope.ProviderIds.Contains(id);
            var test = new ParameterReplacer(ownProvider.Parameters[0], Expression.Property(parameter, providerKey)).Visit(ownProvider.Body)!;
            body = Expression.OrElse(body, test);
        }

        return Expression.Lambda(body, parameter);
    }

    private void PrepareForSave()
    {
        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var entry in ChangeTracker.Entries().ToList())
        {
            if (entry.Entity is AuditEntry && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException("The audit log is append-only.");
            }

            if (entry.State is EntityState.Unchanged or EntityState.Detached)
            {
                continue;
            }

            if (entry.Entity is IAudited audited)
            {
                if (AuditRecord(entry, audited.AuditId, audited.AuditKanimId) is { } written
                    && entry.State == EntityState.Added && entry.Properties.Any(p => p.IsTemporary))
                {
                    AuditEntries.Remove(written);
                    auditsAwaitingKeys.Add((written, audited));
                }

                continue;
            }

            if (entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserRole<string> role)
            {
                _ = AuditRecord(entry, role.UserId, null);
                continue;
            }

            if (entry.Entity is not PersonalRecord record)
            {
                continue;
            }

            if (entry.State == EntityState.Added)
            {
                record.CreatedUtc = now;
            }

            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                record.UpdatedUtc = now;
                record.Version = Guid.NewGuid();
            }

            var action = entry.State switch
            {
                EntityState.Added => AuditAction.Created,
                EntityState.Deleted => AuditAction.Deleted,
                _ => AuditAction.Changed,
            };
            AuditEntries.Add(NewAuditEntry(ActorOf(entry.Entity), action, entry.Metadata.ClrType.Name, record.Id.ToString(), record.KanimId, ChangeReason, DescribeChanges(entry)));
        }
    }

    // An account's sign-in bookkeeping and secrets are not changes anyone made: a save that touches only those
    // writes no entry, and their values never reach the log.
    private static readonly HashSet<string> UnloggedAccountProperties =
    [
        nameof(AppUser.PasswordHash), nameof(AppUser.SecurityStamp), nameof(AppUser.ConcurrencyStamp),
        nameof(AppUser.AccessFailedCount), nameof(AppUser.LastSignInUtc), nameof(AppUser.NormalizedUserName),
        nameof(AppUser.NormalizedEmail),
    ];

    private AuditEntry? AuditRecord(EntityEntry entry, string id, int? kanimId)
    {
        var changes = DescribeChanges(entry, UnloggedAccountProperties);
        if (changes is null && entry.State == EntityState.Modified)
        {
            return null;
        }

        var action = entry.State switch
        {
            EntityState.Added => AuditAction.Created,
            EntityState.Deleted => AuditAction.Deleted,
            _ => AuditAction.Changed,
        };
        var type = entry.Entity is Microsoft.AspNetCore.Identity.IdentityUserRole<string> ? "AppUserRole" : entry.Metadata.ClrType.Name;
        return AuditEntries.Add(NewAuditEntry(ActorOf(entry.Entity), action, type, id, kanimId, ChangeReason, changes)).Entity;
    }

    private AuditEntry NewAuditEntry(Caller actor, AuditAction action, string entityType, string entityId, int? kanimId, string? reason, string? changes) => new()
    {
        AtUtc = clock.GetUtcNow().UtcDateTime,
        UserId = actor.UserId,
        UserName = actor.UserName,
        IpAddress = actor.IpAddress,
        Action = action,
        EntityType = entityType,
        // Ids and reasons may carry what a user typed (an export's filter): cut to the column, never a failed save.
        EntityId = entityId.Length > AuditEntry.EntityIdLength ? entityId[..AuditEntry.EntityIdLength] : entityId,
        KanimId = kanimId,
        Reason = reason?.Length > AuditEntry.ReasonLength ? reason[..AuditEntry.ReasonLength] : reason,
        Changes = changes,
    };

    private static readonly HashSet<string> UnauditedProperties =
        [nameof(PersonalRecord.Version), nameof(PersonalRecord.UpdatedUtc), nameof(PersonalRecord.CreatedUtc)];

    // Written straight to a Utf8JsonWriter, value by value: the same JSON as serialising a dictionary of
    // [old, new] pairs (checked on the whole test suite), without the dictionary and arrays per row that a bulk
    // file of 100,000 guests made 300,000 times (ADR 0008).
    private static string? DescribeChanges(EntityEntry entry, HashSet<string>? unlogged = null)
    {
        var current = entry.State == EntityState.Deleted ? null : entry.CurrentValues;
        var original = entry.State == EntityState.Added ? null : entry.OriginalValues;
        var buffer = new ArrayBufferWriter<byte>(1024);
        var any = false;
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            // File contents are not copied into the log; the record's id leads to them.
            // Columns the database computes (the tips' search text) repeat others and are not known before the save.
            foreach (var property in entry.Metadata.GetProperties().Where(p => !UnauditedProperties.Contains(p.Name) && unlogged?.Contains(p.Name) != true && p.ClrType != typeof(byte[]) && p.GetComputedColumnSql() is null))
            {
                var before = original?[property];
                var after = current?[property];
                if (entry.State == EntityState.Modified && (!entry.Property(property).IsModified || Equals(before, after)))
                {
                    continue;
                }

                any = true;
                writer.WriteStartArray(property.Name);
                WriteValue(writer, before);
                WriteValue(writer, after);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
        }

        return any ? Encoding.UTF8.GetString(buffer.WrittenSpan) : null;
    }

    // The common types are written as the serializer's own converters write them; the rest goes to the serializer.
    private static void WriteValue(Utf8JsonWriter writer, object? value)
    {
        switch (value)
        {
            case null:
                writer.WriteNullValue();
                break;
            case string text:
                writer.WriteStringValue(text);
                break;
            case Guid guid:
                writer.WriteStringValue(guid);
                break;
            case DateTime time:
                writer.WriteStringValue(time);
                break;
            case int number:
                writer.WriteNumberValue(number);
                break;
            case bool flag:
                writer.WriteBooleanValue(flag);
                break;
            default:
                JsonSerializer.Serialize(writer, value, value.GetType());
                break;
        }
    }

    private sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);

        protected override Expression VisitMember(MemberExpression node)
        {
            // Re-bind r.KanimId from the base type to the same property on the concrete entity type.
            if (node.Expression == from)
            {
                return Expression.Property(to, node.Member.Name);
            }

            return base.VisitMember(node);
        }
    }
}
