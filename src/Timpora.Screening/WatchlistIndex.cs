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
    public IReadOnlyList<ScreeningHit> Screen(ScreeningQuery query, ScreeningOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        options ??= ScreeningOptions.Default;
        var scratch = scratches.Value!;
        scratch.Begin();
        scratch.WithoutDate = query.DateOfBirth is null;
        var prepared = new PreparedQuery(NameNormaliser.Normalise(query.Name), vocabulary);
        var today = (query.AsOf ?? DateOnly.FromDateTime(options.Clock.GetUtcNow().UtcDateTime)).DayNumber;
        var facts = new QueryFacts(query.DateOfBirth?.Packed ?? 0, Evidence.PackNationality(query.Nationality), query.Sex is { } sex ? (sbyte)sex : (sbyte)-1);

        CollectUnits(prepared, scratch);
        Traverse(prepared, scratch, query.DateOfBirth?.Year ?? 0);
        CollectWholeNames(prepared, scratch);
        if (query.DateOfBirth is { IsComplete: true } born)
        {
            CollectSameBirthDate(scratch, born);
        }

        var ranked = Rank(scratch, options, prepared.Parts.Length);
        var sameAs = scratch.WithoutDate ? WithTwins(ranked, scratch) : null;
        var documentEntries = FindDocument(query.Document, today);

        // At a million entries each candidate's entry, facts and parts are cache misses. Loops of independent
        // loads let the processor wait for many of them at once: first every candidate's entry (and where its
        // parts start), then every entry's facts, and only then the comparisons.
        var small = ranked.Count <= 256;
        Span<int> entryOf = small ? stackalloc int[ranked.Count] : new int[ranked.Count];
        Span<int> partsAt = small ? stackalloc int[ranked.Count] : new int[ranked.Count];
        for (var k = 0; k < ranked.Count; k++)
        {
            entryOf[k] = nameEntry[ranked[k]];
            partsAt[k] = nameTokenStart[ranked[k]];
        }

        Span<bool> compare = small ? stackalloc bool[ranked.Count] : new bool[ranked.Count];
        for (var k = 0; k < ranked.Count; k++)
        {
            var entry = entryOf[k];
            // A contradicting date of birth leaves no room for even an identical name to reach review.
            compare[k] = this.facts[entry].IsValidOn(today)
                && (1 + FactsScore(facts, entry, null) >= options.ReviewThreshold || documentEntries.Contains(entry));
        }

        // Then the parts of the names to compare, with their strings.
        for (var k = 0; k < ranked.Count; k++)
        {
            if (compare[k] && (sameAs is null || sameAs[k] < 0))
            {
                vocabulary.Fetch(nameTokens.AsSpan(partsAt[k], nameTokenStart[ranked[k] + 1] - partsAt[k]));
            }
        }

        // A twin's name is compared once, by the first of its ring to be compared; each entry's facts apart.
        Span<double> nameScores = small ? stackalloc double[ranked.Count] : new double[ranked.Count];
        nameScores.Fill(double.NaN);
        var found = new List<Found>();
        Dictionary<int, int>? foundAt = null;
        for (var k = 0; k < ranked.Count; k++)
        {
            if (!compare[k])
            {
                continue;
            }

            var (name, entry) = (ranked[k], entryOf[k]);
            var documentMatch = documentEntries.Contains(entry);
            var compared = sameAs is null || sameAs[k] < 0 ? k : sameAs[k];
            ref var nameScore = ref nameScores[compared];
            if (double.IsNaN(nameScore))
            {
                nameScore = NameComparison.Compare(prepared, TokensOf(name, partsAt[k]), vocabulary, scratch, null);
            }

            var evidence = WithFacts(nameScore, entry, facts, documentMatch, null);
            var score = Math.Clamp(evidence, 0, 1);
            if (score >= options.ReviewThreshold)
            {
                var hit = new Found(entry, name, ranked[compared], Math.Round(score, 4), evidence, documentMatch);
                // A ranked name is there once: an entry of one name (most of them) cannot be found twice. An entry
                // with aliases can, and keeps its best name (looked up, not searched for among a thousand twins).
                if (entryNameStart[entry + 1] - entryNameStart[entry] == 1)
                {
                    found.Add(hit);
                }
                else if (!(foundAt ??= []).TryAdd(entry, found.Count))
                {
                    found[foundAt[entry]] = Better(found[foundAt[entry]], hit);
                }
                else
                {
                    found.Add(hit);
                }
            }
        }

        foreach (var entry in documentEntries)
        {
            for (var name = entryNameStart[entry]; name < entryNameStart[entry + 1]; name++)
            {
                KeepBest(found, new Found(entry, name, name, 1.0, 1.0, true));
            }
        }

        found.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : idOrder[a.Entry] - idOrder[b.Entry]);
        // A matching document number is another kind of evidence: it neither yields to nor outweighs a name.
        var strongest = 0.0;
        foreach (var hit in found)
        {
            strongest = hit.DocumentMatch ? strongest : Math.Max(strongest, hit.Evidence);
        }

        // Twins share their name's reasons as they share its score: hundreds of NGUYEN THI HUONG, one comparison.
        var nameReasons = sameAs is null ? null : new Dictionary<int, List<HitReason>>();
        var hits = new List<ScreeningHit>(Math.Min(found.Count, options.MaxHits));
        for (var f = 0; f < found.Count && f < options.MaxHits; f++)
        {
            hits.Add(Explain(found[f], strongest, prepared, facts, options, scratch, nameReasons));
        }

        return hits;
    }

    private static void KeepBest(List<Found> found, Found candidate)
    {
        for (var i = 0; i < found.Count; i++)
        {
            if (found[i].Entry == candidate.Entry)
            {
                found[i] = Better(found[i], candidate);
                return;
            }
        }

        found.Add(candidate);
    }

    // By evidence, not by the capped score: of two names of one entry that both show as 1, the one that fits
    // better is what the entry is weighed by against the others.
    private static Found Better(Found kept, Found candidate) => candidate.Evidence > kept.Evidence ? candidate : kept;

    // An alert says the entry is probably the person. When another entry fits the query clearly better (it has
    // the date of birth where this one has none, or only the year), this one is less probably the person: it
    // stays a hit, for review, and says why.
    private ScreeningHit Explain(
        Found found, double strongest, PreparedQuery query, QueryFacts facts, ScreeningOptions options, QueryScratch scratch,
        Dictionary<int, List<HitReason>>? nameReasons)
    {
        if (nameReasons is null || !nameReasons.TryGetValue(found.Compared, out var named))
        {
            named = [];
            NameComparison.Compare(query, TokensOf(found.Compared, nameTokenStart[found.Compared]), vocabulary, scratch, named);
            nameReasons?.Add(found.Compared, named);
        }

        var reasons = new List<HitReason>(named);
        FactsScore(facts, found.Entry, reasons);
        if (found.DocumentMatch)
        {
            reasons.Add(new HitReason(HitReasonCode.DocumentMatches));
        }

        var entry = entries[found.Entry];
        var alias = nameAlias[found.Name];
        var matchedName = alias == 0 ? entry.Name : entry.Aliases[alias - 1];
        var decision = found.Score >= (options.AlertThreshold ?? AlertThreshold) ? ScreeningDecision.Alert : ScreeningDecision.Review;
        if (decision == ScreeningDecision.Alert && !found.DocumentMatch && strongest - found.Evidence >= options.BetterFitMargin)
        {
            decision = ScreeningDecision.Review;
            reasons.Add(new HitReason(HitReasonCode.AnotherEntryFitsBetter));
        }

        // Without a date of birth, a name that leaves out a listed part (a middle name costs little, ADR 0023) cannot
        // be told from a namesake who has no such part: an officer looks first.
        if (decision == ScreeningDecision.Alert && !found.DocumentMatch && facts.DateOfBirth == 0
            && reasons.Exists(r => r.Code == HitReasonCode.NotInScreenedName))
        {
            decision = ScreeningDecision.Review;
        }

        return new ScreeningHit(entry, found.Score, decision, matchedName, reasons) { Evidence = found.Evidence };
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
            if (facts[entry].IsValidOn(today) && !found.Contains(entry))
            {
                found.Add(entry);
            }
        }

        return found;
    }

    private ReadOnlySpan<int> TokensOf(int name, int partsAt) => nameTokens.AsSpan(partsAt, nameTokenStart[name + 1] - partsAt);

    private double WithFacts(double nameScore, int entry, QueryFacts facts, bool documentMatch, List<HitReason>? why)
    {
        var score = nameScore + FactsScore(facts, entry, why);
        if (documentMatch)
        {
            why?.Add(new HitReason(HitReasonCode.DocumentMatches));
            return 1.0;
        }

        return score;
    }

    private double FactsScore(QueryFacts query, int entry, List<HitReason>? why)
    {
        var listed = facts[entry];
        return Evidence.DateOfBirth(query.DateOfBirth, listed.DateOfBirth, why)
            + Evidence.Nationality(query.Nationality, listed.Nationality, why)
            + Evidence.Sex(query.Sex, listed.Sex, why);
    }

    private readonly record struct QueryFacts(int DateOfBirth, int Nationality, sbyte Sex);

    // Compared: the name whose comparison this one shares (itself, or the first of its twins to be compared).
    private readonly record struct Found(int Entry, int Name, int Compared, double Score, double Evidence, bool DocumentMatch);
}
