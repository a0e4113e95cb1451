using System.Net;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Villages;

public sealed class OfficerTests(TestApp app)
{
    [Fact]
    public async Task Assign_VillageOutsideTheOfficersKanim_IsRefused()
    {
        var lampung = await VillageData.AddAsync(app, VillageData.LampungTimur);
        var officerName = await app.CreateUserAsync("Pimpasa", "Kupang");
        var officerId = await UserIdAsync(officerName);
        var admin = await app.SignInAsync("admin");

        var response = await TestApp.PostFormAsync(admin, $"/Villages/Officers/Edit/{officerId}?handler=Assign",
            new() { ["VillageId"] = lampung.Id.ToString() }, $"/Villages/Officers/Edit/{officerId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("di luar wilayah kerja kantor imigrasi petugas", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.PimpasaVillages.AnyAsync(p => p.UserId == officerId, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Assign_VillageOfTheOfficersKanim_GivesTheOfficerTheVillage()
    {
        var village = await VillageData.AddAsync(app);
        var officerName = await app.CreateUserAsync("Pimpasa", "Kupang");
        var officerId = await UserIdAsync(officerName);
        var kanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var decree = await TestApp.PostFormAsync(kanim, $"/Villages/Officers/Edit/{officerId}",
            new() { ["Input.DecreeNumber"] = "SEK-UJI/2024", ["Input.InauguratedOn"] = "2024-11-04" });
        var assign = await TestApp.PostFormAsync(kanim, $"/Villages/Officers/Edit/{officerId}?handler=Assign",
            new() { ["VillageId"] = village.Id.ToString() }, $"/Villages/Officers/Edit/{officerId}");

        Assert.Equal(HttpStatusCode.Redirect, decree.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, assign.StatusCode);
        var list = (await TestApp.GetHtmlAsync(kanim, "/Villages/Officers?q=" + officerName)).QuerySelector("[data-testid=officers-table]")!.TextContent;
        Assert.Contains("SEK-UJI/2024", list, StringComparison.Ordinal);
        Assert.Contains(village.Name, list, StringComparison.Ordinal);
        var officer = await app.SignInAsync(officerName);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync(new Uri($"/Villages/{village.Id}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    [Fact]
    public async Task Officers_OfAnotherKanim_AreNotListedNorOpened()
    {
        var officerName = await app.CreateUserAsync("Pimpasa", "Kupang");
        var officerId = await UserIdAsync(officerName);
        var otherKanim = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kalianda"));

        Assert.DoesNotContain(officerName, (await TestApp.GetHtmlAsync(otherKanim, "/Villages/Officers?q=" + officerName)).QuerySelector("[data-testid=officers-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await otherKanim.GetAsync(new Uri($"/Villages/Officers/Edit/{officerId}", UriKind.Relative), TestContext.Current.CancellationToken)).StatusCode);
    }

    private async Task<string> UserIdAsync(string userName)
    {
        await using var db = app.SystemDb();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync(TestContext.Current.CancellationToken);
    }
}
