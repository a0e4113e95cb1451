using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Watchlists;

/// <summary>The reasons of a hit as the officer reads them: in Bahasa Indonesia, and old English text as stored.</summary>
public sealed class HitReasonPageTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<Guid> HitIdAsync()
    {
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var report = await WatchlistData.CheckInAsync(app, surname, given);
        await WatchlistData.ScreenAsync(app);
        return (await WatchlistData.HitsAsync(app, report.ForeignerId)).Single(h => h.EntryId == entryId).Id;
    }

    [Fact]
    public async Task Detail_NewHit_ReasonsInBahasaIndonesia()
    {
        var hitId = await HitIdAsync();
        var officer = await app.SignInAsync("kupang");

        var detail = await TestApp.GetHtmlAsync(officer, $"/Screening/Detail/{hitId}");

        var reasons = detail.QuerySelectorAll("[data-testid=explanation] li").Select(li => li.TextContent).ToList();
        Assert.Contains("tanggal lahir sama (1980-04-05 / 1980-04-05)", reasons);
        Assert.Contains("kewarganegaraan sama", reasons);
        Assert.DoesNotContain(reasons, r => r.Contains("r1|", StringComparison.Ordinal) || r.Contains("agrees", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Detail_HitStoredAsPlainText_ShownAsStored()
    {
        var hitId = await HitIdAsync();
        await using (var db = app.SystemDb())
        {
            var hit = await db.WatchlistHits.SingleAsync(h => h.Id == hitId, Token);
            hit.Explanation = "KORVAL ~ KORVALL (0.97), date of birth agrees";
            await db.SaveChangesAsync(Token);
        }

        var detail = await TestApp.GetHtmlAsync(await app.SignInAsync("kupang"), $"/Screening/Detail/{hitId}");

        Assert.Equal("KORVAL ~ KORVALL (0.97), date of birth agrees", detail.QuerySelector("[data-testid=explanation] li")!.TextContent);
    }
}
