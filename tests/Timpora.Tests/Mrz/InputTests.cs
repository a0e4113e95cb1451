using Timpora.Core.Mrz;

namespace Timpora.Tests.Mrz;

public class InputTests
{
    [Fact]
    public void Parse_LowerCaseWithSpacesAndCrlf_ReadsLikeTheSpecimen()
    {
        var typed = "  p<uto eriksson<<anna<maria <<<<<<<<<<<<<<<<<<< \r\n\r\n l898902c3 6 uto 740812 2 f 120415 9 ze184226b<<<<< 1 0  \r\n";

        var result = MrzParser.Parse(typed, Specimens.Today);

        Assert.Equal(MrzParser.Parse(Specimens.Td3, Specimens.Today), result, new ResultComparer());
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_ZonePastedAsOneLine_SplitsIt()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("\n", " ", StringComparison.Ordinal), Specimens.Today);

        Assert.Equal(MrzFormat.Td3, result.Format);
        Assert.Equal("L898902C3", result.DocumentNumber);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_Td1PastedAsOneLine_SplitsIntoThree()
    {
        var result = MrzParser.Parse(Specimens.Td1.Replace("\n", "", StringComparison.Ordinal), Specimens.Today);

        Assert.Equal(MrzFormat.Td1, result.Format);
        Assert.Equal("ERIKSSON", result.Surname);
    }

    [Fact]
    public void Parse_NameLineWithoutTrailingFillers_PadsAndWarns()
    {
        var result = MrzParser.Parse("P<UTOERIKSSON<<ANNA<MARIA\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", Specimens.Today);

        Assert.True(result.IsValid);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        var warning = Assert.Single(result.Issues, i => i.Code == MrzIssueCode.FillerAdjusted);
        Assert.Equal(MrzSeverity.Warning, warning.Severity);
    }

    [Fact]
    public void Parse_DataLineOneShort_RejectsWithLineLength()
    {
        var result = MrzParser.Parse("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<1", Specimens.Today);

        Assert.Null(result.Format);
        Assert.False(result.IsValid);
        var error = Assert.Single(result.Issues);
        Assert.Equal(MrzIssueCode.WrongLineLength, error.Code);
        Assert.Equal(MrzField.Input, error.Field);
        Assert.Contains("Line 2 has 43", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10<<<<<<<<<<")]
    [InlineData("I<UTOD231458907<<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<")]
    [InlineData("ABC\nDEF")]
    public void Parse_WrongLineLengths_RejectsClearly(string text)
    {
        var result = MrzParser.Parse(text, Specimens.Today);

        Assert.Null(result.Format);
        Assert.Equal(MrzIssueCode.WrongLineLength, Assert.Single(result.Issues).Code);
    }

    [Theory]
    [InlineData("L898902C36UTO7408122F1204159ZE184226B<<<<<10")]
    [InlineData("A\nB\nC\nD")]
    public void Parse_WrongLineCount_RejectsClearly(string text) =>
        Assert.Equal(MrzIssueCode.WrongLineCount, Assert.Single(MrzParser.Parse(text, Specimens.Today).Issues).Code);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData(" \r\n\t ")]
    public void Parse_EmptyInput_ReportsEmpty(string? text)
    {
        var result = MrzParser.Parse(text, Specimens.Today);

        Assert.False(result.IsValid);
        Assert.Equal(MrzIssueCode.Empty, Assert.Single(result.Issues).Code);
    }

    [Fact]
    public void Parse_TenThousandCharacters_RejectsWithoutReading()
    {
        var result = MrzParser.Parse(new string('<', 10_000), Specimens.Today);

        Assert.Equal(MrzIssueCode.InputTooLong, Assert.Single(result.Issues).Code);
        Assert.Empty(result.Lines);
    }

    [Fact]
    public void Parse_CharacterOutsideAlphabet_SaysWhere()
    {
        var result = MrzParser.Parse("P<UTOERIKSSON<<ANNA-MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", Specimens.Today);

        var error = Assert.Single(result.Issues);
        Assert.Equal(MrzIssueCode.InvalidCharacter, error.Code);
        Assert.Contains("Line 1, position 20: '-'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LetterOInBirthDate_CorrectsToZeroAndSaysSo()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("7408122", "74O8122", StringComparison.Ordinal), Specimens.Today);

        Assert.True(result.IsValid);
        Assert.Equal("1974-08-12", result.DateOfBirth.ToString());
        var warning = Assert.Single(result.Issues, i => i.Code == MrzIssueCode.OcrCorrected);
        Assert.Equal(MrzField.DateOfBirth, warning.Field);
        Assert.Contains("O as 0", warning.Message, StringComparison.Ordinal);
        Assert.StartsWith("L898902C36UTO7408122F", result.Lines[1], StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LetterIAsCheckDigit_CorrectsToOne()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("<<<<<10", "<<<<<I0", StringComparison.Ordinal), Specimens.Today);

        Assert.True(result.IsValid);
        Assert.Equal(MrzField.OptionalData, Assert.Single(result.Issues, i => i.Code == MrzIssueCode.OcrCorrected).Field);
    }

    [Fact]
    public void Parse_WrongOcrCorrection_IsStillCaughtByCheckDigit()
    {
        // B in a date is read as 8; if the printed digit was really 3, the check digit says so.
        var result = MrzParser.Parse(Specimens.Td3.Replace("7408122", "74B8122", StringComparison.Ordinal), Specimens.Today);

        Assert.Contains(result.Issues, i => i.Code == MrzIssueCode.DateOfBirthCheckDigit);
        Assert.False(result.IsValid);
    }

    [Fact]
    public void Parse_DigitInName_ReportsWithoutCorrecting()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("ERIKSSON", "ERIKSS0N", StringComparison.Ordinal), Specimens.Today);

        Assert.Equal("ERIKSS0N", result.Surname);
        var error = Assert.Single(result.Issues, i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.InvalidNameCharacter, error.Code);
        Assert.Equal(MrzField.Name, error.Field);
    }

    [Fact]
    public void Parse_NameFillingItsField_WarnsOfTruncation()
    {
        var result = MrzParser.Parse(
            "P<UTOERIKSSONSTRANDBERG<<ANNA<MARIA<CHRISTIN\nL898902C36UTO7408122F1204159ZE184226B<<<<<10", Specimens.Today);

        Assert.True(result.IsValid);
        Assert.True(result.Has(MrzIssueCode.NameMayBeTruncated));
        Assert.Equal("ANNA MARIA CHRISTIN", result.GivenNames);
    }

    [Fact]
    public void Parse_InvalidSexAndUnexpectedDocumentCode_AreReported()
    {
        var result = MrzParser.Parse(
            "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122Q1204159ZE184226B<<<<<10", Specimens.Today);

        Assert.Contains(result.Issues, i => i is { Code: MrzIssueCode.InvalidSex, Severity: MrzSeverity.Error, Field: MrzField.Sex });
        Assert.Contains(result.Issues, i => i is { Code: MrzIssueCode.UnexpectedDocumentCode, Severity: MrzSeverity.Warning });
        Assert.Null(result.Sex);
    }

    private sealed class ResultComparer : IEqualityComparer<MrzResult>
    {
        public bool Equals(MrzResult? x, MrzResult? y) =>
            x is not null && y is not null
            && x.Lines.SequenceEqual(y.Lines)
            && x.Issues.SequenceEqual(y.Issues)
            && x.CheckDigits.SequenceEqual(y.CheckDigits)
            && x with { Lines = [], Issues = [], CheckDigits = [] } == y with { Lines = [], Issues = [], CheckDigits = [] };

        public int GetHashCode(MrzResult obj) => 0;
    }
}
