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
        Traverse(prepared, scratch, query.DateOfBirth?.Year ?? 0);
        var ranked = Rank(scratch, options);
        var documentEntries = FindDocument(query.Document, today);

        var hits = new List<ScreeningHit>();
        var queryNationality = Evidence.PackNationality(query.Nationality);
        var querySex = query.Sex is { } sex ? (sbyte)sex : (sbyte)-1;
        foreach (var name in ranked)
        {
            var entry = nameEntry[name];
            if (today < entryValidFrom[entry] || today > entryValidUntil[entry])
            {
                continue;
            }

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
