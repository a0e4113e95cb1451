using System.Diagnostics;
using Timpora.Screening.Matching;

namespace Timpora.Tests.Screening;

/// <summary>The register's name search: words of a query against one person's name, as screening compares parts.</summary>
public sealed class NameSearchTests(ITestOutputHelper output)
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

    /// <summary>What an office's register costs in memory once the database has narrowed it: 20,000 names (the
    /// candidate cap) of parts drawn from 3,000 (a register repeats its parts), prepared and compared, the first time
    /// and again. Printed, and bounded loosely so a slow shared machine does not fail it.</summary>
    [Fact]
    public void Likeness_TwentyThousandNames_TakeWellUnderASecond()
    {
        var random = new Random(20261208);
        var pool = Enumerable.Range(0, 3000).Select(_ => new string([.. Enumerable.Range(0, random.Next(3, 9)).Select(_ => (char)('A' + random.Next(26)))])).ToArray();
        var names = Enumerable.Range(0, 20_000).Select(_ => pool[random.Next(pool.Length)] + " " + pool[random.Next(pool.Length)] + " " + pool[random.Next(pool.Length)]).ToList();
        var query = NameSearch.Prepare("Abdul Rahman");

        var first = Stopwatch.StartNew();
        var matches = names.Count(n => NameSearch.Likeness(query, NameSearch.Prepare(n)) > 0);
        first.Stop();
        var again = Stopwatch.StartNew();
        _ = names.Count(n => NameSearch.Likeness(query, NameSearch.Prepare(n)) > 0);
        again.Stop();

        output.WriteLine($"20,000 names prepared and compared: {first.ElapsedMilliseconds} ms the first time, {again.ElapsedMilliseconds} ms again; {matches} matched");
        Assert.True(again.ElapsedMilliseconds < 1500, $"{again.ElapsedMilliseconds} ms");
    }
}
