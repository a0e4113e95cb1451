using System.Text;
using Timpora.Screening.Indexing;
using Timpora.Screening.Matching;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening;

/// <summary>
/// The watchlist in memory, built once and then screened against from any number of threads. A query finds
/// candidates through the parts of its name (the same part, a spelling variant, one typo away, parts
/// written together or apart), ranks them cheaply, and compares only the best few hundred in full.
/// </summary>
public sealed partial class WatchlistIndex
{
    // A query never walks more postings than this; only a name made solely of the most common parts gets near it.
    private const int MaxTouchedNames = 250_000;

    private const int MaxPhoneticGroupScan = 200;

    public IReadOnlyList<ScreeningHit> Screen(ScreeningQuery query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= ScreeningOptions.Default;
        var scratch = scratches.Value!;
        scratch.Begin();
        var prepared = new PreparedQuery(NameNormaliser.Normalise(query.Name));
        var today = (query.AsOf ?? DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime)).DayNumber;
        var queryDateOfBirth = query.DateOfBirth?.Packed ?? 0;

        CollectUnits(prepared, scratch);
        Traverse(prepared, scratch);
        var ranked = Rank(prepared, scratch, options, today, queryDateOfBirth);
        var documentEntries = FindDocument(query.Document, today);

        var hits = new List<ScreeningHit>();
        var queryNationality = Evidence.PackNationality(query.Nationality);
        var querySex = query.Sex is { } sex ? (sbyte)sex : (sbyte)-1;
        foreach (var name in ranked)
        {
            var entry = nameEntry[name];
            var documentMatch = documentEntries.Contains(entry);
            var score = Score(prepared, name, queryDateOfBirth, queryNationality, querySex, documentMatch, scratch, null);
            if (score >= options.ReviewThreshold)
            {
                AddBest(hits, prepared, name, score, options, queryDateOfBirth, queryNationality, querySex, documentMatch, scratch);
            }
        }

        foreach (var entry in documentEntries)
        {
            for (var name = entryNameStart[entry]; name < entryNameStart[entry + 1]; name++)
            {
                AddBest(hits, prepared, name, 1.0, options, queryDateOfBirth, queryNationality, querySex, true, scratch);
            }
        }

        hits.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : string.CompareOrdinal(a.Entry.Id, b.Entry.Id));
        return hits.Count > options.MaxHits ? hits.GetRange(0, options.MaxHits) : hits;
    }

    private void CollectUnits(PreparedQuery query, QueryScratch scratch)
    {
        var n = Math.Min(query.Parts.Length, QueryScratch.MaxQueryParts);
        for (var i = 0; i < n; i++)
        {
            scratch.UnitStarts.Add(scratch.Expansions.Count);
            if (query.Parts[i].Length > 1)
            {
                Expand(query.Parts[i], query.Skeletons[i], scratch, phonetic: true, credit: 1f);
                AddSplits(query.Parts[i], scratch.Splits[i], scratch);
            }
        }

        for (var i = 0; i + 1 < n; i++)
        {
            scratch.UnitStarts.Add(scratch.Expansions.Count);
            if (query.Parts[i].Length > 1 && query.Parts[i + 1].Length > 1)
            {
                Expand(query.Joins[i], query.JoinSkeletons[i], scratch, phonetic: false, credit: 2f);
            }
        }

        scratch.UnitStarts.Add(scratch.Expansions.Count);
    }

    // Credit is what a found token adds to the pre-score: a token matching two query parts written
    // together stands for both.
    private void Expand(string part, string skeleton, QueryScratch scratch, bool phonetic, float credit)
    {
        var exact = vocabulary.Find(part);
        if (exact >= 0)
        {
            scratch.MarkToken(exact, credit);
            scratch.Expansions.Add(exact);
        }

        scratch.Neighbours.Clear();
        if (part.Length >= 6 && (part.StartsWith("AL", StringComparison.Ordinal) || part.StartsWith("EL", StringComparison.Ordinal)))
        {
            var withoutArticle = vocabulary.Find(part.AsSpan(2));
            if (withoutArticle >= 0)
            {
                scratch.Neighbours.Add(withoutArticle);
            }
        }

        vocabulary.CollectNeighbours(skeleton, scratch.Neighbours);
        if (phonetic)
        {
            var group = vocabulary.SamePhonetic(skeleton);
            for (var g = 0; g < group.Length && g < MaxPhoneticGroupScan; g++)
            {
                scratch.Neighbours.Add(group[g]);
            }
        }

        foreach (var token in scratch.Neighbours)
        {
            if (token == exact || scratch.BestFor(token) >= 1f)
            {
                continue;
            }

            var similarity = TokenSimilarity.Compute(part, skeleton, vocabulary.Tokens[token], vocabulary.Skeletons[token], out _);
            if (similarity >= TokenSimilarity.Floor)
            {
                if (scratch.BestFor(token) == 0f)
                {
                    scratch.Expansions.Add(token);
                }

                scratch.MarkToken(token, (float)similarity * credit);
            }
        }
    }

    // ABDULRAHMAN in the query, ABDUL RAHMAN on the list: both halves must be known parts.
    private void AddSplits(string part, List<int> splits, QueryScratch scratch)
    {
        for (var at = 3; part.Length >= 7 && at <= part.Length - 3; at++)
        {
            var left = vocabulary.Find(part.AsSpan(0, at));
            var right = left < 0 ? -1 : vocabulary.Find(part.AsSpan(at));
            if (right >= 0)
            {
                scratch.MarkToken(left, 0.9f);
                scratch.MarkToken(right, 0.9f);
                splits.Add(left);
                splits.Add(right);
            }
        }
    }

    // Candidates share at least two parts with the query (a pair of parts, a part written as two, or two
    // written as one) or are single-part names sharing that part: nothing else can reach review.
    private void Traverse(PreparedQuery query, QueryScratch scratch)
    {
        var n = Math.Min(query.Parts.Length, QueryScratch.MaxQueryParts);
        for (var i = 0; i < n; i++)
        {
            var (fromI, toI) = Unit(scratch, i);
            for (var x = fromI; x < toI; x++)
            {
                var a = scratch.Expansions[x];
                Collect(scratch, pairs.Alone(a));
                for (var j = i + 1; j < n; j++)
                {
                    var (fromJ, toJ) = Unit(scratch, j);
                    for (var y = fromJ; y < toJ; y++)
                    {
                        Collect(scratch, pairs.Find(a, scratch.Expansions[y]));
                    }
                }
            }

            for (var s = 0; s + 1 < scratch.Splits[i].Count; s += 2)
            {
                Collect(scratch, pairs.Find(scratch.Splits[i][s], scratch.Splits[i][s + 1]));
            }
        }

        for (var u = n; u + 1 < scratch.UnitStarts.Count; u++)
        {
            var (from, to) = Unit(scratch, u);
            for (var x = from; x < to; x++)
            {
                Collect(scratch, postings[scratch.Expansions[x]]);
            }
        }
    }

    private static (int From, int To) Unit(QueryScratch scratch, int unit) => (scratch.UnitStarts[unit], scratch.UnitStarts[unit + 1]);

    private static void Collect(QueryScratch scratch, ReadOnlySpan<int> names)
    {
        var stamp = scratch.Epoch;
        var stamps = scratch.NameStamp;
        var candidates = scratch.Candidates;
        if (candidates.Count >= MaxTouchedNames)
        {
            return;
        }

        foreach (var name in names)
        {
            if (stamps[name] != stamp)
            {
                stamps[name] = stamp;
                candidates.Add(name);
            }
        }
    }

    private List<int> Rank(PreparedQuery query, QueryScratch scratch, ScreeningOptions options, int today, int queryDateOfBirth)
    {
        var heap = scratch.Heap;
        heap.Clear();
        var minimum = 0.45f * Math.Max(1, query.StrongCount);
        foreach (var name in scratch.Candidates)
        {
            var entry = nameEntry[name];
            if (today < entryValidFrom[entry] || today > entryValidUntil[entry])
            {
                continue;
            }

            var quick = 0f;
            for (var t = nameTokenStart[name]; t < nameTokenStart[name + 1]; t++)
            {
                quick += scratch.BestFor(nameTokens[t]);
            }

            if (quick < minimum && quick < 1.9f)
            {
                continue;
            }

            var entryDate = entryDateOfBirth[entry];
            if (queryDateOfBirth != 0 && entryDate != 0)
            {
                quick += Math.Abs((queryDateOfBirth / 10000) - (entryDate / 10000)) <= 1 ? 0.5f : -0.5f;
            }

            if (heap.Count < options.MaxScoredCandidates)
            {
                heap.Enqueue(name, quick);
            }
            else if (heap.TryPeek(out _, out var lowest) && quick > lowest)
            {
                heap.DequeueEnqueue(name, quick);
            }
        }

        var ranked = new List<int>(heap.Count);
        while (heap.TryDequeue(out var name, out _))
        {
            ranked.Add(name);
        }

        return ranked;
    }

    private List<int> FindDocument(string? document, int today)
    {
        var found = new List<int>();
        if (string.IsNullOrWhiteSpace(document) || !documentFirst.TryGetValue(Evidence.NormaliseDocument(document), out var d))
        {
            return found;
        }

        for (; d >= 0; d = documentNext[d])
        {
            var entry = documentEntry[d];
            if (today >= entryValidFrom[entry] && today <= entryValidUntil[entry] && !found.Contains(entry))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private double Score(
        PreparedQuery query, int name, int dateOfBirth, int nationality, sbyte sex, bool documentMatch, QueryScratch scratch, StringBuilder? why)
    {
        var entry = nameEntry[name];
        var tokens = nameTokens.AsSpan(nameTokenStart[name], nameTokenStart[name + 1] - nameTokenStart[name]);
        var score = NameComparison.Compare(query, tokens, vocabulary, scratch, why);
        score += Evidence.DateOfBirth(dateOfBirth, entryDateOfBirth[entry], why);
        score += Evidence.Nationality(nationality, entryNationality[entry], why);
        score += Evidence.Sex(sex, entrySex[entry], why);
        if (documentMatch)
        {
            why?.Append("document number matches, ");
            return 1.0;
        }

        return Math.Clamp(score, 0, 1);
    }

    private void AddBest(
        List<ScreeningHit> hits, PreparedQuery query, int name, double score, ScreeningOptions options, int dateOfBirth, int nationality,
        sbyte sex, bool documentMatch, QueryScratch scratch)
    {
        var entry = entries[nameEntry[name]];
        var existing = hits.FindIndex(h => ReferenceEquals(h.Entry, entry));
        if (existing >= 0 && hits[existing].Score >= score)
        {
            return;
        }

        var why = new StringBuilder();
        Score(query, name, dateOfBirth, nationality, sex, documentMatch, scratch, why);
        var alias = nameAlias[name];
        var matchedName = alias == 0 ? entry.Name : entry.Aliases[alias - 1];
        var decision = score >= options.AlertThreshold ? ScreeningDecision.Alert : ScreeningDecision.Review;
        var hit = new ScreeningHit(entry, Math.Round(score, 4), decision, matchedName, why.ToString().TrimEnd(',', ' '));
        if (existing >= 0)
        {
            hits[existing] = hit;
        }
        else
        {
            hits.Add(hit);
        }
    }
}
