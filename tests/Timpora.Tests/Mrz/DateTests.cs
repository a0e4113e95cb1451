using Timpora.Core.Mrz;

namespace Timpora.Tests.Mrz;

public class DateTests
{
    [Fact]
    public void Parse_BirthYearOnly_GivesPartialDate()
    {
        var result = MrzParser.Parse(Specimens.BirthYearOnly, Specimens.Today);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        Assert.Equal(1974, result.DateOfBirth?.Year);
        Assert.Null(result.DateOfBirth?.Month);
        Assert.Equal("1974", result.DateOfBirth.ToString());
    }

    [Fact]
    public void Parse_BirthYearAndMonth_GivesPartialDate()
    {
        var result = MrzParser.Parse(Specimens.BirthYearAndMonth, Specimens.Today);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        Assert.Equal("1974-08", result.DateOfBirth.ToString());
        Assert.False(result.DateOfBirth?.IsComplete);
    }

    [Fact]
    public void Parse_BirthWhollyUnknown_IsNullWithoutError()
    {
        var result = MrzParser.Parse(Specimens.BirthUnknown, Specimens.Today);

        Assert.True(result.IsValid, string.Join("; ", result.Issues));
        Assert.Null(result.DateOfBirth);
        Assert.Equal(MrzSex.Unspecified, result.Sex);
    }

    [Fact]
    public void Parse_BirthLastYear_StaysInThisCentury()
    {
        var result = MrzParser.Parse(Specimens.BornLastYear, Specimens.Today);

        Assert.Equal("2025-01-01", result.DateOfBirth.ToString());
        Assert.Equal(new DateOnly(2035, 1, 1), result.ExpiryDate);
    }

    [Fact]
    public void Parse_BirthYearAheadOfToday_GoesToLastCentury()
    {
        var result = MrzParser.Parse(Specimens.BornLastYear, new DateOnly(2024, 12, 31));

        Assert.Equal("1925-01-01", result.DateOfBirth.ToString());
    }

    [Fact]
    public void Parse_ImpossibleBirthDate_NamesDateOfBirth()
    {
        // 741332 with its correct check digit 4: the date is wrong, not the reading.
        var result = MrzParser.Parse(
            "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7413324F1204159ZE184226B<<<<<10", Specimens.Today);

        var error = Assert.Single(result.Issues, i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.InvalidDateOfBirth, error.Code);
        Assert.Equal(MrzField.DateOfBirth, error.Field);
        Assert.Null(result.DateOfBirth);
    }

    [Theory]
    [InlineData("<<0812")]
    [InlineData("74<<12")]
    [InlineData("7<0812")]
    public void Parse_UnknownPartsInDisallowedPattern_AreInvalid(string birth)
    {
        var line2 = "L898902C36UTO" + birth + MrzParser.CheckDigit(birth) + "F1204159ZE184226B<<<<<1";
        line2 += MrzParser.CheckDigit(line2[..10] + line2[13..20] + line2[21..43]);

        var result = MrzParser.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n" + line2, Specimens.Today);

        Assert.Contains(result.Issues, i => i.Code == MrzIssueCode.InvalidDateOfBirth);
    }

    [Fact]
    public void Parse_ExpiredDocument_WarnsButStaysValid()
    {
        var result = MrzParser.Parse(Specimens.Td3, new DateOnly(2012, 4, 16));

        Assert.True(result.IsValid);
        Assert.Equal(MrzField.ExpiryDate, Assert.Single(result.Issues, i => i.Code == MrzIssueCode.DocumentExpired).Field);
    }

    [Fact]
    public void Parse_ExpiryOnItsLastDay_IsNotExpired() =>
        Assert.False(MrzParser.Parse(Specimens.Td3, new DateOnly(2012, 4, 15)).Has(MrzIssueCode.DocumentExpired));

    [Theory]
    [InlineData(1974, null, null, "1974")]
    [InlineData(1974, 8, null, "1974-08")]
    [InlineData(1974, 8, 12, "1974-08-12")]
    [InlineData(5, 1, 2, "0005-01-02")]
    public void ToString_PartialDate_WritesIsoLikeForm(int year, int? month, int? day, string expected)
    {
        Assert.True(PartialDate.TryCreate(year, month, day, out var date));
        Assert.Equal(expected, date.ToString());
        Assert.True(PartialDate.TryParse(expected, out var parsed));
        Assert.Equal(date, parsed);
    }

    [Theory]
    [InlineData(2023, 2, 29)]
    [InlineData(1974, 13, null)]
    [InlineData(1974, null, 12)]
    [InlineData(0, null, null)]
    public void TryCreate_ImpossibleParts_Fails(int year, int? month, int? day) =>
        Assert.False(PartialDate.TryCreate(year, month, day, out _));

    [Theory]
    [InlineData("74")]
    [InlineData("1974-8")]
    [InlineData("1974-08-1x")]
    [InlineData("1974-02-30")]
    [InlineData(null)]
    public void TryParse_Malformed_Fails(string? text) => Assert.False(PartialDate.TryParse(text, out _));

    [Fact]
    public void Date_CompletePartialDate_GivesDateOnly()
    {
        Assert.True(PartialDate.TryCreate(2024, 2, 29, out var date));
        Assert.Equal(new DateOnly(2024, 2, 29), date.Date);
        Assert.Equal(date, PartialDate.FromDate(new DateOnly(2024, 2, 29)));
    }
}
