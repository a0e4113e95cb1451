using Timpora.Core.Areas;

namespace Timpora.Tests.Areas;

public sealed class AreaSearchTests(TestApp app)
{
    [Theory]
    [InlineData("tamb", "53.18.09")]
    [InlineData("Tambolaka", "53.18.09")]
    [InlineData("weete", "53.18.09.1004")]
    [InlineData("Weetebula", "53.18.09.1004")]
    [InlineData("sumba barat d", "53.18")]
    [InlineData("braja harj", "18.07.22.2001")]
    public async Task Search_FewKeystrokes_FindsTheArea(string query, string expectedCode)
    {
        await using var db = app.SystemDb();

        var results = await AreaDirectory.SearchAsync(db, query, 10, TestContext.Current.CancellationToken);

        Assert.Contains(results, r => r.Code == expectedCode);
    }

    [Fact]
    public async Task Search_ShowsThePathToTheArea()
    {
        await using var db = app.SystemDb();

        var waitabula = (await AreaDirectory.SearchAsync(db, "weetebula", 10, TestContext.Current.CancellationToken)).First(r => r.Code == "53.18.09.1004");

        Assert.Equal("Waitabula, Kota Tambolaka, Kabupaten Sumba Barat Daya, Nusa Tenggara Timur", waitabula.Display);
    }

    [Fact]
    public async Task AllLevels_AreLoaded()
    {
        await using var db = app.SystemDb();

        Assert.Equal(38, db.Areas.Count(a => a.Level == AreaLevel.Province));
        Assert.True(db.Areas.Count(a => a.Level == AreaLevel.Regency) > 500);
        Assert.True(db.Areas.Count(a => a.Level == AreaLevel.District) > 7000);
        Assert.True(db.Areas.Count(a => a.Level == AreaLevel.Village) > 80000);
    }

    [Fact]
    public async Task Picker_WithoutJavaScript_FillsTheNextLevelAfterEachChoice()
    {
        var client = await app.SignInAsync("kupang");

        var page = await TestApp.GetHtmlAsync(client, "/Areas?Area.Province=53&Area.Regency=53.18");

        var districts = page.QuerySelectorAll("select[name='Area.District'] option").Select(o => o.TextContent).ToList();
        Assert.Contains("Kota Tambolaka", districts);
        Assert.Equal("53.18", page.QuerySelector("select[name='Area.Regency'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task Picker_Fragment_OffersSuggestionsForTypedText()
    {
        var client = await app.SignInAsync("kupang");

        var fragment = await TestApp.GetHtmlAsync(client, "/Areas/Picker?prefix=Area&Area.Query=weeteb");

        Assert.Contains(fragment.QuerySelectorAll("[data-testid=area-suggestions] button"), b => b.GetAttribute("value") == "53.18.09.1004");
    }

    [Fact]
    public async Task Picker_Fragments_NeverHoldTheSearchInput()
    {
        var client = await app.SignInAsync("kupang");

        var suggestions = await TestApp.GetHtmlAsync(client, "/Areas/Picker?prefix=Area&part=suggestions&Area.Query=waitab");
        var choices = await TestApp.GetHtmlAsync(client, "/Areas/Picker?prefix=Area&pick=53.18.09.1004");

        // What typing swaps is the suggestions list alone, so the text being typed (and the focus) stays.
        Assert.Null(suggestions.QuerySelector("input"));
        Assert.Null(suggestions.QuerySelector("select"));
        Assert.Equal("picker-Area-suggestions", suggestions.Body!.FirstElementChild!.Id);
        Assert.Contains(suggestions.QuerySelectorAll("[data-testid=area-suggestions] button"), b => b.GetAttribute("value") == "53.18.09.1004");
        // After a pick the search input comes only out of band, emptied, so the picked text is not searched again.
        var query = choices.QuerySelector("input[name='Area.Query']")!;
        Assert.Equal("true", query.GetAttribute("hx-swap-oob"));
        Assert.Equal("", query.GetAttribute("value") ?? "");
        Assert.Equal("53.18.09.1004", choices.QuerySelector("select[name='Area.Village'] option[selected]")!.GetAttribute("value"));
    }

    [Fact]
    public async Task AreaPage_ShowsTheKanimThatCoversIt()
    {
        var client = await app.SignInAsync("kupang");

        var page = await TestApp.GetHtmlAsync(client, "/Areas/53.18.09.1004");

        Assert.Equal("Waitabula", page.QuerySelector("[data-testid=area-name]")!.TextContent);
        Assert.Contains("Kantor Imigrasi Kelas I TPI Kupang", page.Body!.TextContent, StringComparison.Ordinal);
    }
}
