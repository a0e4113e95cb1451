using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Meetings;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Meetings;

public sealed class MeetingPagesTests(TestApp app)
{
    [Fact]
    public async Task Plan_EndBeforeStart_ExplainsAndKeepsTheText()
    {
        var team = await TeamData.AddTeamAsync(app);
        var officer = await app.SignInAsync("kupang");
        var title = "Rapat salah " + TeamData.Unique();

        var response = await TestApp.PostFormAsync(officer, $"/Meetings/Edit?team={team.Id}", new()
        {
            ["Input.Kind"] = nameof(MeetingKind.Coordination),
            ["Input.Title"] = title,
            ["Input.Venue"] = "Aula",
            ["Input.Start"] = "2026-03-10T10:00",
            ["Input.End"] = "2026-03-10T09:00",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains("sesudah waktu mulai", page.QuerySelector("[data-valmsg-for='Input.End']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(title, page.QuerySelector("[name='Input.Title']")!.GetAttribute("value"));
        Assert.Equal("#Input_End", page.QuerySelector("[data-testid=error-summary] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task Plan_AfterAMeetingWithOpenItems_InvitesMembersAndStartsWithTheOpenItems()
    {
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var previous = await TeamData.AddMeetingAsync(app, team, null, member);
        var openTitle = "Pendataan orang asing di desa " + TeamData.Unique();
        await AddActionAsync(team.Id, previous.Id, member.UnitId, openTitle, new DateOnly(2026, 4, 1), ActionStatus.Open);
        await AddActionAsync(team.Id, previous.Id, member.UnitId, "Sudah selesai " + TeamData.Unique(), new DateOnly(2026, 4, 1), ActionStatus.Done);
        var officer = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(officer, $"/Meetings/Edit?team={team.Id}", new()
        {
            ["Input.Kind"] = nameof(MeetingKind.Evaluation),
            ["Input.Title"] = "Rapat evaluasi " + TeamData.Unique(),
            ["Input.Venue"] = "Aula Kanim",
            ["Input.Start"] = "2026-06-10T09:00",
            ["Input.End"] = "2026-06-10T12:00",
            ["Input.Agenda"] = "Paparan situasi\nRencana operasi",
        });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await TestApp.GetHtmlAsync(officer, response.Headers.Location!.ToString());
        var agenda = page.QuerySelectorAll("[data-testid=agenda] > li strong").Select(e => e.TextContent).ToList();
        Assert.Equal(["Tindak lanjut: " + openTitle, "Paparan situasi", "Rencana operasi"], agenda);
        Assert.Contains(member.FullName, page.QuerySelector("[data-testid=attendance]")!.TextContent, StringComparison.Ordinal);
        // 09:00 WITA (Kupang) is 01:00 UTC.
        await using var db = app.SystemDb();
        var id = Guid.Parse(response.Headers.Location!.ToString().Split('/')[^1]);
        Assert.Equal(new DateTime(2026, 6, 10, 1, 0, 0), (await db.Meetings.SingleAsync(m => m.Id == id, TestContext.Current.CancellationToken)).StartUtc);
    }

    [Fact]
    public async Task Attendance_ForSomeoneNotInvited_IsRefusedAndNothingChanges()
    {
        var team = await TeamData.AddTeamAsync(app);
        var invited = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var meeting = await TeamData.AddMeetingAsync(app, team, null, invited);
        var outsider = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var officer = await app.SignInAsync("kupang");

        var response = await PostAttendanceAsync(officer, meeting.Id, invited.Id, outsider.Id);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("tidak diundang", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Present']")!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.MeetingInvitations.AnyAsync(i => i.MeetingId == meeting.Id && i.AttendedUtc != null, TestContext.Current.CancellationToken));

        var ok = await PostAttendanceAsync(officer, meeting.Id, invited.Id);
        Assert.Equal(HttpStatusCode.Redirect, ok.StatusCode);
        Assert.True(await db.MeetingInvitations.AnyAsync(i => i.MeetingId == meeting.Id && i.MemberId == invited.Id && i.AttendedUtc != null, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Partner_OnTheDay_RecordsOwnAttendance()
    {
        var team = await TeamData.AddTeamAsync(app);
        var person = await TeamData.AddPersonAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, person);
        var meeting = await TeamData.AddMeetingAsync(app, team, DateTime.UtcNow, member);
        var partner = await TeamData.SignInPartnerAsync(app, person);

        var response = await TestApp.PostFormAsync(partner, $"/Meetings/{meeting.Id}?handler=Attend", [], $"/Meetings/{meeting.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var invitation = await db.MeetingInvitations.SingleAsync(i => i.MeetingId == meeting.Id, TestContext.Current.CancellationToken);
        Assert.NotNull(invitation.AttendedUtc);
        Assert.Equal(AttendanceSource.Self, invitation.AttendanceSource);
    }

    [Fact]
    public async Task Ics_OfAMeeting_IsACalendarFileLinkingBack()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var officer = await app.SignInAsync("kupang");

        var response = await officer.GetAsync(new Uri($"/Meetings/{meeting.Id}?handler=Ics", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType!.MediaType);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains($"/Meetings/{meeting.Id}\r\n", text.Replace("\r\n ", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("DTSTART:20260310T010000Z\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task MinutesPdf_WithAttendanceAndDecision_ReadsBackInIndonesian()
    {
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var meeting = await TeamData.AddMeetingAsync(app, team, null, member);
        var officer = await app.SignInAsync("kupang");
        var decision = "Membentuk Desa Binaan Imigrasi " + TeamData.Unique();
        Assert.Equal(HttpStatusCode.Redirect, (await TestApp.PostFormAsync(officer, $"/Meetings/Minutes/{meeting.Id}?handler=Outcome",
            new() { ["Outcome.Kind"] = nameof(OutcomeKind.Decision), ["Outcome.Text"] = decision }, $"/Meetings/Minutes/{meeting.Id}")).StatusCode);
        await PostAttendanceAsync(officer, meeting.Id, member.Id);

        var response = await officer.GetAsync(new Uri($"/Meetings/{meeting.Id}?handler=Pdf", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        var text = Encoding.Latin1.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
        Assert.StartsWith("%PDF", text, StringComparison.Ordinal);
        // Table cells wrap, so the unique last word of each value is what is searched for.
        foreach (var expected in new[] { "NOTULEN", "DAFTAR HADIR", member.FullName.Split(' ')[^1], decision.Split(' ')[^1], team.DecreeNumber, "Hadir" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Partner_AnotherTeamsMinutes_Is404UnlessShared()
    {
        var own = await TeamData.AddTeamAsync(app);
        var other = await TeamData.AddTeamAsync(app);
        var person = await TeamData.AddPersonAsync(app);
        await TeamData.AddMemberAsync(app, own, person);
        var meeting = await TeamData.AddMeetingAsync(app, other);
        var partner = await TeamData.SignInPartnerAsync(app, person);
        var token = TestContext.Current.CancellationToken;

        foreach (var url in new[] { $"/Meetings/{meeting.Id}", $"/Meetings/{meeting.Id}?handler=Pdf", $"/Meetings/{meeting.Id}?handler=Ics", $"/Meetings/Attachments/{meeting.Id}" })
        {
            Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri(url, UriKind.Relative), token)).StatusCode);
        }

        var officer = await app.SignInAsync("kupang");
        var share = await TestApp.PostFormAsync(officer, $"/Meetings/{meeting.Id}?handler=Share", new() { ["teamId"] = own.Id.ToString() }, $"/Meetings/{meeting.Id}");
        Assert.Equal(HttpStatusCode.Redirect, share.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(new Uri($"/Meetings/{meeting.Id}?handler=Pdf", UriKind.Relative), token)).StatusCode);
        var minutes = await partner.GetAsync(new Uri($"/Meetings/Minutes/{meeting.Id}", UriKind.Relative), token);
        Assert.Contains("/Account/AccessDenied", minutes.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Attachment_PhotoIsStoredAndServed_DisguisedProgramIsRefused()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var officer = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;
        var png = Tips.TestImages.Png(withMetadata: false);

        var refused = await UploadAsync(officer, meeting.Id, "foto.jpg", "MZ\u0090\0fake program"u8.ToArray());
        var stored = await UploadAsync(officer, meeting.Id, "foto-rapat.png", png);

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("tidak diterima", (await TestApp.HtmlAsync(refused)).QuerySelector("[data-testid=upload-error]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var link = (await TestApp.GetHtmlAsync(officer, $"/Meetings/Attachments/{meeting.Id}")).QuerySelector("[data-testid=files] a")!.GetAttribute("href")!;
        var file = await officer.GetAsync(new Uri(link, UriKind.Relative), token);
        Assert.Equal("image/png", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal(png, await file.Content.ReadAsByteArrayAsync(token));

        var stranger = await TeamData.SignInPartnerAsync(app, await TeamData.AddPersonAsync(app));
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.GetAsync(new Uri(link, UriKind.Relative), token)).StatusCode);
    }

    [Fact]
    public async Task Attachment_JpegWithExifGps_IsServedWithoutTheLocation()
    {
        var team = await TeamData.AddTeamAsync(app);
        var meeting = await TeamData.AddMeetingAsync(app, team);
        var officer = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;

        var stored = await UploadAsync(officer, meeting.Id, "foto-lokasi.jpg", Tips.TestImages.Jpeg());

        Assert.Equal(HttpStatusCode.Redirect, stored.StatusCode);
        var link = (await TestApp.GetHtmlAsync(officer, $"/Meetings/Attachments/{meeting.Id}")).QuerySelector("[data-testid=files] a")!.GetAttribute("href")!;
        var file = await officer.GetAsync(new Uri(link, UriKind.Relative), token);
        var bytes = await file.Content.ReadAsByteArrayAsync(token);
        Assert.Equal("image/jpeg", file.Content.Headers.ContentType!.MediaType);
        Assert.Equal([0xFF, 0xD8], bytes[..2]);
        Assert.DoesNotContain("GPSLatitude", System.Text.Encoding.ASCII.GetString(bytes), StringComparison.Ordinal);
        Assert.Equal("foto-lokasi.jpg", file.Content.Headers.ContentDisposition!.FileName?.Trim('"'));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid meetingId, string name, byte[] bytes)
    {
        var page = await TestApp.GetHtmlAsync(client, $"/Meetings/Attachments/{meetingId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new MultipartFormDataContent { { new StringContent(token), "__RequestVerificationToken" }, { new ByteArrayContent(bytes), "upload", name } };
        return await client.PostAsync(new Uri($"/Meetings/Attachments/{meetingId}", UriKind.Relative), content);
    }

    private static async Task<HttpResponseMessage> PostAttendanceAsync(HttpClient client, Guid meetingId, params Guid[] present)
    {
        var page = await TestApp.GetHtmlAsync(client, $"/Meetings/Attendance/{meetingId}");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = present.Select(p => new KeyValuePair<string, string>("Present", p.ToString())).Append(new("__RequestVerificationToken", token));
        return await client.PostAsync(new Uri($"/Meetings/Attendance/{meetingId}", UriKind.Relative), new FormUrlEncodedContent(fields));
    }

    private async Task AddActionAsync(Guid teamId, Guid meetingId, int unitId, string title, DateOnly due, ActionStatus status)
    {
        await using var db = app.SystemDb();
        var decision = new MeetingOutcome { MeetingId = meetingId, Kind = OutcomeKind.Decision, Number = 1, Text = "Keputusan " + title };
        db.MeetingOutcomes.Add(decision);
        db.ActionItems.Add(new ActionItem { TeamId = teamId, MeetingId = meetingId, DecisionId = decision.Id, OwnerUnitId = unitId, Title = title, PersonInCharge = "Kasat", DueDate = due, Status = status, CreatedUtc = DateTime.UtcNow });
        await db.SaveChangesAsync();
    }
}
