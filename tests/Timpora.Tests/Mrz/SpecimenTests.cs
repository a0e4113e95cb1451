using Timpora.Core.Mrz;

namespace Timpora.Tests.Mrz;

public class SpecimenTests
{
    [Fact]
    public void Parse_Td3Specimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.Td3, Specimens.Today);

        Assert.Equal(MrzFormat.Td3, result.Format);
        Assert.Equal("P", result.DocumentCode);
        Assert.Equal(DocumentKind.Passport, result.Kind);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal("L898902C3", result.DocumentNumber);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal("1974-08-12", result.DateOfBirth.ToString());
        Assert.Equal(MrzSex.Female, result.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal("ZE184226B", result.OptionalData);
        Assert.Equal(
            [MrzField.DocumentNumber, MrzField.DateOfBirth, MrzField.ExpiryDate, MrzField.OptionalData, MrzField.Composite],
            result.CheckDigits.Select(c => c.Field));
        Assert.All(result.CheckDigits, c => Assert.True(c.IsValid));
        Assert.Equal(['6', '2', '9', '1', '0'], result.CheckDigits.Select(c => c.Printed));
    }

    [Fact]
    public void Parse_Td3Specimen_IsValidWithWarningsForUtopiaAndExpiry()
    {
        var result = MrzParser.Parse(Specimens.Td3, Specimens.Today);

        Assert.True(result.IsValid);
        Assert.Equal(
            [MrzIssueCode.UnknownIssuingState, MrzIssueCode.UnknownNationality, MrzIssueCode.DocumentExpired],
            result.Issues.Select(i => i.Code).Order());
        Assert.All(result.Issues, i => Assert.Equal(MrzSeverity.Warning, i.Severity));
    }

    [Fact]
    public void Parse_Td1Specimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.Td1, Specimens.Today);

        Assert.Equal(MrzFormat.Td1, result.Format);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal(DocumentKind.IdentityDocument, result.Kind);
        Assert.Equal("UTO", result.IssuingState);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal("UTO", result.Nationality);
        Assert.Equal("1974-08-12", result.DateOfBirth.ToString());
        Assert.Equal(MrzSex.Female, result.Sex);
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal("", result.OptionalData);
        Assert.Equal("", result.OptionalData2);
        Assert.Equal(
            [MrzField.DocumentNumber, MrzField.DateOfBirth, MrzField.ExpiryDate, MrzField.Composite],
            result.CheckDigits.Select(c => c.Field));
        Assert.All(result.CheckDigits, c => Assert.True(c.IsValid));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_Td2Specimen_ReadsEveryField()
    {
        var result = MrzParser.Parse(Specimens.Td2, Specimens.Today);

        Assert.Equal(MrzFormat.Td2, result.Format);
        Assert.Equal("I", result.DocumentCode);
        Assert.Equal("ERIKSSON", result.Surname);
        Assert.Equal("ANNA MARIA", result.GivenNames);
        Assert.Equal("D23145890", result.DocumentNumber);
        Assert.Equal("1974-08-12", result.DateOfBirth.ToString());
        Assert.Equal(new DateOnly(2012, 4, 15), result.ExpiryDate);
        Assert.Equal(
            [MrzField.DocumentNumber, MrzField.DateOfBirth, MrzField.ExpiryDate, MrzField.Composite],
            result.CheckDigits.Select(c => c.Field));
        Assert.All(result.CheckDigits, c => Assert.True(c.IsValid));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_MrvASpecimen_ReadsVisaWithoutCompositeCheckDigit()
    {
        var result = MrzParser.Parse(Specimens.MrvA, Specimens.Today);

        Assert.Equal(MrzFormat.MrvA, result.Format);
        Assert.Equal("V", result.DocumentCode);
        Assert.Equal(DocumentKind.Visa, result.Kind);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal("XXX", result.Nationality);
        Assert.Equal("1940-09-07", result.DateOfBirth.ToString());
        Assert.Equal(new DateOnly(1996, 12, 10), result.ExpiryDate);
        Assert.Equal("6ZE184226B", result.OptionalData);
        Assert.Equal([MrzField.DocumentNumber, MrzField.DateOfBirth, MrzField.ExpiryDate], result.CheckDigits.Select(c => c.Field));
        Assert.All(result.CheckDigits, c => Assert.True(c.IsValid));
        Assert.False(result.Has(MrzIssueCode.UnknownNationality));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_MrvBVisa_ReadsShortVisaLayout()
    {
        var result = MrzParser.Parse(Specimens.MrvB, Specimens.Today);

        Assert.Equal(MrzFormat.MrvB, result.Format);
        Assert.Equal(DocumentKind.Visa, result.Kind);
        Assert.Equal("L8988901C", result.DocumentNumber);
        Assert.Equal("", result.OptionalData);
        Assert.Equal(3, result.CheckDigits.Count);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_GermanPassport_ReadsStateDAndFillerPersonalNumberCheckDigit()
    {
        var result = MrzParser.Parse(Specimens.German, Specimens.Today);

        Assert.Equal("D", result.IssuingState);
        Assert.Equal("D", result.Nationality);
        Assert.Equal("MUSTERMANN", result.Surname);
        Assert.Equal("ERIKA", result.GivenNames);
        Assert.Equal("C01X00T47", result.DocumentNumber);
        Assert.Equal(new DateOnly(2027, 2, 28), result.ExpiryDate);
        Assert.Contains(result.CheckDigits, c => c is { Field: MrzField.OptionalData, Printed: '<', IsValid: true });
        Assert.Empty(result.Issues);
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_StatelessHolder_KnowsXxa()
    {
        var result = MrzParser.Parse(Specimens.Stateless, Specimens.Today);

        Assert.Equal("XXA", result.Nationality);
        Assert.Equal("DE BRUIJN", result.Surname);
        Assert.Equal("WILLEKE LOTTE", result.GivenNames);
        Assert.False(result.Has(MrzIssueCode.UnknownNationality));
        Assert.True(result.IsValid);
    }

    [Fact]
    public void Parse_SingleName_IsAllPrimaryIdentifier()
    {
        var result = MrzParser.Parse(Specimens.SingleName, Specimens.Today);

        Assert.Equal("SUKARNO", result.Surname);
        Assert.Equal("", result.GivenNames);
        Assert.Equal("X1234567", result.DocumentNumber);
        Assert.Empty(result.Issues);
    }

    [Fact]
    public void Parse_Td1LongDocumentNumber_JoinsNumberFromOptionalData()
    {
        var result = MrzParser.Parse(Specimens.Td1LongNumber, Specimens.Today);

        Assert.Equal("D23145890123", result.DocumentNumber);
        Assert.Equal("", result.OptionalData);
        Assert.Contains(result.CheckDigits, c => c is { Field: MrzField.DocumentNumber, Printed: '3', IsValid: true });
        Assert.True(result.IsValid, string.Join("; ", result.Issues));
    }

    [Fact]
    public void Parse_Td2LongDocumentNumber_JoinsNumberFromOptionalData()
    {
        var result = MrzParser.Parse(Specimens.Td2LongNumber, Specimens.Today);

        Assert.Equal("D23145890123", result.DocumentNumber);
        Assert.All(result.CheckDigits, c => Assert.True(c.IsValid));
        Assert.True(result.IsValid, string.Join("; ", result.Issues));
    }
}
