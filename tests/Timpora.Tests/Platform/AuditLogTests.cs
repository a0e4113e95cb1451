using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Tests.Foreigners;

namespace Timpora.Tests.Platform;

/// <summary>/Audit names each entry's record and links it within the reader's scope; the filtered log exports,
/// and the export is audited.</summary>
public sealed class AuditLogTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Entry_OfAForeigner_ShowsTheNameAndLinksTheProfile_AnotherKanwilSeesNothing()
    {
        var surname = RegisterData.UniqueName("A");
        var report = await data.CheckInAsync(await data.ProviderAsync(areaCode: "53.18.01"), RegisterData.Guest(surname));
        var id = report.ForeignerId.ToString();

        var kanwil = await app.SignInAsync("kanwil.ntt");
        var page = await TestApp.GetHtmlAsync(kanwil, "/Audit?record=" + id);
        var record = page.QuerySelectorAll("[data-testid=audit-record]").First();
        Assert.Contains(surname, record.TextContent, StringComparison.Ordinal);
        Assert.StartsWith("/Foreigners/Detail/" + id, record.GetAttribute("href"), StringComparison.Ordinal);
        Assert.DoesNotContain(id, page.QuerySelector("[data-testid=audit-table] tbody")!.TextContent, StringComparison.Ordinal);

        var other = await TestApp.GetHtmlAsync(await app.SignInAsync("kanwil.lampung"), "/Audit?record=" + id);
        Assert.Empty(other.QuerySelectorAll("[data-testid=audit-table] tbody tr"));
    }

    [Fact]
    public async Task Entry_OfAnAccount_ShowsTheUserName()
    {
        var admin = await app.SignInAsync(await app.CreateUserAsync(Roles.Administrator));
        var name = await app.CreateUserAsync(Roles.KanimOfficer, "Kupang");
        string userId;
        await using (var db = app.SystemDb())
        {
            userId = await db.Users.Where(u => u.UserName == name).Select(u => u.Id).SingleAsync(Token);
        }

        var page = await TestApp.GetHtmlAsync(admin, "/Audit?record=" + userId);
        var record = page.QuerySelectorAll("[data-testid=audit-record]").First();
        Assert.Equal(name, record.TextContent.Trim());
        Assert.Equal("/Admin/Users/Detail/" + userId, record.GetAttribute("href"));
    }

    [Fact]
    public async Task Export_TheFilteredLog_NamesRecordsInBahasaIndonesiaAndIsAudited()
    {
        var surname = RegisterData.UniqueName("E");
        var report = await data.CheckInAsync(await data.ProviderAsync(areaCode: "53.18.01"), RegisterData.Guest(surname));
        var supervisor = await app.CreateUserAsync(Roles.KanwilSupervisor, "Kupang");
        var client = await app.SignInAsync(supervisor);

        var response = await client.GetAsync(new Uri($"/Audit?handler=Export&format=csv&record={report.ForeignerId}", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(Token)).TrimStart('\uFEFF').Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\"Waktu", lines[0], StringComparison.Ordinal);
        Assert.Contains("(WITA)", lines[0], StringComparison.Ordinal);
        Assert.All(lines.Skip(1), l => Assert.Contains(surname, l, StringComparison.Ordinal));
        Assert.NotEmpty(lines.Skip(1));

        var xlsx = await client.GetAsync(new Uri($"/Audit?handler=Export&format=xlsx&record={report.ForeignerId}", UriKind.Relative), Token);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);

        await using var db = app.SystemDb();
        var exports = await db.AuditEntries.Where(a => a.UserName == supervisor && a.Action == AuditAction.Exported && a.EntityType == nameof(AuditEntry))
            .Select(a => a.Reason).ToListAsync(Token);
        Assert.Equal(2, exports.Count(r => r?.Contains(report.ForeignerId.ToString(), StringComparison.Ordinal) == true));
    }
}
