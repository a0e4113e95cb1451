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

/// <summary>
/// What comparing a part needs to know beyond its letters, found once per part of the list (and of the query)
/// instead of in every comparison: most pairs of parts are neither romanisation variants nor carry a particle,
/// and three dictionary look-ups and four particle checks a comparison cost about as much as the string
/// similarity itself.
/// </summary>
internal readonly record struct PartTraits(
    byte ParticleLength, bool Romanised, bool RomanisedSkeleton, bool HasVowel, int Consonants, uint Letters, uint SkeletonLetters)
{
    public static PartTraits Of(string part, string skeleton) => new(
        (byte)NameNormaliser.JoinedParticleLength(part),
        Romanisation.Of(part).Count > 0,
        Romanisation.OfSkeleton(skeleton).Count > 0,
        part.AsSpan().IndexOfAny("AEIOUY") >= 0,
        NameKeys.Consonants(skeleton),
        JaroWinkler.LettersOf(part),
        JaroWinkler.LettersOf(skeleton));
}

internal static class TokenSimilarity
{
    /// <summary>Below this two parts count as different names.</summary>
    public const double Floor = 0.78;

    public const double InitialScore = 0.85;

    /// <summary>A romanisation variant of a part spelt by ear (CHEEOUNG for CHEUNG, which is ZHANG).</summary>
    public const double SpeltVariantSimilarity = 0.92;

    /// <summary>A slip of the hand: two neighbouring letters swapped (LUARA for LAURA).</summary>
    public const double TypoSimilarity = 0.96;

    /// <summary>The same consonants in the vowels of another transliteration (AHMAD, AHMET).</summary>
    public const double TransliteratedSimilarity = 0.94;

    public static double Compute(string a, string skeletonA, PartTraits traitsA, string b, string skeletonB, PartTraits traitsB, out TokenMatchKind kind)
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
            return 0.98;
        }

        // Both spellings of a group are listed spellings themselves; a spelling by ear has a listed skeleton.
        if (traitsA.Romanised && traitsB.Romanised && Romanisation.AreVariants(a, b))
        {
            return Romanisation.VariantSimilarity;
        }

        if (((traitsA.RomanisedSkeleton && traitsB.Romanised) || (traitsB.RomanisedSkeleton && traitsA.Romanised))
            && Romanisation.AreVariantsBySkeleton(a, skeletonA, b, skeletonB))
        {
            return SpeltVariantSimilarity;
        }

        if (HasArticle(a, traitsA.ParticleLength, b) || HasArticle(b, traitsB.ParticleLength, a))
        {
            return 0.95;
        }

        // Most pairs a query meets are different names (GOPAL, SHARMA): their letters alone show that neither the
        // spellings nor the skeletons can reach the floor, and every later step only raises the score or zeroes it
        // below the floor, so the comparisons are skipped without changing any result.
        var score = Math.Max(
            JaroWinkler.MayReach(traitsA.Letters, a.Length, traitsB.Letters, b.Length, Floor) ? JaroWinkler.Similarity(a, b) : 0,
            JaroWinkler.MayReach(traitsA.SkeletonLetters, skeletonA.Length, traitsB.SkeletonLetters, skeletonB.Length, Floor)
                ? JaroWinkler.Similarity(skeletonA, skeletonB) : 0);
        if (score < TypoSimilarity)
        {
            score = Math.Max(score, SwappedNeighbours(a, b));
        }

        if (score < 0.9)
        {
            score = Math.Max(score, Math.Max(WithoutParticle(a, traitsA.ParticleLength, b), WithoutParticle(b, traitsB.ParticleLength, a)));
        }

        if (score < TransliteratedSimilarity && traitsA.Consonants != 0 && traitsA.Consonants == traitsB.Consonants)
        {
            // AHMAD and AHMET, OMAR and OMER, IGOR and IHOR: the same consonants, written with the vowels (and G
            // or H) of another language's transliteration.
            score = TransliteratedSimilarity;
        }

        if (score < 0.9 && (!traitsA.HasVowel || !traitsB.HasVowel))
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

    // Two neighbouring letters swapped (LUARA for LAURA, MOHAMEMD) is a slip of the hand, which Jaro-Winkler
    // counts as a half transposition and leaves below a variant in short parts. One letter more, less or
    // different is not: in short parts it makes another name (TUNG and TRUNG), and in long ones it gained as
    // many wrong alerts as right ones on the evaluation set (ADR 0023).
    private static double SwappedNeighbours(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 4)
        {
            return 0;
        }

        var first = 0;
        while (first < a.Length && a[first] == b[first])
        {
            first++;
        }

        var swapped = first + 1 < a.Length
            && a[first] == b[first + 1]
            && a[first + 1] == b[first]
            && a.AsSpan(first + 2).SequenceEqual(b.AsSpan(first + 2));
        return swapped ? TypoSimilarity : 0;
    }

    // ALADOSARI against DOSARI: a joined particle and a typo in the rest.
    private static double WithoutParticle(string longer, int particle, string other) =>
        particle == 0 || other.StartsWith(longer.AsSpan(0, particle), StringComparison.Ordinal)
            ? 0
            : JaroWinkler.Similarity(longer.AsSpan(particle), other) - 0.03;

    // ALRASHID against RASHID, VANTRANG against TRANG: a particle written joined to the name.
    private static bool HasArticle(string longer, int particle, string shorter) =>
        particle > 0 && longer.Length == shorter.Length + particle && longer.AsSpan(particle).SequenceEqual(shorter);
}
