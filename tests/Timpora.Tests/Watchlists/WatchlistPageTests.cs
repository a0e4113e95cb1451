using System.Net;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Watchlists;

namespace Timpora.Tests.Watchlists;

/// <summary>The list pages: search, the entry form with its bad-input answers, expiry with confirmation, export.</summary>
public sealed class WatchlistPageTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static Dictionary<string, string> Form(string name, string born = "1980-04-05", string nationality = "NLD", int kanimId = 1) => new()
    {
        ["Input.WatchlistCode"] = Watchlist.EntryBan,
        ["Input.Reference"] = "F-" + Guid.NewGuid().ToString("N")[..10],
        ["Input.Name"] = name,
        ["Input.Aliases"] = "",
        ["Input.BirthDate"] = born,
        ["Input.Nationality"] = nationality,
        ["Input.Sex"] = "Male",
        ["Input.Documents"] = "",
        ["Input.ValidFrom"] = "",
        ["Input.ValidUntil"] = "",
        ["Input.Source"] = "test",
        ["Input.Reason"] = "test listing",
        ["Input.KanimId"] = kanimId.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Version"] = Guid.Empty.ToString(),
    };

    [Fact]
    public async Task Index_Search_FindsDemoEntryForAnyStaff()
    {
        var officer = await app.SignInAsync("kupang");

        var page = await TestApp.GetHtmlAsync(officer, "/Watchlists?q=abdul");

        Assert.Contains("MUHAMMAD ABDUL RAHMAN", page.QuerySelector("[data-testid=entries-table]")!.TextContent, StringComparison.Ordinal);
        Assert.Null(page.QuerySelector("[data-testid=new-entry]"));
    }

    [Fact]
    public async Task Entry_ValidForm_SavesAuditedEntryAndNewVersion()
    {
        var admin = await app.SignInAsync("admin");
        var (given, surname) = WatchlistData.NewName();
        await using var before = app.SystemDb();
        var oldVersion = await before.ReferenceDataVersions.Where(v => v.Name == WatchlistEditing.VersionName).Select(v => v.Version).SingleAsync(Token);

        var response = await TestApp.PostFormAsync(admin, "/Watchlists/Entry", Form($"{given} {surname}", kanimId: await WatchlistData.KanimAsync(app, "Kupang")));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var entry = await db.WatchlistEntries.SingleAsync(e => e.Name == $"{given} {surname}", Token);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == entry.Id.ToString() && a.Action == AuditAction.Created && a.UserName == "admin", Token));
        Assert.True(await db.WatchlistChanges.AnyAsync(c => c.EntryId == entry.Id, Token));
        Assert.NotEqual(oldVersion, await db.ReferenceDataVersions.Where(v => v.Name == WatchlistEditing.VersionName).Select(v => v.Version).SingleAsync(Token));
        var detail = await TestApp.GetHtmlAsync(admin, response.Headers.Location!.ToString());
        Assert.Equal($"{given} {surname}", detail.QuerySelector("[data-testid=entry-name]")!.TextContent.Trim());
    }

    public static TheoryData<string, string, string> BadInputs => new()
    {
        { new string('A', 10_000), "1980-04-05", "Input.Name" },
        { "", "1980-04-05", "Input.Name" },
        { "ALI\u0007 BABA", "1980-04-05", "Input.Name" },
        { "ሰላም ዓለም", "1980-04-05", "Input.Name" },
        { "VALID NAME", "1980-02-30", "Input.BirthDate" },
        { "VALID NAME", "yesterday", "Input.BirthDate" },
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task Entry_BadInput_ErrorBesideFieldAndNothingSaved(string name, string born, string field)
    {
        var admin = await app.SignInAsync("admin");
        var reference = "BAD-" + Guid.NewGuid().ToString("N")[..10];
        var form = Form(name, born);
        form["Input.Reference"] = reference;

        var response = await TestApp.PostFormAsync(admin, "/Watchlists/Entry", form);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestApp.HtmlAsync(response);
        Assert.False(string.IsNullOrWhiteSpace(page.QuerySelector($"[data-valmsg-for='{field}']")!.TextContent));
        Assert.Equal(reference, page.QuerySelector("input[name='Input.Reference']")!.GetAttribute("value"));
        await using var db = app.SystemDb();
        Assert.False(await db.WatchlistEntries.AnyAsync(e => e.Reference == reference, Token));
    }

    [Fact]
    public async Task Entry_KanimOfficer_IsForbidden()
    {
        var officer = await app.SignInAsync("kupang");

        var response = await officer.GetAsync(new Uri("/Watchlists/Entry", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Expire_WithReason_EndsListingYesterdayAndAudits()
    {
        var (given, surname) = WatchlistData.NewName();
        var id = await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var admin = await app.SignInAsync("admin");
        var confirm = await TestApp.GetHtmlAsync(admin, $"/Watchlists/Entry/{id}?expire=true");
        Assert.NotNull(confirm.QuerySelector("[data-testid=expire-confirm]"));
        var version = confirm.QuerySelector("input[name='Input.Version']")!.GetAttribute("value")!;

        var refused = await TestApp.PostFormAsync(admin, $"/Watchlists/Entry/{id}?handler=Expire", new() { ["Input.Version"] = version, ["Input.ExpireReason"] = "" }, $"/Watchlists/Entry/{id}?expire=true");
        var response = await TestApp.PostFormAsync(admin, $"/Watchlists/Entry/{id}?handler=Expire", new() { ["Input.Version"] = version, ["Input.ExpireReason"] = "Ban lifted by decree" }, $"/Watchlists/Entry/{id}?expire=true");

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await using var db = app.SystemDb();
        var entry = await db.WatchlistEntries.SingleAsync(e => e.Id == id, Token);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(-1), entry.ValidUntil);
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Reason == "Ban lifted by decree", Token));
        Assert.NotNull((await TestApp.GetHtmlAsync(admin, $"/Watchlists/Detail/{id}")).QuerySelector("[data-testid=entry-expired]"));
    }

    [Fact]
    public async Task Export_FilteredList_ReturnsCsvInImportColumnsAndAudits()
    {
        var (given, surname) = WatchlistData.NewName();
        await WatchlistData.AddEntryAsync(app, $"{given} {surname}");
        var officer = await app.SignInAsync("kupang");

        var response = await officer.GetAsync(new Uri($"/Watchlists/Export?q={surname}", UriKind.Relative), Token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var lines = (await response.Content.ReadAsStringAsync(Token)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("list,reference,name,dob,nationality,sex", lines[0], StringComparison.Ordinal);
        Assert.Single(lines.Skip(1));
        Assert.Contains($"{given} {surname}", lines[1], StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.Exported && a.EntityType == nameof(WatchlistEntry) && a.Reason!.Contains(surname), Token));
    }

    [Fact]
    public async Task Lists_AdministratorAddsKind_UsableInEntryForm()
    {
        var admin = await app.SignInAsync("admin");
        var code = "t-" + Guid.NewGuid().ToString("N")[..8];

        var response = await TestApp.PostFormAsync(admin, "/Watchlists/Lists", new()
        {
            ["Input.Code"] = code,
            ["Input.Name"] = "Daftar uji " + code,
            ["Input.EnglishName"] = "Test list " + code,
            ["Input.Description"] = "",
        });
        var taken = await TestApp.PostFormAsync(admin, "/Watchlists/Lists", new() { ["Input.Code"] = code, ["Input.Name"] = "x", ["Input.EnglishName"] = "x" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        var form = await TestApp.GetHtmlAsync(admin, "/Watchlists/Entry");
        Assert.NotNull(form.QuerySelector($"select[name='Input.WatchlistCode'] option[value='{code}']"));
    }
}
