using System.Xml.Linq;

namespace Timpora.Tests.Platform;

public sealed class LanguageTests(TestApp app)
{
    [Fact]
    public async Task Default_IsBahasaIndonesia()
    {
        var page = await TestApp.GetHtmlAsync(app.Anonymous(), "/");

        Assert.Equal("id", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("Masuk", page.QuerySelector("nav")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SwitchToEnglish_PersistsForLaterRequests()
    {
        var client = await app.SignInAsync("kupang");

        var switched = await TestApp.PostFormAsync(client, "/Language", new() { ["culture"] = "en", ["returnUrl"] = "/Home" }, "/Home");
        var home = await TestApp.GetHtmlAsync(client, "/Home");
        var areas = await TestApp.GetHtmlAsync(client, "/Areas");

        Assert.Equal("/Home", switched.Headers.Location!.ToString());
        Assert.Equal("en", home.DocumentElement.GetAttribute("lang"));
        Assert.Contains("My work", home.Body!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Regency/city", areas.Body!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DatesOnHome_AreInTheOfficesTimeZone()
    {
        var kupang = await TestApp.GetHtmlAsync(await app.SignInAsync("kupang"), "/Home");
        var kalianda = await TestApp.GetHtmlAsync(await app.SignInAsync("kalianda"), "/Home");

        Assert.Contains("WITA", kupang.QuerySelector("hgroup p")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("WIB", kalianda.QuerySelector("hgroup p")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public void Resources_EveryTextUsedInPages_ExistsInBothLanguages()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Timpora.Web"));
        var indonesian = Keys(Path.Combine(root, "Resources/SharedResource.resx"));
        var english = Keys(Path.Combine(root, "Resources/SharedResource.en.resx"));
        var used = Directory.EnumerateFiles(Path.Combine(root, "Pages"), "*.cs*", SearchOption.AllDirectories)
            .SelectMany(f => System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(f), @"\b[Tt]\[""([A-Za-z]+\.[A-Za-z0-9.]+)""\]").Select(m => m.Groups[1].Value))
            .ToHashSet();

        Assert.NotEmpty(used);
        Assert.Empty(used.Except(indonesian));
        Assert.Equal(indonesian.Order(), english.Order());
    }

    [Fact]
    public void Resources_EveryScreeningReasonCode_HasItsText()
    {
        var root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "../../../../../src/Timpora.Web"));
        var indonesian = Keys(Path.Combine(root, "Resources/SharedResource.resx"));

        var missing = Enum.GetValues<Timpora.Screening.HitReasonCode>().Select(code => "Screening.Reason." + code).Where(key => !indonesian.Contains(key));

        Assert.Empty(missing);
    }

    private static HashSet<string> Keys(string resx) =>
        XDocument.Load(resx).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToHashSet();
}
