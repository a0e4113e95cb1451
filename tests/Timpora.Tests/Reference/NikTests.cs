using Timpora.Core.Reference;

namespace Timpora.Tests.Reference;

public class NikTests
{
    private static readonly DateOnly Today = new(2026, 5, 1);

    private static bool District(string code) => code is "53.18.01" or "18.07.02";

    [Fact]
    public void Validate_Man_ReadsDistrictBirthDateAndSerial()
    {
        var result = Nik.Validate("5318011208740003", District, Today);

        Assert.True(result.IsValid);
        Assert.Equal("53.18.01", result.DistrictCode);
        Assert.Equal("53", result.ProvinceCode);
        Assert.Equal("53.18", result.RegencyCode);
        Assert.Equal(NikSex.Male, result.Sex);
        Assert.Equal(new DateOnly(1974, 8, 12), result.DateOfBirth);
        Assert.Equal("0003", result.Serial);
    }

    [Fact]
    public void Validate_Woman_SubtractsFortyFromTheDay()
    {
        var result = Nik.Validate("1807025203050001", District, Today);

        Assert.True(result.IsValid);
        Assert.Equal(NikSex.Female, result.Sex);
        Assert.Equal(new DateOnly(2005, 3, 12), result.DateOfBirth);
    }

    [Fact]
    public void Validate_SpacesAsTyped_AreIgnored() =>
        Assert.True(Nik.Validate(" 5318 0112 0874 0003 ", District, Today).IsValid);

    [Fact]
    public void Validate_BirthYearAheadOfToday_GoesToLastCentury() =>
        Assert.Equal(new DateOnly(1930, 1, 1), Nik.Validate("5318010101300001", District, Today).DateOfBirth);

    [Theory]
    [InlineData("531801120874000")]
    [InlineData("53180112087400031")]
    public void Validate_WrongLength_SaysSo(string nik) =>
        Assert.Equal(NikIssueCode.WrongLength, Assert.Single(Nik.Validate(nik, District, Today).Issues).Code);

    [Fact]
    public void Validate_NonDigits_SaysSo() =>
        Assert.Equal(NikIssueCode.NotDigits, Assert.Single(Nik.Validate("53180112O8740003", District, Today).Issues).Code);

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void Validate_Empty_SaysSo(string? nik) =>
        Assert.Equal(NikIssueCode.Empty, Assert.Single(Nik.Validate(nik, District, Today).Issues).Code);

    [Fact]
    public void Validate_UnknownDistrict_NamesTheCode()
    {
        var issue = Assert.Single(Nik.Validate("9999991208740003", District, Today).Issues);

        Assert.Equal(NikIssueCode.UnknownDistrict, issue.Code);
        Assert.Contains("99.99.99", issue.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("5318013102900001")]
    [InlineData("5318017102900001")]
    [InlineData("5318013502900001")]
    [InlineData("5318010013900001")]
    [InlineData("5318010001900001")]
    public void Validate_ImpossibleDate_SaysSo(string nik)
    {
        var result = Nik.Validate(nik, District, Today);

        Assert.Equal(NikIssueCode.ImpossibleDate, Assert.Single(result.Issues).Code);
        Assert.Null(result.DateOfBirth);
    }

    [Fact]
    public void Validate_SerialZero_IsInvalid() =>
        Assert.Equal(NikIssueCode.InvalidSerial, Assert.Single(Nik.Validate("5318011208740000", District, Today).Issues).Code);
}
