using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Foreigners;

namespace Timpora.Tests.Foreigners;

/// <summary>The office records changes of job, address, contacts and guarantor (UU 6/2011 Pasal 71).</summary>
public sealed class EditContactsTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Fact]
    public async Task Edit_CompanyGuarantor_IsSavedAndAudited()
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("E")));
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = await app.SignInAsync(user);
        var url = $"/Foreigners/Edit/{report.ForeignerId}";

        var response = await TestApp.PostFormAsync(client, url, Fields(await VersionAsync(client, url), "Company", "PT Sumba Surf Lestari", "1234567890123"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var person = await db.Foreigners.SingleAsync(f => f.Id == report.ForeignerId, TestContext.Current.CancellationToken);
        Assert.Equal(GuarantorKind.Company, person.GuarantorKind);
        Assert.Equal("PT Sumba Surf Lestari", person.GuarantorName);
        Assert.Equal("Surf instructor", person.Occupation);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == user && a.Action == AuditAction.Changed && a.EntityId == person.Id.ToString(), TestContext.Current.CancellationToken));
        var profile = await TestApp.GetHtmlAsync(client, $"/Foreigners/Detail/{report.ForeignerId}?reason=checking+the+guarantor");
        Assert.Contains("PT Sumba Surf Lestari", profile.Body!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Company", "123", "13")]
    [InlineData("Person", "5318013213740001", "NIK")]
    [InlineData("Person", "9999994101900001", "NIK")]
    public async Task Edit_BadGuarantorNumber_SaysWhatIsWrongAndKeepsTheInput(string kind, string number, string expected)
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("E")));
        var client = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var url = $"/Foreigners/Edit/{report.ForeignerId}";

        var response = await TestApp.PostFormAsync(client, url, Fields(await VersionAsync(client, url), kind, "Budi Santoso", number));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.Contains(expected, page.QuerySelector("[data-valmsg-for='Input.GuarantorNumber']")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Surf instructor", page.QuerySelector("#Input_Occupation")!.GetAttribute("value"));
        await using var db = app.SystemDb();
        Assert.Null((await db.Foreigners.SingleAsync(f => f.Id == report.ForeignerId, TestContext.Current.CancellationToken)).GuarantorName);
    }

    [Fact]
    public async Task Edit_ValidPersonGuarantor_AcceptsTheNik()
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("E")));
        var client = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));
        var url = $"/Foreigners/Edit/{report.ForeignerId}";

        // District 53.18.01 of Sumba Barat Daya, a woman (day 12 + 40) born 12 August 1974.
        var response = await TestApp.PostFormAsync(client, url, Fields(await VersionAsync(client, url), "Person", "Maria Lende", "5318015208740001"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task Edit_AnotherOffice_IsNotFound()
    {
        var report = await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(RegisterData.UniqueName("E")));
        var outsider = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        var get = await outsider.GetAsync(new Uri($"/Foreigners/Edit/{report.ForeignerId}", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
    }

    private static async Task<string> VersionAsync(HttpClient client, string url) =>
        (await TestApp.GetHtmlAsync(client, url)).QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

    private static Dictionary<string, string> Fields(string version, string kind, string name, string number) => new()
    {
        ["Input.Version"] = version,
        ["Input.Occupation"] = "Surf instructor",
        ["Input.Phone"] = "+62 812 3456 7890",
        ["Input.GuarantorKind"] = kind,
        ["Input.GuarantorName"] = name,
        ["Input.GuarantorNumber"] = number,
    };
}
