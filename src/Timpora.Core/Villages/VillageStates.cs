namespace Timpora.Core.Villages;

public enum StateProblem
{
    NotAllowed,
    ConsentMissing,
    DecreeMissing,
    EstablishedMissing,
}

/// <summary>How a programme village moves: proposed, active, paused, ended. A village becomes active only with
/// its consent, the decree and the date it was established on file.</summary>
public static class VillageStates
{
    private static readonly Dictionary<VillageStatus, VillageStatus[]> Moves = new()
    {
        [VillageStatus.Proposed] = [VillageStatus.Active, VillageStatus.Ended],
        [VillageStatus.Active] = [VillageStatus.Paused, VillageStatus.Ended],
        [VillageStatus.Paused] = [VillageStatus.Active, VillageStatus.Ended],
        [VillageStatus.Ended] = [],
    };

    public static IReadOnlyList<VillageStatus> Next(VillageStatus from) => Moves[from];

    public static IReadOnlyList<StateProblem> Check(ProgrammeVillage village, VillageStatus to)
    {
        ArgumentNullException.ThrowIfNull(village);
        if (!Moves[village.Status].Contains(to))
        {
            return [StateProblem.NotAllowed];
        }

        var problems = new List<StateProblem>();
        if (to == VillageStatus.Active)
        {
            if (village.ConsentOn is null)
            {
                problems.Add(StateProblem.ConsentMissing);
            }

            if (string.IsNullOrWhiteSpace(village.DecreeNumber) || village.DecreeOn is null)
            {
                problems.Add(StateProblem.DecreeMissing);
            }

            if (village.EstablishedOn is null)
            {
                problems.Add(StateProblem.EstablishedMissing);
            }
        }

        return problems;
    }
}
