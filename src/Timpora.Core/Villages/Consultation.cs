using Timpora.Core.Data;
using Timpora.Core.Reference;

namespace Timpora.Core.Villages;

/// <summary>The signs that a planned departure is not procedural (UU 18/2017 on migrant-worker protection):
/// each one found is a reason to refer the resident.</summary>
[Flags]
public enum WarningSigns
{
    None = 0,
    NoContract = 1,
    FeesDemanded = 2,
    TouristVisaForWork = 4,
    DocumentsHeldByRecruiter = 8,
    UnlicensedRecruiter = 16,
    NotRegistered = 32,
    FalsifiedIdentity = 64,
    UnclearEmployer = 128,
    IrregularRoute = 256,
    Underage = 512,
}

public enum FollowUp
{
    Open,
    Closed,
}

/// <summary>A resident of a programme village who plans to work abroad, and what the officer found and advised.
/// Followed until closed; it cannot close while a referral is still open.</summary>
public sealed class Consultation : PersonalRecord, IVillageRecord
{
    public Guid VillageId { get; set; }
    public DateOnly Date { get; set; }
    public required string ResidentName { get; set; }
    public required string Nik { get; set; }
    public DateOnly? BirthDate { get; set; }
    public NikSex? Sex { get; set; }
    public string? Phone { get; set; }

    /// <summary>ICAO code of the destination country (see <see cref="Nationalities"/>).</summary>
    public required string DestinationCountry { get; set; }
    public string? Job { get; set; }
    public string? Recruiter { get; set; }

    /// <summary>Whether the recruiter is a licensed placement company (P3MI); null when not known.</summary>
    public bool? RecruiterLicensed { get; set; }

    /// <summary>Whether the resident is registered in SISKOP2MI, the national migrant-worker system.</summary>
    public bool? Registered { get; set; }

    public WarningSigns Signs { get; set; }
    public string? Advice { get; set; }
    public FollowUp FollowUp { get; set; }
    public DateOnly? ClosedOn { get; set; }
}

public enum ReferralAgency
{
    ManpowerOffice,
    MigrantWorkerProtection,
    Police,
    Other,
}

public enum ReferralStatus
{
    Sent,
    InProgress,
    Closed,
}

public enum ReferralOutcome
{
    None,
    ProceduralPlacement,
    DepartureCancelled,
    CaseOpened,
    NoContact,
    Other,
}

/// <summary>A resident handed to another agency (Disnaker, BP2MI/KemenP2MI, the police), from a consultation or
/// a passport deferral, followed until the agency closes it.</summary>
public sealed class Referral : PersonalRecord
{
    public Guid? ConsultationId { get; set; }
    public Guid? DeferralId { get; set; }
    public ReferralAgency Agency { get; set; }
    public DateOnly SentOn { get; set; }
    public ReferralStatus Status { get; set; }
    public ReferralOutcome Outcome { get; set; }
    public string? Note { get; set; }
    public DateOnly? ClosedOn { get; set; }
}

public enum DeferralReason
{
    SuspectedNonProcedural,
    DuplicateApplication,
    DocumentsIncomplete,
}

public enum DeferralOutcome
{
    Pending,
    ReferredProcedural,
    PassportIssued,
    Withdrawn,
    Expired,
}

/// <summary>A passport application deferred (penundaan) at the Kanim after the interview. The record belongs to
/// the deferring Kanim; its <see cref="PersonalRecord.AreaCode"/> is the applicant's village, so when that is a
/// programme village its officers see it too and follow up.</summary>
public sealed class PassportDeferral : PersonalRecord
{
    /// <summary>Documents incomplete: the applicant has this many days to bring them.</summary>
    public const int DocumentsDays = 30;

    public Guid? VillageId { get; set; }
    public required string ApplicantName { get; set; }
    public required string Nik { get; set; }
    public DateOnly? BirthDate { get; set; }
    public NikSex? Sex { get; set; }
    public string? ApplicationNumber { get; set; }
    public DateOnly InterviewOn { get; set; }
    public required string StatedPurpose { get; set; }
    public string? IndicatedPurpose { get; set; }
    public required string DestinationCountry { get; set; }
    public DeferralReason Reason { get; set; }
    public DateOnly? DocumentsDueOn { get; set; }
    public DeferralOutcome Outcome { get; set; }
    public string? Note { get; set; }
    public FollowUp FollowUp { get; set; }
}
