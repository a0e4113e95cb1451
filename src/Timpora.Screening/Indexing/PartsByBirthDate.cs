namespace Timpora.Screening.Indexing;

/// <summary>
/// The names holding each part, ordered by date of birth: a query with a full date finds every name that
/// shares one part with it and was born that day (or in that month, when the list knows no more), however
/// the other parts are written. Namesakes rarely share a date, so this block is small and precise; it finds
/// the names whose other parts are too far gone for the pairs (MWALI for MWANGI, ZU for ZOU).
/// </summary>
internal sealed class PartsByBirthDate
{
    private readonly int[] starts;
    private readonly int[] names;
    private readonly int[] dates;

    private PartsByBirthDate(int[] starts, int[] names, int[] dates)
    {
        this.starts = starts;
        this.names = names;
        this.dates = dates;
    }

    public long MemoryBytes => (starts.Length + (2L * names.Length)) * sizeof(int);

    public ReadOnlySpan<int> Names => names;

    /// <param name="postings">The names of each part.</param>
    /// <param name="nameDates">Each name's date of birth, packed (0 unknown).</param>
    public static PartsByBirthDate Build(PostingLists postings, int[] nameDates)
    {
        var starts = new int[postings.KeyCount + 1];
        for (var t = 0; t < postings.KeyCount; t++)
        {
            starts[t + 1] = starts[t] + postings.LengthOf(t);
        }

        var names = new int[starts[^1]];
        var dates = new int[names.Length];
        for (var t = 0; t < postings.KeyCount; t++)
        {
            var slice = names.AsSpan(starts[t], starts[t + 1] - starts[t]);
            postings[t].CopyTo(slice);
            var keys = dates.AsSpan(starts[t], slice.Length);
            for (var i = 0; i < slice.Length; i++)
            {
                keys[i] = nameDates[slice[i]];
            }

            keys.Sort(slice);
        }

        return new PartsByBirthDate(starts, names, dates);
    }

    /// <summary>The names holding the part whose packed date of birth is exactly <paramref name="date"/>, as a range of <see cref="Names"/>.</summary>
    public (int From, int To) Find(int token, int date)
    {
        var from = LowerBound(starts[token], starts[token + 1], date);
        return (from, LowerBound(from, starts[token + 1], date + 1));
    }

    private int LowerBound(int from, int to, int date)
    {
        while (from < to)
        {
            var middle = (from + to) >>> 1;
            if (dates[middle] < date)
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
}
