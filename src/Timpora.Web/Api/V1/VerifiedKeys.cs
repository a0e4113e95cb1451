using System.Collections.Concurrent;
using Timpora.Core.Data;
using Timpora.Core.Providers;

namespace Timpora.Web.Api.V1;

/// <summary>API keys verified in the last few seconds, so that a busy property management system costs two
/// database reads every <see cref="Lifetime"/> rather than on every request (ADR 0008). A key revoked in this
/// process is forgotten at once; one revoked through another instance within <see cref="Lifetime"/>. Whether the
/// provider may still report is checked again by every check-in batch, whatever is cached here.</summary>
public sealed class VerifiedKeys(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    // Only valid keys are kept, so the size is the number of live keys; the bound is against the unexpected.
    private const int MaxEntries = 10_000;

    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);

    /// <summary>The key's holder; the database context is taken from <paramref name="services"/> only when the key
    /// is not in the cache, so that a cached key costs no context at all.</summary>
    public Task<ApiKeyHolder?> VerifyAsync(IServiceProvider services, string token, CancellationToken cancellationToken) =>
        Cached(token) is { } holder ? Task.FromResult<ApiKeyHolder?>(holder) : VerifyAsync(services.GetRequiredService<AppDbContext>(), token, cancellationToken);

    private ApiKeyHolder? Cached(string token) =>
        entries.TryGetValue(token, out var known) && known.Until > clock.GetUtcNow().UtcDateTime && known.Revocations == ApiKeys.Revocations ? known.Holder : null;

    public async Task<ApiKeyHolder?> VerifyAsync(AppDbContext db, string token, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var revocations = ApiKeys.Revocations;
        if (entries.TryGetValue(token, out var known) && known.Until > now && known.Revocations == revocations)
        {
            return known.Holder;
        }

        var holder = await ApiKeys.VerifyAsync(db, token, now, cancellationToken);
        if (holder is null)
        {
            entries.TryRemove(token, out _);
            return null;
        }

        if (entries.Count >= MaxEntries)
        {
            entries.Clear();
        }

        entries[token] = new Entry(holder, now + Lifetime, revocations);
        return holder;
    }

    private sealed record Entry(ApiKeyHolder Holder, DateTime Until, long Revocations);
}
