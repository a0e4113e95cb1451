namespace Timpora.Screening.Indexing;

/// <summary>
/// Names by pairs of their parts. A hit needs at least two matching parts (one shared part is what a
/// namesake has, and the score caps it below review), so looking up pairs of the query's parts finds
/// every possible hit while skipping the tens of thousands of names that merely contain NGUYEN or
/// MUHAMMAD. Names of a single part are kept apart, looked up by that part.
/// Within a pair the names are ordered by year of birth (unknown first), so that a query with a date of
/// birth reads only the few years around it from a pair as common as NGUYEN VAN: the second blocking key.
/// </summary>
internal sealed class PairIndex
{
    private readonly Dictionary<ulong, int> slots;
    private readonly int[] starts;
    private readonly int[] names;
    private readonly byte[] years;
    private readonly PostingLists singles;

    private PairIndex(Dictionary<ulong, int> slots, int[] starts, int[] names, byte[] years, PostingLists singles)
    {
        this.slots = slots;
        this.starts = starts;
        this.names = names;
        this.years = years;
        this.singles = singles;
    }

    public long MemoryBytes => (slots.Count * 24L) + ((starts.Length + (long)names.Length) * sizeof(int)) + years.Length + singles.MemoryBytes;

    /// <summary>A year of birth as one byte: 0 unknown, otherwise years since 1800 (clamped).</summary>
    public static byte YearCode(int year) => year <= 0 ? (byte)0 : (byte)Math.Clamp(year - 1800, 1, 255);

    public static PairIndex Build(int[] nameTokenStart, int[] nameTokens, byte[] nameYears, int vocabularySize)
    {
        var nameCount = nameTokenStart.Length - 1;
        long pairCount = 0;
        var singleCount = 0;
        for (var n = 0; n < nameCount; n++)
        {
            long k = Math.Min(nameTokenStart[n + 1] - nameTokenStart[n], 12);
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
            var to = Math.Min(nameTokenStart[n + 1], from + 12);
            if (to - from == 1)
            {
                singleTokens[single] = nameTokens[from];
                singleNames[single++] = n;
            }

            for (var i = from; i < to; i++)
            {
                for (var j = i + 1; j < to; j++)
                {
                    keys[at] = (Key(nameTokens[i], nameTokens[j]) << 8) | nameYears[n];
                    values[at++] = n;
                }
            }
        }

        Array.Sort(keys, values);
        var distinct = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            distinct += i == 0 || keys[i] >> 8 != keys[i - 1] >> 8 ? 1 : 0;
        }

        var slots = new Dictionary<ulong, int>(distinct);
        var starts = new int[distinct + 1];
        var years = new byte[keys.Length];
        var slot = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            years[i] = (byte)keys[i];
            if (i == 0 || keys[i] >> 8 != keys[i - 1] >> 8)
            {
                starts[++slot] = i;
                slots.Add(keys[i] >> 8, slot);
            }
        }

        starts[distinct] = keys.Length;
        return new PairIndex(slots, starts, values, years, PostingLists.Build(vocabularySize, singleTokens, singleNames));
    }

    /// <summary>The names holding both parts, as a range of <see cref="Names"/>/<see cref="Years"/>.</summary>
    public (int From, int To) Find(int a, int b) =>
        a != b && slots.TryGetValue(Key(a, b), out var slot) ? (starts[slot], starts[slot + 1]) : (0, 0);

    public ReadOnlySpan<int> Names => names;

    public ReadOnlySpan<byte> Years => years;

    /// <summary>Narrows a range found by <see cref="Find"/> to the names born in [from, to] (year codes).</summary>
    public (int From, int To) WithinYears((int From, int To) range, byte from, byte to) =>
        (LowerBound(range.From, range.To, from), LowerBound(range.From, range.To, (byte)Math.Min(255, to + 1)));

    /// <summary>Where the names of unknown year end within a range (they sort first).</summary>
    public int UnknownEnd((int From, int To) range) => LowerBound(range.From, range.To, 1);

    /// <summary>Names that consist of this one part only.</summary>
    public ReadOnlySpan<int> Alone(int token) => singles[token];

    private int LowerBound(int from, int to, int year)
    {
        while (from < to)
        {
            var middle = (from + to) >>> 1;
            if (years[middle] < year)
            {
                from = middle + 1;
            }
            else
            {
                to = middle;
            }
        }

        return from;
    }

    private static ulong Key(int a, int b) => a < b ? ((ulong)(uint)a << 28) | (uint)b : ((ulong)(uint)b << 28) | (uint)a;
}
