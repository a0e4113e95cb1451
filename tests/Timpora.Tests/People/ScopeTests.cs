using System.Net;
using Timpora.Core.Organisation;

namespace Timpora.Tests.People;

/// <summary>A Kanim officer of one office cannot list, open, change, export or guess the URL of another
/// office's record; the scope filter in the DbContext enforces it for every query.</summary>
public sealed class ScopeTests(TestApp app)
{
    [Fact]
    public async Task KanimOfficer_AnotherOfficesPerson_CannotListOpenEditExportOrDelete()
    {
        var person = await AddPersonAsync("Polres Lampung Timur", "18.07");
        var outsider = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var token = TestContext.Current.CancellationToken;

        var list = (await TestApp.GetHtmlAsync(outsider, $"/People?q={person.FullName}")).QuerySelector("[data-testid=people-table]")!.TextContent;
        var export = await outsider.GetStringAsync(new Uri($"/People/Export?q={person.FullName}", UriKind.Relative), token);

        Assert.DoesNotContain(person.FullName, list, StringComparison.Ordinal);
        Assert.DoesNotContain(person.FullName, export, StringComparison.Ordinal);
        foreach (var url in new[] { $"/People/{person.Id}", $"/People/Edit/{person.Id}", $"/People/Delete/{person.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync(new Uri(url, UriKind.Relative), token)).StatusCode);
        }

        var post = await TestApp.PostFormAsync(outsider, $"/People/Delete/{person.Id}", new() { ["reason"] = "trying to delete" }, "/People");
        Assert.Equal(HttpStatusCode.NotFound, post.StatusCode);
        await using var db = app.SystemDb();
        Assert.NotNull(await db.People.FindAsync([person.Id], token));
    }

    [Fact]
    public async Task KanimOfficer_OwnOfficesPerson_CanListOpenAndExport()
    {
        var person = await AddPersonAsync("Polres Lampung Timur", "18.07");
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));
        var token = TestContext.Current.CancellationToken;

        Assert.Contains(person.FullName, (await TestApp.GetHtmlAsync(officer, $"/People?q={person.FullName}")).QuerySelector("[data-testid=people-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(person.FullName, await officer.GetStringAsync(new Uri($"/People/Export?q={person.FullName}", UriKind.Relative), token), StringComparison.Ordinal);
        Assert.Contains(person.FullName, await officer.GetStringAsync(new Uri($"/People/{person.Id}?reason=checking+the+register", UriKind.Relative), token), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Kalianda", true)]
    [InlineData("Bandar Lampung", true)]
    [InlineData("Kupang", false)]
    public async Task KanwilSupervisor_SeesEveryKanimUnderTheKanwilOnly(string ownKanim, bool sees)
    {
        var person = await AddPersonAsync("Polres Lampung Timur", "18.07");
        var supervisor = await app.SignInAsync(await app.CreateUserAsync("KanwilSupervisor", ownKanim));

        var response = await supervisor.GetAsync(new Uri($"/People/{person.Id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(sees ? HttpStatusCode.OK : HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Pimpasa_SeesPeopleOfAssignedVillageOnly()
    {
        var inVillage = await AddPersonAsync("Polres Lampung Timur", "18.07.22.2001");
        var elsewhere = await AddPersonAsync("Polres Lampung Timur", "18.07");
        var pimpasa = await app.SignInAsync(await app.CreateUserAsync("Pimpasa", villages: ["18.07.22.2001"]));
        var token = TestContext.Current.CancellationToken;

        Assert.Equal(HttpStatusCode.OK, (await pimpasa.GetAsync(new Uri($"/People/{inVillage.Id}", UriKind.Relative), token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pimpasa.GetAsync(new Uri($"/People/{elsewhere.Id}", UriKind.Relative), token)).StatusCode);
    }

    private async Task<Person> AddPersonAsync(string unitName, string areaCode)
    {
        await using var db = app.SystemDb();
        var unit = db.AgencyUnits.Single(u => u.Name == unitName);
        var person = new Person { FullName = "Scope " + Guid.NewGuid().ToString("N")[..10], UnitId = unit.Id, KanimId = unit.KanimId, AreaCode = areaCode };
        db.People.Add(person);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        return person;
    }
}
