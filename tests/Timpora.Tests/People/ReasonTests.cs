using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.People;

/// <summary>A person's record opens without a reason only from the unsearched list (issue 28); a search result with
/// its old <c>?from=search</c> flag deleted still owes one.</summary>
public sealed class ReasonTests(TestApp app)
{
    [Fact]
    public async Task Person_FromSearchWithTheFlagRemoved_StillAsksForAReason()
    {
        await using var db = app.SystemDb();
        var person = await db.People.FirstAsync(p => p.FullName == "AKP Joko Susilo", TestContext.Current.CancellationToken);
        var client = await app.SignInAsync("kalianda");
        var link = (await TestApp.GetHtmlAsync(client, "/People?q=Joko")).QuerySelector($"a[href^='/People/{person.Id}']")!.GetAttribute("href")!;

        var bare = await TestApp.GetHtmlAsync(client, link.Replace("?from=search", "", StringComparison.Ordinal));

        Assert.NotNull(bare.QuerySelector("input[name=reason]"));
        Assert.DoesNotContain("Kasat Intelkam", bare.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Person_FromTheUnsearchedList_OpensWithoutAReason()
    {
        await using var db = app.SystemDb();
        var person = await db.People.FirstAsync(p => p.FullName == "AKP Joko Susilo", TestContext.Current.CancellationToken);
        var client = await app.SignInAsync("kalianda");
        var link = (await TestApp.GetHtmlAsync(client, "/People?sort=name")).QuerySelector($"a[href^='/People/{person.Id}']")?.GetAttribute("href");
        Assert.NotNull(link);

        var page = await TestApp.GetHtmlAsync(client, link);

        Assert.Null(page.QuerySelector("input[name=reason]"));
        Assert.Contains("Kasat Intelkam", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
