using Timpora.Core.Reference;

namespace Timpora.Tests.Reference;

public class NationalitiesTests
{
    [Theory]
    [InlineData("DEU", "Germany", "Jerman")]
    [InlineData("D", "Germany", "Jerman")]
    [InlineData("AUS", "Australia", "Australia")]
    [InlineData("CHN", "China", "Tiongkok")]
    [InlineData("NLD", "Netherlands", "Belanda")]
    [InlineData("IDN", "Indonesia", "Indonesia")]
    [InlineData("TLS", "Timor-Leste", "Timor-Leste")]
    [InlineData("XXA", "Stateless person", "Tanpa kewarganegaraan")]
    [InlineData("UNO", "United Nations", "Perserikatan Bangsa-Bangsa")]
    public void Find_KnownCode_GivesEnglishAndIndonesianName(string code, string english, string indonesian)
    {
        var nationality = Nationalities.Find(code);

        Assert.NotNull(nationality);
        Assert.Equal(english, nationality.EnglishName);
        Assert.Equal(indonesian, nationality.IndonesianName);
    }

    [Theory]
    [InlineData("D<<")]
    [InlineData(" deu ")]
    [InlineData("xxb")]
    public void IsKnown_FillersCaseAndSpaces_AreIgnored(string code) => Assert.True(Nationalities.IsKnown(code));

    [Theory]
    [InlineData("UTO")]
    [InlineData("QQQ")]
    [InlineData("")]
    [InlineData("<<<")]
    [InlineData("DEUT")]
    [InlineData(null)]
    public void IsKnown_UnknownOrMalformed_IsFalse(string? code) => Assert.False(Nationalities.IsKnown(code));

    [Fact]
    public void All_CoversIso3166AndIcaoCodes()
    {
        Assert.Equal(249, Nationalities.All.Count(n => n.Kind == NationalityKind.State && n.Code.Length == 3 && n.Code != "RKS"));
        foreach (var code in new[] { "D", "XXA", "XXB", "XXC", "XXX", "UNO", "UNA", "UNK", "EUE", "GBD", "GBN", "GBO", "GBP", "GBS", "XOM", "XPO", "XES", "XIM", "XCC", "XBA", "RKS" })
        {
            Assert.True(Nationalities.IsKnown(code), code);
        }

        Assert.Equal(Nationalities.All.Count, Nationalities.All.Select(n => n.Code).Distinct().Count());
        Assert.All(Nationalities.All, n => Assert.False(string.IsNullOrWhiteSpace(n.IndonesianName)));
    }

    [Fact]
    public void Find_Refugee_IsAStatusNotAState() =>
        Assert.Equal(NationalityKind.Status, Nationalities.Find("XXB")?.Kind);
}
