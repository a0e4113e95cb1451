using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Watchlists;

namespace Timpora.Tests.Watchlists;

/// <summary>Screening on save and on list change, the review queue, confirm and dismiss, scope and expiry.</summary>
public sealed class ScreeningTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<(WatchlistHit Hit, Guid EntryId)> HitAsync()
    {
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        // Given names and surname the other way round, as a front desk might type them.
        var report = await WatchlistData.CheckInAsync(app, surname, given);
        await WatchlistData.ScreenAsync(app);
        var hit = (await WatchlistData.HitsAsync(app, report.ForeignerId)).Single(h => h.EntryId == entryId);
        return (hit, entryId);
    }

    private static async Task<HttpResponseMessage> DecideAsync(HttpClient client, Guid hitId, bool confirm, string reason)
    {
        var url = $"/Screening/Detail/{hitId}";
        var page = await TestApp.GetHtmlAsync(client, url);
        var version = page.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        return await TestApp.PostFormAsync(client, url, new()
        {
            ["Input.Version"] = version,
            ["Input.Reason"] = reason,
            ["Input.Confirm"] = confirm ? "true" : "false",
        });
    }

    [Fact]
    public async Task CheckIn_NameOnList_HitInOfficeQueueWithExplanation()
    {
        var (hit, _) = await HitAsync();
        var officer = await app.SignInAsync("kupang");

        var queue = await TestApp.GetHtmlAsync(officer, "/Screening?q=" + hit.ScreenedName.Split(' ')[0]);
        var detail = await TestApp.GetHtmlAsync(officer, $"/Screening/Detail/{hit.Id}");

        Assert.Equal(HitStatus.New, hit.Status);
        Assert.Equal(HitTrigger.Saved, hit.Trigger);
        Assert.Contains(hit.ScreenedName, queue.QuerySelector("[data-testid=hits-table]")!.TextContent, StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(detail.QuerySelector("[data-testid=explanation]")!.TextContent));
        Assert.Contains("1980-04-05", detail.QuerySelector("[data-testid=reported]")!.TextContent, StringComparison.Ordinal);
        var link = detail.QuerySelector("[data-testid=profile-link]")!.GetAttribute("href")!;
        Assert.StartsWith($"/Foreigners/Detail/{hit.ForeignerId}?listed=", link, StringComparison.Ordinal);
        var profile = await TestApp.GetHtmlAsync(officer, link);
        Assert.Contains(hit.MatchedName, profile.QuerySelector("[data-testid=profile-screening]")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirm_WithReason_AlertsOwningOfficeAndAudits()
    {
        var (hit, _) = await HitAsync();
        var officer = await app.SignInAsync("kupang");

        var response = await DecideAsync(officer, hit.Id, confirm: true, "Same passport photo and birth date");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.Equal(HitStatus.Confirmed, await db.WatchlistHits.Where(h => h.Id == hit.Id).Select(h => h.Status).SingleAsync(Token));
        var kalianda = await WatchlistData.KanimAsync(app, "Kalianda");
        Assert.True(await db.WatchlistAlerts.AnyAsync(a => a.HitId == hit.Id && a.KanimId == kalianda, Token));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == hit.Id.ToString() && a.Action == AuditAction.Changed && a.Reason == "Same passport photo and birth date", Token));
        var home = await TestApp.GetHtmlAsync(await app.SignInAsync("kalianda"), "/Home");
        Assert.Contains(hit.ScreenedName, home.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dismiss_WithoutReasonRefused_WithReasonDismissedWithoutAlert()
    {
        var (hit, _) = await HitAsync();
        var officer = await app.SignInAsync("kupang");

        var refused = await DecideAsync(officer, hit.Id, confirm: false, " ");
        var response = await DecideAsync(officer, hit.Id, confirm: false, "Different person: other birth place");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.False(string.IsNullOrWhiteSpace((await TestApp.HtmlAsync(refused)).QuerySelector("[data-valmsg-for='Input.Reason']")!.TextContent));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.WatchlistHits.SingleAsync(h => h.Id == hit.Id, Token);
        Assert.Equal(HitStatus.Dismissed, saved.Status);
        Assert.Equal("Different person: other birth place", saved.DecisionReason);
        Assert.False(await db.WatchlistAlerts.AnyAsync(a => a.HitId == hit.Id, Token));
    }

    [Fact]
    public async Task Hit_OtherKanim_NotFoundAndCannotDecide()
    {
        var (hit, _) = await HitAsync();
        var other = await app.SignInAsync("kalianda");

        var get = await other.GetAsync(new Uri($"/Screening/Detail/{hit.Id}", UriKind.Relative), Token);
        var queue = await TestApp.GetHtmlAsync(other, "/Screening?status=");
        var own = await TestApp.GetHtmlAsync(await app.SignInAsync("kupang"), "/Screening/Detail/" + hit.Id);
        var token = own.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var post = await other.PostAsync(new Uri($"/Screening/Detail/{hit.Id}", UriKind.Relative), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Reason"] = "not my office",
            ["Input.Confirm"] = "true",
        }), Token);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.DoesNotContain(hit.ScreenedName, queue.QuerySelector("[data-testid=hits-table]")!.TextContent, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.Redirect, post.StatusCode);
        await using var db = app.SystemDb();
        Assert.Equal(HitStatus.New, await db.WatchlistHits.Where(h => h.Id == hit.Id).Select(h => h.Status).SingleAsync(Token));
    }

    [Fact]
    public async Task ListChange_GuestAlreadyPresent_IsScreenedAgainstNewEntry()
    {
        var (given, surname) = WatchlistData.NewName();
        var report = await WatchlistData.CheckInAsync(app, given, surname, born: "1975-09-09", nationality: "FRA");
        await WatchlistData.ScreenAsync(app);
        await using (var db = app.SystemDb())
        {
            Assert.True(await db.PersonScreenings.AnyAsync(s => s.SubjectKind == SubjectKind.GuestReport && s.SubjectId == report.Id, Token));
        }

        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}", born: "1975-09-09", nationality: "FRA");
        await WatchlistData.ScreenAsync(app);

        var hit = (await WatchlistData.HitsAsync(app, report.ForeignerId)).Single(h => h.EntryId == entryId);
        Assert.Equal(HitTrigger.ListChanged, hit.Trigger);
    }

    [Fact]
    public async Task ExpiredEntry_SameNameCheckIn_NoHit()
    {
        var (given, surname) = WatchlistData.NewName();
        var expired = await WatchlistData.AddEntryAsync(app, $"{given} {surname}", until: DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1));
        var active = await WatchlistData.AddEntryAsync(app, $"{given} {surname}", list: Watchlist.Wanted);

        var report = await WatchlistData.CheckInAsync(app, given, surname);
        await WatchlistData.ScreenAsync(app);

        var hits = await WatchlistData.HitsAsync(app, report.ForeignerId);
        Assert.Contains(hits, h => h.EntryId == active);
        Assert.DoesNotContain(hits, h => h.EntryId == expired);
    }

    [Fact]
    public async Task DemoGuest_SpellingVariantOfEntryBan_IsHit()
    {
        await WatchlistData.ScreenAsync(app);

        await using var db = app.SystemDb();
        // The entry's name and its alias are the same parts in another order: either may be the one reported.
        var hit = await db.WatchlistHits.SingleAsync(h => h.ScreenedName.ToUpper() == "MOHAMED ABDULRAHMAN", Token);
        Assert.Contains(hit.MatchedName, new[] { "MUHAMMAD ABDUL RAHMAN", "ABDUL RAHMAN MUHAMMAD" });
        Assert.True(hit.Strong);
        Assert.Equal(Watchlist.EntryBan, hit.WatchlistCode);
    }

    [Fact]
    public async Task Queue_SortsByScoreOrAge_AndExportsWhatItShows_AuditedAndInScope()
    {
        var (first, _) = await HitAsync();
        var (second, _) = await HitAsync();
        var marker = "Q" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();
        await using (var db = app.SystemDb())
        {
            await db.WatchlistHits.Where(h => h.Id == first.Id).ExecuteUpdateAsync(u => u.SetProperty(h => h.ScreenedName, marker + " A").SetProperty(h => h.Score, 0.93), Token);
            await db.WatchlistHits.Where(h => h.Id == second.Id).ExecuteUpdateAsync(u => u.SetProperty(h => h.ScreenedName, marker + " B").SetProperty(h => h.Score, 0.71), Token);
        }

        var officer = await app.SignInAsync("kupang");
        string FirstRow(AngleSharp.Html.Dom.IHtmlDocument page) => page.QuerySelector("[data-testid=hits-table] tbody tr td")!.TextContent.Trim();
        var newest = await TestApp.GetHtmlAsync(officer, $"/Screening?status=&q={marker}");
        var byScore = await TestApp.GetHtmlAsync(officer, $"/Screening?status=&q={marker}&sort=score");
        var oldest = await TestApp.GetHtmlAsync(officer, $"/Screening?status=&q={marker}&sort=oldest");
        var export = await officer.GetAsync(new Uri($"/Screening?handler=Export&format=csv&status=&q={marker}&sort=score", UriKind.Relative), Token);
        var csv = await export.Content.ReadAsStringAsync(Token);
        var outside = await (await app.SignInAsync("kalianda")).GetStringAsync(new Uri($"/Screening?handler=Export&format=csv&status=&q={marker}", UriKind.Relative), Token);

        // A was found first and scores higher: the default puts B first, either sort A.
        Assert.Equal(marker + " B", FirstRow(newest));
        Assert.Equal(marker + " A", FirstRow(byScore));
        Assert.Equal(marker + " A", FirstRow(oldest));
        Assert.Equal("text/csv", export.Content.Headers.ContentType!.MediaType);
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        Assert.Contains(marker + " A", lines[1], StringComparison.Ordinal);
        Assert.Contains(marker + " B", lines[2], StringComparison.Ordinal);
        Assert.DoesNotContain(marker, outside, StringComparison.Ordinal);
        await using var audit = app.SystemDb();
        Assert.True(await audit.AuditEntries.AnyAsync(a => a.UserName == "kupang" && a.Action == AuditAction.Exported && a.EntityType == nameof(WatchlistHit)
            && a.EntityId == "export:screening-hits:2" && a.Reason!.Contains(marker), Token));
    }
}
