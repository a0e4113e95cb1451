using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;

namespace Timpora.Tests.Foreigners;

public sealed class OfficeDigestTests(TestApp app)
{
    [Fact]
    public async Task Run_TellsEachKanimOnceADayAndTheHomePageShowsIt()
    {
        var token = TestContext.Current.CancellationToken;
        // A day far ahead, so that this test's digests are its own whatever the worker wrote today.
        var day = new DateTime(2099, 1, 15, 3, 0, 0, DateTimeKind.Utc);
        AppDbContext ContextFor(DataScope scope) => DatabaseOptions.CreateContext(app.Provider, app.ConnectionString, new Caller(null, "test", null, scope));

        var first = await OfficeDigests.RunAsync(ContextFor, day, token);
        var again = await OfficeDigests.RunAsync(ContextFor, day.AddHours(1), token);

        Assert.True(first >= 3);
        Assert.Equal(0, again);
        await using var db = app.SystemDb();
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(token);
        var digest = await db.OfficeDigests.SingleAsync(d => d.KanimId == kupang && d.Day == new DateOnly(2099, 1, 15), token);
        // By 2099 the demo guests in Sumba (ZHANG, OKAFOR, MCKENZIE) have all overstayed by far more than 60 days.
        Assert.True(digest.Overstays >= 3);
        Assert.Equal(digest.Overstays, digest.DeportationProposed);

        var home = await TestApp.GetHtmlAsync(await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang")), "/Home");
        Assert.Contains("usul deportasi", home.Body!.TextContent, StringComparison.Ordinal);
    }
}
