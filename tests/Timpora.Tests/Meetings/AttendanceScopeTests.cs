using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Meetings;

/// <summary>A team member's id posted to an attendance form is checked against the caller's teams (issue 28): the
/// error named whoever the id belonged to, another office's members too.</summary>
public sealed class AttendanceScopeTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Attendance_WithAnotherOfficesMember_IsRefusedWithoutTheirName()
    {
        var team = await TeamData.AddTeamAsync(app);
        var invited = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var meeting = await TeamData.AddMeetingAsync(app, team, null, invited);
        var elsewhere = await TeamData.AddMemberAsync(app, await TeamData.AddTeamAsync(app, "Kalianda", "18.07"),
            await TeamData.AddPersonAsync(app, "Kalianda", area: "18.07"));
        var officer = await app.SignInAsync("kupang");

        var page = await TestApp.GetHtmlAsync(officer, $"/Meetings/Attendance/{meeting.Id}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var response = await officer.PostAsync(new Uri($"/Meetings/Attendance/{meeting.Id}", UriKind.Relative), new FormUrlEncodedContent(
            [new("Present", invited.Id.ToString()), new("Present", elsewhere.Id.ToString()), new("__RequestVerificationToken", token)]), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync(Token);
        Assert.DoesNotContain(elsewhere.FullName, html, StringComparison.Ordinal);
        var error = (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Present']")!.TextContent;
        Assert.Contains("bukan anggota tim rapat ini", error, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.MeetingInvitations.AnyAsync(i => i.MeetingId == meeting.Id && i.AttendedUtc != null, Token));
        Assert.False(await db.MeetingInvitations.AnyAsync(i => i.MemberId == elsewhere.Id, Token));
    }

    [Fact]
    public async Task Invite_AnotherOfficesMember_IsRefusedAndNothingSaved()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var elsewhere = await TeamData.AddMemberAsync(app, await TeamData.AddTeamAsync(app, "Kalianda", "18.07"),
            await TeamData.AddPersonAsync(app, "Kalianda", area: "18.07"));
        var officer = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(officer, $"/Meetings/Attendance/{meeting.Id}?handler=Invite&memberId={elsewhere.Id}", [],
            $"/Meetings/Attendance/{meeting.Id}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("bukan anggota tim rapat ini", (await TestApp.HtmlAsync(response)).Body!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.MeetingInvitations.AnyAsync(i => i.MeetingId == meeting.Id, Token));
    }
}
