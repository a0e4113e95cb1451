using Timpora.Core.Data;

namespace Timpora.Core.Sanctions;

/// <summary>The six kinds of administrative immigration action of UU 6/2011 Pasal 75(2).</summary>
public enum SanctionKind
{
    /// <summary>(a) Inclusion in the prevention or deterrence list; here the entry ban (penangkalan).</summary>
    BanList = 1,

    /// <summary>(b) Restriction, change or cancellation of the stay permit.</summary>
    PermitAction = 2,

    /// <summary>(c) Ban from being in one or more places in Indonesia.</summary>
    PlaceBan = 3,

    /// <summary>(d) Obligation to live in a certain place (restriction of residence).</summary>
    Residence = 4,

    /// <summary>(e) A charge (biaya beban), e.g. the overstay charge of Pasal 78.</summary>
    Charge = 5,

    /// <summary>(f) Deportation, often after detention in a Rudenim.</summary>
    Deportation = 6,
}

/// <summary>A TAK decision with its subject, grounds, what it entails and any objection (keberatan).</summary>
public sealed class Sanction : PersonalRecord
{
    public SanctionKind Kind { get; set; }
    public required string DecisionNumber { get; set; }
    public DateOnly DecisionDate { get; set; }
    public Guid? ForeignerId { get; set; }
    public required string SubjectName { get; set; }
    public required string Nationality { get; set; }
    public string? PassportNumber { get; set; }
    public required string Grounds { get; set; }

    public DateOnly? DeportationDate { get; set; }
    public string? DeportationPort { get; set; }
    public string? Carrier { get; set; }
    public string? Rudenim { get; set; }

    /// <summary>Entry ban: up to 10 years (Pasal 102), renewable.</summary>
    public int? BanYears { get; set; }
    public bool BanRenewal { get; set; }

    /// <summary>What the permit action or the place ban or residence obligation is.</summary>
    public string? Detail { get; set; }
    public int? ChargeDays { get; set; }
    public long? ChargeRupiah { get; set; }

    public DateOnly? ObjectionFiledOn { get; set; }
    public string? ObjectionLateReason { get; set; }
    public DateOnly? ObjectionForwardedOn { get; set; }
    public DateOnly? ObjectionDecidedOn { get; set; }
    public string? ObjectionOutcome { get; set; }
}

/// <summary>Which details each kind needs and which it must not carry, and the objection deadlines
/// (Pasal 77: 21 working days to file, 5 to forward, 5 to decide).</summary>
public static class SanctionRules
{
    public const int MaxBanYears = 10;
    public const int FileWithin = 21;
    public const int ForwardWithin = 5;
    public const int DecideWithin = 5;

    /// <summary>The problems with the details, as (field, text key) pairs; empty when they fit the kind.</summary>
    public static IReadOnlyList<(string Field, string Key)> Check(Sanction s)
    {
        var problems = new List<(string, string)>();
        void Need(bool present, string field) { if (!present) { problems.Add((field, "Sanctions.DetailRequired")); } }
        void Forbid(bool present, string field) { if (present) { problems.Add((field, "Sanctions.DetailNotForKind")); } }

        var deportation = s.Kind == SanctionKind.Deportation;
        var ban = s.Kind == SanctionKind.BanList;
        var charge = s.Kind == SanctionKind.Charge;
        var detail = s.Kind is SanctionKind.PermitAction or SanctionKind.PlaceBan or SanctionKind.Residence;
        if (deportation)
        {
            Need(s.DeportationDate is not null, nameof(s.DeportationDate));
            Need(!string.IsNullOrWhiteSpace(s.DeportationPort), nameof(s.DeportationPort));
            Need(!string.IsNullOrWhiteSpace(s.Carrier), nameof(s.Carrier));
            if (s.DeportationDate is { } date && date < s.DecisionDate)
            {
                problems.Add((nameof(s.DeportationDate), "Sanctions.DeportationBeforeDecision"));
            }
        }
        else
        {
            Forbid(s.DeportationDate is not null, nameof(s.DeportationDate));
            Forbid(!string.IsNullOrWhiteSpace(s.DeportationPort), nameof(s.DeportationPort));
            Forbid(!string.IsNullOrWhiteSpace(s.Carrier), nameof(s.Carrier));
            Forbid(!string.IsNullOrWhiteSpace(s.Rudenim), nameof(s.Rudenim));
        }

        if (ban)
        {
            Need(s.BanYears is not null, nameof(s.BanYears));
            if (s.BanYears is < 1 or > MaxBanYears)
            {
                problems.Add((nameof(s.BanYears), "Sanctions.BanYearsRange"));
            }
        }
        else
        {
            Forbid(s.BanYears is not null, nameof(s.BanYears));
        }

        if (detail)
        {
            Need(!string.IsNullOrWhiteSpace(s.Detail), nameof(s.Detail));
        }
        else
        {
            Forbid(!string.IsNullOrWhiteSpace(s.Detail), nameof(s.Detail));
        }

        if (!charge)
        {
            Forbid(s.ChargeRupiah is not null, nameof(s.ChargeRupiah));
        }

        return problems;
    }

    public static DateOnly FilingDeadline(Sanction s, WorkingDays days) => days.Add(s.DecisionDate, FileWithin);

    public static DateOnly? ForwardingDeadline(Sanction s, WorkingDays days) =>
        s.ObjectionFiledOn is { } filed ? days.Add(filed, ForwardWithin) : null;

    public static DateOnly? DecisionDeadline(Sanction s, WorkingDays days) =>
        s.ObjectionForwardedOn is { } forwarded ? days.Add(forwarded, DecideWithin) : null;

    /// <summary>Why an objection cannot be recorded as filed on <paramref name="filedOn"/>, as a text key; null when
    /// it can. One filed after the 21 working days is accepted only with a recorded reason.</summary>
    public static string? CheckFiling(Sanction s, DateOnly filedOn, string? lateReason, DateOnly today, WorkingDays days)
    {
        if (filedOn < s.DecisionDate)
        {
            return "Sanctions.FiledBeforeDecision";
        }

        if (filedOn > today)
        {
            return "Sanctions.DateInFuture";
        }

        return filedOn > FilingDeadline(s, days) && string.IsNullOrWhiteSpace(lateReason) ? "Sanctions.LateNeedsReason" : null;
    }
}
