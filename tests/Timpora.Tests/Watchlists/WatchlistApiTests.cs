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

    /// <summary>Signs in and reads the antiforgery token, as a script of a signed-in user does before it writes.</summary>
    private async Task<HttpClient> SignInWithTokenAsync(string userName)
    {
        var client = await app.SignInAsync(userName);
        using var json = JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/staff/v1/antiforgery-token", UriKind.Relative), Token));
        Assert.Equal("X-CSRF-TOKEN", json.RootElement.GetProperty("headerName").GetString());
        client.DefaultRequestHeaders.Add("X-CSRF-TOKEN", json.RootElement.GetProperty("token").GetString());
        return client;
    }

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
        var supervisor = await SignInWithTokenAsync("kanwil.ntt");
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
        var supervisor = await SignInWithTokenAsync("kanwil.ntt");

        var response = await supervisor.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync("BAD\u0000NAME", born: "1980-02-31"), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var errors = json.RootElement.GetProperty("errors");
        Assert.True(errors.TryGetProperty("name", out _));
        Assert.True(errors.TryGetProperty("birthDate", out _));
    }

    [Fact]
    public async Task Post_AnotherKanwilsOffice_RefusedAndNothingSaved()
    {
        // Kanwil Lampung's supervisor names Kanim Kupang (Kanwil NTT) as the entry's office.
        var supervisor = await SignInWithTokenAsync("kanwil.lampung");
        var (given, surname) = WatchlistData.NewName();

        var response = await supervisor.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync($"{given} {surname}"), Token);

        Assert.Equal(HttpStatusCode.UnprocessableEntity, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        Assert.True(json.RootElement.GetProperty("errors").TryGetProperty("kanimId", out _));
        await using var db = app.SystemDb();
        Assert.False(await db.WatchlistEntries.AnyAsync(e => e.Name == $"{given} {surname}", Token));
    }

    [Fact]
    public async Task Post_KanimOfficer_RefusedAndNothingSaved()
    {
        var officer = await SignInWithTokenAsync("kupang");
        var (given, surname) = WatchlistData.NewName();

        var response = await officer.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync($"{given} {surname}"), Token);

        Assert.NotEqual(HttpStatusCode.Created, response.StatusCode);
        await using var db = app.SystemDb();
        Assert.False(await db.WatchlistEntries.AnyAsync(e => e.Name == $"{given} {surname}", Token));
    }

    [Fact]
    public async Task Post_CrossOriginTextPlainWithCookieOnly_RefusedAndNothingSaved()
    {
        var supervisor = await app.SignInAsync("kanwil.ntt");
        var (given, surname) = WatchlistData.NewName();
        // What a page on another origin can send with the victim's cookie and no preflight: a "simple" request.
        using var forged = new HttpRequestMessage(HttpMethod.Post, new Uri(Url, UriKind.Relative))
        {
            Content = new StringContent(JsonSerializer.Serialize(await BodyAsync($"{given} {surname}")), System.Text.Encoding.UTF8, "text/plain"),
        };
        forged.Headers.Add("Origin", "https://attacker.example");

        var response = await supervisor.SendAsync(forged, Token);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Content-Type: application/json", await response.Content.ReadAsStringAsync(Token), StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.WatchlistEntries.AnyAsync(e => e.Name == $"{given} {surname}", Token));
    }

    [Fact]
    public async Task Post_JsonWithoutAntiforgeryToken_ForbiddenProblemNamesTheHeader()
    {
        var supervisor = await app.SignInAsync("kanwil.ntt");
        var (given, surname) = WatchlistData.NewName();

        var response = await supervisor.PostAsJsonAsync(new Uri(Url, UriKind.Relative), await BodyAsync($"{given} {surname}"), Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Token));
        var message = json.RootElement.GetProperty("errors").GetProperty("X-CSRF-TOKEN")[0].GetString();
        Assert.Contains("/api/staff/v1/antiforgery-token", message, StringComparison.Ordinal);
        await using var db = app.SystemDb();
        Assert.False(await db.WatchlistEntries.AnyAsync(e => e.Name == $"{given} {surname}", Token));
    }

    [Fact]
    public async Task Put_TokenOfAnotherUser_Forbidden()
    {
        var other = await SignInWithTokenAsync("kupang");
        var supervisor = await app.SignInAsync("kanwil.ntt");
        supervisor.DefaultRequestHeaders.Add("X-CSRF-TOKEN", other.DefaultRequestHeaders.GetValues("X-CSRF-TOKEN").Single());

        var response = await supervisor.PutAsJsonAsync(new Uri($"{Url}/{Guid.NewGuid()}", UriKind.Relative), new { name = "X" }, Token);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }
}
