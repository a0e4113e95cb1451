using Timpora.Core.Sanctions;

namespace Timpora.Tests.Sanctions;

public sealed class WorkingDaysTests
{
    // Idul Fitri 2025: Monday 31 March and Tuesday 1 April.
    private static readonly WorkingDays Days = new([new DateOnly(2025, 3, 31), new DateOnly(2025, 4, 1)]);

    [Fact]
    public void Add_FromFriday_SkipsTheWeekend()
    {
        Assert.Equal(new DateOnly(2025, 3, 10), Days.Add(new DateOnly(2025, 3, 7), 1));
    }

    [Fact]
    public void Add_OverHolidays_SkipsThem()
    {
        // Friday 28 March + 5 working days: Wed 2, Thu 3, Fri 4, Mon 7, Tue 8 April.
        Assert.Equal(new DateOnly(2025, 4, 8), Days.Add(new DateOnly(2025, 3, 28), 5));
    }

    [Fact]
    public void Add_TwentyOneDays_IsFourWeeksAndOneDayWithoutHolidays()
    {
        Assert.Equal(new DateOnly(2025, 6, 3), new WorkingDays([]).Add(new DateOnly(2025, 5, 5), 21));
    }

    [Fact]
    public void Add_Zero_IsTheSameDay() => Assert.Equal(new DateOnly(2025, 3, 8), Days.Add(new DateOnly(2025, 3, 8), 0));

    [Fact]
    public void Between_IsTheInverseOfAdd()
    {
        var start = new DateOnly(2025, 3, 20);
        Assert.Equal(21, Days.Between(start, Days.Add(start, 21)));
    }

    [Fact]
    public void CheckFiling_LateWithoutReason_IsRefused_WithReason_IsAccepted()
    {
        var sanction = new Sanction { KanimId = 1, AreaCode = "53.18", Kind = SanctionKind.Deportation, DecisionNumber = "X", DecisionDate = new DateOnly(2025, 5, 5), SubjectName = "A", Nationality = "AUS", Grounds = "G" };
        var today = new DateOnly(2025, 12, 1);

        Assert.Null(SanctionRules.CheckFiling(sanction, new DateOnly(2025, 6, 3), null, today, new WorkingDays([])));
        Assert.Equal("Sanctions.LateNeedsReason", SanctionRules.CheckFiling(sanction, new DateOnly(2025, 6, 4), null, today, new WorkingDays([])));
        Assert.Null(SanctionRules.CheckFiling(sanction, new DateOnly(2025, 6, 4), "Surat keberatan tertahan di pos", today, new WorkingDays([])));
        Assert.Equal("Sanctions.FiledBeforeDecision", SanctionRules.CheckFiling(sanction, new DateOnly(2025, 5, 1), null, today, new WorkingDays([])));
    }

    [Theory]
    [InlineData(SanctionKind.Deportation, true, null, null, 0)]
    [InlineData(SanctionKind.Deportation, false, null, null, 3)]
    [InlineData(SanctionKind.BanList, false, 5, null, 0)]
    [InlineData(SanctionKind.BanList, false, 11, null, 1)]
    [InlineData(SanctionKind.Charge, true, null, null, 3)]
    [InlineData(SanctionKind.Residence, false, null, "Wajib tinggal di Rudenim Kupang", 0)]
    [InlineData(SanctionKind.Residence, false, 2, null, 2)]
    public void Check_DetailsAgainstKind_ReportsWhatDoesNotFit(SanctionKind kind, bool deportationDetails, int? banYears, string? detail, int problems)
    {
        var sanction = new Sanction
        {
            KanimId = 1,
            AreaCode = "53.18",
            Kind = kind,
            DecisionNumber = "X",
            DecisionDate = new DateOnly(2025, 5, 5),
            SubjectName = "A",
            Nationality = "AUS",
            Grounds = "G",
            DeportationDate = deportationDetails ? new DateOnly(2025, 5, 10) : null,
            DeportationPort = deportationDetails ? "Bandara El Tari" : null,
            Carrier = deportationDetails ? "Garuda GA 123" : null,
            BanYears = banYears,
            Detail = detail,
        };

        Assert.Equal(problems, SanctionRules.Check(sanction).Count);
    }
}
