namespace Timpora.Screening.Indexing;

/// <summary>
/// Names by the whole set of their parts, in any order. The pairs find a name through two of its parts, but
/// when thousands of names hold both (MUHAMMAD and NABIL), the two-part MUHAMMAD NABIL is one of thousands and
/// may never be read. Here it is one probe away. A name's key is the sum of a fixed random number per part,
/// so a query can try combinations of its parts' closest spellings, one probe each, in any order.
/// </summary>
internal sealed class WholeNames
{
    private readonly ulong[] slotKeys;
    private readonly int[] slotFirst;
    private readonly int[] next;
    private readonly int mask;

    private WholeNames(ulong[] slotKeys, int[] slotFirst, int[] next)
    {
        this.slotKeys = slotKeys;
        this.slotFirst = slotFirst;
        this.next = next;
        mask = slotKeys.Length - 1;
    }

    /// <summary>What one part adds to a name's key (splitmix64 of the part's id: a sum of these rarely collides).</summary>
    public static ulong PartKey(int token)
    {
        var z = ((ulong)(uint)token + 1) * 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return (z ^ (z >> 31)) | 1;
    }

    public static WholeNames Build(int[] nameTokenStart, int[] nameTokens)
    {
        var nameCount = nameTokenStart.Length - 1;
        var size = 1 << Math.Max(4, (int)Math.Ceiling(Math.Log2(Math.Max(16, nameCount * 1.3))));
        var slotKeys = new ulong[size];
        var slotFirst = new int[size];
        var next = new int[nameCount];
        var mask = size - 1;

        // Names are added last to first, so that each key's chain lists its names in ascending order.
        for (var n = nameCount - 1; n >= 0; n--)
        {
            var key = 0UL;
            for (var t = nameTokenStart[n]; t < nameTokenStart[n + 1]; t++)
            {
                key += PartKey(nameTokens[t]);
            }

            var slot = (int)(key >> 11) & mask;
            while (slotKeys[slot] != 0 && slotKeys[slot] != key)
            {
                slot = (slot + 1) & mask;
            }

            next[n] = slotKeys[slot] == key ? slotFirst[slot] : -1;
            slotKeys[slot] = key;
            slotFirst[slot] = n;
        }

        return new WholeNames(slotKeys, slotFirst, next);
    }

    /// <summary>The first name with exactly these parts (a key made of <see cref="PartKey"/>s), or -1.</summary>
    public int First(ulong key)
    {
        var slot = (int)(key >> 11) & mask;
        while (slotKeys[slot] != 0)
        {
            if (slotKeys[slot] == key)
            {
                return slotFirst[slot];
            }

            slot = (slot + 1) & mask;
        }

        return -1;
    }

    /// <summary>The next name with the same parts, or -1.</summary>
    public int Next(int name) => next[name];
}
