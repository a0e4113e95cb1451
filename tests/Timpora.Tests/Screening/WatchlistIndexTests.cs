using Timpora.Screening;

namespace Timpora.Tests.Screening;

public class WatchlistIndexTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static readonly WatchlistIndex Index = WatchlistIndex.Build(
    [
        new("E1", "MUHAMMAD ABDUL RAHMAN", ["ABU KHALID"], PartialDate.Of(1980, 5, 12), "IRQ", Sex.Male, ["A1234567"]),
        new("E2", "MÜLLER, Hans Peter", [], PartialDate.Of(1975), "D", Sex.Male),
        new("E3", "Иванов Сергей Петрович", [], PartialDate.Of(1969, 3, 1), "RUS", Sex.Male),
        new("E4", "ZHANG WEI", [], PartialDate.Of(1990, 7, 7), "CHN", Sex.Male),
        new("E5", "NGUYEN THI HUONG", [], PartialDate.Of(1988, 2, 29), "VNM", Sex.Female),
        new("E6", "OLD BAN EXPIRED", [], null, "AUS", null, null, new DateOnly(2020, 1, 1), new DateOnly(2021, 1, 1)),
        new("E7", "SOMCHAI ใจดี", [], null, "THA"),
        new("E8", "ABDULLAH AL-RASHID", [], PartialDate.Of(1985, 11, 3), "SAU", Sex.Male),
        new("E9", "PETER JOHN SMITH", [], PartialDate.Of(1970, 1, 1), "GBR", Sex.Male),
        new("E10", "STOLEN DOCUMENT HOLDER", [], null, null, null, ["X9876543"]),
    ]);

    private static IReadOnlyList<ScreeningHit> Screen(string name, PartialDate? dob = null, string? nationality = null, string? document = null) =>
        Index.Screen(new ScreeningQuery(name, dob, nationality, null, document, Today));

    [Theory]
    [InlineData("Mohamed Abdulrahman")]
    [InlineData("RAHMAN MUHAMMAD ABDUL")]
    [InlineData("MOHAMMED ABD AL-RAHMAN")]
    [InlineData("Muhamad Abdul Rahmen")]
    [InlineData("محمد عبد الرحمن")]
    [InlineData("ABDUL RAHMAN<<MUHAMMAD")]
    public void Screen_SpellingVariantsWithDateOfBirth_Alert(string name)
    {
        var hit = Assert.Single(Screen(name, PartialDate.Of(1980, 5, 12)));

        Assert.Equal("E1", hit.Entry.Id);
        Assert.Equal(ScreeningDecision.Alert, hit.Decision);
    }

    [Theory]
    [InlineData("Hans Müller")]
    [InlineData("HANS MUELLER")]
    [InlineData("MUELLER<<HANS<PETER")]
    [InlineData("Hans Peter Muller")]
    public void Screen_GermanUmlautSpellings_Meet(string name)
    {
        var hit = Assert.Single(Screen(name, PartialDate.Of(1975, 4, 1)));

        Assert.Equal("E2", hit.Entry.Id);
        Assert.Equal(ScreeningDecision.Alert, hit.Decision);
    }

    [Theory]
    [InlineData("SERGEI IVANOV")]
    [InlineData("Sergey Ivanov")]
    [InlineData("IVANOV<<SERGEI<PETROVICH")]
    public void Screen_CyrillicEntryLatinQuery_Matches(string name)
    {
        Assert.Equal("E3", Assert.Single(Screen(name, PartialDate.Of(1969, 3, 1))).Entry.Id);
    }

    [Fact]
    public void Screen_AliasMatches_ReportsTheAlias()
    {
        var hit = Assert.Single(Screen("Abu Khaled", PartialDate.Of(1980, 5, 12)));

        Assert.Equal("ABU KHALID", hit.MatchedName);
        Assert.Contains("date of birth agrees", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_Hit_ExplainsWhatMatched()
    {
        var hit = Assert.Single(Screen("Mohamed Abdulrahman", PartialDate.Of(1980, 5, 12), "IRQ"));

        Assert.Contains("MOHAMED ~ MUHAMMAD", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("ABDULRAHMAN ~ ABDUL+RAHMAN (written together", hit.Explanation, StringComparison.Ordinal);
        Assert.Contains("nationality agrees", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ContradictingDateOfBirth_LowersScoreBelowReview()
    {
        Assert.Single(Screen("ZHANG WEI"));
        Assert.Empty(Screen("ZHANG WEI", PartialDate.Of(1961, 12, 30)));
    }

    [Fact]
    public void Screen_MissingMiddleNameWithoutDateOfBirth_GoesToReview()
    {
        var hit = Assert.Single(Screen("PETER SMITH"));

        Assert.Equal(ScreeningDecision.Review, hit.Decision);
    }

    [Theory]
    [InlineData("JOHN WILLIAMS")]
    [InlineData("NGUYEN VAN NAM")]
    [InlineData("AHMED ABDUL KARIM")]
    public void Screen_SharingOnePart_NoHit(string name)
    {
        Assert.Empty(Screen(name));
    }

    [Fact]
    public void Screen_ExpiredEntry_StopsMatching()
    {
        Assert.Empty(Screen("OLD BAN EXPIRED"));
        Assert.Single(Index.Screen(new ScreeningQuery("OLD BAN EXPIRED", AsOf: new DateOnly(2020, 6, 1))));
    }

    [Fact]
    public void Screen_DocumentNumberMatches_AlertsWhateverTheName()
    {
        var hit = Assert.Single(Screen("SOMEONE ELSE ENTIRELY", document: "x98-76543"));

        Assert.Equal("E10", hit.Entry.Id);
        Assert.Equal(1.0, hit.Score);
        Assert.Contains("document number matches", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_ArticleWrittenJoined_Matches()
    {
        Assert.Equal("E8", Assert.Single(Screen("ABDULLAH ALRASHID", PartialDate.Of(1985, 11, 3))).Entry.Id);
    }

    [Fact]
    public void Screen_TruncatedMrzName_Matches()
    {
        var index = WatchlistIndex.Build([new("T1", "ABDULRAHMAN MUHAMMAD IBRAHIM KHALIL SALEHUDDIN", [], PartialDate.Of(1979, 1, 2))]);

        var hits = index.Screen(new ScreeningQuery("ABDULRAHMAN<<MUHAMMAD<IBRAHIM<KHALIL<SALE", PartialDate.Of(1979, 1, 2)));

        Assert.Equal(ScreeningDecision.Alert, Assert.Single(hits).Decision);
    }

    [Fact]
    public void Screen_UnknownScript_MatchesSameSpellingWithoutCrashing()
    {
        Assert.Equal("E7", Assert.Single(Screen("SOMCHAI ใจดี")).Entry.Id);
        Assert.Empty(Screen("ᚠᚢᚦᚨᚱᚲ"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\u0000\u0001\u0002")]
    [InlineData("M")]
    public void Screen_NameWithoutUsableParts_NoHitsNoCrash(string name)
    {
        Assert.Empty(Screen(name));
    }

    [Fact]
    public void Screen_TenThousandCharacterName_NoCrash()
    {
        Assert.Empty(Screen(string.Concat(Enumerable.Repeat("ABCDEFG ", 1250))));
    }

    [Fact]
    public void Screen_AnotherEntryFitsClearlyBetter_TheWeakerIsReviewedNotAlerted()
    {
        var dated = new WatchlistEntry("DATED", "TRAN VAN ANH", [], PartialDate.Of(1983, 4, 16), "VNM", Sex.Male);
        var undated = new WatchlistEntry("UNDATED", "TRAN VAN ANH", [], null, "VNM", Sex.Male);
        var query = new ScreeningQuery("Tran Van Anh", PartialDate.Of(1983, 4, 16), "VNM", Sex.Male, AsOf: Today);

        var alone = Assert.Single(WatchlistIndex.Build([undated]).Screen(query));
        var both = WatchlistIndex.Build([dated, undated]).Screen(query);

        Assert.Equal(ScreeningDecision.Alert, alone.Decision);
        Assert.Equal(ScreeningDecision.Alert, both.Single(h => h.Entry.Id == "DATED").Decision);
        var weaker = both.Single(h => h.Entry.Id == "UNDATED");
        Assert.Equal(ScreeningDecision.Review, weaker.Decision);
        Assert.Equal(alone.Score, weaker.Score);
        Assert.Contains(weaker.Reasons, r => r.Code == HitReasonCode.AnotherEntryFitsBetter);
    }

    [Fact]
    public void Screen_DayOfBirthOneDigitOff_CostsLessThanAnotherDay()
    {
        var typo = Assert.Single(Screen("ZHANG WEI", PartialDate.Of(1990, 7, 17)));
        var other = Assert.Single(Screen("ZHANG WEI", PartialDate.Of(1990, 7, 25)));

        Assert.Contains(typo.Reasons, r => r.Code == HitReasonCode.DayOfBirthDiffersByOneDigit);
        Assert.Contains(other.Reasons, r => r.Code == HitReasonCode.DayOfBirthDiffers);
        Assert.True(typo.Score > other.Score, $"{typo.Score} against {other.Score}");
    }

    [Theory]
    [InlineData(1956, 4, 6)]
    [InlineData(1957, 6, 4)]
    public void Screen_DayAndMonthSwappedOrYearOneOff_CountsForThePerson(int year, int month, int day)
    {
        // Born 1956-06-04: a clerk's slip lands on these dates, a namesake's date only by rare chance.
        var index = WatchlistIndex.Build([new WatchlistEntry("KA", "KRISHNA KUMAR AGARWAL", [], PartialDate.Of(1956, 6, 4), "IND", Sex.Male)]);

        var undated = Assert.Single(index.Screen(new ScreeningQuery("AGARWAL<<KRISHAN", null, AsOf: Today)));
        var slip = Assert.Single(index.Screen(new ScreeningQuery("AGARWAL<<KRISHAN", PartialDate.Of(year, month, day), AsOf: Today)));

        Assert.True(slip.Score > undated.Score, $"{slip.Score} against {undated.Score} without a date");
    }

    [Fact]
    public void Screen_DaySwappedIntoAMonthOnlyListDate_DoesNotCountForThePerson()
    {
        // The list holds 1956-06 only: a query day of 6 matches its month one time in twelve by chance.
        var index = WatchlistIndex.Build([new WatchlistEntry("KA", "KRISHNA KUMAR AGARWAL", [], PartialDate.Of(1956, 6), "IND", Sex.Male)]);

        var undated = Assert.Single(index.Screen(new ScreeningQuery("AGARWAL<<KRISHAN", null, AsOf: Today)));
        var swapped = Assert.Single(index.Screen(new ScreeningQuery("AGARWAL<<KRISHAN", PartialDate.Of(1956, 4, 6), AsOf: Today)));

        Assert.Contains(swapped.Reasons, r => r.Code == HitReasonCode.DayAndMonthOfBirthSwapped);
        Assert.True(swapped.Score < undated.Score, $"{swapped.Score} against {undated.Score} without a date");
    }

    [Fact]
    public void Screen_YearOneOffWhereTheListHasOnlyYearAndMonth_IsNotAContradiction()
    {
        var index = WatchlistIndex.Build([new WatchlistEntry("OK", "OLGA KOZLENKO", [], PartialDate.Of(1958, 6), "RUS", Sex.Female)]);

        var hit = Assert.Single(index.Screen(new ScreeningQuery("Olga Kozlenko", PartialDate.Of(1959, 6, 11), AsOf: Today)));

        Assert.Contains(hit.Reasons, r => r.Code == HitReasonCode.YearOfBirthDiffersByOneDigit);
        Assert.Equal(ScreeningDecision.Alert, hit.Decision);
    }

    [Fact]
    public void Screen_VietnameseVanInAnyPlace_IsTheSameName()
    {
        var index = WatchlistIndex.Build([new WatchlistEntry("DTV", "DANG THI VAN", [], null, "VNM", Sex.Female)]);

        var hit = Assert.Single(index.Screen(new ScreeningQuery("THI VAN DANG", AsOf: Today)));

        Assert.Equal(1.0, hit.Score);
    }

    [Fact]
    public void Screen_DocumentMatchBesideABetterNameFit_BothStayAlerts()
    {
        var hits = Index.Screen(new ScreeningQuery("ZHANG WEI", PartialDate.Of(1990, 7, 7), "CHN", Sex.Male, "X9876543", Today));

        Assert.Equal(ScreeningDecision.Alert, hits.Single(h => h.Entry.Id == "E4").Decision);
        Assert.Equal(ScreeningDecision.Alert, hits.Single(h => h.Entry.Id == "E10").Decision);
    }

    [Theory]
    [InlineData("XXA")]
    [InlineData("XXB")]
    [InlineData("UNO")]
    public void Screen_StatelessRefugeeOrOrganisationCode_NeitherAgreesNorDiffers(string code)
    {
        var without = Assert.Single(Screen("ZHANG WEI", PartialDate.Of(1990, 7, 7)));

        var with = Assert.Single(Screen("ZHANG WEI", PartialDate.Of(1990, 7, 7), code));

        Assert.Equal(without.Score, with.Score);
        Assert.DoesNotContain(with.Reasons, r => r.Code is HitReasonCode.NationalityDiffers or HitReasonCode.NationalityAgrees);
    }

    [Fact]
    public void Screen_BritishStatusCode_AgreesWithGbr()
    {
        var hit = Assert.Single(Screen("PETER JOHN SMITH", PartialDate.Of(1970, 1, 1), "GBN"));

        Assert.Contains(hit.Reasons, r => r.Code == HitReasonCode.NationalityAgrees);
    }

    [Fact]
    public void Screen_CustomThresholds_ChangeDecision()
    {
        var strict = ScreeningOptions.Default with { AlertThreshold = 0.999, ReviewThreshold = 0.5 };

        var hit = Assert.Single(Index.Screen(new ScreeningQuery("Mohamed Abdulrahman", AsOf: Today), strict));

        Assert.Equal(ScreeningDecision.Review, hit.Decision);
    }

    [Theory]
    [InlineData("AHMET KARIM", "AHMAD KARIM")]
    [InlineData("OMER KARIM", "OMAR KARIM")]
    [InlineData("IHOR KOVAL", "IGOR KOVAL")]
    [InlineData("AICHA BENALI", "AISHA BENALI")]
    [InlineData("JURIJ PETRENKO", "YURII PETRENKO")]
    public void Screen_AnotherTransliterationsVowels_IsAVariant(string query, string listed)
    {
        var index = WatchlistIndex.Build([new WatchlistEntry("T", listed, [], PartialDate.Of(1980, 1, 2))]);

        var hit = Assert.Single(index.Screen(new ScreeningQuery(query, PartialDate.Of(1980, 1, 2), AsOf: Today)));

        Assert.Equal(ScreeningDecision.Alert, hit.Decision);
        Assert.Contains(" (0.94)", hit.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("LUARA PETIT", "LAURA PETIT")]
    [InlineData("IVNA PETROV", "IVAN PETROV")]
    public void Screen_TwoNeighbouringLettersSwapped_IsAVariant(string query, string listed)
    {
        var index = WatchlistIndex.Build([new WatchlistEntry("T", listed, [], PartialDate.Of(1980, 1, 2))]);

        var hit = Assert.Single(index.Screen(new ScreeningQuery(query, PartialDate.Of(1980, 1, 2), AsOf: Today)));

        Assert.Equal(ScreeningDecision.Alert, hit.Decision);
        Assert.Contains(" (0.96)", hit.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_HassanAndHussein_AreNotOneNameThoughTheirConsonantsAgree()
    {
        // H-S-N both: the first vowel tells the two commonest Arabic names of that root apart.
        var index = WatchlistIndex.Build([new WatchlistEntry("T", "HASSAN KARIM", [], PartialDate.Of(1980, 1, 2))]);

        var hits = index.Screen(new ScreeningQuery("HUSSEIN KARIM", PartialDate.Of(1980, 1, 2), AsOf: Today));

        Assert.DoesNotContain(hits, h => h.Decision == ScreeningDecision.Alert);
    }

    [Fact]
    public void Screen_ExtraGivenNameAndAnInitialWithTheDateOfBirth_Alerts()
    {
        // JOSE R HOFFMANN for RICHARD HOFFMANN: the surname, an initial that agrees and the full date of birth.
        var index = WatchlistIndex.Build([new WatchlistEntry("T", "RICHARD HOFFMANN", [], PartialDate.Of(1947, 3, 29), "FRA")]);

        var withDate = Assert.Single(index.Screen(new ScreeningQuery("JOSE<<R<HOFFMANN", PartialDate.Of(1947, 3, 29), AsOf: Today)));
        var nameOnly = index.Screen(new ScreeningQuery("JOSE<<R<HOFFMANN", null, AsOf: Today));

        Assert.Equal(ScreeningDecision.Alert, withDate.Decision);
        Assert.Contains("R as initial of RICHARD", withDate.Explanation, StringComparison.Ordinal);
        Assert.Empty(nameOnly);
    }

    [Fact]
    public void Screen_MisspeltPartOnNoListedName_CountsMoreThanANameOfItsOwn()
    {
        // GHOTH is on no listed name: GHOSH mistyped. Where five listed people are called GHOTH, it is a name of
        // its own, and its nearness to GHOSH says less about who the guest is.
        WatchlistEntry Listed() => new("LISTED", "GOPAL GHOSH", [], null, "IND", Sex.Male);
        var alone = WatchlistIndex.Build([Listed()]);
        var beside = WatchlistIndex.Build([Listed(), .. Enumerable.Range(0, 5).Select(i => new WatchlistEntry($"G{i}", $"RAVI{(char)('A' + i)} GHOTH", [], null, "IND"))]);
        var query = new ScreeningQuery("Gopal Ghoth", PartialDate.Of(1999, 10, 18), "IND", AsOf: Today);

        var typo = Assert.Single(alone.Screen(query), h => h.Entry.Id == "LISTED");
        var namesake = beside.Screen(query).SingleOrDefault(h => h.Entry.Id == "LISTED")?.Score ?? 0;

        Assert.True(typo.Score > namesake + 0.02, $"{typo.Score} against {namesake}");
        Assert.Contains("GHOTH ~ GHOSH", typo.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_NationalityDiffers_WeighsMoreThanOneThatAgrees()
    {
        // A namesake of another country: 0.10 off the evidence where an agreeing nationality adds 0.03.
        var index = WatchlistIndex.Build([new WatchlistEntry("T", "LIU HUADE", [], PartialDate.Of(1965), "CHN", Sex.Male)]);

        var same = Assert.Single(index.Screen(new ScreeningQuery("LIAO HUADE", PartialDate.Of(1965, 4, 27), "CHN", AsOf: Today)));
        var other = Assert.Single(index.Screen(new ScreeningQuery("LIAO HUADE", PartialDate.Of(1965, 4, 27), "SGP", AsOf: Today)));

        Assert.Equal(0.13, same.Evidence - other.Evidence, 6);
        Assert.Contains("nationality differs", other.Explanation, StringComparison.Ordinal);
    }

    [Fact]
    public void Screen_MiddleNamesLeftOut_CostLessThanOuterNames()
    {
        // ALI SHAMI leaves out ADNAN HUSSEIN: between the names it has, a form's or the MRZ's usual omission; before
        // them, the listed person goes by other names first.
        var index = WatchlistIndex.Build(
        [
            new WatchlistEntry("MIDDLE", "ALI ADNAN HUSSEIN SHAMI", [], PartialDate.Of(1948, 8, 15), "SYR", Sex.Male),
            new WatchlistEntry("OUTER", "ADNAN HUSSEIN ALI SHAMI", [], PartialDate.Of(1948, 8, 15), "SYR", Sex.Male),
        ]);

        var hits = index.Screen(new ScreeningQuery("ALI SHAMI", PartialDate.Of(1948, 8, 15), "SYR", AsOf: Today));

        var middle = Assert.Single(hits, h => h.Entry.Id == "MIDDLE");
        var outer = hits.SingleOrDefault(h => h.Entry.Id == "OUTER")?.Evidence ?? 0;
        Assert.True(middle.Evidence > outer + 0.03, $"{middle.Evidence} against {outer}");
        Assert.Contains("not in the screened name: ADNAN+HUSSEIN", middle.Explanation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(10, 0.80)]
    [InlineData(100_000, 0.80)]
    [InlineData(300_000, 0.8406)]
    [InlineData(1_000_000, 0.885)]
    [InlineData(100_000_000, 0.95)]
    public void AlertThresholdFor_RisesWithTheListsSize(int entries, double expected)
    {
        Assert.Equal(expected, WatchlistIndex.AlertThresholdFor(entries), 4);
    }

    [Fact]
    public void Screen_NoAlertThresholdSet_TheListsOwnDecides()
    {
        // GOPAL GHOTH for an undated GOPAL GHOSH scores about 0.85: an alert on a list of two entries (0.80), a
        // review where the options ask for the threshold of a million entries.
        var index = WatchlistIndex.Build([new WatchlistEntry("LISTED", "GOPAL GHOSH", [], null, "IND", Sex.Male), new WatchlistEntry("T", "LIU HUADE", [], null)]);
        var query = new ScreeningQuery("Gopal Ghoth", PartialDate.Of(1999, 10, 18), "IND", AsOf: Today);

        var own = Assert.Single(index.Screen(query));
        var strict = Assert.Single(index.Screen(query, ScreeningOptions.Default with { AlertThreshold = WatchlistIndex.AlertThresholdFor(1_000_000) }));

        Assert.Equal(0.80, index.AlertThreshold, 4);
        Assert.InRange(own.Score, 0.80, 0.885);
        Assert.Equal(ScreeningDecision.Alert, own.Decision);
        Assert.Equal(ScreeningDecision.Review, strict.Decision);
    }

    [Fact]
    public void Screen_HitsOfEqualScore_ComeInTheOrderOfTheirIds()
    {
        // The list is not sorted by id; one entry has an alias, so it is found through two names.
        var index = WatchlistIndex.Build(
        [
            new WatchlistEntry("K-10", "KIM MIN JUN", [], null, "KOR", Sex.Male),
            new WatchlistEntry("K-02", "KIM MIN JUN", ["MINJUN KIM"], null, "KOR", Sex.Male),
            new WatchlistEntry("K-1", "KIM MIN JUN", [], null, "KOR", Sex.Male),
        ]);

        var hits = index.Screen(new ScreeningQuery("KIM MIN JUN", AsOf: Today));

        Assert.Equal(["K-02", "K-1", "K-10"], hits.Select(h => h.Entry.Id));
    }
}
