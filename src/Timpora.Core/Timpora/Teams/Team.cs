namespace Timpora.Core.Teams;

/// <summary>The levels at which a Timpora is formed (Permenimipas 2/2025 Pasal 53).</summary>
public enum TeamLevel
{
    Central = 1,
    Province = 2,
    Regency = 3,
    District = 4,
    Village = 5,
}

public enum MemberRole
{
    Chair = 1,
    Secretariat = 2,
    Member = 3,
}

/// <summary>A Timpora formed by decree (SK) for one level and area. The Kanim keeps its secretariat.</summary>
public sealed class Team
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>The office that keeps the team's secretariat and manages it in Timpora.</summary>
    public int KanimId { get; set; }
    public TeamLevel Level { get; set; }

    /// <summary>Kemendagri code of the area covered; none for the central team.</summary>
    public string? AreaCode { get; set; }
    public required string Name { get; set; }
    public required string DecreeNumber { get; set; }
    public DateOnly DecreeDate { get; set; }
    public DateOnly PeriodStart { get; set; }
    public DateOnly PeriodEnd { get; set; }
    public DateTime CreatedUtc { get; set; }
    public Guid Version { get; set; } = Guid.NewGuid();
    public List<TeamMember> Members { get; set; } = [];

    /// <summary>The code length that belongs to each level: 53, 53.18, 53.18.01, 53.18.01.2001.</summary>
    public static bool AreaFitsLevel(TeamLevel level, string? areaCode) => level switch
    {
        TeamLevel.Central => string.IsNullOrEmpty(areaCode),
        TeamLevel.Province => areaCode?.Length == 2,
        TeamLevel.Regency => areaCode?.Length == 5,
        TeamLevel.District => areaCode?.Length == 8,
        _ => areaCode?.Length == 13,
    };
}

/// <summary>A person on the team as the decree names them: their agency unit, position and contact are copied
/// here, because the decree lists them as they were when it was signed and partners see them without
/// access to the organisation register.</summary>
public sealed class TeamMember
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid TeamId { get; set; }
    public Team? Team { get; set; }
    public Guid PersonId { get; set; }
    public int UnitId { get; set; }
    public MemberRole Role { get; set; }
    public required string FullName { get; set; }
    public required string UnitName { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public DateTime AddedUtc { get; set; }
}
