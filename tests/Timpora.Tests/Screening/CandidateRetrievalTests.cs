using Timpora.Screening;
using Timpora.Screening.Normalisation;

namespace Timpora.Tests.Screening;

public class CandidateRetrievalTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static readonly WatchlistIndex Index = WatchlistIndex.Build(
    [
        new("C1", "XIE JINLAN", [], PartialDate.Of(1999, 5, 13), "CHN", Sex.Female),
        new("C2", "CHO YOUNG KYUNG", [], PartialDate.Of(1990, 3, 27), "KOR", Sex.Female),
        new("C3", "DO VAN TRANG", [], PartialDate.Of(1960, 12, 6), "VNM", Sex.Male),
        new("C4", "DIRK BECKER", [], PartialDate.Of(2004, 8, 6), "D", Sex.Male),
        new("C5", "NADIA AL-DOSARI", [], PartialDate.Of(1999, 2, 23), "SAU", Sex.Female),
        new("C6", "KOFI OKEKWUGBELU", [], PartialDate.Of(1958, 2, 17), "GHA", Sex.Male),
        new("C7", "LE THI HOA", [], PartialDate.Of(1977, 4, 2), "VNM", Sex.Female),
        new("C8", "KAVITA SHARMA", [], null, "IND", Sex.Female),
    ]);

    private static IReadOnlyList<ScreeningHit> Screen(string name, PartialDate? dob = null) =>
        Index.Screen(new ScreeningQuery(name, dob, AsOf: Today));

    [Theory]
    [InlineData("HSIEH JINLAN", "C1")]
    [InlineData("JO YOUNG-KYUNG", "C2")]
    [InlineData("CHO YEONG GYEONG", "C2")]
    public void Screen_OtherRomanisation_Matches(string name, string expected)
    {
        Assert.Equal(expected, Assert.Single(Screen(name, expected == "C1" ? PartialDate.Of(1999, 5, 13) : PartialDate.Of(1990, 3, 27))).Entry.Id);
    }

    [Theory]
    [InlineData("ĐỖ VANTRANG")]
    [InlineData("DO<<VANTRANG<<<<<<<<<<<<<<<<<<<<<<<<<<<<")]
    public void Screen_VietnameseMiddleNameJoined_Matches(string name)
    {
        Assert.Equal("C3", Assert.Single(Screen(name, PartialDate.Of(1960, 12, 6))).Entry.Id);
    }

    [Fact]
    public void Screen_TypoThatChangesTheSpellingKey_StillFound()
    {
        // BECEKR folds to another skeleton than BECKER (C before E reads as S): found through the spelling itself.
        Assert.Equal("C4", Assert.Single(Screen("DIRK BECEKR", PartialDate.Of(2004, 8, 6))).Entry.Id);
    }

    [Fact]
    public void Screen_ArticleJoinedAndMisspelt_Matches()
    {
        Assert.Equal("C5", Assert.Single(Screen("ALADOSARI<<NADIA<<<<<<<<<<<<<<<<<<<<<<<", PartialDate.Of(1999, 2, 23))).Entry.Id);
    }

    [Fact]
    public void Screen_RarePartExactOtherPartBadlyMisspelt_Found()
    {
        var hit = Assert.Single(Screen("OKEKWUGBELU, KOOFY", PartialDate.Of(1958, 2, 17)));

        Assert.Equal("C6", hit.Entry.Id);
    }

    [Fact]
    public void Screen_VietnameseSurnameLe_IsNotDroppedAsParticle()
    {
        Assert.Equal(["LE", "THI", "HOA"], NameNormaliser.Normalise("Lê Thị Hoa").Parts);
        Assert.Equal("C7", Assert.Single(Screen("LE THI HOA", PartialDate.Of(1977, 4, 2))).Entry.Id);
    }

    [Fact]
    public void Screen_DateTheListCannotConfirm_SaysSoAndScoresLower()
    {
        var withDate = Assert.Single(Screen("KAVITA SHARMA", PartialDate.Of(1986, 2, 18)));
        var nameOnly = Assert.Single(Screen("KAVITA SHARMA"));

        Assert.Contains("no date of birth on the list", withDate.Explanation, StringComparison.Ordinal);
        Assert.True(withDate.Score < nameOnly.Score);
    }

    [Fact]
    public void Screen_CommonPairWithDateOfBirth_FindsThePersonAmongThousandsOfNamesakes()
    {
        // 3,000 listed NGUYEN VAN ... share one pair of parts; the date of birth picks the few years to read.
        var entries = Enumerable.Range(0, 3_000)
            .Select(i => new WatchlistEntry($"N{i}", $"NGUYEN THI {(char)('A' + (i % 26))}{(char)('A' + (i / 26 % 26))}ANH", [], PartialDate.Of(1940 + (i % 60), 1 + (i % 12), 1 + (i % 28))))
            .Append(new WatchlistEntry("TARGET", "NGUYEN THI LAN", [], PartialDate.Of(1983, 7, 14), "VNM", Sex.Female))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("NGUYEN THI LAN", PartialDate.Of(1983, 7, 14), AsOf: Today));

        Assert.Equal("TARGET", hits[0].Entry.Id);
        Assert.Equal(ScreeningDecision.Alert, hits[0].Decision);
    }
}

public class CandidateRankingTests
{
    [Fact]
    public void Screen_ThousandsHoldTheQuerysParts_TheNameOfTheQuerysLengthIsStillCompared()
    {
        // More names holding MUHAMMAD and NABIL than are compared in full; the one of two parts is listed last.
        var entries = Enumerable.Range(0, ScreeningOptions.Default.MaxScoredCandidates + 100)
            .Select(i => new WatchlistEntry($"D{i}", $"MUHAMMAD NABIL {MadeUpPart(i)} {MadeUpPart(i + 5000)}", [], null, "EGY", Sex.Male))
            .Append(new WatchlistEntry("EXACT", "MUHAMMAD NABIL", [], null, "EGY", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("Mohamad Nabil", null, AsOf: new DateOnly(2026, 1, 15)));

        Assert.Equal("EXACT", hits[0].Entry.Id);
    }

    [Fact]
    public void Screen_PairHeldByMoreNamesThanAreRead_TheNameOfExactlyTheQuerysPartsIsFound()
    {
        // Without a date of birth a pair this common is read only so far; the two-part name sorts after all
        // the others (by year of birth), beyond what is read, and no rare part leads to it.
        var entries = Enumerable.Range(0, 4_100)
            .Select(i => new WatchlistEntry($"D{i}", $"MUHAMMAD NABIL {MadeUpPart(i)}", [], PartialDate.Of(1950), "EGY", Sex.Male))
            .Append(new WatchlistEntry("EXACT", "MUHAMMAD NABIL", [], PartialDate.Of(2000), "EGY", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("Mohamad Nabil", null, AsOf: new DateOnly(2026, 1, 15)));

        Assert.Equal("EXACT", hits[0].Entry.Id);
    }

    [Fact]
    public void Screen_TurkishSpellingOfACommonPartOnTheList_ReachesTheArabicSpelling()
    {
        // BASHIR is held by too many names to be read whole, AHMET (on the list itself) shares no delete or
        // phonetic key with AHMAD, and there is no date of birth to meet on: only the same consonants lead from
        // one spelling to the other.
        var entries = Enumerable.Range(0, 300)
            .Select(i => new WatchlistEntry($"D{i}", $"BASHIR {MadeUpPart(i)}", [], null, "EGY", Sex.Male))
            .Append(new WatchlistEntry("TR", "AHMET YILMAZ", [], null, "TUR", Sex.Male))
            .Append(new WatchlistEntry("LISTED", "BASHIR AHMAD", [], PartialDate.Of(1975, 10, 17), "EGY", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("Bashir Ahmet", null, AsOf: new DateOnly(2026, 1, 15)));

        var hit = Assert.Single(hits, h => h.Entry.Id == "LISTED");
        Assert.Contains("AHMET ~ AHMAD", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_NameOnly_EveryEntryWithTheSameNameIsAHit()
    {
        // More entries bear NGUYEN THI HUONG letter for letter than are compared in full: without a date of
        // birth nothing tells them apart, so all are hits, each with its own entry's facts.
        var entries = Enumerable.Range(0, 3 * ScreeningOptions.Default.MaxScoredCandidates)
            .Select(i => new WatchlistEntry($"T{i:D4}", "NGUYEN THI HUONG", [], PartialDate.Of(1950 + (i % 40)), i % 2 == 0 ? "VNM" : "KHM", Sex.Female))
            .Append(new WatchlistEntry("OTHER", "NGUYEN VAN HUNG", [], null, "VNM", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("Nguyen Thi Huong", null, "VNM", AsOf: new DateOnly(2026, 1, 15)));

        Assert.Equal(3 * ScreeningOptions.Default.MaxScoredCandidates, hits.Count(h => h.Entry.Name == "NGUYEN THI HUONG"));
        Assert.All(hits.Where(h => h.Entry.Nationality == "VNM"), h => Assert.Contains("nationality agrees", h.Explanation, StringComparison.Ordinal));
        Assert.All(hits.Where(h => h.Entry.Nationality == "KHM"), h => Assert.Contains("nationality differs", h.Explanation, StringComparison.Ordinal));
        Assert.True(hits.First(h => h.Entry.Nationality == "VNM").Score > hits.First(h => h.Entry.Nationality == "KHM").Score);
    }

    [Fact]
    public void Screen_NameOnly_EntriesWithTheSameNameTakeOnePlaceAmongTheCandidates()
    {
        // Hundreds of GOPAL SHARMA rank before the one GOPAL SINGH SHARMA (the query's number of parts); as one
        // name they leave room for it among the names compared in full.
        var entries = Enumerable.Range(0, 2 * ScreeningOptions.Default.MaxScoredCandidates)
            .Select(i => new WatchlistEntry($"G{i:D4}", "GOPAL SHARMA", [], PartialDate.Of(1940 + (i % 60)), "IND", Sex.Male))
            .Append(new WatchlistEntry("LISTED", "GOPAL SINGH SHARMA", [], PartialDate.Of(1940, 10, 16), "IND", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("SHARMA, GOPAL", null, AsOf: new DateOnly(2026, 1, 15)));

        var hit = Assert.Single(hits, h => h.Entry.Id == "LISTED");
        Assert.Contains("not in the screened name: SINGH", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ListedNameHoldsOnePartTwice_FoundThroughThatPairAlone()
    {
        // SAID is on hundreds of names, and SAID BASSAM SAID shares no other part with the query: only the pair of
        // SAID with itself leads to it.
        var entries = Enumerable.Range(0, 300)
            .Select(i => new WatchlistEntry($"S{i:D4}", $"SAID {MadeUpPart(i)}", [], null, "SYR", Sex.Male))
            .Append(new WatchlistEntry("LISTED", "SAID BASSAM SAID", [], PartialDate.Of(1992), "SYR", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("SAID<<SAID<<<<<<<<<<<<<<<<<<<<<<<<<<<<<", PartialDate.Of(1992, 2, 17), AsOf: new DateOnly(2026, 1, 15)));

        Assert.Equal("LISTED", hits[0].Entry.Id);
    }

    [Fact]
    public void Screen_LongNameWithoutDate_ComparesFewerCandidatesAndStillFindsThePerson()
    {
        // Three hundred names hold the query's four parts (one misspelt) and a fifth; the person has just the four.
        var entries = Enumerable.Range(0, 300)
            .Select(i => new WatchlistEntry($"N{i:D4}", $"ABDUL KARIM HASSAN MAHMOUD {MadeUpPart(i)}", [], null, "IRQ", Sex.Male))
            .Append(new WatchlistEntry("LISTED", "ABDUL KARIM HASSAN MAHMOUD", [], null, "IRQ", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);
        var query = new ScreeningQuery("ABDUL KARIM HASAN MAHMOUD", AsOf: new DateOnly(2026, 1, 15));

        var all = index.Screen(query, ScreeningOptions.Default with { MaxScoredCandidatesLongNameWithoutDate = 400 });
        var few = index.Screen(query, ScreeningOptions.Default with { MaxScoredCandidatesLongNameWithoutDate = 10 });

        Assert.True(all.Count > 10, $"{all.Count} hits");
        Assert.InRange(few.Count, 1, 10);
        Assert.Equal("LISTED", few[0].Entry.Id);
    }

    [Fact]
    public void Screen_MisspeltPart_ReachesTheCommonSpellingBeforeOneOffTypos()
    {
        // DMITRIO is one letter from DMITRII, which sixty names hold, and from 26 parts that one name each holds
        // (closer still by their spelling: DMITRIOA, DMITRIOB...). The common spelling is what the writer meant far
        // more often, and it is tried first.
        var typos = Enumerable.Range(0, 26).Select(i => $"DMITRIO{(char)('A' + i)}");
        var entries = typos.Select((typo, i) => new WatchlistEntry($"T{i:D2}", $"{typo} PETROV", [], null, "RUS", Sex.Male))
            .Concat(Enumerable.Range(0, 60).Select(i => new WatchlistEntry($"D{i:D2}", $"DMITRII {MadeUpPart(i)}", [], null, "RUS", Sex.Male)))
            .Concat(Enumerable.Range(0, 60).Select(i => new WatchlistEntry($"S{i:D2}", $"{MadeUpPart(i + 100)} SHEVCHETS", [], null, "RUS", Sex.Male)))
            .Append(new WatchlistEntry("LISTED", "DMITRII SHEVCHETS", [], PartialDate.Of(1994, 6, 10), "RUS", Sex.Male))
            .ToList();
        var index = WatchlistIndex.Build(entries);

        var hits = index.Screen(new ScreeningQuery("SHEVCHETS<<DMITRIO<<<<<<<<<<<<<<<<<<<<<", AsOf: new DateOnly(2026, 1, 15)));

        Assert.Equal("LISTED", Assert.Single(hits).Entry.Id);
    }

    // A part of its own for each number (KKKKAN, KKKLAN...), on no other name and like no real one.
    private static string MadeUpPart(int i) =>
        string.Concat(i.ToString("D4", System.Globalization.CultureInfo.InvariantCulture).Select(d => (char)('K' + d - '0'))) + "AN";
}
