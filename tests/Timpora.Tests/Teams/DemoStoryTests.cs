using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Meetings;

namespace Timpora.Tests.Teams;

/// <summary>The demo tells the two meetings of DOMAIN.md from invitation to minutes.</summary>
public sealed class DemoStoryTests(TestApp app)
{
    [Fact]
    public async Task PolresSbd_SeesTheTambolakaTeamAndMinutes_NotKotaMetro()
    {
        var partner = await app.SignInAsync("polres.sbd");
        await using var db = app.SystemDb();
        var token = TestContext.Current.CancellationToken;
        var tambolaka = await db.Meetings.Include(m => m.Team).SingleAsync(m => m.Venue.Contains("Hotel Sinar Tambolaka"), token);
        var metro = await db.Meetings.SingleAsync(m => m.Venue.Contains("Kota Metro"), token);

        var teams = (await TestApp.GetHtmlAsync(partner, "/Teams")).QuerySelector("[data-testid=teams-table]")!.TextContent;
        var pdf = await partner.GetAsync(new Uri($"/Meetings/{tambolaka.Id}?handler=Pdf", UriKind.Relative), token);

        Assert.Contains("Timpora Kabupaten Sumba Barat Daya", teams, StringComparison.Ordinal);
        Assert.DoesNotContain("Timpora Kota Metro", teams, StringComparison.Ordinal);
        var text = Encoding.Latin1.GetString(await pdf.Content.ReadAsByteArrayAsync(token));
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        Assert.Contains("Wee Londa", text, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri($"/Meetings/{metro.Id}", UriKind.Relative), token)).StatusCode);
    }

    [Fact]
    public async Task Tambolaka_EvaluationMeeting_OpensWithTheItemsStillOpen()
    {
        await using var db = app.SystemDb();
        var token = TestContext.Current.CancellationToken;
        var evaluation = await db.Meetings.Include(m => m.Agenda).SingleAsync(m => m.Kind == MeetingKind.Evaluation && m.Title.Contains("Sumba Barat Daya"), token);

        var carried = evaluation.Agenda.OrderBy(a => a.Number).TakeWhile(a => a.ActionItemId is not null).Select(a => a.Title).ToList();

        Assert.Equal(4, carried.Count);
        Assert.DoesNotContain(carried, c => c.Contains("penginapan", StringComparison.Ordinal));
    }
}
