using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Meetings;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Meetings;

public sealed class MinutesTests(TestApp app)
{
    [Fact]
    public async Task Minutes_TypedUnderAnItem_AreThereAfterAReload()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var itemId = await FirstItemAsync(meeting.Id);
        var officer = await app.SignInAsync("kupang");
        var text = "Kepala Kanim membuka rapat " + TeamData.Unique();

        var response = await SaveMinutesAsync(officer, meeting.Id, itemId, text);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await TestApp.GetHtmlAsync(officer, $"/Meetings/Minutes/{meeting.Id}");
        Assert.Equal(text, page.QuerySelector("textarea[name='Items[0].Minutes']")!.TextContent.Trim());
        await using var db = app.SystemDb();
        Assert.Equal(text, await db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.Minutes).SingleAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Minutes_TooLong_ShowsTheSummaryLinkingToTheItem()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var itemId = await FirstItemAsync(meeting.Id);
        var officer = await app.SignInAsync("kupang");

        var response = await SaveMinutesAsync(officer, meeting.Id, itemId, new string('x', 8001));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        var link = page.QuerySelector("[data-testid=error-summary] a")!;
        Assert.Equal("#Items_0__Minutes", link.GetAttribute("href"));
        Assert.NotNull(page.QuerySelector("#Items_0__Minutes"));
    }

    [Fact]
    public async Task ClosedMinutes_AreRefusedAndReadOnly_UntilASupervisorReopensWithAReason()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var itemId = await FirstItemAsync(meeting.Id);
        var officer = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;
        await SaveMinutesAsync(officer, meeting.Id, itemId, "Sebelum ditutup");
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(officer, $"/Meetings/Minutes/{meeting.Id}?handler=Close", [], $"/Meetings/Minutes/{meeting.Id}")).StatusCode);

        var refused = await SaveMinutesAsync(officer, meeting.Id, itemId, "Sesudah ditutup");
        var outcome = await TestApp.PostFormAsync(officer, $"/Meetings/Minutes/{meeting.Id}?handler=Outcome",
            new() { ["Outcome.Kind"] = nameof(OutcomeKind.Decision), ["Outcome.Text"] = "Keputusan terlambat" }, $"/Meetings/Minutes/{meeting.Id}");
        var officerReopen = await TestApp.PostFormAsync(officer, $"/Meetings/Minutes/{meeting.Id}?handler=Reopen",
            new() { ["Reopen.Reason"] = "Salah ketik pada butir pertama" }, $"/Meetings/Minutes/{meeting.Id}");

        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.Contains("ditutup", (await TestApp.HtmlAsync(refused)).QuerySelector("[data-testid=error-summary]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, outcome.StatusCode);
        Assert.Contains("/Account/AccessDenied", officerReopen.Headers.Location!.ToString(), StringComparison.Ordinal);
        var page = await TestApp.GetHtmlAsync(officer, $"/Meetings/Minutes/{meeting.Id}");
        Assert.Null(page.QuerySelector("textarea[name='Items[0].Minutes']"));
        Assert.Contains("Sebelum ditutup", page.QuerySelector("[data-testid=closed-minutes]")!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.Equal("Sebelum ditutup", await db.AgendaItems.Where(a => a.Id == itemId).Select(a => a.Minutes).SingleAsync(token));
        Assert.False(await db.MeetingOutcomes.AnyAsync(o => o.MeetingId == meeting.Id, token));

        var supervisor = await app.SignInAsync("kanwil.ntt");
        var noReason = await TestApp.PostFormAsync(supervisor, $"/Meetings/Minutes/{meeting.Id}?handler=Reopen", new() { ["Reopen.Reason"] = "" }, $"/Meetings/Minutes/{meeting.Id}");
        Assert.Equal(HttpStatusCode.OK, noReason.StatusCode);
        var reason = "Salah ketik pada butir pertama " + TeamData.Unique();
        var reopened = await TestApp.PostFormAsync(supervisor, $"/Meetings/Minutes/{meeting.Id}?handler=Reopen", new() { ["Reopen.Reason"] = reason }, $"/Meetings/Minutes/{meeting.Id}");
        Assert.Equal(HttpStatusCode.Redirect, reopened.StatusCode);
        Assert.Null(await db.Meetings.Where(m => m.Id == meeting.Id).Select(m => m.MinutesClosedUtc).SingleAsync(token));
        Assert.True(await db.AuditEntries.AnyAsync(e => e.EntityId == meeting.Id.ToString() && e.Reason != null && e.Reason.Contains(reason), token));
        Assert.Equal(HttpStatusCode.Redirect, (await SaveMinutesAsync(officer, meeting.Id, itemId, "Sesudah dibuka kembali")).StatusCode);
    }

    [Fact]
    public async Task MinutesPdf_HoldsTheMinutesTheActionItemsAndTheConclusions()
    {
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var meeting = await TeamData.AddMeetingAsync(app, team, null, member);
        var itemId = await FirstItemAsync(meeting.Id);
        var officer = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;
        var minutes = "Paparan-" + TeamData.Unique();
        var finding = "Temuan-" + TeamData.Unique();
        var decision = "Keputusan-" + TeamData.Unique();
        var action = "Tindakan-" + TeamData.Unique();
        await SaveMinutesAsync(officer, meeting.Id, itemId, minutes);
        await AddOutcomeAsync(officer, meeting.Id, OutcomeKind.Finding, finding);
        await AddOutcomeAsync(officer, meeting.Id, OutcomeKind.Decision, decision);
        await using (var db = app.SystemDb())
        {
            var decisionId = await db.MeetingOutcomes.Where(o => o.MeetingId == meeting.Id && o.Kind == OutcomeKind.Decision).Select(o => o.Id).SingleAsync(token);
            db.ActionItems.Add(new ActionItem
            {
                TeamId = team.Id,
                MeetingId = meeting.Id,
                DecisionId = decisionId,
                OwnerUnitId = member.UnitId,
                Title = action,
                PersonInCharge = "Kasat Intelkam",
                DueDate = new DateOnly(2026, 4, 1),
                Status = ActionStatus.Open,
                CreatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(token);
        }

        var text = await PdfTextAsync(officer, meeting.Id);

        foreach (var expected in new[] { minutes, finding, decision, action, "TINDAK LANJUT", "KESIMPULAN" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }

        Assert.DoesNotContain("DRAFT", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinutesPdf_OfAMeetingNotYetHeld_IsADraftWithoutAnAbsenceList()
    {
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var meeting = await TeamData.AddMeetingAsync(app, team, new DateTime(2027, 2, 10, 1, 0, 0, DateTimeKind.Utc), member);
        var officer = await app.SignInAsync("kupang");

        var text = await PdfTextAsync(officer, meeting.Id);

        Assert.Contains("DRAFT", text, StringComparison.Ordinal);
        Assert.Contains("BELUM DILAKSANAKAN", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Tidak hadir", text, StringComparison.Ordinal);
        Assert.Contains(member.FullName.Split(' ')[^1], text, StringComparison.Ordinal);
    }

    private async Task<Guid> FirstItemAsync(Guid meetingId)
    {
        await using var db = app.SystemDb();
        return await db.AgendaItems.Where(a => a.MeetingId == meetingId).OrderBy(a => a.Number).Select(a => a.Id).FirstAsync(TestContext.Current.CancellationToken);
    }

    private static Task<HttpResponseMessage> SaveMinutesAsync(HttpClient client, Guid meetingId, Guid itemId, string text) =>
        TestApp.PostFormAsync(client, $"/Meetings/Minutes/{meetingId}", new() { ["Items[0].Id"] = itemId.ToString(), ["Items[0].Minutes"] = text });

    private static async Task AddOutcomeAsync(HttpClient client, Guid meetingId, OutcomeKind kind, string text) =>
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(client, $"/Meetings/Minutes/{meetingId}?handler=Outcome",
            new() { ["Outcome.Kind"] = kind.ToString(), ["Outcome.Text"] = text }, $"/Meetings/Minutes/{meetingId}")).StatusCode);

    /// <summary>The PDF's text: the writer keeps content streams uncompressed in WinAnsi, so the drawn strings can be
    /// read from the bytes (a value with no spaces stays on one line, so it is found whole).</summary>
    private static async Task<string> PdfTextAsync(HttpClient client, Guid meetingId)
    {
        var response = await client.GetAsync(new Uri($"/Meetings/{meetingId}?handler=Pdf", UriKind.Relative), TestContext.Current.CancellationToken);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        return Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
    }
}
