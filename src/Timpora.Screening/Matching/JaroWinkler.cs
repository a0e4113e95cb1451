using System.Numerics;

namespace Timpora.Screening.Matching;

/// <summary>
/// Jaro-Winkler similarity: the measure name-matching practice settled on for short strings, because it
/// forgives transpositions and rewards a shared beginning, where typists err least.
/// </summary>
public static class JaroWinkler
{
    private const int MaxLength = 64;

    /// <summary>Which letters a string holds, one bit each (by the character's low five bits).</summary>
    public static uint LettersOf(ReadOnlySpan<char> text)
    {
        var letters = 0u;
        foreach (var c in text)
        {
            letters |= 1u << (c & 31);
        }

        return letters;
    }

    /// <summary>
    /// Whether two strings with these letters and lengths may reach the similarity at all, without comparing
    /// them. Every character whose letter the other string lacks is unmatched, so the matches are at most the
    /// length less those; Jaro cannot exceed what that many matches give with no transposition, and the shared
    /// beginning adds at most 0.4 of what Jaro leaves. False only where the similarity is surely below.
    /// </summary>
    public static bool MayReach(uint lettersA, int lengthA, uint lettersB, int lengthB, double similarity)
    {
        if (lengthA > MaxLength || lengthB > MaxLength)
        {
            return true;
        }

        var matches = Math.Min(lengthA - BitOperations.PopCount(lettersA & ~lettersB), lengthB - BitOperations.PopCount(lettersB & ~lettersA));
        var jaro = (similarity - 0.4) / 0.6;
        return matches > 0 && matches * ((1.0 / lengthA) + (1.0 / lengthB)) >= (3 * jaro) - 1 - 1e-9;
    }

    public static double Similarity(ReadOnlySpan<char> a, ReadOnlySpan<char> b)
    {
        if (a.Length > MaxLength)
        {
            a = a[..MaxLength];
        }

        if (b.Length > MaxLength)
        {
            b = b[..MaxLength];
        }

        if (a.Length == 0 || b.Length == 0)
        {
            return 0;
        }

        if (a.SequenceEqual(b))
        {
            return 1;
        }

        // Which characters matched, as bits (the strings are at most 64 long): no buffers to clear.
        var window = Math.Max(0, (Math.Max(a.Length, b.Length) / 2) - 1);
        ulong aMatched = 0;
        ulong bMatched = 0;
        var matches = 0;
        // Where each character stands in b, by its low five bits (A to Z apart; any other sharing of a slot is
        // checked below), so that each character of a finds its first free match in the window in a few steps.
        Span<ulong> positions = stackalloc ulong[32];
        for (var j = 0; j < b.Length; j++)
        {
            positions[b[j] & 31] |= 1UL << j;
        }

        for (var i = 0; i < a.Length; i++)
        {
            var from = Math.Max(0, i - window);
            var to = Math.Min(b.Length - 1, i + window);
            var open = positions[a[i] & 31] & (ulong.MaxValue >> (63 - to)) & (ulong.MaxValue << from) & ~bMatched;
            while (open != 0)
            {
                var j = BitOperations.TrailingZeroCount(open);
                if (b[j] == a[i])
                {
                    aMatched |= 1UL << i;
                    bMatched |= 1UL << j;
                    matches++;
                    break;
                }

                open &= open - 1;
            }
        }

        if (matches == 0)
        {
            return 0;
        }

        // The matched characters of each side in order, pair by pair: the lowest set bits of both masks.
        var transpositions = 0;
        while (aMatched != 0)
        {
            if (a[BitOperations.TrailingZeroCount(aMatched)] != b[BitOperations.TrailingZeroCount(bMatched)])
            {
                transpositions++;
            }

            aMatched &= aMatched - 1;
            bMatched &= bMatched - 1;
        }

        double m = matches;
        var jaro = ((m / a.Length) + (m / b.Length) + ((m - (transpositions / 2.0)) / m)) / 3.0;
        var prefix = 0;
        var maxPrefix = Math.Min(4, Math.Min(a.Length, b.Length));
        while (prefix < maxPrefix && a[prefix] == b[prefix])
        {
            prefix++;
        }

        return jaro + (prefix * 0.1 * (1 - jaro));
    }
}
