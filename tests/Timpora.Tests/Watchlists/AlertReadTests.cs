using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Watchlists;

namespace Timpora.Tests.Watchlists;

/// <summary>The owning office marks a confirmed hit's alert read, one or all; another office cannot.</summary>
public sealed class AlertReadTests(TestApp app)
{
    [Fact]
    public async Task MarkRead_OwningOffice_ReadAndAudited_OtherOfficeNotFound()
    {
        var token = TestContext.Current.CancellationToken;
        var (given, surname) = WatchlistData.NewName();
        var entryId = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var report = await WatchlistData.CheckInAsync(app, surname, given);
        await WatchlistData.ScreenAsync(app);
        var hit = (await WatchlistData.HitsAsync(app, report.ForeignerId)).Single(h => h.EntryId == entryId);
        var url = $"/Screening/Detail/{hit.Id}";
        var officer = await app.SignInAsync("kupang");
        var version = (await TestApp.GetHtmlAsync(officer, url)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;
        var confirmed = await TestApp.PostFormAsync(officer, url, new() { ["Input.Version"] = version, ["Input.Reason"] = "Same birth date and photo", ["Input.Confirm"] = "true" });
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Guid alertId;
        await using (var db = app.SystemDb())
        {
            alertId = await db.WatchlistAlerts.Where(a => a.HitId == hit.Id).Select(a => a.Id).SingleAsync(token);
        }

        var owner = await app.SignInAsync("kalianda");
        var list = await TestApp.GetHtmlAsync(owner, "/Screening/Alerts");
        Assert.NotNull(list.QuerySelector($"[data-testid=alert-{alertId}] [data-testid=read]"));
        var refused = await TestApp.PostFormAsync(officer, $"/Screening/Alerts?handler=Read&id={alertId}", [], "/Screening/Alerts");
        var read = await TestApp.PostFormAsync(owner, $"/Screening/Alerts?handler=Read&id={alertId}", [], "/Screening/Alerts");

        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, read.StatusCode);
        await using var after = app.SystemDb();
        var alert = await after.WatchlistAlerts.SingleAsync(a => a.Id == alertId, token);
        Assert.NotNull(alert.ReadUtc);
        Assert.Equal("kalianda", alert.ReadBy);
        Assert.True(await after.AuditEntries.AnyAsync(a => a.EntityType == nameof(WatchlistAlert) && a.EntityId == alertId.ToString(), token));
        var again = await TestApp.GetHtmlAsync(owner, "/Screening/Alerts");
        Assert.Null(again.QuerySelector($"[data-testid=alert-{alertId}] [data-testid=read]"));
        var all = await TestApp.PostFormAsync(owner, "/Screening/Alerts?handler=ReadAll", [], "/Screening/Alerts");
        Assert.Equal(HttpStatusCode.Redirect, all.StatusCode);
        Assert.False(await after.WatchlistAlerts.AnyAsync(a => a.KanimId == alert.KanimId && a.ReadUtc == null, token));
    }
}
