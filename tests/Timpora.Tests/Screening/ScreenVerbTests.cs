using Timpora.Cli;

namespace Timpora.Tests.Screening;

public sealed class ScreenVerbTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("timpora-screen-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(directory, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    private async Task<(int Code, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await ScreenVerb.RunAsync(args, TextReader.Null, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task RunAsync_ValidFiles_WritesHitsBestFirst()
    {
        var watchlist = File("w.csv", """
            id,name,aliases,dob,nationality,sex,documents
            W1,MUHAMMAD ABDUL RAHMAN,Abu Khalid,1980-05-12,IRQ,M,A1234567
            W2,MOHAMMED ABDULRAHMAN,,1980,IRQ,M,
            W3,ZHANG WEI,,1990-07-07,CHN,M,
            W4,Hans Müller,,1975,D,M,
            """);
        var queries = File("q.csv", """
            id,name,dob,nationality,sex,document
            Q1,Mohamed Abdulrahman,1980-05-12,IRQ,M,
            Q2,Anna Schmidt,1990-01-01,D,F,
            Q3,"MUELLER, HANS",,,,
            Q4,Someone Else,,,,A1234567
            """);
        var results = Path.Combine(directory, "r.csv");

        var (code, output, error) = await RunAsync("--watchlist", watchlist, "--queries", queries, "--out", results);

        Assert.Equal((0, ""), (code, error));
        Assert.Contains("Screened 4 queries against 4 entries", output, StringComparison.Ordinal);
        var lines = System.IO.File.ReadAllLines(results);
        Assert.Equal("query_id,watchlist_id,score,decision", lines[0]);
        Assert.Equal(["Q1,W1", "Q1,W2", "Q3,W4", "Q4,W1"], lines.Skip(1).Select(l => string.Join(',', l.Split(',')[..2])));
        Assert.StartsWith("Q1,W1,1.0000,alert", lines[1], StringComparison.Ordinal);
        Assert.True(string.CompareOrdinal(lines[1].Split(',')[2], lines[2].Split(',')[2]) >= 0);
        Assert.All(lines.Skip(1), l => Assert.Matches(",(alert|review)$", l));
    }

    [Fact]
    public async Task RunAsync_BadWatchlistRow_FailsNamingRowAndFieldAndWritesNothing()
    {
        var watchlist = File("w.csv", "id,name,aliases,dob,nationality,sex,documents\nW1,Anna,,1980-05-12,,,\nW2,Bob,,1980-02-31,,,\n");
        var queries = File("q.csv", "id,name,dob,nationality,sex,document\nQ1,Anna,,,,\n");
        var results = Path.Combine(directory, "r.csv");

        var (code, _, error) = await RunAsync("--watchlist", watchlist, "--queries", queries, "--out", results);

        Assert.Equal(1, code);
        Assert.Contains("line 3, field 'dob': '1980-02-31' is not a date", error, StringComparison.Ordinal);
        Assert.False(System.IO.File.Exists(results));
    }

    [Fact]
    public async Task RunAsync_QueriesMissingColumn_Fails()
    {
        var watchlist = File("w.csv", "id,name,aliases,dob,nationality,sex,documents\nW1,Anna,,,,,\n");
        var queries = File("q.csv", "id,name\nQ1,Anna\n");

        var (code, _, error) = await RunAsync("--watchlist", watchlist, "--queries", queries, "--out", Path.Combine(directory, "r.csv"));

        Assert.Equal(1, code);
        Assert.Contains("field 'dob': missing column", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--watchlist", "w.csv")]
    [InlineData("--watchlist", "w.csv", "--queries", "q.csv", "--out", "r.csv", "--alert", "high")]
    public async Task RunAsync_BadArguments_PrintsUsage(params string[] args)
    {
        var (code, _, error) = await RunAsync(args);

        Assert.Equal(2, code);
        Assert.Contains("Usage: screen", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_MissingFile_FailsWithMessage()
    {
        var (code, _, error) = await RunAsync("--watchlist", Path.Combine(directory, "none.csv"), "--queries", "q", "--out", "r");

        Assert.Equal(1, code);
        Assert.Contains("Cannot read", error, StringComparison.Ordinal);
    }
}
