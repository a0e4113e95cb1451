using Timpora.Screening.Matching;

namespace Timpora.Tests.Screening;

/// <summary>The string measure under every part comparison, against the published Jaro-Winkler values.</summary>
public class JaroWinklerTests
{
    [Theory]
    [InlineData("MARTHA", "MARHTA", 0.9611)] // one transposition, prefix MAR
    [InlineData("DWAYNE", "DUANE", 0.84)]
    [InlineData("DIXON", "DICKSONX", 0.8133)]
    [InlineData("JELLYFISH", "SMELLYFISH", 0.8963)] // no common prefix: Jaro alone
    [InlineData("ABC", "ABC", 1.0)]
    [InlineData("ABC", "XYZ", 0.0)]
    [InlineData("", "ABC", 0.0)]
    [InlineData("AQRS", "!ARS", 0.8333)] // '!' and 'A' share a slot of the position table: told apart
    [InlineData("ÇELİK", "CELIK", 0.7333)]
    public void Similarity_KnownPairs_HasThePublishedValue(string a, string b, double expected)
    {
        Assert.Equal(expected, JaroWinkler.Similarity(a, b), 4);
        Assert.Equal(expected, JaroWinkler.Similarity(b, a), 4);
    }

    [Fact]
    public void Similarity_NamesOf64AndMoreCharacters_ComparesTheFirst64WithoutOverflow()
    {
        var long64 = new string('A', 63) + "B";
        var long70 = new string('A', 63) + "C" + new string('D', 6);

        var similarity = JaroWinkler.Similarity(long64, long70);

        Assert.InRange(similarity, 0.98, 0.999);
        Assert.Equal(1.0, JaroWinkler.Similarity(long64 + "XYZ", long64 + "QRS"));
    }
}
