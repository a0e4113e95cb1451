using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Tips;

namespace Timpora.Tests.Tips;

/// <summary>The inbox's combined filters (schema 0013, ADR 0018): what they find through HTTP, and the query shape
/// that lets the database answer the overdue and due-soon views from the partial index of open tips.</summary>
public sealed class InboxQueryTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Inbox_DueSoon_ListsOpenTipsDueWithinADay_NotClosedOrLaterOnes()
    {
        var unique = TipData.Unique();
        var soon = await TipSeed.AddAsync(app, change: t => { t.Account = "Segera " + unique; t.State = TipState.InFollowUp; t.DueUtc = DateTime.UtcNow.AddHours(6); });
        var closed = await TipSeed.AddAsync(app, change: t => { t.Account = "Selesai " + unique; t.State = TipState.Closed; t.DueUtc = DateTime.UtcNow.AddHours(6); });
        var later = await TipSeed.AddAsync(app, change: t => { t.Account = "Nanti " + unique; t.State = TipState.Assigned; t.DueUtc = DateTime.UtcNow.AddDays(3); });
        var client = await app.SignInAsync("kalianda");

        var page = TipData.Text(await TestApp.GetHtmlAsync(client, $"/Tips?due=soon&q={unique}"), "tips-table");

        Assert.Contains(soon.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(closed.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(later.TrackingCode, page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inbox_AreaAndChannel_FindsOnlyThatChannelInsideTheDistrict()
    {
        var unique = TipData.Unique();
        var intake = await TipSeed.AddAsync(app, change: t => { t.Account = "Desa " + unique; t.Channel = TipChannel.VillageIntake; });
        var publicTip = await TipSeed.AddAsync(app, change: t => { t.Account = "Umum " + unique; t.Channel = TipChannel.Public; });
        var elsewhere = await TipSeed.AddAsync(app, area: "18.07.01.2001", change: t => { t.Account = "Lain " + unique; t.Channel = TipChannel.VillageIntake; });
        var client = await app.SignInAsync("kalianda");

        var page = TipData.Text(await TestApp.GetHtmlAsync(client, $"/Tips?area=18.07.22&channel=VillageIntake&q={unique}"), "tips-table");

        Assert.Contains(intake.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(publicTip.TrackingCode, page, StringComparison.Ordinal);
        Assert.DoesNotContain(elsewhere.TrackingCode, page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("overdue")]
    [InlineData("soon")]
    public async Task InboxQuery_DueViews_StateTheOpenStatesAsThePartialIndexDoes(string due)
    {
        await using var db = await OfficerDbAsync();

        var sql = TipInbox.Filter(db, new TipFilter { Due = due }, DateTime.UtcNow).ToQueryString();

        // SQLite uses a partial index only for a query that states the index's condition in the same words;
        // a plan test would depend on the planner's guesses for a table of a few test rows.
        Assert.Matches(@"state""? IN \(4, 5\)", sql);
    }

    /// <summary>A context as the Kalianda officer's request has it: one office in scope.</summary>
    private async Task<AppDbContext> OfficerDbAsync()
    {
        await using var system = app.SystemDb();
        var kalianda = await system.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).SingleAsync(Token);
        return DatabaseOptions.CreateContext(app.Provider, app.ConnectionString, new Caller(null, "kalianda", null, new DataScope(false, [kalianda], [])));
    }
}
