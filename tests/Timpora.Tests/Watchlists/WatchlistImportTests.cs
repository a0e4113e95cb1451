using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Watchlists;

namespace Timpora.Tests.Watchlists;

/// <summary>CSV imports are all or nothing, and a refused file names every wrong line and field.</summary>
public sealed class WatchlistImportTests(TestApp app)
{
    private const string Header = "reference,name,aliases,dob,nationality,sex,documents,valid_from,valid_until,reason";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string csv, int kanimId)
    {
        var page = await TestApp.GetHtmlAsync(client, "/Watchlists/Import");
        using var form = new MultipartFormDataContent();
        form.Add(new StringContent(page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!), "__RequestVerificationToken");
        form.Add(new StringContent(Watchlist.EntryBan), "Input.WatchlistCode");
        form.Add(new StringContent(kanimId.ToString(System.Globalization.CultureInfo.InvariantCulture)), "Input.KanimId");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "list.csv");
        return await client.PostAsync(new Uri("/Watchlists/Import", UriKind.Relative), form, Token);
    }

    private static string Reference() => "IMP-" + Guid.NewGuid().ToString("N")[..10];

    private async Task<int> CountAsync(params string[] references)
    {
        await using var db = app.SystemDb();
        return await db.WatchlistEntries.CountAsync(e => references.Contains(e.Reference), Token);
    }

    [Fact]
    public async Task Import_GoodFile_CreatesEntriesAndUpdatesKnownReference()
    {
        var admin = await app.SignInAsync("admin");
        var kanim = await WatchlistData.KanimAsync(app, "Kalianda");
        string a = Reference(), b = Reference();
        var (given, surname) = WatchlistData.NewName();

        var first = await UploadAsync(admin, $"{Header}\n{a},{given} {surname},\"ALIAS ONE;ALIAS TWO\",1980-04,NLD,M,X1234567,2025-01-01,2030-12-31,fraud\n{b},,,,AUS,,PA99{a[4..9]},,,stolen passport\n", kanim);
        var second = await UploadAsync(admin, $"{Header}\n{a},{given} {surname},,1980-04-05,NLD,M,,,,updated\n", kanim);

        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        await using var db = app.SystemDb();
        var entry = await db.WatchlistEntries.Include(e => e.Aliases).SingleAsync(e => e.Reference == a, Token);
        Assert.Equal("1980-04-05", entry.BirthDate);
        Assert.Equal("updated", entry.Reason);
        Assert.Empty(entry.Aliases);
        Assert.Equal(2, await CountAsync(a, b));
    }

    [Fact]
    public async Task Import_MissingColumn_RefusedNamingTheColumn()
    {
        var admin = await app.SignInAsync("admin");
        var reference = Reference();

        var response = await UploadAsync(admin, $"reference,name,nationality,sex\n{reference},SOME NAME,NLD,M\n", await WatchlistData.KanimAsync(app, "Kalianda"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var problems = (await TestApp.HtmlAsync(response)).QuerySelector("[data-testid=import-problems]")!.TextContent;
        Assert.Contains("'dob'", problems, StringComparison.Ordinal);
        Assert.Contains("1", problems, StringComparison.Ordinal);
        Assert.Equal(0, await CountAsync(reference));
    }

    [Fact]
    public async Task Import_BadRows_RefusedWholeNamingEachLineAndField()
    {
        var admin = await app.SignInAsync("admin");
        string good = Reference(), badDate = Reference(), badName = Reference(), control = Reference();
        var csv = $"{Header}\n{good},GOOD PERSON,,1980-01-01,NLD,M,,,,x\n{badDate},OTHER PERSON,,1980-13-45,NLD,M,,,,x\n"
            + $"{badName},{new string('B', 10_000)},,,NLD,F,,,,x\n{control},BAD\u0001NAME,,,XYZ,Q,,,,x\n";

        var response = await UploadAsync(admin, csv, await WatchlistData.KanimAsync(app, "Kalianda"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await TestApp.HtmlAsync(response)).QuerySelectorAll("[data-testid=import-problems] li").Select(li => li.TextContent).ToList();
        Assert.Contains(items, i => i.Contains("3", StringComparison.Ordinal) && i.Contains("'dob'", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("4", StringComparison.Ordinal) && i.Contains("'name'", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("5", StringComparison.Ordinal) && i.Contains("'name'", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("5", StringComparison.Ordinal) && i.Contains("'nationality'", StringComparison.Ordinal));
        Assert.Contains(items, i => i.Contains("5", StringComparison.Ordinal) && i.Contains("'sex'", StringComparison.Ordinal));
        Assert.DoesNotContain(items, i => i.StartsWith("Baris 2", StringComparison.Ordinal));
        Assert.Equal(0, await CountAsync(good, badDate, badName, control));
    }

    [Fact]
    public void Read_UnbalancedQuote_ReportsLineNoRows()
    {
        var (rows, problems) = WatchlistImport.Read(new StringReader($"{Header}\nR1,\"OPEN QUOTE,,1980,NLD,M,,,,x\n"), Watchlist.EntryBan, 1);

        Assert.Empty(rows);
        Assert.Contains(problems, p => p.Code == "Malformed" && p.Line == 2);
    }
}
