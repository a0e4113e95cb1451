using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Providers;

/// <summary>What a valid API key stands for.</summary>
public sealed record ApiKeyHolder(Guid KeyId, string Prefix, Guid ProviderId, string ProviderName, ProviderStatus ProviderStatus, int KanimId);

/// <summary>Creates, checks and revokes the keys a provider's property management system uses for /api/v1.
/// A key reads <c>tpk_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix finds the row, only the SHA-256 of the secret is kept
/// (ADR 0006), so the full key is shown once, when it is created.</summary>
public static class ApiKeys
{
    public const string Scheme = "tpk_";

    // Crockford base32 in lower case: no '_' (the separator), nothing to confuse when read aloud.
    private const string Alphabet = "0123456789abcdefghjkmnpqrstvwxyz";
    private const int PrefixLength = 10;
    private const int SecretLength = 32;

    private static long revocations;

    /// <summary>Counts the revocations made by this process, so that a cache of verified keys knows to forget
    /// them at once (other instances forget them when their cache entry ends, within seconds).</summary>
    public static long Revocations => Interlocked.Read(ref revocations);

    /// <summary>Writes of "last used" are spared: once a minute is enough to tell a live key from a dead one.</summary>
    public static readonly TimeSpan LastUsedPrecision = TimeSpan.FromMinutes(1);

    /// <summary>Adds a key for the provider and returns it with the full key text, which is never stored.</summary>
    public static async Task<(ApiKey Key, string Token)> CreateAsync(
        AppDbContext db, Guid providerId, string name, string? createdBy, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var prefix = Random(PrefixLength);
        var secret = Random(SecretLength);
        var key = new ApiKey
        {
            ProviderId = providerId,
            Name = name.Trim(),
            Prefix = prefix,
            SecretHash = Hash(secret),
            CreatedUtc = nowUtc,
            CreatedBy = createdBy,
        };
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return (key, Scheme + prefix + "_" + secret);
    }

    /// <summary>The holder of a key, or null when the key is malformed, unknown, revoked or its secret is wrong.</summary>
    public static async Task<ApiKeyHolder?> VerifyAsync(AppDbContext db, string? token, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (!TryParse(token, out var prefix, out var secret))
        {
            return null;
        }

        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Prefix == prefix && k.RevokedUtc == null)
            .Select(k => new { k.Id, k.ProviderId, k.SecretHash, k.LastUsedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null || !SameHash(key.SecretHash, Hash(secret)))
        {
            return null;
        }

        // The caller is not signed in yet: the provider is read past the scope filter, by the key's own id only.
        var provider = await db.Providers.IgnoreQueryFilters().AsNoTracking()
            .Where(p => p.Id == key.ProviderId)
            .Select(p => new { p.Name, p.Status, p.KanimId })
            .FirstAsync(cancellationToken);

        if (key.LastUsedUtc is null || nowUtc - key.LastUsedUtc >= LastUsedPrecision)
        {
            await db.InWriterQueueAsync(
                () => db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedUtc, nowUtc), cancellationToken),
                cancellationToken);
        }

        return new ApiKeyHolder(key.Id, prefix, key.ProviderId, provider.Name, provider.Status, provider.KanimId);
    }

    /// <summary>Revokes one of the provider's keys; false when the provider has no such key.</summary>
    public static async Task<bool> RevokeAsync(AppDbContext db, Guid providerId, Guid keyId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == keyId && k.ProviderId == providerId, cancellationToken);
        if (key is null)
        {
            return false;
        }

        key.RevokedUtc ??= nowUtc;
        await db.SaveChangesAsync(cancellationToken);
        Interlocked.Increment(ref revocations);
        return true;
    }

    /// <summary>The prefix of a key as written, without checking it; used to partition rate limits.</summary>
    public static string? PrefixOf(string? token) => TryParse(token, out var prefix, out _) ? prefix : null;

    private static bool TryParse(string? token, out string prefix, out string secret)
    {
        prefix = secret = "";
        if (token is null || token.Length != Scheme.Length + PrefixLength + 1 + SecretLength || !token.StartsWith(Scheme, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = token.AsSpan(Scheme.Length);
        if (rest[PrefixLength] != '_')
        {
            return false;
        }

        prefix = rest[..PrefixLength].ToString();
        secret = rest[(PrefixLength + 1)..].ToString();
        return prefix.All(Alphabet.Contains) && secret.All(Alphabet.Contains);
    }

    private static string Random(int length) => string.Concat(RandomNumberGenerator.GetItems(Alphabet.AsSpan(), length));

    private static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    private static bool SameHash(string storedHex, string actualHex) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(storedHex), Encoding.ASCII.GetBytes(actualHex));
}
