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
    private readonly Dictionary<string, int> ids;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> spanLookup;
    private readonly Dictionary<string, int> phoneticIds;
    private readonly PostingLists phoneticGroups;
    private readonly ulong[] deleteHashes;
    private readonly int[] deleteTokens;

    private TokenVocabulary(List<string> tokens, Dictionary<string, int> ids)
    {
        Tokens = [.. tokens];
        this.ids = ids;
        spanLookup = ids.GetAlternateLookup<ReadOnlySpan<char>>();
        Skeletons = new string[Tokens.Length];
        phoneticIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var phoneticOfToken = new int[Tokens.Length];
        var tokenIndex = new int[Tokens.Length];
        var deletes = new List<(ulong Hash, int Token)>(Tokens.Length * 8);
        for (var t = 0; t < Tokens.Length; t++)
        {
            var skeleton = string.Intern(NameKeys.Skeleton(Tokens[t]));
            Skeletons[t] = skeleton;
            var phonetic = NameKeys.Phonetic(skeleton);
            if (!phoneticIds.TryGetValue(phonetic, out var phoneticId))
            {
                phoneticId = phoneticIds.Count;
                phoneticIds.Add(phonetic, phoneticId);
            }

            phoneticOfToken[t] = phoneticId;
            tokenIndex[t] = t;
            if (skeleton.Length >= 3)
            {
                deletes.Add((Hash(skeleton, -1), t));
                for (var skip = 0; skip < skeleton.Length; skip++)
                {
                    deletes.Add((Hash(skeleton, skip), t));
                }
            }
        }

        phoneticGroups = PostingLists.Build(phoneticIds.Count, phoneticOfToken, tokenIndex);
        deletes.Sort();
        deleteHashes = new ulong[deletes.Count];
        deleteTokens = new int[deletes.Count];
        for (var i = 0; i < deletes.Count; i++)
        {
            deleteHashes[i] = deletes[i].Hash;
            deleteTokens[i] = deletes[i].Token;
        }
    }

    public string[] Tokens { get; }

    public string[] Skeletons { get; }

    /// <summary>How much a part says about identity, from 0.35 (in a tenth of all names) to 1 (rare).</summary>
    public float[] Weights { get; private set; } = [];

    /// <summary>Sets the weights from how many names hold each part (inverse document frequency).</summary>
    public void SetFrequencies(Func<int, int> namesWithToken, int nameCount)
    {
        var weights = new float[Count];
        var reference = Math.Log(2000);
        for (var t = 0; t < Count; t++)
        {
            var idf = Math.Log(Math.Max(1.0, (double)nameCount / Math.Max(1, namesWithToken(t))));
            weights[t] = (float)(0.35 + (0.65 * Math.Min(1, idf / reference)));
        }

        Weights = weights;
    }

    public int Count => Tokens.Length;

    public long MemoryBytes => phoneticGroups.MemoryBytes + (deleteHashes.Length * 12L) + (Count * 120L);

    public static TokenVocabulary Create(List<string> tokens, Dictionary<string, int> ids) => new(tokens, ids);

    public int Find(ReadOnlySpan<char> token) => spanLookup.TryGetValue(token, out var id) ? id : -1;

    public ReadOnlySpan<int> SamePhonetic(string skeleton) =>
        phoneticIds.TryGetValue(NameKeys.Phonetic(skeleton), out var id) ? phoneticGroups[id] : [];

    /// <summary>Adds every token one deletion away from the skeleton (on either side) to the list.</summary>
    public void CollectNeighbours(string skeleton, List<int> into)
    {
        if (skeleton.Length < 3)
        {
            return;
        }

        for (var skip = -1; skip < skeleton.Length; skip++)
        {
            var hash = Hash(skeleton, skip);
            var at = Array.BinarySearch(deleteHashes, hash);
            if (at < 0)
            {
                continue;
            }

            while (at > 0 && deleteHashes[at - 1] == hash)
            {
                at--;
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
