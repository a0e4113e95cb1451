namespace Timpora.Screening.Indexing;

/// <summary>
/// Names by pairs of their parts. A hit needs at least two matching parts (one shared part is what a
/// namesake has, and the score caps it below review), so looking up pairs of the query's parts finds
/// every possible hit while skipping the tens of thousands of names that merely contain NGUYEN or
/// MUHAMMAD. Names of a single part are kept apart, looked up by that part.
/// </summary>
internal sealed class PairIndex
{
    private readonly Dictionary<ulong, int> slots;
    private readonly int[] starts;
    private readonly int[] names;
    private readonly PostingLists singles;

    private PairIndex(Dictionary<ulong, int> slots, int[] starts, int[] names, PostingLists singles)
    {
        this.slots = slots;
        this.starts = starts;
        this.names = names;
        this.singles = singles;
    }

    public long MemoryBytes => (slots.Count * 24L) + ((starts.Length + (long)names.Length) * sizeof(int)) + singles.MemoryBytes;

    public static PairIndex Build(int[] nameTokenStart, int[] nameTokens, int vocabularySize)
    {
        var nameCount = nameTokenStart.Length - 1;
        long pairCount = 0;
        var singleCount = 0;
        for (var n = 0; n < nameCount; n++)
        {
            long k = nameTokenStart[n + 1] - nameTokenStart[n];
            pairCount += k * (k - 1) / 2;
            singleCount += k == 1 ? 1 : 0;
        }

        var keys = new ulong[pairCount];
        var values = new int[pairCount];
        var singleTokens = new int[singleCount];
        var singleNames = new int[singleCount];
        var at = 0;
        var single = 0;
        for (var n = 0; n < nameCount; n++)
        {
            var from = nameTokenStart[n];
            var to = nameTokenStart[n + 1];
            if (to - from == 1)
            {
                singleTokens[single] = nameTokens[from];
                singleNames[single++] = n;
            }

            for (var i = from; i < to; i++)
            {
                for (var j = i + 1; j < to; j++)
                {
                    keys[at] = Key(nameTokens[i], nameTokens[j]);
                    values[at++] = n;
                }
            }
        }

        Array.Sort(keys, values);
        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            distinct += i == 0 || keys[i] != keys[i - 1] ? 1 : 0;
        }

        var slots = new Dictionary<ulong, int>(distinct);
        var starts = new int[distinct + 1];
        var slot = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            if (i == 0 || keys[i] != keys[i - 1])
            {
                starts[++slot] = i;
                slots.Add(keys[i], slot);
            }
        }

        starts[distinct] = keys.Length;
        return new PairIndex(slots, starts, values, PostingLists.Build(vocabularySize, singleTokens, singleNames));
    }

    public ReadOnlySpan<int> Find(int a, int b) =>
        a != b && slots.TryGetValue(Key(a, b), out var slot) ? names.AsSpan(starts[slot], starts[slot + 1] - starts[slot]) : [];

    /// <summary>Names that consist of this one part only.</summary>
    public ReadOnlySpan<int> Alone(int token) => singles[token];

    private static ulong Key(int a, int b) => a < b ? ((ulong)(uint)a << 32) | (uint)b : ((ulong)(uint)b << 32) | (uint)a;
}
