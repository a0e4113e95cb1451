using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Matching;

/// <summary>How alike two name parts are, from 0 to 1, and why.</summary>
public enum TokenMatchKind : byte
{
    None,
    Exact,
    Variant,
    Initial,
    Joined,
}

internal static class TokenSimilarity
{
    /// <summary>Below this two parts count as different names.</summary>
    public const double Floor = 0.78;

    public const double InitialScore = 0.85;

    /// <summary>A romanisation variant of a part spelt by ear (CHEEOUNG for CHEUNG, which is ZHANG).</summary>
    public const double SpeltVariantSimilarity = 0.92;

    public static double Compute(string a, string skeletonA, string b, string skeletonB, out TokenMatchKind kind)
    {
        if (a == b)
        {
            kind = TokenMatchKind.Exact;
            return 1;
        }

        if (a.Length == 1 || b.Length == 1)
        {
            kind = a[0] == b[0] ? TokenMatchKind.Initial : TokenMatchKind.None;
            return kind == TokenMatchKind.Initial ? InitialScore : 0;
        }

        kind = TokenMatchKind.Variant;
        if (skeletonA == skeletonB)
        {
            return 0.96;
        }

        if (Romanisation.AreVariants(a, b))
        {
            return Romanisation.VariantSimilarity;
        }

        if (Romanisation.AreVariantsBySkeleton(a, skeletonA, b, skeletonB))
        {
            return SpeltVariantSimilarity;
        }

        if (HasArticle(a, b) || HasArticle(b, a))
        {
            return 0.95;
        }

        var score = Math.Max(JaroWinkler.Similarity(a, b), JaroWinkler.Similarity(skeletonA, skeletonB));
        if (score < 0.9)
        {
            score = Math.Max(score, Math.Max(WithoutParticle(a, b), WithoutParticle(b, a)));
        }

        if (score < 0.9 && (!HasVowel(a) || !HasVowel(b)))
        {
            // Arabic and Hebrew script leave short vowels unwritten: MHMD is MUHAMMAD, compare consonants.
            var consonantsA = NameKeys.Phonetic(skeletonA);
            var consonantsB = NameKeys.Phonetic(skeletonB);
            score = Math.Max(score, consonantsA == consonantsB ? 0.9 : JaroWinkler.Similarity(consonantsA, consonantsB) - 0.05);
        }

        if (score < Floor)
        {
            kind = TokenMatchKind.None;
            return 0;
        }

        return score;
    }

    private static bool HasVowel(string s) => s.AsSpan().IndexOfAny("AEIOUY") >= 0;

    // ALADOSARI against DOSARI: a joined particle and a typo in the rest.
    private static double WithoutParticle(string longer, string other)
    {
        var particle = NameNormaliser.JoinedParticleLength(longer);
        return particle == 0 || other.StartsWith(longer.AsSpan(0, particle), StringComparison.Ordinal)
            ? 0
            : JaroWinkler.Similarity(longer.AsSpan(particle), other) - 0.03;
    }

    // ALRASHID against RASHID, VANTRANG against TRANG: a particle written joined to the name.
    private static bool HasArticle(string longer, string shorter)
    {
        var particle = NameNormaliser.JoinedParticleLength(longer);
        return particle > 0 && longer.Length == shorter.Length + particle && longer.AsSpan(particle).SequenceEqual(shorter);
    }
}
