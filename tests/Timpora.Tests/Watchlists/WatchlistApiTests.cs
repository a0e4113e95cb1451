using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Audit;
using Timpora.Core.Watchlists;

namespace Timpora.Tests.Watchlists;

/// <summary>The staff endpoints for list management: supervisors write, the same rules and audit as the form.</summary>
public sealed class WatchlistApiTests(TestApp app)
{
    private const string Url = "/api/staff/v1/watchlist-entries";

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private async Task<object> BodyAsync(string name, string born = "1980-04-05") => new
    {
        list = Watchlist.Wanted,
        reference = "API-" + Guid.NewGuid().ToString("N")[..10],
        name,
        aliases = new[] { "OTHER SPELLING" },
        birthDate = born,
        nationality = "NLD",
        sex = "Male",
        kanimId = await WatchlistData.KanimAsync(app, "Kupang"),
        reason = "wanted by Polda",
    };

    [Fact]
    public async Task Post_Supervisor_CreatesAuditedEntryThenExpires()
    {
        var supervisor = await app.SignInAsync("kanwil.ntt");
        var (given, surname) = WatchlistData.NewName();

        var created = await supervisor.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync($"{given} {surname}"), Token);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.Content.ReadAsStringAsync(Token));
        var id = json.RootElement.GetProperty("id").GetGuid();
        var list = await supervisor.GetStringAsync(new Uri($"{Url}?q={surname}", UriKind.Relative), Token);
        Assert.Contains(id.ToString(), list, StringComparison.Ordinal);
        var expired = await supervisor.PostAsJsonAsync(new Uri($"{Url}/{id}/expire", UriKind.Relative), new { reason = "Arrested on 1 December" }, Token);
        Assert.Equal(HttpStatusCode.OK, expired.StatusCode);
        await using var db = app.SystemDb();
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Action == AuditAction.Created && a.UserName == "kanwil.ntt", Token));
        Assert.True(await db.AuditEntries.AnyAsync(a => a.EntityId == id.ToString() && a.Reason == "Arrested on 1 December", Token));
    }

    [Fact]
    public async Task Post_BadNameAndDate_ProblemNamesFields()
    {
        var supervisor = await app.SignInAsync("kanwil.ntt");

        var response = await supervisor.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync("BAD\u0000NAME", born: "1980-02-31"), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task Post_KanimOfficer_RefusedAndNothingSaved()
    {
        var officer = await app.SignInAsync("kupang");
        var (given, surname) = WatchlistData.NewName();

        var response = await officer.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync($"{given} {surname}"), Token);

        Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.False(await db.WatchlistEntries.AnyAsync(e => e.Name == $"{given} {surname}", Token));
    }
}
