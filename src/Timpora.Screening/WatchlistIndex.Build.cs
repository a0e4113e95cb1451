using Timpora.Screening.Indexing;
using Timpora.Screening.Matching;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening;

public sealed partial class WatchlistIndex
{
    private readonly WatchlistEntry[] entries;
    // What a candidate's score reads about its entry, side by side: one cache line per candidate, not five.
    private readonly EntryFacts[] facts;
    private readonly int[] entryNameStart;
    // Each entry's place in the ordinal order of the ids, which breaks ties between hits of equal score.
    private readonly int[] idOrder;
    private readonly int[] nameEntry;
    private readonly short[] nameAlias;
    private readonly int[] nameTokenStart;
    private readonly int[] nameTokens;
    private readonly int[] nameTwin;
    private readonly ulong[] laterTwin;
    private readonly TokenVocabulary vocabulary;
    private readonly PostingLists postings;
    private readonly PairIndex pairs;
    private readonly WholeNames wholeNames;
    private readonly PartsByBirthDate byBirthDate;
    private readonly Dictionary<string, int> documentFirst;
    private readonly int[] documentEntry;
    private readonly int[] documentNext;
    private readonly ThreadLocal<QueryScratch> scratches;

    private WatchlistIndex(WatchlistEntry[] entries, NormalisedName[][] names)
    {
        this.entries = entries;
        facts = new EntryFacts[entries.Length];
        idOrder = OrdinalOrder(entries);
        entryNameStart = new int[entries.Length + 1];
        var nameCount = 0;
        var tokenCount = 0;
        foreach (var entryNames in names)
        {
            foreach (var name in entryNames)
            {
                nameCount += name.Parts.Count > 0 ? 1 : 0;
                tokenCount += name.Parts.Count;
            }
        }

        nameEntry = new int[nameCount];
        nameAlias = new short[nameCount];
        nameTokenStart = new int[nameCount + 1];
        nameTokens = new int[tokenCount];
        var tokenName = new int[tokenCount];
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new List<string>();
        var documents = new List<(string Document, int Entry)>();
        int nameId = 0, tokenAt = 0;
        for (var e = 0; e < entries.Length; e++)
        {
            var entry = entries[e];
            facts[e] = new EntryFacts(
                entry.DateOfBirth?.Packed ?? 0,
                Evidence.PackNationality(entry.Nationality),
                entry.ValidFrom?.DayNumber ?? int.MinValue,
                entry.ValidUntil?.DayNumber ?? int.MaxValue,
                entry.Sex is { } sex ? (sbyte)sex : (sbyte)-1);
            entryNameStart[e] = nameId;
            for (var alias = 0; alias < names[e].Length; alias++)
            {
                var name = names[e][alias];
                if (name.Parts.Count == 0)
                {
                    continue;
                }

                nameEntry[nameId] = e;
                nameAlias[nameId] = (short)alias;
                nameTokenStart[nameId] = tokenAt;
                foreach (var part in name.Parts)
                {
                    if (!ids.TryGetValue(part, out var id))
                    {
                        id = tokens.Count;
                        ids.Add(part, id);
                        tokens.Add(part);
                    }

                    nameTokens[tokenAt] = id;
                    tokenName[tokenAt++] = nameId;
                }

                nameId++;
            }

            foreach (var document in entry.Documents ?? [])
            {
                var normalised = Evidence.NormaliseDocument(document);
                if (normalised.Length > 0)
                {
                    documents.Add((normalised, e));
                }
            }
        }

        entryNameStart[entries.Length] = nameId;
        nameTokenStart[nameCount] = tokenAt;
        vocabulary = TokenVocabulary.Create(tokens, ids);
        postings = PostingLists.Build(vocabulary.Count, nameTokens, tokenName);
        vocabulary.SetFrequencies(postings.LengthOf, Math.Max(nameCount, 2000));
        var nameYears = new byte[nameCount];
        var nameDates = new int[nameCount];
        for (var n = 0; n < nameCount; n++)
        {
            nameDates[n] = facts[nameEntry[n]].DateOfBirth;
            nameYears[n] = PairIndex.YearCode(nameDates[n] / 10000);
        }

        byBirthDate = PartsByBirthDate.Build(postings, nameDates);

        pairs = PairIndex.Build(nameTokenStart, nameTokens, nameYears, vocabulary.Count);
        wholeNames = WholeNames.Build(nameTokenStart, nameTokens);
        (nameTwin, laterTwin) = NameTwins.Build(nameTokenStart, nameTokens);
        documentFirst = new Dictionary<string, int>(documents.Count, StringComparer.Ordinal);
        documentEntry = new int[documents.Count];
        documentNext = new int[documents.Count];
        for (var d = 0; d < documents.Count; d++)
        {
            documentEntry[d] = documents[d].Entry;
            documentNext[d] = documentFirst.TryGetValue(documents[d].Document, out var previous) ? previous : -1;
            documentFirst[documents[d].Document] = d;
        }

        scratches = new ThreadLocal<QueryScratch>(() => new QueryScratch(nameEntry.Length));
    }

    /// <summary>Number of entries in the list.</summary>
    public int Count => entries.Length;

    /// <summary>
    /// The alert threshold for this list when the options set none: 0.80 up to 100,000 entries, then 0.085 more for
    /// each tenfold (0.885 at a million), at most 0.95. A score says how alike two names are; how probably the hit
    /// is the listed person also depends on how many namesakes the list holds, and on the evaluation set the
    /// threshold that keeps alert precision at 0.95 rises by that much per tenfold (ADR 0024).
    /// </summary>
    public double AlertThreshold => AlertThresholdFor(entries.Length);

    /// <summary>The alert threshold for a list of this many entries (see <see cref="AlertThreshold"/>).</summary>
    public static double AlertThresholdFor(int entryCount) => Math.Clamp(0.80 + (0.085 * Math.Log10(Math.Max(1, entryCount) / 100_000.0)), 0.80, 0.95);

    /// <summary>Distinct name parts across all names and aliases.</summary>
    public int DistinctNameParts => vocabulary.Count;

    public IReadOnlyList<WatchlistEntry> Entries => entries;

    /// <summary>
    /// Builds the in-memory index. Names are normalised in parallel; everything else is one pass into flat
    /// arrays. Entries are kept as given, so a hit can show the full record.
    /// </summary>
    public static WatchlistIndex Build(IEnumerable<WatchlistEntry> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var array = entries.ToArray();
        var names = new NormalisedName[array.Length][];
        Parallel.For(0, array.Length, e =>
        {
            var entry = array[e];
            var entryNames = new NormalisedName[1 + entry.Aliases.Count];
            entryNames[0] = NameNormaliser.Normalise(entry.Name);
            for (var a = 0; a < entry.Aliases.Count; a++)
            {
                entryNames[a + 1] = NameNormaliser.Normalise(entry.Aliases[a]);
            }

            names[e] = entryNames;
        });
        return new WatchlistIndex(array, names);
    }

    // Lists usually come sorted by id (the check is one pass); otherwise the ids are sorted once.
    private static int[] OrdinalOrder(WatchlistEntry[] entries)
    {
        var order = new int[entries.Length];
        var sorted = true;
        for (var e = 1; e < entries.Length && sorted; e++)
        {
            sorted = string.CompareOrdinal(entries[e - 1].Id, entries[e].Id) <= 0;
        }

        var byId = new int[entries.Length];
        for (var e = 0; e < entries.Length; e++)
        {
            byId[e] = e;
        }

        if (!sorted)
        {
            Array.Sort(entries.Select(e => e.Id).ToArray(), byId, StringComparer.Ordinal);
        }

        for (var rank = 0; rank < byId.Length; rank++)
        {
            order[byId[rank]] = rank;
        }

        return order;
    }

    private readonly record struct EntryFacts(int DateOfBirth, int Nationality, int ValidFrom, int ValidUntil, sbyte Sex)
    {
        public bool IsValidOn(int day) => day >= ValidFrom && day <= ValidUntil;
    }
}
