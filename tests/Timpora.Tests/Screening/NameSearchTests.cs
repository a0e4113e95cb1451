using Timpora.Screening.Matching;

namespace Timpora.Tests.Screening;

/// <summary>The register's name search: words of a query against one person's name, as screening compares parts.</summary>
public sealed class NameSearchTests
{
    [Theory]
    [InlineData("Muhammad", "ABDULRAHMAN MOHAMED")]
    [InlineData("Abdul Rahman", "ABDULRAHMAN MOHAMED")]
    [InlineData("abdulrahman", "ABDUL RAHMAN MUHAMMAD")]
    [InlineData("mohd", "ABDULRAHMAN MUHAMMAD")]
    [InlineData("liam mck", "MCKENZIE LIAM JAMES")]
    [InlineData("Zhang", "CHEUNG WEI")]
    public void Likeness_SpellingOrderOrJoinedParts_Match(string query, string name) =>
        Assert.True(NameSearch.Likeness(NameSearch.Prepare(query), NameSearch.Prepare(name)) > 0);

    [Theory]
    [InlineData("Muhammad Ali", "ABDULRAHMAN MOHAMED")]
    [InlineData("Pedro", "LUIS JOSE")]
    [InlineData("Rahman", "RAMOS ANNA")]
    public void Likeness_AWordOnNoPart_IsZero(string query, string name) =>
        Assert.Equal(0, NameSearch.Likeness(NameSearch.Prepare(query), NameSearch.Prepare(name)));

    [Fact]
    public void Likeness_ExactSpelling_RanksAboveAVariant()
    {
        var query = NameSearch.Prepare("muhammad abdul rahman");

        Assert.True(NameSearch.Likeness(query, NameSearch.Prepare("ABDUL RAHMAN MUHAMMAD")) > NameSearch.Likeness(query, NameSearch.Prepare("ABDULRAHMAN MOHAMED")));
    }
}
