using Timpora.Screening.Normalisation;

namespace Timpora.Tests.Screening;

public class NameNormaliserTests
{
    [Theory]
    [InlineData("Müller", "MUELLER")]
    [InlineData("MUELLER", "MUELLER")]
    [InlineData("José Nuñez", "JOSE NUNEZ")]
    [InlineData("Łukasz Żółć", "LUKASZ ZOLC")]
    [InlineData("Øyvind Ås", "OEYVIND AAS")]
    [InlineData("Straße", "STRASSE")]
    [InlineData("O'Brien", "OBRIEN")]
    [InlineData("Иванов Сергей", "IVANOV SERGEI")]
    [InlineData("Щербаков Юрий", "SHCHERBAKOV IURII")]
    [InlineData("Παπαδόπουλος Γιώργος", "PAPADOPOULOS GIORGOS")]
    [InlineData("محمد عبد الرحمن", "MHMD ABDUL RHMN")]
    [InlineData("Ahmad bin Ismail", "AHMAD ISMAIL")]
    [InlineData("BIN WU", "BIN WU")]
    [InlineData("Kim Bin-Bin", "KIM BIN BIN")]
    [InlineData("WU<<BIN", "WU BIN")]
    [InlineData("Abdullah Al-Rashid", "ABDULLAH RASHID")]
    [InlineData("Ludwig van der Berg", "LUDWIG VAN BERG")]
    [InlineData("MOHD NAJIB", "MUHAMMAD NAJIB")]
    [InlineData("ERIKSSON<<ANNA<MARIA<<<<<<", "ERIKSSON ANNA MARIA")]
    public void Normalise_KnownSpellings_GivesIcaoParts(string raw, string expected)
    {
        Assert.Equal(expected, NameNormaliser.Normalise(raw).ToString());
    }

    [Fact]
    public void Normalise_UkrainianLetters_UsesUkrainianRules()
    {
        Assert.Equal("HRYHORII SHEVCHENKO", NameNormaliser.Normalise("Григорій Шевченко").ToString());
    }

    [Theory]
    [InlineData("王伟", "王伟")]
    [InlineData("สมชาย ใจดี", "สมชาย ใจดี")]
    [InlineData("김민준 KIM", "김민준 KIM")]
    public void Normalise_UnknownScript_KeepsLettersAsTheyAre(string raw, string expected)
    {
        Assert.Equal(expected, NameNormaliser.Normalise(raw).ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("<<<<")]
    [InlineData("12345 !!")]
    [InlineData(null)]
    public void Normalise_NoLetters_GivesNoParts(string? raw)
    {
        Assert.Empty(NameNormaliser.Normalise(raw).Parts);
    }

    [Fact]
    public void Normalise_ControlCharactersAndHugeInput_StaysBounded()
    {
        var name = NameNormaliser.Normalise("ANNA\u0007\u0000MARIA\t" + new string('X', 10_000));

        Assert.Equal(["ANNA", "MARIA", new string('X', NameNormaliser.MaxPartLength)], name.Parts);
    }

    [Fact]
    public void Normalise_FullMrzNameField_MayBeTruncated()
    {
        Assert.True(NameNormaliser.Normalise("ABDULRAHMAN<<MUHAMMAD<IBRAHIM<KHALIL<SALE").MayBeTruncated);
        Assert.False(NameNormaliser.Normalise("ERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<").MayBeTruncated);
    }

    [Theory]
    [InlineData("MUHAMMAD", "MOHAMED")]
    [InlineData("MOHAMMAD", "MOHAMMED")]
    [InlineData("MUELLER", "MULLER")]
    [InlineData("YUSUF", "YOUSSEF")]
    [InlineData("HUSSEIN", "HUSAYN")]
    public void Phonetic_SpellingVariants_Agree(string a, string b)
    {
        Assert.Equal(NameKeys.Phonetic(NameKeys.Skeleton(a)), NameKeys.Phonetic(NameKeys.Skeleton(b)));
    }
}
