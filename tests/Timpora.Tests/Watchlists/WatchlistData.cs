using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Watchlists;
using Timpora.Tests.GuestReports;
using Timpora.Web.Jobs;

namespace Timpora.Tests.Watchlists;

/// <summary>Uniquely named list entries and guests for the watchlist and screening tests.</summary>
internal static class WatchlistData
{
    /// <summary>A name no other test uses: two made-up parts with a random tail.</summary>
    // Random letters only: names sharing a long prefix across tests come close enough for the matcher to link them.
    public static (string Given, string Surname) NewName() => (ReportingData.Letters(10), ReportingData.Letters(11));

    public static async Task<int> KanimAsync(TestApp app, string name)
    {
        await using var db = app.SystemDb();
        return await db.Kanims.Where(k => k.Name.Contains(name)).Select(k => k.Id).SingleAsync();
    }

    public static async Task<Guid> AddEntryAsync(
        TestApp app, string name, string? born = "1980-04-05", string nationality = "NLD", DateOnly? until = null, string owner = "Kalianda",
        string list = Watchlist.EntryBan)
    {
        await using var db = app.SystemDb();
        var kanim = await db.Kanims.Where(k => k.Name.Contains(owner)).Select(k => k.Id).SingleAsync();
        var draft = new EntryDraft(
            list, "T-" + Guid.NewGuid().ToString("N")[..12], name, [], born, nationality, Sex.Female, [], null, until, "test", "test listing", kanim);
        var entry = WatchlistEditing.Create(db, draft, DateTime.UtcNow);
        await db.SaveChangesAsync();
        return entry.Id;
    }

    /// <summary>Checks a guest in at a new Tambolaka guesthouse (Kanim Kupang) through the real reporting path.</summary>
    public static async Task<GuestReport> CheckInAsync(TestApp app, string given, string surname, string born = "1980-04-05", string nationality = "NLD")
    {
        var (providerId, _) = await ReportingData.ProviderAsync(app);
        var now = DateTime.UtcNow;
        var guest = ReportingData.Guest(now) with { GivenNames = given, Surname = surname, BirthDate = born, Nationality = nationality };
        await using var db = app.SystemDb();
        var outcome = await GuestReporting.CheckInAsync(db, providerId, guest, ReportChannel.WebForm, now);
        Assert.True(outcome.Accepted, string.Join("; ", outcome.Problems.Select(p => p.Message)));
        return outcome.Report!;
    }

    /// <summary>Runs the screening job once, as the timer would, and returns when everything saved is screened.</summary>
    public static Task ScreenAsync(TestApp app) =>
        app.Services.GetRequiredService<ScreeningWorker>().ScreenPendingAsync(TestContext.Current.CancellationToken);

    public static async Task<List<WatchlistHit>> HitsAsync(TestApp app, Guid foreignerId)
    {
        await using var db = app.SystemDb();
        return await db.WatchlistHits.Where(h => h.ForeignerId == foreignerId).ToListAsync();
    }
}
