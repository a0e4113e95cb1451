using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Organisation;

namespace Timpora.Tests.Platform;

public sealed class AuditTests(TestApp app)
{
    [Fact]
    public async Task PersonCreatedViewedExportedDeleted_EachWritesAnAuditEntry()
    {
        var token = TestContext.Current.CancellationToken;
        var officer = await app.CreateUserAsync("KanimOfficer", "Kalianda");
        var client = await app.SignInAsync(officer);
        await using var db = app.SystemDb();
        var unit = db.AgencyUnits.Single(u => u.Name == "Polres Lampung Timur");
        var name = "Audit " + Guid.NewGuid().ToString("N")[..8];

        var created = await TestApp.PostFormAsync(client, "/People/Edit", new()
        {
            ["Input.FullName"] = name,
            ["Input.UnitId"] = unit.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Area.Pick"] = "18.07.22.2001",
        });
        var id = created.Headers.Location!.ToString().Split('/').Last();
        await client.GetAsync(new Uri($"/People/{id}?from=search&reason=checking+a+tip+from+the+village", UriKind.Relative), token);
        await client.GetAsync(new Uri($"/People/Export?q={name}", UriKind.Relative), token);
        await TestApp.PostFormAsync(client, $"/People/Delete/{id}", new() { ["reason"] = "duplicate record" });

        var entries = await db.AuditEntries.Where(a => a.UserName == officer).OrderBy(a => a.Id).ToListAsync(token);
        Assert.Equal([AuditAction.Created, AuditAction.Viewed, AuditAction.Exported, AuditAction.Deleted], entries.Select(e => e.Action));
        Assert.Contains(name, entries[0].Changes, StringComparison.Ordinal);
        Assert.Equal("checking a tip from the village", entries[1].Reason);
        Assert.Equal("duplicate record", entries[3].Reason);
        Assert.All(entries, e => Assert.NotNull(e.KanimId));
    }

    [Fact]
    public async Task OpeningFromSearch_WithoutReason_AsksForOneAndShowsNothing()
    {
        await using var db = app.SystemDb();
        var person = await db.People.FirstAsync(p => p.FullName == "AKP Joko Susilo", TestContext.Current.CancellationToken);
        var client = await app.SignInAsync("kalianda");

        var page = await TestApp.GetHtmlAsync(client, $"/People/{person.Id}?from=search");

        Assert.NotNull(page.QuerySelector("input[name=reason]"));
        Assert.DoesNotContain("Kasat Intelkam", page.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AuditLog_UpdateOrDelete_RefusedByTheDatabaseItself()
    {
        var token = TestContext.Current.CancellationToken;
        await using var db = app.SystemDb();
        var recordId = Guid.NewGuid().ToString();
        db.RecordAccess(AuditAction.Viewed, nameof(Person), recordId, null, "test");
        await db.SaveChangesAsync(token);
        var id = await db.AuditEntries.Where(a => a.EntityId == recordId).Select(a => a.Id).SingleAsync(token);

        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"UPDATE audit_entries SET reason = 'changed' WHERE id = {id}", token));
        await Assert.ThrowsAnyAsync<Exception>(() => db.Database.ExecuteSqlAsync($"DELETE FROM audit_entries WHERE id = {id}", token));
        Assert.Equal("test", await db.AuditEntries.Where(a => a.Id == id).Select(a => a.Reason).SingleAsync(token));
    }

    [Fact]
    public async Task AuditPage_KanwilSupervisor_SeesOwnKanwilsEntriesOnly()
    {
        var kalianda = await app.CreateUserAsync("KanimOfficer", "Kalianda");
        var kupang = await app.CreateUserAsync("KanimOfficer", "Kupang");
        await using var db = app.SystemDb();
        var lampungPerson = await db.People.FirstAsync(p => p.FullName == "AKP Joko Susilo", TestContext.Current.CancellationToken);
        var nttPerson = await db.People.FirstAsync(p => p.FullName == "AKP Daniel Bili", TestContext.Current.CancellationToken);
        await (await app.SignInAsync(kalianda)).GetAsync(new Uri($"/People/{lampungPerson.Id}?reason=checking+the+register", UriKind.Relative), TestContext.Current.CancellationToken);
        await (await app.SignInAsync(kupang)).GetAsync(new Uri($"/People/{nttPerson.Id}?reason=checking+the+register", UriKind.Relative), TestContext.Current.CancellationToken);
        var supervisor = await app.SignInAsync("kanwil.lampung");

        var lampungView = (await TestApp.GetHtmlAsync(supervisor, $"/Audit?user={kalianda}")).QuerySelector("[data-testid=audit-table] tbody")!.TextContent;
        var nttView = (await TestApp.GetHtmlAsync(supervisor, $"/Audit?user={kupang}")).QuerySelector("[data-testid=audit-table] tbody")!.TextContent;

        // Entries name their record (issue 29), so the person's name stands for the id.
        Assert.Contains(lampungPerson.FullName, lampungView, StringComparison.Ordinal);
        Assert.DoesNotContain(nttPerson.FullName, nttView, StringComparison.Ordinal);
        Assert.DoesNotContain(nttPerson.Id.ToString(), nttView, StringComparison.Ordinal);
    }
}
