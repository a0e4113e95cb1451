using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Tests.Teams;

namespace Timpora.Tests.Operations;

/// <summary>An operation's area is checked against the office planning it (issue 28): the area decides who else sees
/// the operation, so another office's area is refused.</summary>
public sealed class AreaScopeTests(TestApp app)
{
    [Fact]
    public async Task Plan_InAnotherOfficesArea_IsRefusedAndNothingSaved()
    {
        var token = TestContext.Current.CancellationToken;
        await using var db = app.SystemDb();
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(token);
        var officer = await app.SignInAsync("kupang");
        var name = "Operasi Lampung " + TeamData.Unique();

        var response = await TestApp.PostFormAsync(officer, "/Operations", new()
        {
            ["Input.KanimId"] = kupang.ToString(CultureInfo.InvariantCulture),
            ["Input.Name"] = name,
            ["Input.AreaCode"] = "18.07.22.2001",
            ["Input.PeriodStart"] = "2026-03-01",
            ["Input.PeriodEnd"] = "2026-03-03",
            ["Input.Targets"] = "Penggilingan padi",
            ["Input.OrderNumber"] = "SPRIN-" + TeamData.Unique(),
            ["Input.OrderDate"] = "2026-02-25",
            ["Input.Participants"] = "Kanim Kupang: 4 orang",
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("di luar wilayah kerja", (await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='Input.AreaCode']")!.TextContent, StringComparison.Ordinal);
        Assert.False(await db.JointOperations.AnyAsync(o => o.Name == name, token));
    }
}
