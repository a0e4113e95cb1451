using Timpora.Screening;

namespace Timpora.Tests.Screening;

public class HitReasonsTests
{
    private static readonly HitReason[] Reasons =
    [
        new(HitReasonCode.NameVariant, "MOHAMED", "MUHAMMAD", 0.93),
        new(HitReasonCode.NameJoined, "ABDULRAHMAN", "ABDUL+RAHMAN", 0.97),
        new(HitReasonCode.DateOfBirthAgrees, "1980-04-05", "1980-04-05"),
        new(HitReasonCode.DayOfBirthDiffersByOneDigit, "1980-04-15", "1980-04-05"),
        new(HitReasonCode.NationalityDiffers),
        new(HitReasonCode.AnotherEntryFitsBetter),
    ];

    [Fact]
    public void Encode_Reasons_DecodeGivesThemBack()
    {
        var text = HitReasons.Encode(Reasons);

        Assert.True(HitReasons.TryDecode(text, out var decoded));
        Assert.Equal(Reasons, decoded);
    }

    [Fact]
    public void Encode_LongerThanColumn_DropsWholeReasonsFromTheEnd()
    {
        var full = HitReasons.Encode(Reasons);

        var cut = HitReasons.Encode(Reasons, maxLength: full.Length - 1);

        Assert.True(cut.Length < full.Length);
        Assert.True(HitReasons.TryDecode(cut, out var decoded));
        Assert.Equal(Reasons[..^1], decoded);
    }

    [Fact]
    public void TryDecode_PlainEnglishExplanation_False()
    {
        Assert.False(HitReasons.TryDecode("MOHAMED ~ MUHAMMAD (0.93), date of birth agrees", out var decoded));
        Assert.Empty(decoded);
    }

    [Fact]
    public void Describe_Reasons_EnglishAsBefore()
    {
        Assert.Equal(
            "MOHAMED ~ MUHAMMAD (0.93), ABDULRAHMAN ~ ABDUL+RAHMAN (written together, 0.97), date of birth agrees (1980-04-05 / 1980-04-05), "
            + "day of birth differs by one digit (1980-04-15 / 1980-04-05), nationality differs, another entry fits better",
            HitReasons.Describe(Reasons));
    }
}
