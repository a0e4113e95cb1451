using System.Runtime.InteropServices;
using Timpora.Screening.Matching;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Indexing;

/// <summary>
/// Every distinct name part of the list once, with its skeleton and phonetic key, plus two ways to find
/// the parts that resemble a query part without scanning them all: the same phonetic key, and the
/// symmetric-delete neighbourhood of the skeleton (parts one deletion apart on either side, which covers
/// one typo: a letter wrong, missing, extra or swapped).
/// </summary>
internal sealed class TokenVocabulary
{
    public const int MaxNeighbours = 24;

    // Phonetic groups of common keys hold hundreds of parts; their most common spellings are the ones worth comparing.
    private const int PhoneticScan = 40;

    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spanLookup;
    private readonly Dictionary<string, int> phoneticIds;
    private readonly PostingLists phoneticGroups;
    private readonly Dictionary<string, int> skeletonIds;
    private readonly PostingLists skeletonGroups;
    private readonly Dictionary<int, int> consonantIds;
    private readonly PostingLists consonantGroups;
    private const int BucketBits = 20;

    private readonly ulong[] deleteHashes;

    // Where each run of hashes with the same top bits starts: a look-up reads one bucket, not a binary search.
    private readonly int[] deleteBuckets;
    private readonly int[] deleteTokens;
    private float[] commonness = [];
    private readonly Comparison<(int Token, float Similarity)> bestFirst;
    private int[] neighbourStarts = [0];
    private int[] neighbourTokens = [];
    private float[] neighbourSimilarities = [];

    private TokenVocabulary(List<string> tokens, Dictionary<string, int> ids)
    {
        Tokens = [.. tokens];
        this.ids = ids;
        bestFirst = (a, b) =>
        {
            var order = Rank(b).CompareTo(Rank(a));
            return order != 0 ? order : a.Token.CompareTo(b.Token);
        };
        spanLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Skeletons = new string[Tokens.Length];
        Traits = new PartTraits[Tokens.Length];
        phoneticIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var phoneticOfToken = new int[Tokens.Length];
        var tokenIndex = new int[Tokens.Length];
        var deletes = new List<(ulong Hash, int Token)>(Tokens.Length * 8);
        for (var t = 0; t < Tokens.Length; t++)
        {
            var skeleton = string.Intern(NameKeys.Skeleton(Tokens[t]));
            Skeletons[t] = skeleton;
            Traits[t] = PartTraits.Of(Tokens[t], skeleton);
            var phonetic = NameKeys.Phonetic(skeleton);
            if (!phoneticIds.TryGetValue(phonetic, out var phoneticId))
            {
                phoneticId = phoneticIds.Count;
                phoneticIds.Add(phonetic, phoneticId);
            }

            phoneticOfToken[t] = phoneticId;
            tokenIndex[t] = t;
            // Deletes of the spelling itself too: a typo can change what the skeleton folds (BECEKR, BECKER).
            foreach (var form in skeleton == Tokens[t] ? [skeleton] : new[] { skeleton, Tokens[t] })
            {
                if (form.Length >= 3)
                {
                    deletes.Add((Hash(form, -1), t));
                    for (var skip = 0; skip < form.Length; skip++)
                    {
                        deletes.Add((Hash(form, skip), t));
                    }
                }
            }
        }

        phoneticGroups = PostingLists.Build(phoneticIds.Count, phoneticOfToken, tokenIndex);
        skeletonIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var skeletonOfToken = new int[Tokens.Length];
        for (var t = 0; t < Tokens.Length; t++)
        {
            if (!skeletonIds.TryGetValue(Skeletons[t], out var skeletonId))
            {
                skeletonId = skeletonIds.Count;
                skeletonIds.Add(Skeletons[t], skeletonId);
            }

            skeletonOfToken[t] = skeletonId;
        }

        skeletonGroups = PostingLists.Build(skeletonIds.Count, skeletonOfToken, tokenIndex);
        consonantIds = [];
        var consonantsOfToken = new int[Tokens.Length];
        for (var t = 0; t < Tokens.Length; t++)
        {
            var consonants = Traits[t].Consonants;
            if (!consonantIds.TryGetValue(consonants, out var consonantId))
            {
                consonantId = consonantIds.Count;
                consonantIds.Add(consonants, consonantId);
            }

            consonantsOfToken[t] = consonantId;
        }

        consonantGroups = PostingLists.Build(consonantIds.Count, consonantsOfToken, tokenIndex);
        deletes.Sort();
        deleteHashes = new ulong[deletes.Count];
        deleteTokens = new int[deletes.Count];
        for (var i = 0; i < deletes.Count; i++)
        {
            deleteHashes[i] = deletes[i].Hash;
            deleteTokens[i] = deletes[i].Token;
        }

        deleteBuckets = new int[(1 << BucketBits) + 1];
        var bucketAt = 0;
        for (var b = 0; b <= 1 << BucketBits; b++)
        {
            while (bucketAt < deleteHashes.Length && (int)(deleteHashes[bucketAt] >> (64 - BucketBits)) < b)
            {
                bucketAt++;
            }

            deleteBuckets[b] = bucketAt;
        }
    }

    public string[] Tokens { get; }

    public string[] Skeletons { get; }

    public PartTraits[] Traits { get; }

    /// <summary>How much a part says about identity, from 0.35 (in a tenth of all names) to 1 (rare).</summary>
    public float[] Weights { get; private set; } = [];

    /// <summary>How many names hold each part.</summary>
    public int[] NamesHolding { get; private set; } = [];

    /// <summary>
    /// Sets the weights from how many names hold each part (inverse document frequency), puts the common
    /// spellings first in each phonetic group, and finds every part's closest parts once, so that a query
    /// part that is on the list costs no string comparison to expand.
    /// </summary>
    public void SetFrequencies(Func<int, int> namesWithToken, int nameCount)
    {
        var weights = new float[Count];
        var frequency = new int[Count];
        var reference = Math.Log(2000);
        for (var t = 0; t < Count; t++)
        {
            frequency[t] = namesWithToken(t);
            var idf = Math.Log(Math.Max(1.0, (double)nameCount / Math.Max(1, frequency[t])));
            weights[t] = (float)(0.35 + (0.65 * Math.Min(1, idf / reference)));
        }

        Weights = weights;
        NamesHolding = frequency;
        commonness = [.. frequency.Select(f => 0.06f * MathF.Log10(1 + f))];
        Comparison<int> commonFirst = (a, b) => frequency[b] != frequency[a] ? frequency[b].CompareTo(frequency[a]) : a.CompareTo(b);
        phoneticGroups.SortEach(commonFirst);
        skeletonGroups.SortEach(commonFirst);
        consonantGroups.SortEach(commonFirst);
        var found = new (int Token, float Similarity)[Count][];
        Parallel.For(
            0,
            Count,
            () => (new List<int>(256), new List<(int, float)>(64)),
            (t, _, lists) =>
            {
                lists.Item2.Clear();
                FindSimilar(Tokens[t], Skeletons[t], singlePart: true, lists.Item1, lists.Item2);
                found[t] = [.. lists.Item2];
                return lists;
            },
            _ => { });
        neighbourStarts = new int[Count + 1];
        for (var t = 0; t < Count; t++)
        {
            neighbourStarts[t + 1] = neighbourStarts[t] + found[t].Length;
        }

        neighbourTokens = new int[neighbourStarts[Count]];
        neighbourSimilarities = new float[neighbourStarts[Count]];
        for (var t = 0; t < Count; t++)
        {
            for (var i = 0; i < found[t].Length; i++)
            {
                neighbourTokens[neighbourStarts[t] + i] = found[t][i].Token;
                neighbourSimilarities[neighbourStarts[t] + i] = found[t][i].Similarity;
            }
        }
    }

    // How a neighbour ranks among a part's neighbours: its similarity, and a little for how many names hold it.
    private float Rank((int Token, float Similarity) neighbour) =>
        neighbour.Similarity + (commonness.Length == 0 ? 0f : commonness[neighbour.Token]);

    /// <summary>
    /// Orders similar parts as they are tried: common spellings before one-off typos of the same closeness. At a
    /// million names MUHAMMAD has dozens of misspelt neighbours, and the real variants (MOHAMED, MUHAMMED) must stay
    /// among the first tried; DMRTRIY is far more often DMITRII mistyped than DMIRTII, a typo on one listed name.
    /// </summary>
    public void SortBestFirst(List<(int Token, float Similarity)> parts) => parts.Sort(bestFirst);

    /// <summary>The parts most like this one (itself excluded), best first, as found when the index was built.</summary>
    public ReadOnlySpan<int> NeighbourTokens(int token) =>
        neighbourTokens.AsSpan(neighbourStarts[token], neighbourStarts[token + 1] - neighbourStarts[token]);

    public ReadOnlySpan<float> NeighbourSimilarities(int token) =>
        neighbourSimilarities.AsSpan(neighbourStarts[token], neighbourStarts[token + 1] - neighbourStarts[token]);

    /// <summary>
    /// The parts of the list like this one (not itself), best first, at most <see cref="MaxNeighbours"/>: one
    /// typo away, the same phonetic key (its most common spellings), or the same without the article AL/EL.
    /// Two query parts written together (<paramref name="singlePart"/> false) look up neither the phonetic key
    /// nor the deletes of their own spelling, only those of their skeleton (on the evaluation set: the same
    /// recall, and about 7% off the median query).
    /// </summary>
    public void FindSimilar(string part, string skeleton, bool singlePart, List<int> scratch, List<(int Token, float Similarity)> into)
    {
        scratch.Clear();
        var traits = PartTraits.Of(part, skeleton);
        var particle = traits.ParticleLength;
        if (particle > 0)
        {
            var withoutArticle = Find(part.AsSpan(particle));
            if (withoutArticle >= 0)
            {
                scratch.Add(withoutArticle);
            }
            else
            {
                var rest = part[particle..];
                CollectNeighbours(rest, scratch);
                CollectNeighbours(NameKeys.Skeleton(rest), scratch);
            }
        }

        foreach (var variant in Romanisation.Of(part).Concat(Romanisation.OfSkeleton(skeleton)))
        {
            var known = Find(variant);
            if (known >= 0)
            {
                scratch.Add(known);
            }
        }

        if (skeletonIds.TryGetValue(skeleton, out var sameSkeleton))
        {
            var group = skeletonGroups[sameSkeleton];
            for (var g = 0; g < group.Length && g < PhoneticScan; g++)
            {
                scratch.Add(group[g]);
            }
        }

        CollectNeighbours(skeleton, scratch);
        if (skeleton != part && singlePart)
        {
            CollectNeighbours(part, scratch);
        }

        if (singlePart)
        {
            var group = SamePhonetic(skeleton);
            for (var g = 0; g < group.Length && g < PhoneticScan; g++)
            {
                scratch.Add(group[g]);
            }

            // AHMET for AHMAD, IHOR for IGOR: the same consonants in another transliteration's vowels.
            if (traits.Consonants != 0 && consonantIds.TryGetValue(traits.Consonants, out var sameConsonants))
            {
                var transliterated = consonantGroups[sameConsonants];
                for (var g = 0; g < transliterated.Length && g < PhoneticScan; g++)
                {
                    scratch.Add(transliterated[g]);
                }
            }
        }

        scratch.Sort();
        Fetch(CollectionsMarshal.AsSpan(scratch));
        for (var i = 0; i < scratch.Count; i++)
        {
            var token = scratch[i];
            if ((i > 0 && scratch[i - 1] == token) || Tokens[token] == part)
            {
                continue;
            }

            var similarity = TokenSimilarity.Compute(part, skeleton, traits, Tokens[token], Skeletons[token], Traits[token], out _);
            if (similarity >= TokenSimilarity.Floor)
            {
                into.Add((token, (float)similarity));
            }
        }

        SortBestFirst(into);
        if (into.Count > MaxNeighbours)
        {
            into.RemoveRange(MaxNeighbours, into.Count - MaxNeighbours);
        }
    }

    /// <summary>
    /// Reads the strings of these parts before they are compared. The list's parts lie scattered over a heap of
    /// hundreds of megabytes, and a rare one is seldom in the processor's cache: loads that do not wait for each
    /// other fetch them all at once, where comparisons one after the other waited for each in turn (most of what a
    /// misspelt query part cost, ADR 0022). The loop looks useless; the reads are what it is for.
    /// </summary>
    public void Fetch(ReadOnlySpan<int> tokens)
    {
        foreach (var token in tokens)
        {
            _ = Tokens[token].Length + Skeletons[token].Length;
        }
    }

    public int Count => Tokens.Length;

    public long MemoryBytes => phoneticGroups.MemoryBytes + (deleteHashes.Length * 12L) + (deleteBuckets.Length * 4L) + (Count * 120L) + (neighbourTokens.Length * 8L);

    public static TokenVocabulary Create(List<string> tokens, Dictionary<string, int> ids) => new(tokens, ids);

    public int Find(ReadOnlySpan<char> token) => spanLookup.TryGetValue(token, out var id) ? id : -1;

    public ReadOnlySpan<int> SamePhonetic(string skeleton) =>
        phoneticIds.TryGetValue(NameKeys.Phonetic(skeleton), out var id) ? phoneticGroups[id] : [];

    /// <summary>Adds every token one deletion away from the form (on either side) to the list.</summary>
    public void CollectNeighbours(string form, List<int> into)
    {
        if (form.Length < 3)
        {
            return;
        }

        // In three rounds, so that the processor waits for each round's memory reads (a miss each, the tables are
        // large) at once instead of one probe after the other: the hashes, then where their buckets start, then
        // the buckets.
        var probes = form.Length + 1;
        var small = probes <= 2 * NameNormaliser.MaxPartLength + 1;
        Span<ulong> hashes = small ? stackalloc ulong[probes] : new ulong[probes];
        Span<int> starts = small ? stackalloc int[probes] : new int[probes];
        for (var k = 0; k < probes; k++)
        {
            hashes[k] = Hash(form, k - 1);
        }

        for (var k = 0; k < probes; k++)
        {
            starts[k] = deleteBuckets[(int)(hashes[k] >> (64 - BucketBits))];
        }

        for (var k = 0; k < probes; k++)
        {
            var hash = hashes[k];
            var at = starts[k];
            while (at < deleteHashes.Length && deleteHashes[at] < hash)
            {
                at++;
            }

            for (; at < deleteHashes.Length && deleteHashes[at] == hash; at++)
            {
                into.Add(deleteTokens[at]);
            }
        }
    }

    // FNV-1a over the skeleton without the character at position skip (-1 keeps them all). A 64-bit hash
    // instead of the deleted strings themselves saves most of the memory; a rare collision only adds a
    // candidate that the similarity check then rejects.
    private static ulong Hash(string s, int skip)
    {
        var hash = 14695981039346656037UL;
        for (var i = 0; i < s.Length; i++)
        {
            if (i == skip)
            {
                continue;
            }

            hash = (hash ^ s[i]) * 1099511628211UL;
        }

        return hash;
    }
}
