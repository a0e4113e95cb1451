using System.Collections.Concurrent;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Matching;

/// <summary>
/// A person's name looked up by a few words, as a search box is used: every word of the query must be like one part
/// of the name (spellings, transliterations and initials as screening compares them, <see cref="TokenSimilarity"/>),
/// in any order, and two words may be one part written together or apart (ABDUL RAHMAN, ABDULRAHMAN). Unlike
/// screening, the name's other parts cost nothing to be found; they only rank a fuller match higher.
/// </summary>
public static class NameSearch
{
    /// <summary>A name's parts with what comparing them needs, found once.</summary>
    public sealed class Prepared
    {
        internal Prepared(IReadOnlyList<string> parts)
        {
            Parts = [.. parts.Take(QueryScratchLimit)];
            (Skeletons, Traits) = Describe(Parts);
            Joins = [.. Enumerable.Range(0, Math.Max(0, Parts.Length - 1)).Select(i => Parts[i] + Parts[i + 1])];
            (JoinSkeletons, JoinTraits) = Describe(Joins);
        }

        internal string[] Parts { get; }
        internal string[] Skeletons { get; }
        internal PartTraits[] Traits { get; }
        internal string[] Joins { get; }
        internal string[] JoinSkeletons { get; }
        internal PartTraits[] JoinTraits { get; }

        public bool IsEmpty => Parts.Length == 0;
    }

    private const int QueryScratchLimit = 10;

    private const double PrefixSimilarity = 0.88;

    // Two parts read as one must be nearly the same spelling: at the usual floor, MUHAMMADALI is like MOHAMED and
    // RAMOSANNA like RAHMAN, and a word of the query then seems found where it is not.
    private const double JoinFloor = 0.92;

    private static readonly HashSet<string> CompoundStarts = ["ABDUL", "ABDEL", "ABDUR", "ABDU", "ABD", "ABU", "NUR", "NURUD", "SAIFUD", "UL"];

    public static Prepared Prepare(string? name) => new(NameNormaliser.Normalise(name).Parts);

    // A register repeats its name parts (tens of thousands of people, a few thousand parts): each part's skeleton and
    // traits are found once per process. Bounded; past the bound parts are described anew each time.
    private const int MaxKnownParts = 200_000;

    private static readonly ConcurrentDictionary<string, (string Skeleton, PartTraits Traits)> KnownParts = new(StringComparer.Ordinal);

    private static (string[] Skeletons, PartTraits[] Traits) Describe(string[] parts)
    {
        var skeletons = new string[parts.Length];
        var traits = new PartTraits[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!KnownParts.TryGetValue(parts[i], out var known))
            {
                var skeleton = NameKeys.Skeleton(parts[i]);
                known = (skeleton, PartTraits.Of(parts[i], skeleton));
                if (KnownParts.Count < MaxKnownParts)
                {
                    KnownParts.TryAdd(parts[i], known);
                }
            }

            (skeletons[i], traits[i]) = known;
        }

        return (skeletons, traits);
    }

    /// <summary>0 when a word of the query is on no part of the name; else from about 0.76 to 1, higher when the words are
    /// closer spellings and when they cover more of the name.</summary>
    public static double Likeness(Prepared query, Prepared name)
    {
        if (query.IsEmpty || name.IsEmpty)
        {
            return 0;
        }

        Span<double> best = stackalloc double[query.Parts.Length];
        Span<bool> covered = stackalloc bool[name.Parts.Length];
        for (var i = 0; i < query.Parts.Length; i++)
        {
            best[i] = BestOf(query.Parts[i], query.Skeletons[i], query.Traits[i], name, covered);
        }

        // Two words of the query written together in the name (ABDUL RAHMAN for ABDULRAHMAN).
        for (var i = 0; i < query.Joins.Length; i++)
        {
            var joined = BestOf(query.Joins[i], query.JoinSkeletons[i], query.JoinTraits[i], name, covered, JoinFloor);
            best[i] = Math.Max(best[i], joined);
            best[i + 1] = Math.Max(best[i + 1], joined);
        }

        var sum = 0.0;
        foreach (var b in best)
        {
            if (b < TokenSimilarity.Floor)
            {
                return 0;
            }

            sum += b;
        }

        var coverage = 0;
        foreach (var c in covered)
        {
            coverage += c ? 1 : 0;
        }

        // Coverage only breaks near ties: the closeness of the spellings ranks first.
        return (sum / best.Length) * (0.97 + (0.03 * coverage / covered.Length));
    }

    private static double BestOf(string part, string skeleton, PartTraits traits, Prepared name, Span<bool> covered, double floor = 0)
    {
        var best = 0.0;
        for (var j = 0; j < name.Parts.Length; j++)
        {
            var s = TokenSimilarity.Compute(part, skeleton, traits, name.Parts[j], name.Skeletons[j], name.Traits[j], out _);
            var other = name.Parts[j];
            if (part.Length >= 2 && part.Length < other.Length && other.StartsWith(part, StringComparison.Ordinal))
            {
                // The beginning of a part, as a search box is typed (MCK for MCKENZIE): below the whole part.
                s = Math.Max(s, PrefixSimilarity);
            }
            else if (part.Length >= 3 && other.Length > part.Length && other.EndsWith(part, StringComparison.Ordinal)
                && CompoundStarts.Contains(other[..^part.Length]))
            {
                // The second half of a compound written as one part (RAHMAN in ABDULRAHMAN, DIN in NURUDDIN).
                s = Math.Max(s, PrefixSimilarity);
            }

            if (s < floor)
            {
                s = 0;
            }

            if (s > 0)
            {
                covered[j] = true;
                best = Math.Max(best, s);
            }
        }

        // One word of the query written apart in the name (ABDULRAHMAN for ABDUL RAHMAN).
        for (var j = 0; j < name.Joins.Length; j++)
        {
            var s = TokenSimilarity.Compute(part, skeleton, traits, name.Joins[j], name.JoinSkeletons[j], name.JoinTraits[j], out _);
            if (s >= JoinFloor)
            {
                covered[j] = covered[j + 1] = true;
                best = Math.Max(best, s);
            }
        }

        return best;
    }
}
