using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;

namespace Timpora.Tests.Foreigners;

/// <summary>The register search: names tolerant of spelling and word order, passports, scope, exports.</summary>
public sealed class SearchTests(TestApp app)
{
    private readonly RegisterData data = new(app);

    [Theory]
    [InlineData("mckenzie liam")]
    [InlineData("liam mck")]
    [InlineData("McKenzie, Liam James")]
    [InlineData("LIAM  JAMES")]
    public async Task Search_DemoNameTypedLoosely_FindsMckenzie(string query)
    {
        var client = await app.SignInAsync("kupang");

        var table = await TableAsync(client, "/Foreigners?q=" + Uri.EscapeDataString(query));

        Assert.Contains("MCKENZIE", table, StringComparison.Ordinal);
        Assert.DoesNotContain("ZHANG", table, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Muhammad")]
    [InlineData("Abdul Rahman")]
    [InlineData("rahman muhammad")]
    public async Task Search_OtherSpellingOrderOrJoinedParticle_FindsDemoAbdulrahman(string query)
    {
        var client = await app.SignInAsync("kupang");

        var table = await TableAsync(client, "/Foreigners?q=" + Uri.EscapeDataString(query));

        Assert.Contains("Abdulrahman, Mohamed", table, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("MCKENZIE", table, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_LikeName_NeverReturnsAPersonOfAnotherOffice_AndRanksTheLikestFirst()
    {
        var mark = RegisterData.UniqueName("Z");
        await data.CheckInAsync(await data.ProviderAsync("Kalianda", RegisterData.Metro), RegisterData.Guest("ABDULRAHMAN", "MOHAMMED " + mark));
        var closer = RegisterData.UniqueName("Z");
        await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest("ABDUL RAHMAN", "MUHAMMAD " + closer));

        var kupang = await TableAsync(await app.SignInAsync("kupang"), "/Foreigners?q=" + Uri.EscapeDataString("muhammad abdul rahman"));
        var kalianda = await TableAsync(await app.SignInAsync("kalianda"), "/Foreigners?q=" + Uri.EscapeDataString("Abdul Rahman"));

        Assert.DoesNotContain(mark, kupang, StringComparison.Ordinal);
        Assert.Contains(mark, kalianda, StringComparison.Ordinal);
        Assert.True(kupang.IndexOf(closer, StringComparison.Ordinal) is >= 0 and var at
            && at < kupang.IndexOf("Abdulrahman, Mohamed", StringComparison.OrdinalIgnoreCase), "the exact spelling first");
    }

    [Fact]
    public async Task Search_WordPrefixesInAnyOrderOrAccented_FindsOwnGuest()
    {
        var surname = RegisterData.UniqueName("Q");
        await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname, "JOSE LUIS"));
        var client = await app.SignInAsync("kupang");

        Assert.Contains(surname, await TableAsync(client, $"/Foreigners?q=luis+{surname[..5].ToLowerInvariant()}"), StringComparison.Ordinal);
        Assert.Contains(surname, await TableAsync(client, $"/Foreigners?q={Uri.EscapeDataString("José " + surname)}"), StringComparison.Ordinal);
        Assert.DoesNotContain(surname, await TableAsync(client, $"/Foreigners?q=pedro+{surname}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_OtherSpellingFromALaterReport_FindsPersonByAlias()
    {
        var surname = RegisterData.UniqueName("Q");
        var passport = RegisterData.UniquePassport();
        var provider = await data.ProviderAsync();
        await data.CheckInAsync(provider, RegisterData.Guest(surname, "MUHAMMAD", passport: passport));
        await data.CheckInAsync(provider, RegisterData.Guest(surname + "X", "MOHD", passport: passport));
        var client = await app.SignInAsync("kupang");

        Assert.Contains(surname, await TableAsync(client, $"/Foreigners?q=mohd+{surname}x"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Passport_FindsExactNumberOnly()
    {
        var surname = RegisterData.UniqueName("Q");
        var passport = RegisterData.UniquePassport();
        await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname, passport: passport));
        var client = await app.SignInAsync("kupang");

        Assert.Contains(surname, await TableAsync(client, $"/Foreigners?passport={passport.ToLowerInvariant()}"), StringComparison.Ordinal);
        Assert.DoesNotContain(surname, await TableAsync(client, $"/Foreigners?passport={passport[..^1]}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_NationalityAreaAndStatus_Filter()
    {
        var surname = RegisterData.UniqueName("Q");
        await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname, permitDays: 10, nationality: "FRA"));
        var client = await app.SignInAsync("kupang");

        Assert.Contains(surname, await TableAsync(client, $"/Foreigners?q={surname}&nationality=FRA&areaCode=53.18&status=expiring"), StringComparison.Ordinal);
        Assert.Contains(surname, await TableAsync(client, $"/Foreigners?q={surname}&Area.Province=53&Area.Regency=53.18&status=active"), StringComparison.Ordinal);
        Assert.DoesNotContain(surname, await TableAsync(client, $"/Foreigners?q={surname}&nationality=NZL"), StringComparison.Ordinal);
        Assert.DoesNotContain(surname, await TableAsync(client, $"/Foreigners?q={surname}&areaCode=53.01"), StringComparison.Ordinal);
        Assert.DoesNotContain(surname, await TableAsync(client, $"/Foreigners?q={surname}&status=overstay"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Search_Sorts_ByNationality()
    {
        var given = RegisterData.UniqueName("G");
        var provider = await data.ProviderAsync();
        await data.CheckInAsync(provider, RegisterData.Guest("ALPHAS", given, nationality: "USA"));
        await data.CheckInAsync(provider, RegisterData.Guest("ZULU", given, nationality: "AUT"));
        var client = await app.SignInAsync("kupang");

        var byName = await TableAsync(client, $"/Foreigners?q={given}&sort=name");
        var byNationality = await TableAsync(client, $"/Foreigners?q={given}&sort=nationality");

        Assert.True(byName.IndexOf("ALPHAS", StringComparison.Ordinal) < byName.IndexOf("ZULU", StringComparison.Ordinal));
        Assert.True(byNationality.IndexOf("ZULU", StringComparison.Ordinal) < byNationality.IndexOf("ALPHAS", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Export_Csv_HoldsOnlyInScopeRowsAndIsAudited()
    {
        var given = RegisterData.UniqueName("G");
        var mine = RegisterData.UniqueName("Q");
        var theirs = RegisterData.UniqueName("Q");
        await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(mine, given));
        await data.CheckInAsync(await data.ProviderAsync("Kalianda", RegisterData.Metro), RegisterData.Guest(theirs, given));
        var user = await app.CreateUserAsync("KanimOfficer", "Kupang");
        var client = await app.SignInAsync(user);
        var token = TestContext.Current.CancellationToken;

        var response = await client.GetAsync(new Uri($"/Foreigners?handler=Export&format=csv&q={given}", UriKind.Relative), token);
        var csv = await response.Content.ReadAsStringAsync(token);

        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains(mine, csv, StringComparison.Ordinal);
        Assert.DoesNotContain(theirs, csv, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.UserName == user && a.Action == AuditAction.Exported && a.EntityId == "export:foreigners:1", token));
    }

    [Fact]
    public async Task Export_Xlsx_IsAWorkbookWithTheRows()
    {
        var surname = RegisterData.UniqueName("Q");
        await data.CheckInAsync(await data.ProviderAsync(), RegisterData.Guest(surname));
        var client = await app.SignInAsync("kupang");
        var token = TestContext.Current.CancellationToken;

        var bytes = await client.GetByteArrayAsync(new Uri($"/Foreigners?handler=Export&format=xlsx&q={surname}", UriKind.Relative), token);

        using var workbook = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        var sheet = workbook.WorkbookPart!.WorksheetParts.Single().Worksheet;
        Assert.Contains(surname, sheet.InnerText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ProviderOperator_Foreigners_IsForbidden()
    {
        var client = await app.SignInAsync("hotel.tambolaka");

        var response = await client.GetAsync(new Uri("/Foreigners", UriKind.Relative), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    private static async Task<string> TableAsync(HttpClient client, string url) =>
        (await TestApp.GetHtmlAsync(client, url)).QuerySelector("[data-testid=foreigners-table]")!.TextContent;
}
