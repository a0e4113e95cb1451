namespace Timpora.Screening.Indexing;

/// <summary>
/// Per-thread working memory of a query, sized to the index once, so that a query allocates almost nothing.
/// Stamps instead of clearing: an array slot belongs to the current query only when its stamp is the epoch.
/// </summary>
internal sealed class QueryScratch
{
    public const int MaxQueryParts = 10;

    /// <summary>A memo row: the query parts, then the query's adjacent parts written together.</summary>
    public const int RowLength = 2 * MaxQueryParts;

    private int epoch;

    public QueryScratch(int nameCount)
    {
        Names = new NameSlot[nameCount];
    }

    public int Epoch => epoch;

    // The memo of part similarities: a small open-addressing table from list part to a row of its similarity
    // to each query part (then to each two adjacent query parts written together), -1 until computed. A
    // query meets a few hundred parts; a table this size stays in the processor's cache, where one row per
    // part of the whole list did not.
    private const int MemoBits = 11;
    private const int MemoSlots = 1 << MemoBits;
    private const int MemoRows = MemoSlots / 2;
    private readonly int[] memoToken = new int[MemoSlots];
    private readonly int[] memoRow = new int[MemoSlots];
    private readonly float[] memoValues = new float[MemoRows * RowLength];
    private int memoCount;

    /// <summary>Per list name, its pre-score in this query, valid when its stamp is the epoch. The two side by side:
    /// touching a candidate is one cache miss, not two.</summary>
    public NameSlot[] Names { get; }

    /// <summary>Per unit (a query part, or two adjacent parts written together): which query parts it covers.</summary>
    public List<ushort> UnitMasks { get; } = new(32);

    /// <summary>Pre-score credit of each expansion: its similarity times its rarity.</summary>
    public List<float> ExpansionCredits { get; } = new(256);

    public List<(int Token, float Similarity)> Similar { get; } = new(64);

    public List<int> Candidates { get; } = new(4096);

    public List<int> Neighbours { get; } = new(256);

    /// <summary>Names made of exactly the query's parts (or their closest spellings).</summary>
    public List<int> Whole { get; } = new(64);

    public List<int> Expansions { get; } = new(256);

    /// <summary>The query has no date of birth: its candidates are the first of each ring of twins (NameTwins).</summary>
    public bool WithoutDate { get; set; }

    /// <summary>Per ranked name of a query without a date of birth: the place of the twin whose comparison it shares, or -1.</summary>
    public List<int> SameAs { get; } = new(1024);

    public List<int> UnitStarts { get; } = new(32);

    /// <summary>Per query part, pairs of known parts it splits into (ABDULRAHMAN: ABDUL, RAHMAN).</summary>
    public List<int>[] Splits { get; } = [.. Enumerable.Range(0, MaxQueryParts).Select(_ => new List<int>(4))];

    /// <summary>Min-heap of the best-ranked candidates so far, by pre-score.</summary>
    public PriorityQueue<int, float> Heap { get; } = new(512);

    public void Begin()
    {
        if (epoch == int.MaxValue)
        {
            Array.Clear(Names);
            epoch = 0;
        }

        epoch++;
        ClearMemo();
        Candidates.Clear();
        Whole.Clear();
        Expansions.Clear();
        ExpansionCredits.Clear();
        UnitStarts.Clear();
        UnitMasks.Clear();
        foreach (var split in Splits)
        {
            split.Clear();
        }
    }

    /// <summary>The memo row of a list part, valid until the next call (a full table starts over).</summary>
    public Span<float> PairRow(int token)
    {
        if (memoCount == MemoRows)
        {
            ClearMemo();
        }

        var slot = (int)(((uint)token * 2654435769u) >> (32 - MemoBits));
        while (memoToken[slot] != -1)
        {
            if (memoToken[slot] == token)
            {
                return memoValues.AsSpan(memoRow[slot] * RowLength, RowLength);
            }

            slot = (slot + 1) & (MemoSlots - 1);
        }

        memoToken[slot] = token;
        memoRow[slot] = memoCount;
        var row = memoValues.AsSpan(memoCount++ * RowLength, RowLength);
        row.Fill(-1f);
        return row;
    }

    private void ClearMemo()
    {
        Array.Fill(memoToken, -1);
        memoCount = 0;
    }
}

internal struct NameSlot
{
    public int Stamp;
    public float Score;
}
