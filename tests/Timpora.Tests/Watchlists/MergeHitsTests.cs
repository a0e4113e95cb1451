using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;

namespace Timpora.Tests.Watchlists;

/// <summary>Merging two register entries into one person takes the merged one's hits along; undo brings them back.</summary>
public sealed class MergeHitsTests(TestApp app)
{
    [Fact]
    public async Task Merge_PersonWithHit_HitMovesToKeptPersonAndUndoMovesItBack()
    {
        var token = TestContext.Current.CancellationToken;
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        // The same name, birth date and nationality with another passport: a possible match of the first.
        var kept = await WatchlistData.CheckInAsync(app, given, surname);
        var merged = await WatchlistData.CheckInAsync(app, given, surname);
        Assert.Equal(PersonMatch.Possible, merged.Match);
        await WatchlistData.ScreenAsync(app);
        var hit = (await WatchlistData.HitsAsync(app, merged.ForeignerId)).Single(h => h.EntryId == entryId);
        var officer = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(officer, "/Foreigners/Matches?handler=Merge",
            new() { ["reportId"] = merged.Id.ToString(), ["intoId"] = kept.ForeignerId.ToString(), ["reason"] = "same person, new passport" }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        long mergeId;
        await using (var db = app.SystemDb())
        {
            Assert.Equal(kept.ForeignerId, await db.WatchlistHits.Where(h => h.Id == hit.Id).Select(h => h.ForeignerId).SingleAsync(token));
            Assert.True(await db.PersonScreenings.AnyAsync(s => s.SubjectId == merged.Id && s.ForeignerId == kept.ForeignerId, token));
            mergeId = await db.AuditEntries.Where(a => a.EntityType == PersonMerge.MergeEntity && a.EntityId == kept.ForeignerId.ToString()).Select(a => a.Id).SingleAsync(token);
        }

        var profile = await TestApp.GetHtmlAsync(officer, $"/Foreigners/Detail/{kept.ForeignerId}?reason=checking+the+merge");
        Assert.Contains($"/Screening/Detail/{hit.Id}", profile.QuerySelector("[data-testid=profile-screening]")!.InnerHtml, StringComparison.Ordinal);

        var undone = await TestApp.PostFormAsync(officer, "/Foreigners/Matches?handler=Undo",
            new() { ["entryId"] = mergeId.ToString(CultureInfo.InvariantCulture), ["reason"] = "merged by mistake" }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        await using var after = app.SystemDb();
        Assert.Equal(merged.ForeignerId, await after.WatchlistHits.Where(h => h.Id == hit.Id).Select(h => h.ForeignerId).SingleAsync(token));
        Assert.True(await after.PersonScreenings.AnyAsync(s => s.SubjectId == merged.Id && s.ForeignerId == merged.ForeignerId, token));
        Assert.True(await after.WatchlistHits.AnyAsync(h => h.ForeignerId == kept.ForeignerId && h.EntryId == entryId, token));
    }
}
