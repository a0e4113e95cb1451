namespace Timpora.Screening.Evaluation;

/// <summary>A made-up person: name parts by role, so that variations can drop a middle name or swap the order.</summary>
internal sealed record SyntheticPerson(
    Culture Culture, Sex Sex, string[] Given, string[] Middle, string[] Surname, PartialDate DateOfBirth, string Nationality, string Document)
{
    /// <summary>East Asian names are written family name first; the others given name first.</summary>
    public bool FamilyFirst => Culture is Culture.Chinese or Culture.Korean or Culture.Vietnamese;

    public string[] Parts => FamilyFirst ? [.. Surname, .. Middle, .. Given] : [.. Given, .. Middle, .. Surname];

    public string FullName => string.Join(' ', Parts);

    public static SyntheticPerson Create(Random random, Culture culture)
    {
        var sex = random.NextDouble() < (culture == Culture.Arabic ? 0.75 : 0.6) ? Sex.Male : Sex.Female;
        var male = sex == Sex.Male;
        string[] given, middle, surname;
        switch (culture)
        {
            case Culture.Arabic:
                given = male ? ArabicMale(random) : [Pick(random, NamePools.ArabicFemale)];
                middle = random.NextDouble() < 0.7 ? [.. ArabicMale(random), .. random.NextDouble() < 0.5 ? ArabicMale(random) : []] : [];
                surname = random.NextDouble() < 0.65
                    ? ["AL-" + (random.NextDouble() < 0.6 ? Pick(random, NamePools.ArabicFamily) : Synthetic(random, NamePools.GenericSyllables, 2, 3) + "I")]
                    : ArabicMale(random);
                break;
            case Culture.Chinese:
                given = [random.NextDouble() < 0.75 ? Pick(random, NamePools.ChineseSyllables) + Pick(random, NamePools.ChineseSyllables, 1) : Pick(random, NamePools.ChineseSyllables, 1)];
                middle = [];
                surname = [Pick(random, NamePools.ChineseSurnames)];
                break;
            case Culture.Russian or Culture.Ukrainian:
                var ukrainian = culture == Culture.Ukrainian;
                given = [male ? Pick(random, ukrainian ? NamePools.UkrainianMale : NamePools.RussianMale) : Pick(random, NamePools.RussianFemale)];
                middle = random.NextDouble() < 0.6 ? [Patronymic(Pick(random, NamePools.RussianMale), male)] : [];
                surname = [RussianSurname(random, male, ukrainian)];
                break;
            case Culture.Korean:
                var first = Pick(random, NamePools.KoreanSyllables, 1);
                var second = Pick(random, NamePools.KoreanSyllables, 1);
                var style = random.Next(3);
                given = style == 0 ? [first + second] : style == 1 ? [first, second] : [first + "-" + second];
                middle = [];
                surname = [Pick(random, NamePools.KoreanSurnames)];
                break;
            case Culture.Vietnamese:
                given = [Pick(random, NamePools.VietnameseGiven, 1)];
                middle = [random.NextDouble() < 0.5 ? (male ? "VAN" : "THI") : Pick(random, NamePools.VietnameseMiddle, 1)];
                surname = [Pick(random, NamePools.VietnameseSurnames)];
                break;
            case Culture.Indian:
                given = [Pick(random, NamePools.IndianGiven, 1)];
                middle = random.NextDouble() < 0.4 ? [male ? Pick(random, ["KUMAR", "LAL", "PRASAD", "CHANDRA", "NATH", "SINGH"]) : Pick(random, ["DEVI", "RANI", "KUMARI", "KAUR"])] : [];
                surname = [random.NextDouble() < 0.7 ? Pick(random, NamePools.IndianSurnames) : Synthetic(random, NamePools.GenericSyllables, 2, 3) + Pick(random, ["AN", "ESH", "PPA", "IYA", "ALI"])];
                break;
            case Culture.African:
                given = [Pick(random, NamePools.AfricanGiven, 1)];
                middle = random.NextDouble() < 0.4 ? [Pick(random, NamePools.AfricanGiven, 1)] : [];
                surname = [random.NextDouble() < 0.5 ? Pick(random, NamePools.AfricanSurnames, 1) : Synthetic(random, NamePools.AfricanSyllables, 3, 5)];
                break;
            default:
                given = random.NextDouble() < 0.25 ? [Pick(random, NamePools.EuropeanGiven, 1), Pick(random, NamePools.EuropeanGiven, 1)] : [Pick(random, NamePools.EuropeanGiven, 1)];
                middle = [];
                surname = [random.NextDouble() < 0.6 ? Pick(random, NamePools.EuropeanSurnames, 1) : Synthetic(random, NamePools.GenericSyllables, 2, 3) + Pick(random, ["SON", "MANN", "ER", "INI", "EZ", "SKI", "OU", "EAU"])];
                break;
        }

        var year = random.Next(1940, 2006);
        var month = random.Next(1, 13);
        var dateOfBirth = PartialDate.Of(year, month, random.Next(1, DateTime.DaysInMonth(year, month) + 1));
        var document = string.Concat((char)('A' + random.Next(26)), (char)('A' + random.Next(26)), random.Next(1_000_000, 9_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new SyntheticPerson(culture, sex, given, middle, surname, dateOfBirth, Pick(random, NamePools.Nationalities[culture], 1), document);
    }

    /// <summary>Someone else of the same tradition who shares this person's family name or given names.</summary>
    public SyntheticPerson Namesake(Random random)
    {
        var other = Create(random, Culture);
        return random.Next(3) switch
        {
            0 => other with { Surname = Surname },
            1 => other with { Given = Given },
            _ => other with { Given = Given, Middle = Middle.Length > 0 ? Middle : other.Middle },
        };
    }

    /// <summary>Picks from a list whose common names come first: low indexes are drawn far more often.</summary>
    public static string Pick(Random random, string[] pool, double skew = 2.0)
    {
        var u = random.NextDouble();
        return pool[(int)(Math.Pow(u, skew) * pool.Length)];
    }

    private static string[] ArabicMale(Random random) => random.NextDouble() < 0.12
        ? ["ABDUL", Pick(random, NamePools.ArabicAbdul)]
        : [Pick(random, NamePools.ArabicMale)];

    private static string Patronymic(string father, bool male)
    {
        var stem = father.EndsWith("II", StringComparison.Ordinal) ? father[..^2] + "E"
            : father.EndsWith('I') ? father[..^1] + "E" : father + "O";
        return stem + (male ? "VICH" : "VNA");
    }

    private static string RussianSurname(Random random, bool male, bool ukrainian)
    {
        var suffix = ukrainian && random.NextDouble() < 0.6 ? Pick(random, ["ENKO", "CHUK", "UK", "SKII"], 1) : Pick(random, NamePools.RussianSuffixes, 1);
        var surname = Pick(random, NamePools.RussianStems, 1) + suffix;
        return male ? surname : suffix switch
        {
            "OV" or "EV" or "IN" => surname + "A",
            "SKII" => surname[..^2] + "AIA",
            _ => surname,
        };
    }

    private static string Synthetic(Random random, string[] syllables, int min, int max)
    {
        var count = random.Next(min, max + 1);
        var text = "";
        for (var i = 0; i < count; i++)
        {
            text += syllables[random.Next(syllables.Length)];
        }

        return text;
    }
}
