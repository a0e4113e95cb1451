using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Villages;

/// <summary>A programme village's id posted by another office is refused (issue 28), and its PIMPASA list is unchanged.</summary>
public sealed class VillageScopeTests(TestApp app)
{
    [Fact]
    public async Task AssignOfficer_AnotherOfficesVillage_IsRefusedAndNothingSaved()
    {
        var token = TestContext.Current.CancellationToken;
        await using var db = app.SystemDb();
        var lampung = await VillageData.AddAsync(app, VillageData.LampungTimur);
        var pimpasa = await app.CreateUserAsync("Pimpasa", "Kupang");
        var pimpasaId = await db.Users.Where(u => u.UserName == pimpasa).Select(u => u.Id).SingleAsync(token);
        var officer = await app.SignInAsync("kupang");

        var response = await TestApp.PostFormAsync(officer, $"/Villages/Officers/Edit/{pimpasaId}?handler=Assign",
            new() { ["VillageId"] = lampung.Id.ToString() }, $"/Villages/Officers/Edit/{pimpasaId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotEmpty((await TestApp.HtmlAsync(response)).QuerySelector("[data-valmsg-for='VillageId']")!.TextContent.Trim());
        Assert.False(await db.PimpasaVillages.AnyAsync(p => p.UserId == pimpasaId, token));
    }
}
