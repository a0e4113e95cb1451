using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;

namespace Timpora.Tests.Foreigners;

/// <summary>Whether opening a profile owes a reason is the server's decision (issue 28): a link from a list of daily
/// work carries a ticket for this officer and record; a search result, a typed or an edited URL carries none.</summary>
public sealed class ReasonTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Fact]
    public async Task Profile_FromSearchWithTheFlagRemoved_StillAsksForAReason()
    {
        var surname = RegisterData.UniqueName("R");
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname));
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = await app.SignInAsync(user);
        var search = await TestApp.GetHtmlAsync(client, $"/Foreigners?q={surname}");
        var link = search.QuerySelector($"a[href^='/Foreigners/Detail/{report.ForeignerId}']")!.GetAttribute("href")!;

        var asked = await TestApp.GetHtmlAsync(client, link);
        var bare = await TestApp.GetHtmlAsync(client, $"/Foreigners/Detail/{report.ForeignerId}");

        Assert.DoesNotContain("listed=", link, StringComparison.Ordinal);
        Assert.NotNull(asked.QuerySelector("input[name=reason]"));
        Assert.NotNull(bare.QuerySelector("input[name=reason]"));
        Assert.Null(bare.QuerySelector("[data-testid=timeline]"));
        Assert.DoesNotContain(surname, bare.Body!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.UserName == user && a.EntityId == report.ForeignerId.ToString(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Profile_FromTheOverstayList_OpensWithoutAReason()
    {
        var surname = RegisterData.UniqueName("R");
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname, permitDays: -4000));
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = await app.SignInAsync(user);
        var list = await TestApp.GetHtmlAsync(client, "/Foreigners/Overstays");
        var link = list.QuerySelector($"a[href^='/Foreigners/Detail/{report.ForeignerId}']")!.GetAttribute("href")!;

        var profile = await TestApp.GetHtmlAsync(client, link);

        Assert.NotNull(profile.QuerySelector("[data-testid=timeline]"));
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == user && a.Action == AuditAction.Viewed && a.EntityId == report.ForeignerId.ToString(), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Profile_TicketOfAnotherRecordOrOfficer_StillAsksForAReason()
    {
        var listed = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("R"), permitDays: -4000));
        var other = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("R")));
        var client = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var colleague = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var link = (await TestApp.GetHtmlAsync(client, "/Foreigners/Overstays"))
            .QuerySelector($"a[href^='/Foreigners/Detail/{listed.ForeignerId}']")!.GetAttribute("href")!;
        var ticket = link[(link.IndexOf('?', StringComparison.Ordinal) + 1)..];

        var moved = await TestApp.GetHtmlAsync(client, $"/Foreigners/Detail/{other.ForeignerId}?{ticket}");
        var passedOn = await TestApp.GetHtmlAsync(colleague, link);
        var forged = await client.GetAsync(new Uri($"/Foreigners/Detail/{listed.ForeignerId}?listed=made-up", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.NotNull(moved.QuerySelector("input[name=reason]"));
        Assert.NotNull(passedOn.QuerySelector("input[name=reason]"));
        Assert.Equal(HttpStatusCode.OK, forged.StatusCode);
        Assert.NotNull((await TestApp.HtmlAsync(forged)).QuerySelector("input[name=reason]"));
    }
}
