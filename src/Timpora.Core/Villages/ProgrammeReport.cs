using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Villages;

/// <summary>One village's quarter: plan against activities held, people reached by group, consultations and
/// their warning signs, referrals and their outcomes, deferrals of its residents.</summary>
public sealed record VillageQuarter(
    Guid Id, string Name, string Code, int KanimId, VillageStatus Status, double? Latitude, double? Longitude,
    int Planned, int Done, int Men, int Women, int Pupils, int ProspectiveMigrants, int VillageOfficials,
    int Consultations, int WarningSigns, int Referrals, int ReferralsClosed, int Deferrals)
{
    public int Participants => Men + Women + Pupils + ProspectiveMigrants + VillageOfficials;

    /// <summary>The programme's norm: an active village holds at least one activity a quarter, and what it planned.</summary>
    public bool NormMet => Done >= Math.Max(1, Planned);
}

/// <summary>The quarterly report of the programme for the caller's scope (the query filters apply), optionally
/// narrowed to one Kanim or one regency.</summary>
public sealed record ProgrammeQuarter(
    Quarter Quarter, IReadOnlyList<VillageQuarter> Villages, IReadOnlyDictionary<WarningSigns, int> Signs,
    IReadOnlyDictionary<ReferralOutcome, int> Outcomes, IReadOnlyDictionary<ReferralAgency, int> Agencies, int DeferralsOutsideProgramme)
{
    public int ActiveVillages => Villages.Count(v => v.Status == VillageStatus.Active);

    public static async Task<ProgrammeQuarter> BuildAsync(AppDbContext db, Quarter quarter, int? kanimId, string? regency, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var (first, last) = (quarter.First, quarter.Last);
        var prefix = regency is null ? null : regency + ".";
        var villages = await db.ProgrammeVillages.AsNoTracking()
            .Where(v => (kanimId == null || v.KanimId == kanimId) && (prefix == null || v.AreaCode.StartsWith(prefix)))
            .Where(v => v.Status != VillageStatus.Proposed || v.ProposedOn <= last)
            .OrderBy(v => v.AreaCode)
            .Select(v => new { v.Id, v.Name, v.AreaCode, v.KanimId, v.Status, v.Latitude, v.Longitude })
            .ToListAsync(cancellationToken);
        var ids = villages.Select(v => v.Id).ToList();
        var plans = await db.QuarterPlans.AsNoTracking().Where(p => ids.Contains(p.VillageId) && p.Year == quarter.Year && p.Quarter == quarter.Number)
            .ToDictionaryAsync(p => p.VillageId, p => p.PlannedActivities, cancellationToken);
        var activities = await db.VillageActivities.AsNoTracking()
            .Where(a => ids.Contains(a.VillageId) && a.Status == ActivityStatus.Done && a.Date >= first && a.Date <= last)
            .Select(a => new { a.VillageId, a.Men, a.Women, a.Pupils, a.ProspectiveMigrants, a.VillageOfficials })
            .ToListAsync(cancellationToken);
        var consultations = await db.Consultations.AsNoTracking()
            .Where(c => ids.Contains(c.VillageId) && c.Date >= first && c.Date <= last)
            .Select(c => new { c.Id, c.VillageId, c.Signs })
            .ToListAsync(cancellationToken);
        var deferrals = await db.PassportDeferrals.AsNoTracking()
            .Where(d => d.InterviewOn >= first && d.InterviewOn <= last && (kanimId == null || d.KanimId == kanimId) && (prefix == null || d.AreaCode.StartsWith(prefix)))
            .Select(d => new { d.Id, d.VillageId })
            .ToListAsync(cancellationToken);
        var consultationIds = consultations.Select(c => c.Id).ToList();
        var deferralIds = deferrals.Select(d => d.Id).ToList();
        var referrals = await db.Referrals.AsNoTracking()
            .Where(r => (r.ConsultationId != null && consultationIds.Contains(r.ConsultationId.Value)) || (r.DeferralId != null && deferralIds.Contains(r.DeferralId.Value)))
            .Select(r => new { r.ConsultationId, r.DeferralId, r.Agency, r.Status, r.Outcome })
            .ToListAsync(cancellationToken);
        var villageOfConsultation = consultations.ToDictionary(c => c.Id, c => c.VillageId);
        var villageOfDeferral = deferrals.Where(d => d.VillageId != null).ToDictionary(d => d.Id, d => d.VillageId!.Value);
        Guid? VillageOf(Guid? consultation, Guid? deferral) =>
            consultation is { } c ? villageOfConsultation.GetValueOrDefault(c)
            : deferral is { } d && villageOfDeferral.TryGetValue(d, out var v) ? v : null;
        var referralsByVillage = referrals.GroupBy(r => VillageOf(r.ConsultationId, r.DeferralId)).ToDictionary(g => g.Key ?? Guid.Empty, g => g.ToList());

        var rows = villages.Select(v =>
        {
            var held = activities.Where(a => a.VillageId == v.Id).ToList();
            var consulted = consultations.Where(c => c.VillageId == v.Id).ToList();
            var referred = referralsByVillage.GetValueOrDefault(v.Id) ?? [];
            return new VillageQuarter(
                v.Id, v.Name, v.AreaCode, v.KanimId, v.Status, v.Latitude, v.Longitude,
                plans.GetValueOrDefault(v.Id), held.Count, held.Sum(a => a.Men), held.Sum(a => a.Women), held.Sum(a => a.Pupils),
                held.Sum(a => a.ProspectiveMigrants), held.Sum(a => a.VillageOfficials),
                consulted.Count, consulted.Sum(c => CountFlags(c.Signs)), referred.Count, referred.Count(r => r.Status == ReferralStatus.Closed),
                deferrals.Count(d => d.VillageId == v.Id));
        }).ToList();
        var signs = Enum.GetValues<WarningSigns>().Where(s => s != WarningSigns.None)
            .ToDictionary(s => s, s => consultations.Count(c => c.Signs.HasFlag(s)));
        var outcomes = Enum.GetValues<ReferralOutcome>().ToDictionary(o => o, o => referrals.Count(r => r.Status == ReferralStatus.Closed && r.Outcome == o));
        var agencies = Enum.GetValues<ReferralAgency>().ToDictionary(a => a, a => referrals.Count(r => r.Agency == a));
        return new ProgrammeQuarter(quarter, rows, signs, outcomes, agencies, deferrals.Count(d => d.VillageId is null || !ids.Contains(d.VillageId.Value)));
    }

    private static int CountFlags(WarningSigns signs) => System.Numerics.BitOperations.PopCount((uint)signs);
}
