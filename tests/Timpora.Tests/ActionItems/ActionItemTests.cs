using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Meetings;
using Timpora.Tests.Teams;

namespace Timpora.Tests.ActionItems;

public sealed class ActionItemTests(TestApp app)
{
    [Fact]
    public void IsOverdue_OpenPastDue_IsTrue_DoneOrFuture_IsFalse()
    {
        var today = new DateOnly(2026, 6, 1);
        Assert.True(ActionItem.IsOverdue(ActionStatus.Open, today.AddDays(-1), today));
        Assert.True(ActionItem.IsOverdue(ActionStatus.InProgress, today.AddDays(-1), today));
        Assert.False(ActionItem.IsOverdue(ActionStatus.Done, today.AddDays(-1), today));
        Assert.False(ActionItem.IsOverdue(ActionStatus.Open, today, today));
    }

    [Fact]
    public async Task Partner_SeesOwnUnitsItemsAcrossTeams_FlaggedWhenOverdue_NotOthers()
    {
        var person = await TeamData.AddPersonAsync(app);
        var teamA = await TeamData.AddTeamAsync(app);
        var teamB = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, teamA, person);
        // Team B's meeting gave the partner's unit an item, though the partner does not sit on team B.
        var other = await TeamData.AddMemberAsync(app, teamB, await TeamData.AddPersonAsync(app));
        var overdue = await AddAsync(teamA.Id, await TeamData.AddMeetingAsync(app, teamA), member.UnitId, new DateOnly(2020, 1, 1));
        var acrossTeams = await AddAsync(teamB.Id, await TeamData.AddMeetingAsync(app, teamB), member.UnitId, new DateOnly(2099, 1, 1));
        var foreign = await AddAsync(teamB.Id, await TeamData.AddMeetingAsync(app, teamB), other.UnitId, new DateOnly(2099, 1, 1));
        var partner = await TeamData.SignInPartnerAsync(app, person);

        var page = await TestApp.GetHtmlAsync(partner, "/ActionItems?mine=true");
        var rows = page.QuerySelectorAll("[data-testid=actions-table] tbody tr").ToList();

        Assert.Contains(rows, r => r.TextContent.Contains(overdue.Title, StringComparison.Ordinal) && r.GetAttribute("data-overdue") == "true");
        Assert.Contains(rows, r => r.TextContent.Contains(acrossTeams.Title, StringComparison.Ordinal) && r.GetAttribute("data-overdue") == "false");
        Assert.DoesNotContain(rows, r => r.TextContent.Contains(foreign.Title, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri($"/ActionItems/{foreign.Id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task OwningPartner_ReportsDone_ItemCloses()
    {
        var person = await TeamData.AddPersonAsync(app);
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, person);
        var item = await AddAsync(team.Id, await TeamData.AddMeetingAsync(app, team), member.UnitId, new DateOnly(2099, 1, 1));
        var partner = await TeamData.SignInPartnerAsync(app, person);

        var response = await TestApp.PostFormAsync(partner, $"/ActionItems/{item.Id}", new()
        {
            ["Input.Text"] = "Sudah dilaksanakan bersama Babinsa.",
            ["Input.Status"] = nameof(ActionStatus.Done),
            ["Input.Version"] = item.Version.ToString(),
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var saved = await db.ActionItems.Include(a => a.Notes).SingleAsync(a => a.Id == item.Id, TestContext.Current.CancellationToken);
        Assert.Equal(ActionStatus.Done, saved.Status);
        Assert.NotNull(saved.ClosedUtc);
        Assert.Single(saved.Notes);
    }

    [Fact]
    public async Task New_OwnerNotOnTheTeam_IsRefused()
    {
        var team = await TeamData.AddTeamAsync(app);
        await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var stranger = await TeamData.AddPersonAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        await using var db = app.SystemDb();
        var decision = new MeetingOutcome { MeetingId = meeting.Id, Kind = OutcomeKind.Decision, Number = 1, Text = "Keputusan uji" };
        db.MeetingOutcomes.Add(decision);
        await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        var officer = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(officer, $"/ActionItems/New?decision={decision.Id}", new()
        {
            ["Input.Title"] = "Tindak lanjut uji",
            ["Input.OwnerUnitId"] = stranger.UnitId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.PersonInCharge"] = "Kasat",
            ["Input.DueDate"] = "2026-12-31",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("anggota tim", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Input.OwnerUnitId']")!.TextContent, StringComparison.Ordinal);
    }

    private async Task<ActionItem> AddAsync(Guid teamId, Meeting meeting, int unitId, DateOnly due)
    {
        await using var db = app.SystemDb();
        var decision = new MeetingOutcome { MeetingId = meeting.Id, Kind = OutcomeKind.Decision, Number = 1, Text = "Keputusan" };
        var item = new ActionItem { TeamId = teamId, MeetingId = meeting.Id, DecisionId = decision.Id, OwnerUnitId = unitId, Title = "Tindak lanjut " + TeamData.Unique(), PersonInCharge = "Kasat", DueDate = due, CreatedUtc = DateTime.UtcNow };
        db.MeetingOutcomes.Add(decision);
        db.ActionItems.Add(item);
        await db.SaveChangesAsync();
        return item;
    }
}
