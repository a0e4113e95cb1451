namespace Timpora.Core.Permits;

/// <summary>What an overstay amounts to on a given day (UU 6/2011 Pasal 78): under 60 days a charge per day;
/// beyond 60 days deportation and an entry ban are proposed.</summary>
public sealed record Overstay(int Days, long Charge, bool DeportationProposed)
{
    public const int DeportationThresholdDays = 60;

    public static Overstay? On(DateOnly expiresOn, DateOnly today, IReadOnlyList<OverstayRate> rates)
    {
        var days = today.DayNumber - expiresOn.DayNumber;
        if (days <= 0)
        {
            return null;
        }

        // Each overstayed day is charged at the rate in force on that day.
        long charge = 0;
        var ordered = rates.OrderBy(r => r.EffectiveFrom).ToList();
        for (var day = expiresOn.AddDays(1); day <= today; day = day.AddDays(1))
        {
            charge += ordered.LastOrDefault(r => r.EffectiveFrom <= day)?.RupiahPerDay ?? 0;
        }

        return new Overstay(days, charge, days > DeportationThresholdDays);
    }
}
