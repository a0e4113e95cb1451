using System.Numerics;
using System.Runtime.CompilerServices;
using Timpora.Screening.Indexing;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Matching;

/// <summary>
/// Compares the query's name with one name of an entry: every query part is paired with at most one entry
/// part (or two written together) regardless of order, greedily by similarity; the score then weighs how
/// much of each side found a partner, so a missing middle name costs less than a different surname.
/// </summary>
internal static class NameComparison
{
    private const int MaxPairs = 160;

    private const double ExtraNameSimilarity = 0.9;

    // How much faster a near miss loses support when the query part is on no listed name (a typo), or on this
    // many names or more (a name of its own). Chosen on the evaluation set, seeds 20260115 and 7 (ADR 0023).
    private const double UnknownPartSteepness = 0.5;
    private const double KnownPartSteepness = 1.3;
    private const int CommonPartNames = 5;

    // What a listed middle name the query leaves out takes off the listed name's weight: forms and the MRZ drop
    // middle names all the time, and ALI AL-SHAMI is still ALI ADNAN HUSSEIN AL-SHAMI (ADR 0023).
    private const double MiddleNameDiscount = 0.65;

    private struct Pair
    {
        public float Similarity;
        public ushort QueryMask;
        public ushort EntryMask;
        public TokenMatchKind Kind;
    }

    // Its pair buffer (2 KB) is written before it is read: zeroing it took as long as comparing a short name.
    [SkipLocalsInit]
    public static double Compare(
        PreparedQuery query, ReadOnlySpan<int> entry, TokenVocabulary vocabulary, QueryScratch scratch, List<HitReason>? reasons)
    {
        var n = Math.Min(query.Parts.Length, QueryScratch.MaxQueryParts);
        var m = Math.Min(entry.Length, 16);
        if (n == 0 || m == 0)
        {
            return 0;
        }

        Span<Pair> pairs = stackalloc Pair[MaxPairs];
        var count = 0;
        Span<float> bestOfQuery = stackalloc float[n];
        bestOfQuery.Clear();
        for (var j = 0; j < m; j++)
        {
            var row = scratch.PairRow(entry[j]);
            for (var i = 0; i < n; i++)
            {
                if (row[i] < 0)
                {
                    row[i] = (float)PartSimilarity(query, i, vocabulary, entry[j]);
                }

                if (row[i] > 0 && count < MaxPairs)
                {
                    var kind = row[i] == 1f ? TokenMatchKind.Exact
                        : query.Parts[i].Length == 1 || vocabulary.Tokens[entry[j]].Length == 1 ? TokenMatchKind.Initial
                        : TokenMatchKind.Variant;
                    pairs[count++] = new Pair { Similarity = row[i], QueryMask = (ushort)(1 << i), EntryMask = (ushort)(1 << j), Kind = kind };
                    bestOfQuery[i] = Math.Max(bestOfQuery[i], row[i]);
                }
            }
        }

        AddJoins(query, entry, n, m, vocabulary, scratch, bestOfQuery, pairs, ref count);
        SortDescending(pairs[..count]);

        ushort usedQuery = 0;
        ushort usedEntry = 0;
        double queryMatched = 0;
        double entryMatched = 0;
        double queryMatchedWeight = 0;
        var strongPairs = 0;
        var initials = 0;
        for (var p = 0; p < count; p++)
        {
            var pair = pairs[p];
            if ((pair.QueryMask & usedQuery) != 0 || (pair.EntryMask & usedEntry) != 0)
            {
                continue;
            }

            usedQuery |= pair.QueryMask;
            usedEntry |= pair.EntryMask;
            var support = Support(pair, query, vocabulary, entry, m);
            var entryWeight = EntryWeightOf(entry, pair.EntryMask, m, vocabulary);
            var queryWeight = Math.Min(WeightOf(query, pair.QueryMask, n), entryWeight);
            queryMatched += support * queryWeight;
            queryMatchedWeight += queryWeight;
            entryMatched += support * entryWeight;
            strongPairs += pair.Kind == TokenMatchKind.Initial ? 0 : pair.Kind == TokenMatchKind.Joined ? 2 : 1;
            initials += pair.Kind == TokenMatchKind.Initial ? 1 : 0;
            reasons?.Add(Describe(query, entry, vocabulary, pair, n, m));
        }

        var entryTotal = EntryWeightOf(entry, ushort.MaxValue, m, vocabulary)
            - (MiddleNameDiscount * EntryWeightOf(entry, MiddleUnmatched(usedEntry, m), m, vocabulary));
        var queryTotal = queryMatchedWeight + UnmatchedQueryWeight(query, n, usedQuery);
        var queryCoverage = queryMatched / queryTotal;
        var entryCoverage = entryMatched / entryTotal;
        var score = (0.6 * Math.Max(queryCoverage, entryCoverage)) + (0.4 * Math.Min(queryCoverage, entryCoverage));
        var entryStrong = 0;
        for (var j = 0; j < m; j++)
        {
            entryStrong += vocabulary.Tokens[entry[j]].Length > 1 ? 1 : 0;
        }

        // One shared part is what hard negatives have (the same surname, the same MUHAMMAD): never enough
        // for a hit on the name alone unless both names are single words.
        if (strongPairs == 0)
        {
            score = Math.Min(score, 0.5);
        }
        else if (strongPairs == 1 && (query.StrongCount > 1 || entryStrong > 1))
        {
            score = Math.Min(score, initials > 0 ? 0.7 : 0.6);
        }

        if (reasons is not null)
        {
            AddUnmatched(reasons, query, entry, vocabulary, usedQuery, usedEntry, n, m);
        }

        return score;
    }

    // A near miss on a short part (TUNG/TRUNG, JO/JUNG) is weak evidence: short names of one tradition sit
    // one letter apart. Exact parts and spellings that fold to the same skeleton count in full.
    private static double Support(Pair pair, PreparedQuery query, TokenVocabulary vocabulary, ReadOnlySpan<int> entry, int m)
    {
        if (pair.Similarity >= 0.96f || pair.Kind == TokenMatchKind.Initial)
        {
            return pair.Similarity;
        }

        var shortest = int.MaxValue;
        for (var j = 0; j < m; j++)
        {
            if ((pair.EntryMask & (1 << j)) != 0)
            {
                shortest = Math.Min(shortest, vocabulary.Tokens[entry[j]].Length);
            }
        }

        var steepness = shortest <= 5 ? 3.5 : 2.2;
        if (pair.Kind == TokenMatchKind.Variant && BitOperations.PopCount(pair.QueryMask) == 1)
        {
            // As a speller reads a word that is in no dictionary: GHOTH, held by no listed name, is GHOSH mistyped;
            // YING, held by many, is a name of its own, and its nearness to YONG says less.
            var held = query.NamesHolding[BitOperations.TrailingZeroCount(pair.QueryMask)];
            steepness *= held == 0 ? UnknownPartSteepness : held >= CommonPartNames ? KnownPartSteepness : 1.0;
        }

        return Math.Max(0, 1 - ((1 - pair.Similarity) * steepness));
    }

    // The listed parts between the first and the last that found a partner, themselves without one: the middle
    // names a form or a passport's MRZ leaves out (ALI ADNAN HUSSEIN AL-SHAMI written ALI AL-SHAMI).
    private static ushort MiddleUnmatched(ushort usedEntry, int m)
    {
        if (usedEntry == 0)
        {
            return 0;
        }

        var first = BitOperations.TrailingZeroCount(usedEntry);
        var last = 31 - BitOperations.LeadingZeroCount((uint)usedEntry);
        var between = (ushort)(((1 << last) - 1) & ~((1 << (first + 1)) - 1));
        return (ushort)(between & ~usedEntry & ((1 << m) - 1));
    }

    private static double UnmatchedQueryWeight(PreparedQuery query, int n, ushort usedQuery)
    {
        double total = 0;
        for (var i = 0; i < n; i++)
        {
            total += (usedQuery & (1 << i)) == 0 ? query.UnmatchedWeights[i] : 0;
        }

        return total;
    }

    private static double PartSimilarity(PreparedQuery query, int i, TokenVocabulary vocabulary, int token)
    {
        var entryPart = vocabulary.Tokens[token];
        var similarity = TokenSimilarity.Compute(
            query.Parts[i], query.Skeletons[i], query.Traits[i], entryPart, vocabulary.Skeletons[token], vocabulary.Traits[token], out _);
        if (query.MayBeTruncated && i == query.Parts.Length - 1 && query.Parts[i].Length >= 2
            && entryPart.StartsWith(query.Parts[i], StringComparison.Ordinal))
        {
            similarity = Math.Max(similarity, 0.95);
        }

        // Neither fallback can beat a part that already scores this high: skip them on the common path.
        if (similarity >= Math.Max(Romanisation.VariantSimilarity, ExtraNameSimilarity))
        {
            return similarity;
        }

        var throughVariant = vocabulary.Traits[token].Romanised ? ThroughVariant(query.Parts[i], entryPart) : 0;
        return Math.Max(similarity, Math.Max(throughVariant, WithExtraName(query, i, entryPart, vocabulary.Skeletons[token])));
    }

    // CHEUPG for ZHANG: a typo in another romanisation of the part. Compared with each listed romanisation.
    private static double ThroughVariant(string part, string entryPart)
    {
        var best = 0.0;
        if (part.Length > 1 && entryPart.Length > 1)
        {
            foreach (var variant in Romanisation.Of(entryPart))
            {
                best = Math.Max(best, Romanisation.VariantSimilarity * JaroWinkler.Similarity(part, variant));
            }
        }

        return best >= TokenSimilarity.Floor ? best : 0;
    }

    // KHALIDFRANCISCO for FRANCISCO, KEERANFRANCOIS for KIRAN: the listed part written together with a name
    // the list does not have. The rest of the query part counts as missing from the list.
    private static double WithExtraName(PreparedQuery query, int i, string entryPart, string entrySkeleton)
    {
        var part = query.Parts[i];
        var skeleton = query.Skeletons[i];
        if (entryPart.Length < 4 || part.Length < entryPart.Length + 3)
        {
            return 0;
        }

        var holds = part.StartsWith(entryPart, StringComparison.Ordinal) || part.EndsWith(entryPart, StringComparison.Ordinal)
            || (entrySkeleton.Length >= 4 && (skeleton.StartsWith(entrySkeleton, StringComparison.Ordinal) || skeleton.EndsWith(entrySkeleton, StringComparison.Ordinal)));
        return holds ? ExtraNameSimilarity : 0;
    }

    private static void AddJoins(
        PreparedQuery query, ReadOnlySpan<int> entry, int n, int m, TokenVocabulary vocabulary, QueryScratch scratch, Span<float> bestOfQuery,
        Span<Pair> pairs, ref int count)
    {
        Span<char> buffer = stackalloc char[2 * NameNormaliser.MaxPartLength];
        for (var i = 0; i < n; i++)
        {
            var part = query.Parts[i];
            if (bestOfQuery[i] >= 0.97f || part.Length < 5)
            {
                continue;
            }

            for (var j = 0; j + 1 < m && count < MaxPairs; j++)
            {
                var left = vocabulary.Tokens[entry[j]];
                var right = vocabulary.Tokens[entry[j + 1]];
                if (Math.Abs(left.Length + right.Length - part.Length) > 2 || left.Length < 2 || right.Length < 2)
                {
                    continue;
                }

                // Most names compared hold no part written together: their letters alone rule it out.
                var (leftTraits, rightTraits) = (vocabulary.Traits[entry[j]], vocabulary.Traits[entry[j + 1]]);
                if (!JaroWinkler.MayReach(query.Traits[i].Letters, part.Length, leftTraits.Letters | rightTraits.Letters, left.Length + right.Length, 0.9)
                    && !JaroWinkler.MayReach(
                        query.Traits[i].SkeletonLetters, query.Skeletons[i].Length, leftTraits.SkeletonLetters | rightTraits.SkeletonLetters,
                        vocabulary.Skeletons[entry[j]].Length + vocabulary.Skeletons[entry[j + 1]].Length, 0.9))
                {
                    continue;
                }

                // Skeletons too: PRADIPDEVEE is PRADEEP DEVI written together and spelt by ear.
                var similarity = Math.Max(
                    JaroWinkler.Similarity(part, Join(left, right, buffer)),
                    JaroWinkler.Similarity(query.Skeletons[i], Join(vocabulary.Skeletons[entry[j]], vocabulary.Skeletons[entry[j + 1]], buffer)));

                if (similarity >= 0.9)
                {
                    pairs[count++] = new Pair
                    {
                        Similarity = (float)similarity,
                        QueryMask = (ushort)(1 << i),
                        EntryMask = (ushort)(3 << j),
                        Kind = TokenMatchKind.Joined,
                    };
                }
            }
        }

        for (var i = 0; i + 1 < n; i++)
        {
            if (bestOfQuery[i] >= 0.97f && bestOfQuery[i + 1] >= 0.97f)
            {
                continue;
            }

            var joined = query.Joins[i];
            for (var j = 0; j < m && count < MaxPairs; j++)
            {
                var token = vocabulary.Tokens[entry[j]];
                if (token.Length < 5 || Math.Abs(token.Length - joined.Length) > 2)
                {
                    continue;
                }

                var row = scratch.PairRow(entry[j]);
                if (row[QueryScratch.MaxQueryParts + i] < 0)
                {
                    // ALH ASHIMI: a space typed one letter late, after the article of AL-HASHIMI.
                    var particle = NameNormaliser.JoinedParticleLength(joined);
                    row[QueryScratch.MaxQueryParts + i] = (float)Math.Max(
                        Math.Max(JaroWinkler.Similarity(joined, token), JaroWinkler.Similarity(query.JoinSkeletons[i], vocabulary.Skeletons[entry[j]])),
                        particle > 0 && joined.AsSpan(particle).SequenceEqual(token) ? 0.95 : 0);
                }

                var similarity = row[QueryScratch.MaxQueryParts + i];
                if (similarity >= 0.9f)
                {
                    pairs[count++] = new Pair
                    {
                        Similarity = similarity,
                        QueryMask = (ushort)(3 << i),
                        EntryMask = (ushort)(1 << j),
                        Kind = TokenMatchKind.Joined,
                    };
                }
            }
        }

        AddReorderedJoins(query, entry, n, m, vocabulary, bestOfQuery, buffer, pairs, ref count);
    }

    // A part split in two whose halves the writer then moved apart or swapped (FRANCISCO as "ISCO, FRANC";
    // SREENIVAS as "ENIVAS, SRE"): two query parts that found no good partner, joined in either order.
    private static void AddReorderedJoins(
        PreparedQuery query, ReadOnlySpan<int> entry, int n, int m, TokenVocabulary vocabulary, Span<float> bestOfQuery, Span<char> buffer,
        Span<Pair> pairs, ref int count)
    {
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < n; k++)
            {
                if (k == i || k == i + 1 || bestOfQuery[i] >= 0.97f || bestOfQuery[k] >= 0.97f || query.Parts[i].Length < 2 || query.Parts[k].Length < 2)
                {
                    continue;
                }

                var length = query.Parts[i].Length + query.Parts[k].Length;
                for (var j = 0; j < m && count < MaxPairs; j++)
                {
                    var token = vocabulary.Tokens[entry[j]];
                    if (token.Length < 5 || Math.Abs(token.Length - length) > 2)
                    {
                        continue;
                    }

                    var traits = vocabulary.Traits[entry[j]];
                    if (!JaroWinkler.MayReach(query.Traits[i].Letters | query.Traits[k].Letters, length, traits.Letters, token.Length, 0.9)
                        && !JaroWinkler.MayReach(
                            query.Traits[i].SkeletonLetters | query.Traits[k].SkeletonLetters, query.Skeletons[i].Length + query.Skeletons[k].Length,
                            traits.SkeletonLetters, vocabulary.Skeletons[entry[j]].Length, 0.9))
                    {
                        continue;
                    }

                    var similarity = Math.Max(
                        JaroWinkler.Similarity(Join(query.Parts[i], query.Parts[k], buffer), token),
                        JaroWinkler.Similarity(Join(query.Skeletons[i], query.Skeletons[k], buffer), vocabulary.Skeletons[entry[j]]));

                    if (similarity >= 0.9)
                    {
                        pairs[count++] = new Pair
                        {
                            Similarity = (float)similarity,
                            QueryMask = (ushort)((1 << i) | (1 << k)),
                            EntryMask = (ushort)(1 << j),
                            Kind = TokenMatchKind.Joined,
                        };
                    }
                }
            }
        }
    }

    private static ReadOnlySpan<char> Join(string left, string right, Span<char> buffer)
    {
        left.CopyTo(buffer);
        right.CopyTo(buffer[left.Length..]);
        return buffer[..(left.Length + right.Length)];
    }

    private static void SortDescending(Span<Pair> pairs)
    {
        for (var i = 1; i < pairs.Length; i++)
        {
            var item = pairs[i];
            var j = i - 1;
            while (j >= 0 && (pairs[j].Similarity < item.Similarity
                || (pairs[j].Similarity == item.Similarity && pairs[j].Kind == TokenMatchKind.Joined && item.Kind != TokenMatchKind.Joined)))
            {
                pairs[j + 1] = pairs[j];
                j--;
            }

            pairs[j + 1] = item;
        }
    }

    private static double WeightOf(PreparedQuery query, ushort mask, int n)
    {
        double weight = 0;
        for (var i = 0; i < n; i++)
        {
            weight += (mask & (1 << i)) != 0 ? query.Weights[i] : 0;
        }

        return weight;
    }

    private static double EntryWeightOf(ReadOnlySpan<int> entry, ushort mask, int m, TokenVocabulary vocabulary)
    {
        double weight = 0;
        for (var j = 0; j < m; j++)
        {
            weight += (mask & (1 << j)) == 0 ? 0 : vocabulary.Tokens[entry[j]].Length == 1 ? 0.5 : vocabulary.Weights[entry[j]];
        }

        return weight;
    }

    private static HitReason Describe(PreparedQuery query, ReadOnlySpan<int> entry, TokenVocabulary vocabulary, Pair pair, int n, int m)
    {
        var left = Parts(query.Parts, pair.QueryMask, n);
        var right = EntryParts(entry, vocabulary, pair.EntryMask, m);
        return pair.Kind switch
        {
            TokenMatchKind.Exact => new HitReason(HitReasonCode.NameExact, left, right, 1),
            TokenMatchKind.Initial => new HitReason(HitReasonCode.NameInitial, left, right, pair.Similarity),
            TokenMatchKind.Joined => new HitReason(HitReasonCode.NameJoined, left, right, Math.Round(pair.Similarity, 2)),
            _ => new HitReason(HitReasonCode.NameVariant, left, right, Math.Round(pair.Similarity, 2)),
        };
    }

    private static void AddUnmatched(
        List<HitReason> reasons, PreparedQuery query, ReadOnlySpan<int> entry, TokenVocabulary vocabulary, ushort usedQuery, ushort usedEntry, int n, int m)
    {
        var missingInEntry = Parts(query.Parts, (ushort)~usedQuery, n);
        var missingInQuery = EntryParts(entry, vocabulary, (ushort)~usedEntry, m);
        if (missingInEntry.Length > 0)
        {
            reasons.Add(new HitReason(HitReasonCode.NotInListedName, Left: missingInEntry));
        }

        if (missingInQuery.Length > 0)
        {
            reasons.Add(new HitReason(HitReasonCode.NotInScreenedName, Right: missingInQuery));
        }
    }

    private static string Parts(string[] parts, ushort mask, int n)
    {
        var selected = new List<string>();
        for (var i = 0; i < n; i++)
        {
            if ((mask & (1 << i)) != 0)
            {
                selected.Add(parts[i]);
            }
        }

        return string.Join('+', selected);
    }

    private static string EntryParts(ReadOnlySpan<int> entry, TokenVocabulary vocabulary, ushort mask, int m)
    {
        var selected = new List<string>();
        for (var j = 0; j < m; j++)
        {
            if ((mask & (1 << j)) != 0)
            {
                selected.Add(vocabulary.Tokens[entry[j]]);
            }
        }

        return string.Join('+', selected);
    }
}
