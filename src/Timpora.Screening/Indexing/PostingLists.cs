namespace Timpora.Screening.Indexing;

/// <summary>
/// Lists of integers per key in two flat arrays (compressed sparse rows): a million entries cost a few
/// arrays instead of millions of small lists, which keeps the index within memory and the GC quiet.
/// </summary>
internal sealed class PostingLists
{
    private readonly int[] starts;
    private readonly int[] values;

    private PostingLists(int[] starts, int[] values)
    {
        this.starts = starts;
        this.values = values;
    }

    public int KeyCount => starts.Length - 1;

    public long MemoryBytes => (starts.Length + (long)values.Length) * sizeof(int);

    public ReadOnlySpan<int> this[int key] => values.AsSpan(starts[key], starts[key + 1] - starts[key]);

    public int LengthOf(int key) => starts[key + 1] - starts[key];

    /// <summary>Reorders the values of every key by the comparison.</summary>
    public void SortEach(Comparison<int> comparison)
    {
        for (var k = 0; k < KeyCount; k++)
        {
            values.AsSpan(starts[k], starts[k + 1] - starts[k]).Sort(comparison);
        }
    }

    /// <summary>Groups values by key, keeping their order and dropping a value repeated right after itself.</summary>
    public static PostingLists Build(int keyCount, ReadOnlySpan<int> keys, ReadOnlySpan<int> keyValues)
    {
        var counts = new int[keyCount + 1];
        foreach (var key in keys)
        {
            counts[key + 1]++;
        }

        for (var k = 0; k < keyCount; k++)
        {
            counts[k + 1] += counts[k];
        }

        var slots = new int[keys.Length];
        var cursor = (int[])counts.Clone();
        var lastValue = new int[keyCount];
        Array.Fill(lastValue, -1);
        var kept = 0;
        for (var i = 0; i < keys.Length; i++)
        {
            var key = keys[i];
            if (lastValue[key] == keyValues[i])
            {
                continue;
            }

            lastValue[key] = keyValues[i];
            slots[cursor[key]++] = keyValues[i];
            kept++;
        }

        if (kept == keys.Length)
        {
            return new PostingLists(counts, slots);
        }

        var starts = new int[keyCount + 1];
        var compact = new int[kept];
        var write = 0;
        for (var k = 0; k < keyCount; k++)
        {
            starts[k] = write;
            for (var i = counts[k]; i < cursor[k]; i++)
            {
                compact[write++] = slots[i];
            }
        }

        starts[keyCount] = write;
        return new PostingLists(starts, compact);
    }
}
