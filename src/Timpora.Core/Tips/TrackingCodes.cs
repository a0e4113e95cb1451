using System.Security.Cryptography;
using System.Text;

namespace Timpora.Core.Tips;

/// <summary>The reporter's tracking code (printed, read over the phone) and secret. Letters and digits that are
/// easy to confuse (0/O, 1/I/L) are left out; only a salted hash of the secret is stored.</summary>
public static class TrackingCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string NewCode() => "TP-" + Random(4) + "-" + Random(4);

    public static string NewSecret() => Random(5) + "-" + Random(5);

    /// <summary>Upper-cases and drops spaces, so "tp 7kq4 m2xd" typed on a phone finds TP-7KQ4-M2XD.</summary>
    public static string Normalise(string? text)
    {
        var plain = new string((text ?? "").ToUpperInvariant().Where(char.IsLetterOrDigit).ToArray());
        return plain.Length switch
        {
            10 when plain.StartsWith("TP", StringComparison.Ordinal) => $"TP-{plain[2..6]}-{plain[6..]}",
            10 => $"{plain[..5]}-{plain[5..]}",
            _ => plain,
        };
    }

    public static bool LooksLikeCode(string normalised) =>
        normalised.Length == 12 && normalised[2] == '-' && normalised[7] == '-' && char.IsLetter(normalised[0]) && char.IsLetter(normalised[1]);

    public static string Hash(string code, string secret) =>
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Normalise(code) + ":" + Normalise(secret))));

    public static bool Verify(string code, string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(code, secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Random(int length) =>
        string.Create(length, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
            }
        });
}
