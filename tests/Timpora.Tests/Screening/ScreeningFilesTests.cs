using Timpora.Screening;
using Timpora.Screening.Csv;

namespace Timpora.Tests.Screening;

public class ScreeningFilesTests
{
    private const string Header = "id,name,aliases,dob,nationality,sex,documents\n";

    private static CsvLoad<WatchlistEntry> Load(string text) => ScreeningFiles.ReadWatchlist(new StringReader(text));

    [Fact]
    public void ReadWatchlist_ValidFile_ReadsEveryField()
    {
        var load = Load(Header + "W1,\"AL-RASHID, Abdullah\",Abu Bakr; A. Rashid,1985-11,SAU,M,A123;B-456\r\nW2,Anna,,1990,,F,\n");

        Assert.True(load.Succeeded);
        var first = load.Rows[0];
        Assert.Equal("AL-RASHID, Abdullah", first.Name);
        Assert.Equal(["Abu Bakr", "A. Rashid"], first.Aliases);
        Assert.Equal(PartialDate.Of(1985, 11), first.DateOfBirth);
        Assert.Equal(["A123", "B-456"], first.Documents);
        Assert.Equal(Sex.Female, load.Rows[1].Sex);
    }

    [Theory]
    [InlineData("W1,,,,,,", 2, "name", "is empty")]
    [InlineData("W1,Anna,,1990-13-01,,,", 2, "dob", "is not a date")]
    [InlineData("W1,Anna,,1990-02-30,,,", 2, "dob", "is not a date")]
    [InlineData("W1,Anna,,19900101,,,", 2, "dob", "is not a date")]
    [InlineData("W1,Anna\u0007Bell,,,,,", 2, "name", "control character U+0007")]
    [InlineData("W1,Anna,,,INDONESIA,,", 2, "nationality", "not an ICAO nationality code")]
    [InlineData("W1,Anna,,,,Q,", 2, "sex", "is not M, F or X")]
    [InlineData("W1,!!!,,,,,", 2, "name", "has no letters")]
    [InlineData(",Anna,,,,,", 2, "id", "is empty")]
    public void ReadWatchlist_BadField_NamesLineAndField(string row, int line, string field, string message)
    {
        var load = Load(Header + "W0,Good Row,,,,,\n" + row + "\n");

        Assert.Empty(load.Rows);
        var problem = Assert.Single(load.Problems);
        Assert.Equal((line + 1, field), (problem.Line, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWatchlist_TenThousandCharacterName_Refused()
    {
        var load = Load(Header + "W1," + new string('A', 10_000) + ",,,,,\n");

        Assert.Equal("line 2, field 'name': is 10000 characters long; a name has at most 200", Assert.Single(load.Problems).ToString());
    }

    [Fact]
    public void ReadWatchlist_MissingColumn_RefusedBeforeAnyRow()
    {
        var load = Load("id,name,aliases,nationality,sex,documents\nW1,Anna,,,,\n");

        Assert.Empty(load.Rows);
        Assert.Equal("line 1, field 'dob': missing column (the header must have id,name,aliases,dob,nationality,sex,documents)", Assert.Single(load.Problems).ToString());
    }

    [Theory]
    [InlineData("W1,\"Anna,,,,,,\nW2,Bob,,,,,\n", "never closed")]
    [InlineData("W1,\"Anna\"x,,,,,\n", "text after its closing quote")]
    [InlineData("W1,An\"na,,,,,\n", "quote inside an unquoted value")]
    [InlineData("W1,Anna,,,,\n", "expected 7 fields as in the header, found 6")]
    public void ReadWatchlist_BrokenCsv_ReportsLine(string rows, string message)
    {
        var load = Load(Header + rows);

        Assert.Empty(load.Rows);
        var problem = Assert.Single(load.Problems);
        Assert.Equal(2, problem.Line);
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReadWatchlist_DuplicateId_Refused()
    {
        var load = Load(Header + "W1,Anna,,,,,\nW1,Bob,,,,,\n");

        Assert.Equal("line 3, field 'id': 'W1' appears more than once", Assert.Single(load.Problems).ToString());
    }

    [Fact]
    public void ReadQueries_QuotedLineBreak_RefusedAndLinesStillCounted()
    {
        var load = ScreeningFiles.ReadQueries(new StringReader("id,name,dob,nationality,sex,document\nQ1,\"Anna\nMaria\",,,,\nQ2,Bob,1990-02-30,,,\n"));

        Assert.Equal(
            ["line 2, field 'name': contains the control character U+000A at position 5", "line 4, field 'dob': '1990-02-30' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"],
            load.Problems.Select(p => p.ToString()));
    }

    [Fact]
    public void WriteRecord_SpecialCharacters_QuotedAndReadBack()
    {
        var writer = new StringWriter();
        CsvWriter.WriteRecord(writer, "a,b", "say \"hi\"", "line\nbreak", "plain");

        var fields = new List<string>();
        new CsvReader(new StringReader(writer.ToString())).TryReadRecord(fields, out var error);

        Assert.Null(error);
        Assert.Equal(["a,b", "say \"hi\"", "line\nbreak", "plain"], fields);
    }
}
