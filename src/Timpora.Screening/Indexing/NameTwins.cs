using System.Runtime.InteropServices;

namespace Timpora.Screening.Indexing;

/// <summary>
/// Names that are the same parts in the same order (the three hundred NGUYEN THI HUONG of a million-entry list),
/// as a ring per name: <c>next[n]</c> is another name with n's parts, and n itself when there is none. A query
/// without a date of birth cannot tell such entries apart, so it looks for the first of each ring only and then
/// takes all of them, comparing the name once. <c>Later</c> marks, one bit a name, every name but the first of
/// its ring: 150 KB for a million names, which stays in the processor's cache while candidates are collected.
/// </summary>
internal static class NameTwins
{
    public static (int[] Next, ulong[] Later) Build(int[] nameTokenStart, int[] nameTokens)
    {
        var count = nameTokenStart.Length - 1;
        var next = new int[count];
        var later = new ulong[(count + 63) / 64];
        var first = new Dictionary<ulong, int>(count);
        for (var n = 0; n < count; n++)
        {
            next[n] = n;
            var tokens = nameTokens.AsSpan(nameTokenStart[n], nameTokenStart[n + 1] - nameTokenStart[n]);
            var key = 0UL;
            foreach (var token in tokens)
            {
                key = (key ^ WholeNames.PartKey(token)) * 0x100000001B3UL;
            }

            ref var head = ref CollectionsMarshal.GetValueRefOrAddDefault(first, key, out var seen);
            if (!seen)
            {
                head = n;
            }
            else if (tokens.SequenceEqual(nameTokens.AsSpan(nameTokenStart[head], nameTokenStart[head + 1] - nameTokenStart[head])))
            {
                // Into the ring after its first name. Two different names on one key (a rare collision) stay apart.
                next[n] = next[head];
                next[head] = n;
                later[n >> 6] |= 1UL << n;
            }
        }

        return (next, later);
    }

    public static bool IsLater(ulong[] later, int name) => (later[name >> 6] & (1UL << name)) != 0;
}
