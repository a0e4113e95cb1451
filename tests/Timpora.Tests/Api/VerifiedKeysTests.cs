using Microsoft.EntityFrameworkCore;
using Timpora.Core.Providers;
using Timpora.Tests.Providers;
using Timpora.Web.Api.V1;

namespace Timpora.Tests.Api;

/// <summary>The short cache of verified API keys: a key revoked elsewhere (another instance, straight in the
/// database) stops working within <see cref="VerifiedKeys.Lifetime"/>; one revoked here stops at once.</summary>
public sealed class VerifiedKeysTests(TestApp app)
{
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Verify_KeyRevokedByAnotherInstance_IsAcceptedUntilTheEntryEndsThenRefused()
    {
        var provider = await ProviderData.AddAsync(app);
        var token = await ProviderData.AddKeyAsync(app, provider.Id);
        var clock = new MovableClock(DateTimeOffset.UtcNow);
        var keys = new VerifiedKeys(clock);
        await using var db = app.SystemDb();

        Assert.NotNull(await keys.VerifyAsync(db, token, Token));
        await db.ApiKeys.Where(k => k.ProviderId == provider.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedUtc, DateTime.UtcNow), Token);
        var cached = await keys.VerifyAsync(db, token, Token);
        clock.Now += VerifiedKeys.Lifetime;
        var expired = await keys.VerifyAsync(db, token, Token);

        Assert.Equal(provider.Id, cached?.ProviderId);
        Assert.Null(expired);
    }

    [Fact]
    public async Task Verify_KeyRevokedInThisProcess_IsRefusedAtOnce()
    {
        var provider = await ProviderData.AddAsync(app);
        var token = await ProviderData.AddKeyAsync(app, provider.Id);
        var keys = new VerifiedKeys(new MovableClock(DateTimeOffset.UtcNow));
        await using var db = app.SystemDb();

        Assert.NotNull(await keys.VerifyAsync(db, token, Token));
        var id = await db.ApiKeys.Where(k => k.ProviderId == provider.Id).Select(k => k.Id).SingleAsync(Token);
        Assert.True(await ApiKeys.RevokeAsync(db, provider.Id, id, DateTime.UtcNow, Token));

        Assert.Null(await keys.VerifyAsync(db, token, Token));
    }

    private sealed class MovableClock(DateTimeOffset start) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = start;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
