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
    private readonly int[] partnerStarts;
    private readonly int[] partners;
    private readonly int[] partnerSlots;
    private readonly int[] starts;
    private readonly int[] names;
    private readonly byte[] years;
    private readonly PostingLists singles;

    private PairIndex(int[] partnerStarts, int[] partners, int[] partnerSlots, int[] starts, int[] names, byte[] years, PostingLists singles)
    {
        this.partnerStarts = partnerStarts;
        this.partners = partners;
        this.partnerSlots = partnerSlots;
        this.starts = starts;
        this.names = names;
        this.years = years;
        this.singles = singles;
    }

    public long MemoryBytes =>
        ((partnerStarts.Length + (2L * partners.Length) + starts.Length + names.Length) * sizeof(int)) + years.Length + singles.MemoryBytes;

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

        var starts = new int[distinct + 1];
        var years = new byte[keys.Length];
        var partnerStarts = new int[vocabularySize + 1];
        var slot = -1;
        for (var i = 0; i < keys.Length; i++)
        {
            years[i] = (byte)keys[i];
            if (i == 0 || keys[i] >> 8 != keys[i - 1] >> 8)
            {
                starts[++slot] = i;
                partnerStarts[Low(keys[i]) + 1]++;
                partnerStarts[High(keys[i]) + 1]++;
            }
        }

        starts[distinct] = keys.Length;
        for (var t = 0; t < vocabularySize; t++)
        {
            partnerStarts[t + 1] += partnerStarts[t];
        }

        // Slots come in order of (low, high) part, so each part's partners are filled in ascending order.
        var partners = new int[2 * distinct];
        var partnerSlots = new int[2 * distinct];
        var cursor = (int[])partnerStarts.Clone();
        for (slot = 0; slot < distinct; slot++)
        {
            var key = keys[starts[slot]];
            var (low, high) = (Low(key), High(key));
            partners[cursor[low]] = high;
            partnerSlots[cursor[low]++] = slot;
            partners[cursor[high]] = low;
            partnerSlots[cursor[high]++] = slot;
        }

        return new PairIndex(
            partnerStarts, partners, partnerSlots, starts, values, years, PostingLists.Build(vocabularySize, singleTokens, singleNames));
    }

    /// <summary>
    /// The names holding both parts (or, for a == b, the part twice: SAID BASSAM SAID), as a range of
    /// <see cref="Names"/>/<see cref="Years"/>. The look-up reads the shorter of the two parts' sorted partner
    /// lists; a query probes one part against many, so that list stays in cache (a hash table of all pairs cost
    /// a cache miss per probe, most of a query's time).
    /// </summary>
    public (int From, int To) Find(int a, int b)
    {
        var (fromA, toA) = (partnerStarts[a], partnerStarts[a + 1]);
        var (fromB, toB) = (partnerStarts[b], partnerStarts[b + 1]);
        if (toB - fromB < toA - fromA)
        {
            (fromA, toA, b) = (fromB, toB, a);
        }

        var at = Search(fromA, toA, b);
        if (at < 0)
        {
            return (0, 0);
        }

        var slot = partnerSlots[at];
        return (starts[slot], starts[slot + 1]);
    }

    // Without a branch on the comparison (a conditional move instead): which half holds the partner is a coin
    // toss the processor cannot predict, and each wrong guess cost more than the read.
    private int Search(int from, int to, int partner)
    {
        var length = to - from;
        if (length == 0)
        {
            return -1;
        }

        while (length > 1)
        {
            var half = length >>> 1;
            from = partners[from + half - 1] < partner ? from + half : from;
            length -= half;
        }

        return partners[from] == partner ? from : -1;
    }

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
        var length = to - from;
        if (length == 0)
        {
            return from;
        }

        while (length > 1)
        {
            var half = length >>> 1;
            from = years[from + half - 1] < year ? from + half : from;
            length -= half;
        }

        return years[from] < year ? from + 1 : from;
    }

    private static ulong Key(int a, int b) => a < b ? ((ulong)(uint)a << 28) | (uint)b : ((ulong)(uint)b << 28) | (uint)a;

    private static int Low(ulong key) => (int)(key >> 36);

    private static int High(ulong key) => (int)((key >> 8) & ((1UL << 28) - 1));
}
