namespace Timpora.Screening.Indexing;

/// <summary>
/// Per-thread working memory of a query, sized to the index once, so that a query allocates almost nothing.
/// Stamps instead of clearing: an array slot belongs to the current query only when its stamp is the epoch.
/// </summary>
internal sealed class QueryScratch
{
    public const int MaxQueryParts = 10;

    private int epoch;

    public QueryScratch(int vocabularySize, int nameCount)
    {
        PairStamp = new int[vocabularySize];
        PairSimilarity = new float[vocabularySize * MaxQueryParts];
        NameStamp = new int[nameCount];
        NameScore = new float[nameCount];
    }

    public int Epoch => epoch;

    /// <summary>Memo of the similarity of query part i to token v at [v * MaxQueryParts + i], -1 when not yet computed.</summary>
    public int[] PairStamp { get; }

    public float[] PairSimilarity { get; }

    public int[] NameStamp { get; }

    /// <summary>Pre-score of a candidate name, valid when its <see cref="NameStamp"/> is the epoch.</summary>
    public float[] NameScore { get; }

    /// <summary>Per unit (a query part, or two adjacent parts written together): which query parts it covers.</summary>
    public List<ushort> UnitMasks { get; } = new(32);

    /// <summary>Pre-score credit of each expansion: its similarity times its rarity.</summary>
    public List<float> ExpansionCredits { get; } = new(256);

    public List<(int Token, float Similarity)> Similar { get; } = new(64);

    public List<int> Candidates { get; } = new(4096);

    public List<int> Neighbours { get; } = new(256);

    public List<int> Expansions { get; } = new(256);

    public List<int> UnitStarts { get; } = new(32);

    /// <summary>Per query part, pairs of known parts it splits into (ABDULRAHMAN: ABDUL, RAHMAN).</summary>
    public List<int>[] Splits { get; } = [.. Enumerable.Range(0, MaxQueryParts).Select(_ => new List<int>(4))];

    /// <summary>Min-heap of the best-ranked candidates so far, by pre-score.</summary>
    public PriorityQueue<int, float> Heap { get; } = new(512);

    public void Begin()
    {
        if (epoch == int.MaxValue)
        {
            Array.Clear(PairStamp);
            Array.Clear(NameStamp);
            epoch = 0;
        }

        epoch++;
        Candidates.Clear();
        Expansions.Clear();
        ExpansionCredits.Clear();
        UnitStarts.Clear();
        UnitMasks.Clear();
        foreach (var split in Splits)
        {
            split.Clear();
        }
    }

    public Span<float> PairRow(int token)
    {
        var row = PairSimilarity.AsSpan(token * MaxQueryParts, MaxQueryParts);
        if (PairStamp[token] != epoch)
        {
            PairStamp[token] = epoch;
            row.Fill(-1f);
        }

        return row;
    }
}
