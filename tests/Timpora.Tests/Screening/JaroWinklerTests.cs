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

    [Fact]
    public void MayReach_FalseForAPair_TheSimilarityIsBelow()
    {
        // Names of a few letters from a small alphabet meet often enough to test the bound at its edge.
        var random = new Random(20261206);
        string Name() => new([.. Enumerable.Range(0, random.Next(2, 13)).Select(_ => "AEINORSTHKLMU"[random.Next(13)])]);
        var ruledOut = 0;
        for (var n = 0; n < 200_000; n++)
        {
            var (a, b) = (Name(), Name());
            foreach (var threshold in (double[])[0.8, 0.9, 0.95])
            {
                if (!JaroWinkler.MayReach(JaroWinkler.LettersOf(a), a.Length, JaroWinkler.LettersOf(b), b.Length, threshold))
                {
                    ruledOut++;
                    Assert.True(JaroWinkler.Similarity(a, b) < threshold, $"{a} {b} {threshold}");
                }
            }
        }

        Assert.True(ruledOut > 100_000, $"the bound ruled out only {ruledOut} comparisons");
    }

    [Fact]
    public void MayReach_PartsWrittenTogether_IsTrue()
    {
        Assert.True(JaroWinkler.MayReach(JaroWinkler.LettersOf("ABDULRAHMAN"), 11, JaroWinkler.LettersOf("ABDUL") | JaroWinkler.LettersOf("RAHMAN"), 11, 0.9));
        Assert.False(JaroWinkler.MayReach(JaroWinkler.LettersOf("ABDULRAHMAN"), 11, JaroWinkler.LettersOf("NGUYEN") | JaroWinkler.LettersOf("THI"), 9, 0.9));
    }
}
