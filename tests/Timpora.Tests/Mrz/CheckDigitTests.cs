using Timpora.Core.Mrz;

namespace Timpora.Tests.Mrz;

public class CheckDigitTests
{
    private const string Td3Line1 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\n";

    [Theory]
    [InlineData("L898902C3", 6)]
    [InlineData("740812", 2)]
    [InlineData("120415", 9)]
    [InlineData("ZE184226B<<<<<", 1)]
    [InlineData("L898902C3674081221204159ZE184226B<<<<<1", 0)]
    [InlineData("D23145890", 7)]
    [InlineData("<<<<<<", 0)]
    [InlineData("", 0)]
    public void CheckDigit_SpecimenFields_MatchDoc9303(string value, int expected) =>
        Assert.Equal(expected, MrzParser.CheckDigit(value));

    [Theory]
    [InlineData("l898902c3")]
    [InlineData("L898 902C3")]
    [InlineData("É")]
    public void CheckDigit_CharacterOutsideMrzAlphabet_IsNull(string value) =>
        Assert.Null(MrzParser.CheckDigit(value));

    // Each row alters one character of the TD3 specimen's second line.
    [Theory]
    [InlineData("L898903C36UTO7408122F1204159ZE184226B<<<<<10", MrzIssueCode.DocumentNumberCheckDigit, MrzField.DocumentNumber)]
    [InlineData("L898902C36UTO7408132F1204159ZE184226B<<<<<10", MrzIssueCode.DateOfBirthCheckDigit, MrzField.DateOfBirth)]
    [InlineData("L898902C36UTO7408122F1204169ZE184226B<<<<<10", MrzIssueCode.ExpiryDateCheckDigit, MrzField.ExpiryDate)]
    [InlineData("L898902C36UTO7408122F1204159ZE184227B<<<<<10", MrzIssueCode.OptionalDataCheckDigit, MrzField.OptionalData)]
    public void Parse_Td3FieldMisread_NamesTheField(string line2, MrzIssueCode code, MrzField field)
    {
        var result = MrzParser.Parse(Td3Line1 + line2, Specimens.Today);

        Assert.False(result.IsValid);
        var first = result.Issues.First(i => i.Severity == MrzSeverity.Error);
        Assert.Equal(code, first.Code);
        Assert.Equal(field, first.Field);
        Assert.False(result.CheckDigits.Single(c => c.Field == field).IsValid);
        Assert.Contains(result.Issues, i => i.Code == MrzIssueCode.CompositeCheckDigit && i.Field == MrzField.Composite);
    }

    [Fact]
    public void Parse_Td3CompositeDigitAlone_NamesComposite()
    {
        var result = MrzParser.Parse(Td3Line1 + "L898902C36UTO7408122F1204159ZE184226B<<<<<11", Specimens.Today);

        var error = Assert.Single(result.Issues, i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.CompositeCheckDigit, error.Code);
        Assert.Equal(MrzField.Composite, error.Field);
        Assert.Contains("composite check digit is 1", error.Message, StringComparison.Ordinal);
        Assert.All(result.CheckDigits.Where(c => c.Field != MrzField.Composite), c => Assert.True(c.IsValid));
    }

    [Fact]
    public void Parse_Td1OptionalDataMisread_FailsOnlyComposite()
    {
        var result = MrzParser.Parse(
            "I<UTOD231458907ABC<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<", Specimens.Today);

        var error = Assert.Single(result.Issues, i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.CompositeCheckDigit, error.Code);
        Assert.Equal("ABC", result.OptionalData);
    }

    [Fact]
    public void Parse_MrvDocumentNumberMisread_HasNoCompositeToBlame()
    {
        var result = MrzParser.Parse(
            "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988902C4XXX4009078F96121096ZE184226B<<<<<<", Specimens.Today);

        var error = Assert.Single(result.Issues, i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.DocumentNumberCheckDigit, error.Code);
        Assert.DoesNotContain(result.CheckDigits, c => c.Field == MrzField.Composite);
    }

    [Fact]
    public void Parse_CheckDigitNotADigit_SaysSo()
    {
        var result = MrzParser.Parse(Td3Line1 + "L898902C3<UTO7408122F1204159ZE184226B<<<<<10", Specimens.Today);

        var error = result.Issues.First(i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.DocumentNumberCheckDigit, error.Code);
        Assert.Contains("not a digit", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Td3EmptyPersonalNumberWithFilledCheckDigit_FailsOptionalData()
    {
        var result = MrzParser.Parse(
            "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<34", Specimens.Today);

        Assert.Contains(result.Issues, i => i.Code == MrzIssueCode.OptionalDataCheckDigit);
    }
}
