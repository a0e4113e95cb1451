using Timpora.Core.Data;

namespace Timpora.Core.Villages;

public enum VillageStatus
{
    Proposed,
    Active,
    Paused,
    Ended,
}

/// <summary>A Desa Binaan Imigrasi: a village (its Kemendagri code is the <see cref="PersonalRecord.AreaCode"/>)
/// taken into the programme by the Kanim whose working area it lies in. It holds the names and numbers of the
/// village's contacts, so it is personal data: the scope filter shows it to its Kanim and its officers only.</summary>
public sealed class ProgrammeVillage : PersonalRecord
{
    /// <summary>The village's name from the area data, copied so that lists need no join.</summary>
    public required string Name { get; set; }

    public VillageStatus Status { get; set; }
    public DateOnly ProposedOn { get; set; }
    public string? ProposedBy { get; set; }

    /// <summary>The selection criteria, each scored 0 (not at all) to 3 (strongly).</summary>
    public VillageCriteria Criteria { get; set; } = new();

    /// <summary>Where the scores come from: BPS figures, Disnaker data, the village's own records.</summary>
    public string? Evidence { get; set; }

    public DateOnly? ConsentOn { get; set; }
    public string? ConsentDocument { get; set; }
    public string? DecreeNumber { get; set; }
    public DateOnly? DecreeOn { get; set; }
    public DateOnly? EstablishedOn { get; set; }
    public DateOnly? CertificateInstalledOn { get; set; }
    public DateOnly? NoticeBoardInstalledOn { get; set; }
    public string? MessagingGroupLink { get; set; }

    /// <summary>The village office's position, for the programme map; optional.</summary>
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }

    public string? StatusNote { get; set; }

    public List<VillageContact> Contacts { get; set; } = [];
}

/// <summary>The risk factors the programme selects villages by (DOMAIN.md: border, poverty, education, youth,
/// unemployment, a "kantong PMI").</summary>
public sealed class VillageCriteria
{
    public const int MaxScore = 3;

    public int Border { get; set; }
    public int Poverty { get; set; }
    public int LowEducation { get; set; }
    public int YoungPopulation { get; set; }
    public int Unemployment { get; set; }
    public int MigrantWorkers { get; set; }

    public int Total => Border + Poverty + LowEducation + YoungPopulation + Unemployment + MigrantWorkers;
}

public enum ContactRole
{
    VillageHead,
    Secretary,
    Babinsa,
    Bhabinkamtibmas,
    Cadre,
    Other,
}

/// <summary>A person the officers work with in the village: head, secretary, Babinsa, Bhabinkamtibmas, cadres.</summary>
public sealed class VillageContact : PersonalRecord
{
    public Guid VillageId { get; set; }
    public ContactRole Role { get; set; }
    public required string FullName { get; set; }
    public string? Phone { get; set; }
}

/// <summary>A PIMPASA officer's appointment: the decree and the inauguration. The villages they serve are the
/// account's <see cref="Accounts.PimpasaVillage"/> rows, which also put them into the officer's sign-in cookie.</summary>
public sealed class PimpasaOfficer
{
    public required string UserId { get; set; }
    public int KanimId { get; set; }
    public string? DecreeNumber { get; set; }
    public DateOnly? DecreeOn { get; set; }
    public DateOnly? InauguratedOn { get; set; }
}
