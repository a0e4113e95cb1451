using Timpora.Core.Mrz;

namespace Timpora.Tests.Mrz;

public class CountryCodeTests
{
    [Fact]
    public void Parse_UnknownNationality_WarnsWithCode()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("UTO", "AUS", StringComparison.Ordinal).Replace("C36AUS", "C36QQQ", StringComparison.Ordinal), Specimens.Today);

        Assert.Equal("QQQ", result.Nationality);
        var warning = Assert.Single(result.Issues, i => i.Code == MrzIssueCode.UnknownNationality);
        Assert.Equal(MrzField.Nationality, warning.Field);
        Assert.Equal(MrzSeverity.Warning, warning.Severity);
        Assert.False(result.Has(MrzIssueCode.UnknownIssuingState));
    }

    [Fact]
    public void Parse_DigitInIssuingState_IsAnError()
    {
        var result = MrzParser.Parse(Specimens.Td3.Replace("P<UTO", "P<U7O", StringComparison.Ordinal), Specimens.Today);

        var error = Assert.Single(result.Issues, i => i.Severity == MrzSeverity.Error);
        Assert.Equal(MrzIssueCode.InvalidCountryCode, error.Code);
        Assert.Equal(MrzField.IssuingState, error.Field);
    }

    [Fact]
    public void Parse_GermanCodeWithFillers_IsTrimmedToD()
    {
        var result = MrzParser.Parse(Specimens.German, Specimens.Today);

        Assert.Equal("D", result.IssuingState);
        Assert.DoesNotContain(result.Issues, i => i.Code is MrzIssueCode.UnknownIssuingState or MrzIssueCode.InvalidCountryCode);
    }
}
