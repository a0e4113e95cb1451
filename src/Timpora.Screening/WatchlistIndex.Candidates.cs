using Timpora.Screening.Indexing;
using Timpora.Screening.Matching;

namespace Timpora.Screening;

/// <summary>
/// Candidate retrieval. Each query part (and each two adjacent parts written together) becomes a unit with
/// its closest list parts; candidates are the names holding parts of two units (from the pair index), so a
/// query touches a few hundred names instead of every NGUYEN. Pairs as common as NGUYEN VAN are read only
/// for the years around the query's date of birth (without one, their first few thousand names), and the
/// names made of exactly the query's parts are looked up whole.
/// </summary>
public sealed partial class WatchlistIndex
{
    // Pair lists longer than this are narrowed by year of birth, or cut at MaxNamesFromPair without one.
    private const int CommonPair = 256;

    // A name made solely of the most common parts still reads no more than this from one pair. A long query has
    // many pairs of parts and the listed person shares several of them, so each pair reads less: this many names
    // from all pairs together, at least MinNamesFromPair from each (ABDUL MUHAMMAD in a name of seven parts).
    private const int MaxNamesFromPair = 4_000;
    private const int NamesFromPairsTogether = 12_000;
    private const int MinNamesFromPair = 1_000;

    private const float PruneShare = 0.25f;

    // Entries bearing a ranked name letter for letter, taken beside it when the query has no date of birth, at most.
    private const int MaxTwins = 1_000;

    // Marks a name already in the ranked list (its pre-score is not read again once ranked).
    private const float Taken = float.MinValue;

    // What each part more or fewer than the query's takes from a candidate's rank (not from its score).
    private const float PartGapPenalty = 0.02f;
    private const int MaxPartsApart = 3;
    private const float MaxPartGap = PartGapPenalty * MaxPartsApart;

    // A name of this many parts or more (see ScreeningOptions.MaxScoredCandidatesLongNameWithoutDate).
    private const int LongName = 4;

    // Names of exactly the query's parts compared beside the ranked candidates, at most.
    private const int MaxWholeNames = 64;

    // Parts held by at most this many names are read whole.
    private const int RarePart = 48;

    // Sets the expansions tried per unit (its square root per pair of units); as only pairs of ranks adding up to
    // less than that are tried, a query spends about half of it.
    private const int LookupBudget = 400;

    // Spellings of each query part looked up with the date of birth, and what the agreeing date adds.
    private const int SameDateExpansions = 4;
    private const float SameDateCredit = 0.5f;

    private void CollectUnits(PreparedQuery query, QueryScratch scratch)
    {
        var n = Math.Min(query.Parts.Length, QueryScratch.MaxQueryParts);
        for (var i = 0; i < n; i++)
        {
            if (query.Parts[i].Length > 1)
            {
                AddUnit(query.Parts[i], query.Skeletons[i], (ushort)(1 << i), scratch, singlePart: true);
                AddSplits(query.Parts[i], scratch.Splits[i]);
            }
        }

        for (var i = 0; i + 1 < n; i++)
        {
            if (query.Parts[i].Length > 1 && query.Parts[i + 1].Length > 1)
            {
                AddUnit(query.Joins[i], query.JoinSkeletons[i], (ushort)(3 << i), scratch, singlePart: false);
            }
        }

        scratch.UnitStarts.Add(scratch.Expansions.Count);
    }

    private void AddUnit(string part, string skeleton, ushort mask, QueryScratch scratch, bool singlePart)
    {
        var start = scratch.Expansions.Count;
        var exact = vocabulary.Find(part);
        if (exact >= 0)
        {
            Add(exact, 1f);
            var tokens = vocabulary.NeighbourTokens(exact);
            var similarities = vocabulary.NeighbourSimilarities(exact);
            for (var k = 0; k < tokens.Length; k++)
            {
                Add(tokens[k], similarities[k]);
            }
        }
        else
        {
            scratch.Similar.Clear();
            vocabulary.FindSimilar(part, skeleton, singlePart, scratch.Neighbours, scratch.Similar);
            var direct = scratch.Similar.Count;

            // A misspelt part (MRHAMMED) reaches the spellings of its closest part (MOHAMMED: MUHAMMAD...).
            for (var d = 0; d < Math.Min(2, direct); d++)
            {
                var (closest, first) = scratch.Similar[d];
                var tokens = vocabulary.NeighbourTokens(closest);
                var similarities = vocabulary.NeighbourSimilarities(closest);
                for (var k = 0; k < tokens.Length; k++)
                {
                    var similarity = first * similarities[k];
                    if (similarity >= TokenSimilarity.Floor && !Holds(scratch.Similar, tokens[k]))
                    {
                        scratch.Similar.Add((tokens[k], similarity));
                    }
                }
            }

            // In the order the neighbours themselves are kept (common spellings first), not by closeness alone.
            vocabulary.SortBestFirst(scratch.Similar);
            foreach (var (token, similarity) in scratch.Similar)
            {
                Add(token, similarity);
            }
        }

        // MAHMOUDABDULAH: two parts written as one, the second misspelt. A known first or last part of it
        // finds the name through the other query parts; the comparison then matches the whole.
        if (singlePart && part.Length >= 7)
        {
            for (var at = 3; at <= part.Length - 3; at++)
            {
                var left = vocabulary.Find(part.AsSpan(0, at));
                var right = vocabulary.Find(part.AsSpan(at));
                if (left >= 0 && at >= 4)
                {
                    Add(left, 0.8f);
                }

                if (right >= 0 && part.Length - at >= 4)
                {
                    Add(right, 0.8f);
                }
            }
        }

        if (scratch.Expansions.Count > start)
        {
            scratch.UnitStarts.Add(start);
            scratch.UnitMasks.Add(mask);
        }

        void Add(int token, float similarity)
        {
            scratch.Expansions.Add(token);
            scratch.ExpansionCredits.Add(similarity * vocabulary.Weights[token] * (mask > 1 && (mask & (mask - 1)) != 0 ? 1.6f : 1f));
        }
    }

    // ABDULRAHMAN in the query, ABDUL RAHMAN on the list: both halves must be known parts.
    private void AddSplits(string part, List<int> splits)
    {
        for (var at = 2; part.Length >= 5 && at <= part.Length - 2; at++)
        {
            var left = vocabulary.Find(part.AsSpan(0, at));
            var right = left < 0 ? -1 : vocabulary.Find(part.AsSpan(at));
            if (right >= 0)
            {
                splits.Add(left);
                splits.Add(right);
            }
        }
    }

    private void Traverse(PreparedQuery query, QueryScratch scratch, int queryYear)
    {
        var units = scratch.UnitMasks.Count;
        var unitPairs = 0;
        for (var u = 0; u < units; u++)
        {
            for (var v = u + 1; v < units; v++)
            {
                unitPairs += (scratch.UnitMasks[u] & scratch.UnitMasks[v]) == 0 ? 1 : 0;
            }
        }

        var perUnit = Math.Clamp((int)Math.Sqrt(LookupBudget / (double)Math.Max(1, unitPairs)), 3, TokenVocabulary.MaxNeighbours + 1);
        var fromPair = Math.Clamp(NamesFromPairsTogether / Math.Max(1, unitPairs), MinNamesFromPair, MaxNamesFromPair);
        var year = (byte)(queryYear > 0 ? PairIndex.YearCode(queryYear) : 0);
        for (var u = 0; u < units; u++)
        {
            var (fromU, toU) = Unit(scratch, u, perUnit);
            for (var x = fromU; x < toU; x++)
            {
                var a = scratch.Expansions[x];
                CollectAlone(scratch, pairs.Alone(a), 2 * scratch.ExpansionCredits[x]);
                for (var v = u + 1; v < units; v++)
                {
                    if ((scratch.UnitMasks[u] & scratch.UnitMasks[v]) != 0)
                    {
                        continue;
                    }

                    // Two far spellings together rarely make a hit: only pairs whose ranks add up to less than
                    // perUnit are tried (the part as written with all its spellings, the next with one fewer...).
                    var (fromV, toV) = Unit(scratch, v, perUnit - (x - fromU));
                    for (var y = fromV; y < toV; y++)
                    {
                        var credit = scratch.ExpansionCredits[x] + scratch.ExpansionCredits[y];
                        CollectPair(scratch, pairs.Find(a, scratch.Expansions[y]), credit, year, fromPair);
                    }
                }
            }
        }

        // A rare part found as it is (or nearly) brings its few names even when the other query parts are
        // misspelt beyond what the neighbours reach (LOUWAKMEI for OLUWAKEMI beside an exact OKEKWUGBELU).
        for (var u = 0; u < units; u++)
        {
            var (from, to) = Unit(scratch, u, 2);
            for (var x = from; x < to; x++)
            {
                var names = postings[scratch.Expansions[x]];
                if (names.Length <= RarePart && scratch.ExpansionCredits[x] >= 0.6f * vocabulary.Weights[scratch.Expansions[x]])
                {
                    foreach (var name in names)
                    {
                        Touch(scratch, name, scratch.ExpansionCredits[x]);
                    }
                }
            }
        }

        var n = Math.Min(query.Parts.Length, QueryScratch.MaxQueryParts);
        for (var i = 0; i < n; i++)
        {
            var splits = scratch.Splits[i];
            for (var s = 0; s + 1 < splits.Count; s += 2)
            {
                var credit = 0.9f * (vocabulary.Weights[splits[s]] + vocabulary.Weights[splits[s + 1]]);
                CollectPair(scratch, pairs.Find(splits[s], splits[s + 1]), credit, year, MaxNamesFromPair);
            }
        }
    }

    // Names made of exactly the query's parts, each as written or one of its closest spellings, in any order:
    // compared in full whatever their pre-score (MUHAMMAD NABIL among thousands of names holding both parts).
    private void CollectWholeNames(PreparedQuery query, QueryScratch scratch)
    {
        var n = Math.Min(query.Parts.Length, QueryScratch.MaxQueryParts);
        if (n < 2)
        {
            return;
        }

        // Each part's first few expansions, tried in every combination (an odometer over the parts).
        var perPart = n switch { 2 => 4, <= 5 => 2, _ => 1 };
        Span<int> from = stackalloc int[n];
        Span<int> to = stackalloc int[n];
        Span<int> at = stackalloc int[n];
        for (var i = 0; i < n; i++)
        {
            var unit = scratch.UnitMasks.IndexOf((ushort)(1 << i));
            if (unit < 0)
            {
                return;
            }

            (from[i], to[i]) = Unit(scratch, unit, perPart);
            at[i] = from[i];
        }

        while (scratch.Whole.Count < MaxWholeNames)
        {
            var key = 0UL;
            for (var i = 0; i < n; i++)
            {
                key += WholeNames.PartKey(scratch.Expansions[at[i]]);
            }

            for (var name = wholeNames.First(key); name >= 0 && scratch.Whole.Count < MaxWholeNames; name = wholeNames.Next(name))
            {
                if (!scratch.WithoutDate || !NameTwins.IsLater(laterTwin, name))
                {
                    scratch.Whole.Add(name);
                }
            }

            var digit = 0;
            while (digit < n && ++at[digit] == to[digit])
            {
                at[digit] = from[digit++];
            }

            if (digit == n)
            {
                return;
            }
        }
    }

    // Names sharing one part (or one of its closest spellings) and the date of birth, or its year and month
    // where that is all the list holds. The agreeing date counts like a second shared part.
    private void CollectSameBirthDate(QueryScratch scratch, PartialDate born)
    {
        var units = scratch.UnitMasks.Count;
        for (var u = 0; u < units; u++)
        {
            var (from, to) = Unit(scratch, u, SameDateExpansions);
            for (var x = from; x < to; x++)
            {
                var credit = scratch.ExpansionCredits[x] + SameDateCredit;
                foreach (var date in (ReadOnlySpan<int>)[born.Packed, PartialDate.Of(born.Year, born.Month).Packed])
                {
                    var (first, last) = byBirthDate.Find(scratch.Expansions[x], date);
                    for (var i = first; i < last; i++)
                    {
                        Touch(scratch, byBirthDate.Names[i], credit);
                    }
                }
            }
        }
    }

    private static (int From, int To) Unit(QueryScratch scratch, int unit, int perUnit)
    {
        var from = scratch.UnitStarts[unit];
        return (from, Math.Min(scratch.UnitStarts[unit + 1], from + perUnit));
    }

    private void CollectAlone(QueryScratch scratch, ReadOnlySpan<int> names, float credit)
    {
        foreach (var name in names)
        {
            Touch(scratch, name, credit);
        }
    }

    private void CollectPair(QueryScratch scratch, (int From, int To) range, float credit, byte year, int fromPair)
    {
        var length = range.To - range.From;
        if (length == 0)
        {
            return;
        }

        if (length <= CommonPair)
        {
            CollectRange(scratch, range.From, range.To, credit, year);
        }
        else if (year != 0)
        {
            CollectRange(scratch, range.From, pairs.UnknownEnd(range), credit, year);
            var (from, to) = pairs.WithinYears(range, (byte)(year - 1), (byte)(year + 1));
            CollectRange(scratch, from, to, credit, year);
        }
        else
        {
            CollectRange(scratch, range.From, Math.Min(range.To, range.From + fromPair), credit, year);
        }
    }

    private void CollectRange(QueryScratch scratch, int from, int to, float credit, byte year)
    {
        var names = pairs.Names;
        var years = pairs.Years;
        for (var i = from; i < to; i++)
        {
            var listed = years[i];
            var name = names[i];
            if (scratch.WithoutDate && NameTwins.IsLater(laterTwin, name))
            {
                continue;
            }

            ref var slot = ref scratch.Names[name];
            if (slot.Stamp == scratch.Epoch)
            {
                slot.Score += credit;
                continue;
            }

            slot.Stamp = scratch.Epoch;
            slot.Score = credit + (year == 0 || listed == 0 ? 0f : Math.Abs(listed - year) <= 1 ? 0.5f : -0.5f);
            scratch.Candidates.Add(name);
        }
    }

    // Without a date of birth a name's twins are not candidates of their own: they come with it (WithTwins).
    private void Touch(QueryScratch scratch, int name, float credit)
    {
        if (scratch.WithoutDate && NameTwins.IsLater(laterTwin, name))
        {
            return;
        }

        ref var slot = ref scratch.Names[name];
        if (slot.Stamp == scratch.Epoch)
        {
            slot.Score += credit;
            return;
        }

        slot.Stamp = scratch.Epoch;
        slot.Score = credit;
        scratch.Candidates.Add(name);
    }

    private List<int> Rank(QueryScratch scratch, ScreeningOptions options, int queryParts)
    {
        var limit = !scratch.WithoutDate ? options.MaxScoredCandidates
            : queryParts >= LongName ? options.MaxScoredCandidatesLongNameWithoutDate : options.MaxScoredCandidatesWithoutDate;
        var ranked = scratch.Candidates.Count <= limit ? Pruned(scratch, queryParts) : Best(scratch, limit, queryParts);
        foreach (var name in scratch.Whole)
        {
            if (!ranked.Contains(name))
            {
                ranked.Add(name);
            }
        }

        return ranked;
    }

    // Without a date of birth, the entries that bear a ranked name letter for letter cannot be told from it: all of
    // them are taken, each right after the first of its ring in the list (sameAs[k] is that one's place, whose
    // name comparison it shares; -1 for a name of its own), at most MaxTwins in all.
    private List<int> WithTwins(List<int> ranked, QueryScratch scratch)
    {
        var epoch = scratch.Epoch;
        foreach (var name in ranked)
        {
            ref var slot = ref scratch.Names[name];
            (slot.Stamp, slot.Score) = (epoch, Taken);
        }

        var sameAs = scratch.SameAs;
        sameAs.Clear();
        var all = new List<int>(ranked.Count * 2);
        var twins = 0;
        foreach (var name in ranked)
        {
            var at = all.Count;
            all.Add(name);
            sameAs.Add(-1);
            for (var twin = nameTwin[name]; twin != name && twins < MaxTwins; twin = nameTwin[twin])
            {
                ref var slot = ref scratch.Names[twin];
                if (slot.Stamp != epoch || slot.Score != Taken)
                {
                    (slot.Stamp, slot.Score) = (epoch, Taken);
                    all.Add(twin);
                    sameAs.Add(at);
                    twins++;
                }
            }
        }

        ranked.Clear();
        ranked.AddRange(all);
        return sameAs;
    }

    // Few enough candidates to compare them all, less those far below the best: no ranking needed.
    private List<int> Pruned(QueryScratch scratch, int queryParts)
    {
        // The best rank with the part-count gap, read only for names whose pre-score alone could make it the best
        // (the gap takes at most MaxPartGap): reading a name's part count is a cache miss.
        var highest = 0f;
        foreach (var name in scratch.Candidates)
        {
            highest = Math.Max(highest, scratch.Names[name].Score);
        }

        var best = 0f;
        foreach (var name in scratch.Candidates)
        {
            var score = scratch.Names[name].Score;
            if (score >= highest - MaxPartGap && score > best)
            {
                best = Math.Max(best, score - PartCountGap(name, queryParts));
            }
        }

        var ranked = new List<int>(scratch.Candidates.Count + scratch.Whole.Count);
        foreach (var name in scratch.Candidates)
        {
            if (scratch.Names[name].Score >= PruneShare * best)
            {
                ranked.Add(name);
            }
        }

        return ranked;
    }

    private List<int> Best(QueryScratch scratch, int limit, int queryParts)
    {
        var heap = scratch.Heap;
        heap.Clear();
        foreach (var name in scratch.Candidates)
        {
            var score = scratch.Names[name].Score;
            if (heap.Count < limit)
            {
                heap.Enqueue(name, score - PartCountGap(name, queryParts));
            }
            // The part count is read only for a name whose pre-score alone could enter (the gap only lowers it).
            else if (heap.TryPeek(out _, out var lowest) && score >= lowest && score - PartCountGap(name, queryParts) > lowest)
            {
                heap.DequeueEnqueue(name, score - PartCountGap(name, queryParts));
            }
        }

        var ranked = new List<int>(heap.Count);
        var best = 0f;
        while (heap.TryDequeue(out var name, out var score))
        {
            ranked.Add(name);
            best = Math.Max(best, score);
        }

        // Names that share far less with the query than the best candidate are namesakes; not comparing them
        // in full is most of the time a query saves.
        ranked.Reverse();
        var keep = ranked.FindLastIndex(name => scratch.Names[name].Score >= PruneShare * best);
        ranked.RemoveRange(keep + 1, ranked.Count - keep - 1);
        return ranked;
    }

    // Among names sharing the same parts with the query (thousands hold both MUHAMMAD and NABIL), the ones with as
    // many parts as the query come first: MUHAMMAD NABIL before MUHAMMAD NABIL MUHAMMAD AL-BAGHDADI.
    private float PartCountGap(int name, int queryParts) =>
        PartGapPenalty * Math.Min(MaxPartsApart, Math.Abs(nameTokenStart[name + 1] - nameTokenStart[name] - queryParts));

    private static bool Holds(List<(int Token, float Similarity)> list, int token)
    {
        foreach (var item in list)
        {
            if (item.Token == token)
            {
                return true;
            }
        }

        return false;
    }
}
