using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Teams;

namespace Timpora.Tests.Teams;

public sealed class TeamPagesTests(TestApp app)
{
    private async Task<Dictionary<string, string>> TeamFormAsync(string name, string decreeDate = "2025-02-01", string start = "2025-02-01", string end = "2027-12-31", string area = "53.18")
    {
        await using var db = app.SystemDb();
        var kanimId = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync();
        return new()
        {
            ["Input.KanimId"] = kanimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Input.Name"] = name,
            ["Input.Level"] = nameof(TeamLevel.Regency),
            ["Input.AreaCode"] = area,
            ["Input.DecreeNumber"] = "W.22.IMI-UM.01.01-" + TeamData.Unique(),
            ["Input.DecreeDate"] = decreeDate,
            ["Input.PeriodStart"] = start,
            ["Input.PeriodEnd"] = end,
        };
    }

    [Fact]
    public async Task Create_ValidDecree_ShowsTheTeam()
    {
        var officer = await app.SignInAsync("kupang");
        var name = "Timpora Kab. Uji " + TeamData.Unique();

        var response = await TestApp.PostFormAsync(officer, "/Teams/Edit", await TeamFormAsync(name));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var page = await TestApp.GetHtmlAsync(officer, response.Headers.Location!.ToString());
        Assert.Contains(name, page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.Contains(name, (await TestApp.GetHtmlAsync(officer, "/Teams?q=" + name)).QuerySelector("[data-testid=teams-table]")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("2099-01-01", "2025-01-01", "2027-01-01", "53.18", "Input.DecreeDate", "masa depan")]
    [InlineData("2025-01-01", "2026-01-01", "2025-06-01", "53.18", "Input.PeriodEnd", "sebelum")]
    [InlineData("2025-01-01", "2025-01-01", "2027-01-01", "53.18.09", "Input.AreaCode", "tidak sesuai")]
    [InlineData("2025-01-01", "2025-01-01", "2027-01-01", "18.07", "Input.AreaCode", "di luar wilayah kerja")]
    public async Task Create_BadInput_ExplainsBesideTheFieldAndKeepsTheText(string decreeDate, string start, string end, string area, string field, string message)
    {
        var officer = await app.SignInAsync("kupang");
        var name = "Timpora Salah " + TeamData.Unique();

        var response = await TestApp.PostFormAsync(officer, "/Teams/Edit", await TeamFormAsync(name, decreeDate, start, end, area));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains(message, page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(name, page.QuerySelector("[name='Input.Name']")!.GetAttribute("value"));
        await using var db = app.SystemDb();
        Assert.False(await db.Teams.AnyAsync(t => t.Name == name, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AddMember_Twice_IsRefusedWithAMessage()
    {
        var team = await TeamData.AddTeamAsync(app);
        var person = await TeamData.AddPersonAsync(app);
        var officer = await app.SignInAsync("kupang");
        var form = new Dictionary<string, string> { ["Input.PersonId"] = person.Id.ToString(), ["Input.Role"] = nameof(MemberRole.Member) };

        var first = await TestApp.PostFormAsync(officer, $"/Teams/{team.Id}?handler=Add", new(form), $"/Teams/{team.Id}");
        var second = await TestApp.PostFormAsync(officer, $"/Teams/{team.Id}?handler=Add", new(form), $"/Teams/{team.Id}");

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Contains("sudah menjadi anggota", (await TestApp.HtmlAsync(second)).QuerySelector("[data-valmsg-for='Input.PersonId']")!.TextContent, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.Equal(1, await db.TeamMembers.CountAsync(m => m.TeamId == team.Id && m.PersonId == person.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task RemoveMember_AfterConfirmation_IsGone()
    {
        var team = await TeamData.AddTeamAsync(app);
        var member = await TeamData.AddMemberAsync(app, team, await TeamData.AddPersonAsync(app));
        var officer = await app.SignInAsync("kupang");

        var confirm = await TestApp.GetHtmlAsync(officer, $"/Teams/{team.Id}?remove={member.Id}");
        Assert.NotNull(confirm.QuerySelector("[data-testid=remove-confirm]"));
        var response = await TestApp.PostFormAsync(officer, $"/Teams/{team.Id}?handler=Remove", new() { ["memberId"] = member.Id.ToString() }, $"/Teams/{team.Id}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.False(await db.TeamMembers.AnyAsync(m => m.Id == member.Id, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Partner_SeesOwnTeamOnly_OtherTeamIs404()
    {
        var own = await TeamData.AddTeamAsync(app);
        var other = await TeamData.AddTeamAsync(app);
        var person = await TeamData.AddPersonAsync(app);
        await TeamData.AddMemberAsync(app, own, person);
        var partner = await TeamData.SignInPartnerAsync(app, person);
        var token = TestContext.Current.CancellationToken;

        var list = (await TestApp.GetHtmlAsync(partner, "/Teams")).QuerySelector("[data-testid=teams-table]")!.TextContent;

        Assert.Contains(own.Name, list, StringComparison.Ordinal);
        Assert.DoesNotContain(other.Name, list, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync(new Uri($"/Teams/{own.Id}", UriKind.Relative), token)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await partner.GetAsync(new Uri($"/Teams/{other.Id}", UriKind.Relative), token)).StatusCode);
        Assert.Null((await TestApp.GetHtmlAsync(partner, $"/Teams/{own.Id}")).QuerySelector("[data-testid=new-meeting]"));
    }

    [Fact]
    public async Task KanimOfficer_AnotherOfficesTeam_Is404()
    {
        var team = await TeamData.AddTeamAsync(app, "Kalianda", "18.07");
        var officer = await app.SignInAsync("kupang");

        var response = await officer.GetAsync(new Uri($"/Teams/{team.Id}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
