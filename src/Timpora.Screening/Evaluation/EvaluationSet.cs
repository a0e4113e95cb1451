using Timpora.Screening.Matching;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Evaluation;

/// <summary>
/// A query with the entry it should find (null for a person who is not on the list), and the person it was
/// written from: their name as the list would hold it and their true date of birth, nationality and sex.
/// </summary>
public sealed record LabelledQuery(ScreeningQuery Query, string? ExpectedEntryId, string Variations, WatchlistEntry Person)
{
    /// <summary>
    /// Whether nothing in the query can tell this list entry from the person: one of its names has the parts
    /// (in any order) of the person's name or of the name as the query writes it, and its date of birth,
    /// nationality and sex are missing or agree with the query's (a date given as a year, or a year and month,
    /// agrees with a full date inside it). Any matcher must return such an entry, and an officer must look.
    /// </summary>
    public bool CannotBeToldApart(WatchlistEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        var (query, listed) = (Evidence.PackNationality(Query.Nationality), Evidence.PackNationality(entry.Nationality));
        if (!Agrees(Query.DateOfBirth, entry.DateOfBirth) || (query != 0 && listed != 0 && query != listed)
            || (Query.Sex is not null && entry.Sex is not null && Query.Sex != entry.Sex))
        {
            return false;
        }

        var (person, written) = (EvaluationSet.NameKey(Person.Name), EvaluationSet.NameKey(Query.Name));
        return entry.Aliases.Prepend(entry.Name).Select(EvaluationSet.NameKey).Any(key => key == person || key == written);
    }

    private static bool Agrees(PartialDate? query, PartialDate? listed) =>
        query is not { } q || listed is not { } l
        || (q.Year == l.Year && (q.Month == 0 || l.Month == 0 || (q.Month == l.Month && (q.Day == 0 || l.Day == 0 || q.Day == l.Day))));
}

/// <summary>
/// A generated watchlist and labelled queries, the same for the same seed. Half of the queries are listed
/// people written differently; the other half are not listed, and most of those share a family name or
/// given names with someone who is (the hard negatives that make precision honest).
/// </summary>
public sealed class EvaluationSet
{
    private static readonly (Culture Culture, double Share)[] Mix =
    [
        (Culture.Arabic, 0.18), (Culture.Chinese, 0.14), (Culture.Russian, 0.09), (Culture.Ukrainian, 0.05), (Culture.Korean, 0.08),
        (Culture.Vietnamese, 0.08), (Culture.Indian, 0.10), (Culture.African, 0.10), (Culture.European, 0.18),
    ];

    private EvaluationSet(IReadOnlyList<WatchlistEntry> entries, IReadOnlyList<LabelledQuery> queries)
    {
        Entries = entries;
        Queries = queries;
    }

    public IReadOnlyList<WatchlistEntry> Entries { get; }

    public IReadOnlyList<LabelledQuery> Queries { get; }

    public static EvaluationSet Generate(int entryCount, int queryCount, int seed = 20260115)
    {
        var random = new Random(seed);
        var people = new SyntheticPerson[entryCount];
        var entries = new WatchlistEntry[entryCount];
        for (var e = 0; e < entryCount; e++)
        {
            people[e] = SyntheticPerson.Create(random, PickCulture(random));
            entries[e] = ToEntry(people[e], $"W{e:D7}", random);
        }

        var listedNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            listedNames.Add(NameKey(entry.Name));
        }

        var queries = new List<LabelledQuery>(queryCount);
        var applied = new List<string>();
        while (queries.Count < queryCount)
        {
            applied.Clear();
            var positive = queries.Count % 2 == 0;
            var source = random.Next(entryCount);
            var person = positive ? people[source]
                : random.NextDouble() < 0.65 ? people[source].Namesake(random) : SyntheticPerson.Create(random, PickCulture(random));
            if (!positive && listedNames.Contains(NameKey(person.FullName)))
            {
                continue;
            }

            var name = NameVariation.Vary(person, random, applied);
            var withDate = random.NextDouble() < 0.6;
            var query = new ScreeningQuery(
                name,
                withDate ? QueryDate(person.DateOfBirth, random, applied) : null,
                random.NextDouble() < 0.7 ? (random.NextDouble() < 0.05 ? "XXA" : person.Nationality) : null,
                random.NextDouble() < 0.6 ? person.Sex : null,
                positive && entries[source].Documents is [var document, ..] && random.NextDouble() < 0.03 ? document : null,
                new DateOnly(2026, 1, 15));
            var truth = new WatchlistEntry("", person.FullName, [], person.DateOfBirth, person.Nationality, person.Sex, [person.Document]);
            queries.Add(new LabelledQuery(query, positive ? entries[source].Id : null, string.Join('+', applied), truth));
        }

        return new EvaluationSet(entries, queries);
    }

    private static Culture PickCulture(Random random)
    {
        var roll = random.NextDouble();
        foreach (var (culture, share) in Mix)
        {
            if ((roll -= share) < 0)
            {
                return culture;
            }
        }

        return Culture.European;
    }

    private static WatchlistEntry ToEntry(SyntheticPerson person, string id, Random random)
    {
        var precision = random.NextDouble();
        var date = person.DateOfBirth;
        PartialDate? listedDate = precision < 0.75 ? date : precision < 0.85 ? PartialDate.Of(date.Year, date.Month)
            : precision < 0.95 ? PartialDate.Of(date.Year) : null;
        var aliases = new List<string>();
        if (random.NextDouble() < 0.15)
        {
            aliases.Add(NameVariation.Vary(person, random, []));
        }

        return new WatchlistEntry(
            id,
            person.FullName,
            aliases,
            listedDate,
            random.NextDouble() < 0.9 ? person.Nationality : null,
            random.NextDouble() < 0.8 ? person.Sex : null,
            random.NextDouble() < 0.6 ? [person.Document] : []);
    }

    // Real lists carry 3-5% wrong or swapped dates of birth.
    private static PartialDate QueryDate(PartialDate date, Random random, List<string> applied)
    {
        if (random.NextDouble() >= 0.04)
        {
            return date;
        }

        applied.Add("date error");
        return random.Next(3) switch
        {
            0 when date.Day <= 12 => PartialDate.Of(date.Year, date.Day, Math.Min(date.Month, DateTime.DaysInMonth(date.Year, date.Day))),
            1 => PartialDate.Of(date.Year + 1, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(date.Year + 1, date.Month))),
            _ => PartialDate.Of(date.Year, date.Month, date.Day == 28 ? 18 : Math.Min(28, date.Day + 10)),
        };
    }

    internal static string NameKey(string name)
    {
        var parts = NameNormaliser.Normalise(name).Parts.ToArray();
        Array.Sort(parts, StringComparer.Ordinal);
        return string.Join(' ', parts);
    }
}
