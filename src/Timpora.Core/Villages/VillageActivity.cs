using Timpora.Core.Data;

namespace Timpora.Core.Villages;

public enum ActivityKind
{
    Socialisation,
    SchoolSession,
    ConsultationDay,
    Mapping,
    Training,
    EconomicEmpowerment,
}

public enum ActivityStatus
{
    Planned,
    Done,
    Cancelled,
}

[Flags]
public enum ActivityTopics
{
    None = 0,
    ProceduralMigration = 1,
    Trafficking = 2,
    Smuggling = 4,
    ForeignerSupervision = 8,
    Passports = 16,
}

/// <summary>Outreach or other work in a programme village, with who came, by group.</summary>
public sealed class VillageActivity : PersonalRecord, IVillageRecord
{
    public Guid VillageId { get; set; }
    public ActivityKind Kind { get; set; }
    public ActivityStatus Status { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }

    /// <summary>How many people the venue holds, as its keeper records it; participants cannot exceed it.</summary>
    public int? VenueCapacity { get; set; }

    public ActivityTopics Topics { get; set; }
    public int Men { get; set; }
    public int Women { get; set; }
    public int Pupils { get; set; }
    public int ProspectiveMigrants { get; set; }
    public int VillageOfficials { get; set; }
    public string? Materials { get; set; }
    public string? Outcome { get; set; }

    public int Participants => Men + Women + Pupils + ProspectiveMigrants + VillageOfficials;

    public List<ActivityPhoto> Photos { get; set; } = [];
}

/// <summary>A photo of an activity. The bytes live in the file store (<see cref="Files.FileStore"/>, same id), not in the
/// database; the row is reached only through its activity, so the activity's scope guards it.</summary>
public sealed class ActivityPhoto
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ActivityId { get; set; }
    public required string ContentType { get; set; }
    public long Size { get; set; }
    public string? Caption { get; set; }
    public DateTime UploadedUtc { get; set; }
    public required string UploadedBy { get; set; }
}

/// <summary>How many activities the village plans in a quarter; the norm is at least one.</summary>
public sealed class QuarterPlan : PersonalRecord
{
    public Guid VillageId { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public int PlannedActivities { get; set; }
    public string? Note { get; set; }
}
