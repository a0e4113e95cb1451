using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Tests.GuestReports;

namespace Timpora.Tests.Platform;

/// <summary><see cref="AppDbContext.SaveChangesInBulkAsync"/> (ADR 0008) must write what SaveChanges writes: the same
/// columns in the same stored form, the same audit entries, and keep EF's view of the saved entities right.</summary>
public sealed class BulkSaveTests(TestApp app)
{
    private static readonly DateTime Now = new(2026, 11, 23, 10, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    // Keys, versions, save times and the values that must be unique differ between the two saves by design.
    private static readonly HashSet<string> Differing =
        ["id", "foreigner_id", "version", "created_utc", "updated_utc", "number", "receipt_number", "passport_number", "surname", "name_key"];

    [Theory]
    [InlineData(0)] // a check-in batch: one batch of INSERTs on PostgreSQL
    [InlineData(1000)] // a bulk-file chunk: binary COPY on PostgreSQL
    public async Task SaveChangesInBulk_NewCheckInRows_StoresTheSameColumnsAndAuditAsSaveChanges(int othersInTheSave)
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        var viaEf = await SaveGraphAsync(providerId, bulk: false);
        var viaBulk = await SaveGraphAsync(providerId, bulk: true, othersInTheSave);

        await using var db = app.SystemDb();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Token);
        foreach (var (table, efId, bulkId) in new[]
        {
            ("foreigners", viaEf.Person, viaBulk.Person),
            ("travel_documents", viaEf.Document, viaBulk.Document),
            ("foreigner_aliases", viaEf.Alias, viaBulk.Alias),
            ("stay_permits", viaEf.Permit, viaBulk.Permit),
            ("guest_reports", viaEf.Report, viaBulk.Report),
        })
        {
            var ef = await RowAsync(db, connection, table, efId);
            var bulk = await RowAsync(db, connection, table, bulkId);
            Assert.Equal(ef.Keys, bulk.Keys);
            foreach (var column in ef.Keys)
            {
                // The stored form (a Guid as TEXT, a date's format, an enum as a number) is the same for every column.
                Assert.True(ef[column]?.GetType() == bulk[column]?.GetType(), $"{table}.{column}: {ef[column]?.GetType()} vs {bulk[column]?.GetType()}");
                if (!Differing.Contains(column))
                {
                    Assert.True(Equals(ef[column], bulk[column]), $"{table}.{column}: {ef[column]} vs {bulk[column]}");
                }
            }
        }

        var efAudit = await AuditAsync(db, viaEf);
        var bulkAudit = await AuditAsync(db, viaBulk);
        Assert.Equal(["Created Foreigner", "Created GuestReport", "Created StayPermit"], efAudit.Select(a => $"{a.Action} {a.EntityType}"));
        Assert.Equal(efAudit.Select(a => (a.Action, a.EntityType, a.KanimId, a.Reason)), bulkAudit.Select(a => (a.Action, a.EntityType, a.KanimId, a.Reason)));
        Assert.Equal(efAudit.Select(a => Comparable(a.Changes)), bulkAudit.Select(a => Comparable(a.Changes)));
        Assert.Contains(bulkAudit, a => a.EntityId == viaBulk.Report.ToString());
    }

    [Fact]
    public async Task SaveChangesInBulk_ChangeBesideNewRows_IsSavedAuditedAndTheNewRowsCanBeChangedLater()
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        var first = await SaveGraphAsync(providerId, bulk: true);
        await using var db = Context(first.Caller);
        var person = await db.Foreigners.Include(f => f.Documents).SingleAsync(f => f.Id == first.Person, Token);

        person.Street = "Jalan Baru 1";
        db.ForeignerAddresses.Add(new ForeignerAddress { ForeignerId = person.Id, AreaCode = person.AreaCode, Street = "Hotel lama", UntilUtc = Now });
        var newcomer = NewPerson(person.KanimId, person.AreaCode);
        db.Foreigners.Add(newcomer);
        await db.SaveChangesInBulkAsync(Token);
        // The concurrency token EF keeps for the new row must be the one written, or this change finds no row.
        newcomer.Occupation = "Surfer";
        await db.SaveChangesAsync(Token);

        await using var check = app.SystemDb();
        Assert.Equal("Jalan Baru 1", await check.Foreigners.Where(f => f.Id == person.Id).Select(f => f.Street).SingleAsync(Token));
        Assert.Equal("Surfer", await check.Foreigners.Where(f => f.Id == newcomer.Id).Select(f => f.Occupation).SingleAsync(Token));
        Assert.True(await check.ForeignerAddresses.AnyAsync(a => a.ForeignerId == person.Id && a.Street == "Hotel lama", Token));
        var audit = await AuditAsync(check, first.Caller);
        var changed = audit.Where(a => a.Action == AuditAction.Changed && a.EntityId == person.Id.ToString()).ToList();
        Assert.Contains("Jalan Baru 1", Assert.Single(changed).Changes, StringComparison.Ordinal);
        Assert.Single(audit, a => a.Action == AuditAction.Created && a.EntityId == newcomer.Id.ToString());
        Assert.Single(audit, a => a.Action == AuditAction.Changed && a.EntityId == newcomer.Id.ToString());
    }

    [Fact]
    public async Task SaveChangesInBulk_NewRowsAlone_StayTrackedSoALaterChangeFindsThem()
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        await using var db = app.SystemDb();
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, Token);
        var person = NewPerson(provider.KanimId, provider.AreaCode);
        db.Foreigners.Add(person);

        await db.SaveChangesInBulkAsync(Token);
        person.Occupation = "Diver";
        person.Documents[0].ExpiresOn = new DateOnly(2032, 1, 1);
        await db.SaveChangesAsync(Token);

        await using var check = app.SystemDb();
        var stored = await check.Foreigners.Include(f => f.Documents).SingleAsync(f => f.Id == person.Id, Token);
        Assert.Equal("Diver", stored.Occupation);
        Assert.Equal(new DateOnly(2032, 1, 1), Assert.Single(stored.Documents).ExpiresOn);
    }

    [Fact]
    public async Task SaveChangesInBulk_DuplicatePassportInACallersTransaction_FailsAloneAndTheTransactionGoesOn()
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        var first = await SaveGraphAsync(providerId, bulk: true);
        await using var db = Context(first.Caller);
        var known = await db.Foreigners.AsNoTracking().Include(f => f.Documents).SingleAsync(f => f.Id == first.Person, Token);
        await using var transaction = await db.Database.BeginTransactionAsync(Token);

        var twin = NewPerson(known.KanimId, known.AreaCode);
        twin.Documents = [new TravelDocument { Number = known.Documents[0].Number, IssuingState = known.Documents[0].IssuingState }];
        db.Foreigners.Add(twin);
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => db.SaveChangesInBulkAsync(Token));
        db.ChangeTracker.Clear();
        var other = NewPerson(known.KanimId, known.AreaCode);
        db.Foreigners.Add(other);
        await db.SaveChangesInBulkAsync(Token);
        await transaction.CommitAsync(Token);

        await using var check = app.SystemDb();
        Assert.False(await check.Foreigners.AnyAsync(f => f.Id == twin.Id, Token));
        Assert.True(await check.Foreigners.AnyAsync(f => f.Id == other.Id, Token));
        var audit = await AuditAsync(check, first.Caller);
        Assert.DoesNotContain(audit, a => a.EntityId == twin.Id.ToString());
        Assert.Single(audit, a => a.EntityId == other.Id.ToString());
    }

    [Fact]
    public async Task CheckInBatch_SamePassportTwiceAndANamesake_ResolvesPeopleAndAuditsEachRow()
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        var guest = ReportingData.Guest(Now) with { Surname = "BATCH" + ReportingData.Letters(8) };
        var caller = "bulk-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = Context(caller);

        var outcomes = await GuestReporting.CheckInBatchAsync(db, providerId,
            [guest, guest with { CheckInUtc = Now.AddHours(-1) }, guest with { PassportNumber = "NL" + ReportingData.Letters(7) }],
            ReportChannel.BulkFile, Now, Token);

        Assert.Equal([PersonMatch.New, PersonMatch.Document, PersonMatch.Possible], outcomes.Select(o => o.Report!.Match));
        Assert.Equal(outcomes[0].Report!.ForeignerId, outcomes[1].Report!.ForeignerId);
        await using var check = app.SystemDb();
        Assert.Equal(2, await check.Foreigners.CountAsync(f => f.Surname == guest.Surname, Token));
        Assert.Equal(3, await check.GuestReports.CountAsync(r => r.Surname == guest.Surname && r.ProviderId == providerId, Token));
        var audit = await AuditAsync(check, caller);
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.Created && a.EntityType == nameof(Foreigner)));
        Assert.Equal(3, audit.Count(a => a.Action == AuditAction.Created && a.EntityType == nameof(GuestReport)));
        Assert.Equal(2, audit.Count(a => a.Action == AuditAction.Created && a.EntityType == nameof(StayPermit)));
        Assert.All(outcomes, o => Assert.Contains(audit, a => a.EntityId == o.Report!.Id.ToString()));
    }

    [Fact]
    public async Task CheckInBatch_SeveralProviders_EachReportIsItsProvidersAndAuditedAsItsOwnReporter()
    {
        var (a, _) = await ReportingData.ProviderAsync(app);
        var (b, _) = await ReportingData.ProviderAsync(app, "18.72.01.1001");
        var (pending, _) = await ReportingData.ProviderAsync(app, status: Timpora.Core.Providers.ProviderStatus.Pending);
        static Caller Reporter() => new(null, "bulk-test-" + Guid.NewGuid().ToString("N")[..8], null, DataScope.Everything);
        var (byA, byB, byPending, batch) = (Reporter(), Reporter(), Reporter(), Reporter());
        var surname = "MIXED" + ReportingData.Letters(8);
        var first = ReportingData.Guest(Now) with { Surname = surname };
        await using var db = Context(batch.UserName);

        // A's guest, a guest of a provider not yet approved, B's guest, and A's guest moving on to B.
        var outcomes = await GuestReporting.CheckInBatchAsync(db,
            [new(a, byA, first), new(pending, byPending, ReportingData.Guest(Now) with { Surname = surname }),
             new(b, byB, ReportingData.Guest(Now) with { Surname = surname }), new(b, byB, first with { CheckInUtc = Now.AddHours(-1) })],
            ReportChannel.Api, Now, Token);

        Assert.Equal("ProviderNotApproved", Assert.Single(outcomes[1].Problems).Code);
        Assert.Equal([a, b, b], new[] { outcomes[0], outcomes[2], outcomes[3] }.Select(o => o.Report!.ProviderId));
        Assert.Equal(outcomes[0].Report!.ForeignerId, outcomes[3].Report!.ForeignerId);
        await using var check = app.SystemDb();
        Assert.Equal(3, await check.GuestReports.CountAsync(r => r.Surname == surname, Token));
        var auditA = await AuditAsync(check, byA.UserName);
        Assert.Equal([nameof(Foreigner), nameof(GuestReport), nameof(StayPermit)], auditA.Select(e => e.EntityType));
        Assert.Contains(auditA, e => e.EntityId == outcomes[0].Report!.Id.ToString());
        Assert.Contains(auditA, e => e.EntityId == outcomes[0].Report!.ForeignerId.ToString());
        var auditB = await AuditAsync(check, byB.UserName);
        Assert.Equal([nameof(Foreigner), nameof(GuestReport), nameof(GuestReport), nameof(StayPermit)], auditB.Select(e => e.EntityType));
        Assert.Contains(auditB, e => e.EntityId == outcomes[3].Report!.Id.ToString());
        Assert.Empty(await AuditAsync(check, byPending.UserName));
        Assert.Empty(await AuditAsync(check, batch.UserName));
    }

    private sealed record Saved(string Caller, Guid Person, Guid Document, Guid Alias, Guid Permit, Guid Report);

    /// <summary>What one check-in of a new guest adds, saved by one of the two paths under its own caller name.</summary>
    private async Task<Saved> SaveGraphAsync(Guid providerId, bool bulk, int othersInTheSave = 0)
    {
        var caller = "bulk-test-" + Guid.NewGuid().ToString("N")[..8];
        await using var db = Context(caller);
        var provider = await db.Providers.AsNoTracking().SingleAsync(p => p.Id == providerId, Token);
        var visaIndex = await db.VisaIndexes.Where(v => v.Code == "B1").Select(v => v.Id).FirstAsync(Token);
        var person = NewPerson(provider.KanimId, provider.AreaCode);
        var alias = new ForeignerAlias { ForeignerId = person.Id, Name = "ALIAS NAME" };
        var permit = new StayPermit { ForeignerId = person.Id, Kind = PermitKind.Itk, VisaIndexId = visaIndex, ExpiresOn = new DateOnly(2026, 12, 18), KanimId = provider.KanimId, AreaCode = provider.AreaCode };
        var report = new GuestReport
        {
            ProviderId = providerId,
            ForeignerId = person.Id,
            KanimId = provider.KanimId,
            AreaCode = provider.AreaCode,
            ReceiptNumber = "TB" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant(),
            Channel = ReportChannel.Api,
            Surname = person.Surname,
            GivenNames = "ANNA MARIA",
            Sex = Sex.Female,
            BirthDate = "1990-02",
            Nationality = "NLD",
            PassportNumber = person.Documents[0].Number,
            PassportIssuingState = "NLD",
            PassportExpiresOn = new DateOnly(2031, 5, 6),
            PermitKind = PermitKind.Itk,
            VisaIndexCode = "B1",
            PermitExpiresOn = new DateOnly(2026, 12, 18),
            CheckInUtc = Now.AddHours(-30),
            PlannedDepartureUtc = Now.AddDays(3),
            Room = "12",
            ReportedUtc = Now,
            IsLate = true,
            Match = PersonMatch.Possible,
        };
        db.Foreigners.Add(person);
        db.ForeignerAliases.Add(alias);
        db.StayPermits.Add(permit);
        db.GuestReports.Add(report);
        for (var i = 0; i < othersInTheSave; i++)
        {
            db.AddUntracked(NewPerson(provider.KanimId, provider.AreaCode));
        }

        await (bulk ? db.SaveChangesInBulkAsync(Token) : db.SaveChangesAsync(Token));
        return new Saved(caller, person.Id, person.Documents[0].Id, alias.Id, permit.Id, report.Id);
    }

    private static Foreigner NewPerson(int kanimId, string areaCode)
    {
        var surname = "BULK" + ReportingData.Letters(8);
        return new Foreigner
        {
            Surname = surname,
            GivenNames = "ANNA MARIA",
            NameKey = Foreigner.KeyOf(surname, "ANNA MARIA"),
            Sex = Sex.Female,
            BirthDate = "1990-02",
            Nationality = "NLD",
            Latitude = -9.5,
            KanimId = kanimId,
            AreaCode = areaCode,
            Street = "Test Inn, Jalan Pantai",
            Documents = [new TravelDocument { Number = "NB" + Guid.NewGuid().ToString("N")[..9].ToUpperInvariant(), IssuingState = "NLD", ExpiresOn = new DateOnly(2031, 5, 6) }],
        };
    }

    private AppDbContext Context(string caller) =>
        DatabaseOptions.CreateContext(app.Provider, app.ConnectionString, new Caller(null, caller, "127.0.0.1", DataScope.Everything));

    private static Task<List<AuditEntry>> AuditAsync(AppDbContext db, string caller) =>
        db.AuditEntries.Where(a => a.UserName == caller).OrderBy(a => a.EntityType).ThenBy(a => a.Id).ToListAsync(Token);

    /// <summary>The audit entries of the saved check-in's own rows.</summary>
    private static Task<List<AuditEntry>> AuditAsync(AppDbContext db, Saved saved)
    {
        string[] ids = [.. new[] { saved.Person, saved.Permit, saved.Report }.Select(id => id.ToString())];
        return db.AuditEntries.Where(a => a.UserName == saved.Caller && ids.Contains(a.EntityId)).OrderBy(a => a.EntityType).ThenBy(a => a.Id).ToListAsync(Token);
    }

    private static string? Comparable(string? changes)
    {
        if (JsonNode.Parse(changes ?? "null") is not JsonObject json)
        {
            return changes;
        }

        foreach (var name in new[] { "Id", "ForeignerId", "Surname", "NameKey", "Number", "ReceiptNumber", "PassportNumber" })
        {
            json.Remove(name);
        }

        return json.ToJsonString();
    }

    private static async Task<Dictionary<string, object?>> RowAsync(AppDbContext db, DbConnection connection, string table, Guid id)
    {
        await using var command = connection.CreateCommand();
        // The id is compared the way EF compares it, so a row stored in another form would not be found.
        var parameter = db.Model.FindEntityType(typeof(Foreigner))!.FindPrimaryKey()!.Properties[0].GetRelationalTypeMapping().CreateParameter(command, "@id", id);
        command.Parameters.Add(parameter);
        command.CommandText = $"SELECT * FROM {table} WHERE id = @id";
        await using var reader = await command.ExecuteReaderAsync(Token);
        Assert.True(await reader.ReadAsync(Token), $"{table} has no row {id}");
        return Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i));
    }
}
