namespace Timpora.Tests.People;

public sealed class EditFormTests(TestApp app)
{
    [Fact]
    public async Task AfterLoadingAreaChoicesWithoutJavaScript_SaveStillPostsToTheSaveHandler()
    {
        var client = await app.SignInAsync("kupang");

        var refreshed = await TestApp.PostFormAsync(client, "/People/Edit?handler=Refresh", new() { ["Area.Province"] = "53" }, "/People/Edit");
        var page = await TestApp.HtmlAsync(refreshed);

        // The form must not keep posting to "?handler=Refresh", or Save would only reload the choices.
        Assert.Equal("/People/Edit", page.QuerySelector("main form[method=post]")!.GetAttribute("action"));
        Assert.Contains(page.QuerySelectorAll("select[name='Area.Regency'] option"), o => o.GetAttribute("value") == "53.18");
    }
}
