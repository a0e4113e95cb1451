using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;

namespace Timpora.Tests.Foreigners;

/// <summary>Person resolution by the office: a guest who looks like a registered person (same name, birth date
/// and nationality, another passport) is merged into that person or kept apart, with audit and undo.</summary>
public sealed class MatchTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Fact]
    public async Task Merge_PossibleMatch_MovesReportsDocumentsAndPermitsThenUndoRestores()
    {
        var (existing, possible) = await PossibleMatchAsync();
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = await app.SignInAsync(user);
        var token = TestContext.Current.CancellationToken;
        var review = await TestApp.GetHtmlAsync(client, "/Foreigners/Matches?page=1");
        Assert.Contains(review.QuerySelectorAll("[data-testid=match-review] input[name=reportId]"), i => i.GetAttribute("value") == possible.Id.ToString());

        var merged = await TestApp.PostFormAsync(client, "/Foreigners/Matches?handler=Merge",
            new() { ["reportId"] = possible.Id.ToString(), ["intoId"] = existing.ForeignerId.ToString(), ["reason"] = "same person, new passport" }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        long entryId;
        await using (var db = app.SystemDb())
        {
            var report = await db.GuestReports.SingleAsync(r => r.Id == possible.Id, token);
            Assert.Equal(existing.ForeignerId, report.ForeignerId);
            Assert.NotEqual(PersonMatch.Possible, report.Match);
            Assert.Equal(2, await db.TravelDocuments.CountAsync(d => d.ForeignerId == existing.ForeignerId, token));
            Assert.Equal(2, await db.StayPermits.CountAsync(p => p.ForeignerId == existing.ForeignerId, token));
            Assert.False(await db.Foreigners.AnyAsync(f => f.Id == possible.ForeignerId, token));
            var entry = await db.AuditEntries.SingleAsync(a => a.EntityType == PersonMerge.MergeEntity && a.UserName == user, token);
            Assert.Equal("same person, new passport", entry.Reason);
            Assert.Contains(possible.Id.ToString(), entry.Changes, StringComparison.Ordinal);
            entryId = entry.Id;
        }

        var undone = await TestApp.PostFormAsync(client, "/Foreigners/Matches?handler=Undo",
            new() { ["entryId"] = entryId.ToString(System.Globalization.CultureInfo.InvariantCulture), ["reason"] = "merged by mistake" }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.Redirect, undone.StatusCode);
        await using var after = app.SystemDb();
        var restored = await after.GuestReports.SingleAsync(r => r.Id == possible.Id, token);
        Assert.Equal(possible.ForeignerId, restored.ForeignerId);
        Assert.Equal(PersonMatch.Possible, restored.Match);
        Assert.True(await after.Foreigners.AnyAsync(f => f.Id == possible.ForeignerId, token));
        Assert.Equal(1, await after.TravelDocuments.CountAsync(d => d.ForeignerId == possible.ForeignerId, token));
        Assert.Equal(1, await after.TravelDocuments.CountAsync(d => d.ForeignerId == existing.ForeignerId, token));
    }

    [Fact]
    public async Task KeepApart_PossibleMatch_MarksTheReportNew()
    {
        var (_, possible) = await PossibleMatchAsync();
        var client = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(client, "/Foreigners/Matches?handler=KeepApart",
            new() { ["reportId"] = possible.Id.ToString() }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.Equal(PersonMatch.New, (await db.GuestReports.SingleAsync(r => r.Id == possible.Id, TestContext.Current.CancellationToken)).Match);
    }

    [Fact]
    public async Task Merge_WithoutReason_IsRefusedWithAMessage()
    {
        var (existing, possible) = await PossibleMatchAsync();
        var client = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(client, "/Foreigners/Matches?handler=Merge",
            new() { ["reportId"] = possible.Id.ToString(), ["intoId"] = existing.ForeignerId.ToString(), ["reason"] = "" }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull((await TestApp.HtmlAsync(response)).QuerySelector(".field-error"));
        await using var db = app.SystemDb();
        Assert.True(await db.Foreigners.AnyAsync(f => f.Id == possible.ForeignerId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Merge_AnotherOffice_IsNotFound()
    {
        var (existing, possible) = await PossibleMatchAsync();
        var outsider = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        var response = await TestApp.PostFormAsync(outsider, "/Foreigners/Matches?handler=Merge",
            new() { ["reportId"] = possible.Id.ToString(), ["intoId"] = existing.ForeignerId.ToString(), ["reason"] = "not my office" }, "/Foreigners/Matches");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.True(await db.Foreigners.AnyAsync(f => f.Id == possible.ForeignerId, TestContext.Current.CancellationToken));
    }

    private async Task<(GuestReport Existing, GuestReport Possible)> PossibleMatchAsync()
    {
        var surname = RegisterData.UniqueName("Q");
        var provider = await data.ProviderAsync();
        var existing = await data.CheckInAsync(provider, RegisterData.Guest(surname, "PAULA", permitDays: 10));
        var possible = await data.CheckInAsync(provider, RegisterData.Guest(surname, "PAULA", permitDays: 40));
        Assert.Equal(PersonMatch.Possible, possible.Match);
        return (existing, possible);
    }
}
