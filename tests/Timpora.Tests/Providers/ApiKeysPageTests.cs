using System.Net;
using System.Net.Http.Headers;
using Microsoft.EntityFrameworkCore;

namespace Timpora.Tests.Providers;

/// <summary>An operator manages the API keys of their own provider only; the full key is shown once.</summary>
public sealed class ApiKeysPageTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Create_ShowsTheKeyOnceAndItWorksOnTheApi()
    {
        var provider = await ProviderData.AddAsync(app);
        var operatorClient = await app.SignInAsync(await ProviderData.AddOperatorAsync(app, provider.Id));

        var response = await TestApp.PostFormAsync(operatorClient, "/Provider/ApiKeys?handler=Create", new() { ["Name"] = "PMS resepsionis" }, "/Provider/ApiKeys");
        var token = (await TestApp.HtmlAsync(response)).QuerySelector("[data-testid=new-key-token]")!.TextContent.Trim();
        var later = await TestApp.GetHtmlAsync(operatorClient, "/Provider/ApiKeys");

        Assert.StartsWith("tpk_", token, StringComparison.Ordinal);
        Assert.DoesNotContain(token, later.Body!.InnerHtml, StringComparison.Ordinal);
        Assert.Contains("PMS resepsionis", later.QuerySelector("[data-testid=keys-table]")!.TextContent, StringComparison.Ordinal);
        var api = app.Anonymous();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var read = await api.GetAsync(new Uri("/api/v1/check-ins/TP000000-NOTHING0", UriKind.Relative), Token);
        Assert.Equal(HttpStatusCode.NotFound, read.StatusCode);
        await using var db = app.SystemDb();
        var stored = await db.ApiKeys.SingleAsync(k => k.ProviderId == provider.Id, Token);
        Assert.DoesNotContain(stored.SecretHash, token, StringComparison.Ordinal);
        Assert.NotNull(stored.LastUsedUtc);
    }

    [Fact]
    public async Task Revoke_OwnKeyAfterConfirmation_StopsIt()
    {
        var provider = await ProviderData.AddAsync(app);
        var token = await ProviderData.AddKeyAsync(app, provider.Id, "Lama");
        var operatorClient = await app.SignInAsync(await ProviderData.AddOperatorAsync(app, provider.Id));
        Guid keyId;
        await using (var db = app.SystemDb())
        {
            keyId = await db.ApiKeys.Where(k => k.ProviderId == provider.Id).Select(k => k.Id).SingleAsync(Token);
        }

        var confirm = await TestApp.GetHtmlAsync(operatorClient, $"/Provider/ApiKeys?revoke={keyId}");
        var response = await TestApp.PostFormAsync(operatorClient, "/Provider/ApiKeys?handler=Revoke", new() { ["id"] = keyId.ToString() }, $"/Provider/ApiKeys?revoke={keyId}");

        Assert.NotNull(confirm.QuerySelector("[data-testid=revoke-confirm]"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var api = app.Anonymous();
        api.DefaultRequestHeaders.Add("X-Api-Key", token);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync(new Uri("/api/v1/check-ins/TP000000-NOTHING0", UriKind.Relative), Token)).StatusCode);
    }

    [Fact]
    public async Task Operator_AnotherProvidersKeys_CannotSeeOrRevoke()
    {
        var own = await ProviderData.AddAsync(app);
        var other = await ProviderData.AddAsync(app);
        var otherKeyName = "Kunci-" + Guid.NewGuid().ToString("N")[..8];
        await ProviderData.AddKeyAsync(app, other.Id, otherKeyName);
        Guid otherKeyId;
        await using (var db = app.SystemDb())
        {
            otherKeyId = await db.ApiKeys.Where(k => k.ProviderId == other.Id).Select(k => k.Id).SingleAsync(Token);
        }

        var operatorClient = await app.SignInAsync(await ProviderData.AddOperatorAsync(app, own.Id));

        var page = await TestApp.GetHtmlAsync(operatorClient, "/Provider/ApiKeys");
        var confirm = await operatorClient.GetAsync(new Uri($"/Provider/ApiKeys?revoke={otherKeyId}", UriKind.Relative), Token);
        var revoke = await TestApp.PostFormAsync(operatorClient, "/Provider/ApiKeys?handler=Revoke", new() { ["id"] = otherKeyId.ToString() }, "/Provider/ApiKeys");

        Assert.DoesNotContain(otherKeyName, page.Body!.TextContent, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, confirm.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, revoke.StatusCode);
        await using var check = app.SystemDb();
        Assert.Null(await check.ApiKeys.Where(k => k.Id == otherKeyId).Select(k => k.RevokedUtc).SingleAsync(Token));
    }

    [Fact]
    public async Task ApiKeys_Staff_IsForbidden()
    {
        var officer = await app.SignInAsync(await app.CreateUserAsync("KanimOfficer", "Kupang"));

        var response = await officer.GetAsync(new Uri("/Provider/ApiKeys", UriKind.Relative), Token);

        Assert.Contains("/Account/AccessDenied", response.Headers.Location!.ToString(), StringComparison.Ordinal);
    }
}
