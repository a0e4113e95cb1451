using Timpora.Core.Data;

namespace Timpora.Core.Providers;

/// <summary>A hotel, villa, guesthouse, kos, apartment, company dormitory or private house that must report
/// its foreign guests (UU 6/2011 Pasal 72). It registers itself; the Kanim of its area approves it.</summary>
public sealed class AccommodationProvider : PersonalRecord
{
    public required string Name { get; set; }
    public ProviderKind Kind { get; set; }

    /// <summary>NIB, the business number; private houses may have none.</summary>
    public string? BusinessNumber { get; set; }

    public string? Street { get; set; }
    public required string ContactName { get; set; }
    public required string Phone { get; set; }
    public required string Email { get; set; }
    public ProviderStatus Status { get; set; } = ProviderStatus.Pending;
    public string? DecisionNote { get; set; }
    public DateTime? DecidedUtc { get; set; }
    public string? DecidedBy { get; set; }
}

public enum ProviderKind
{
    Hotel = 1,
    Villa = 2,
    Guesthouse = 3,
    Kos = 4,
    Apartment = 5,
    CompanyDormitory = 6,
    PrivateHouse = 7,
}

public enum ProviderStatus
{
    Pending = 1,
    Approved = 2,
    Rejected = 3,
    Suspended = 4,
}

/// <summary>A key a property management system uses for the /api/v1 guest-report API. Only a hash of the
/// secret is kept; the prefix finds the key without scanning.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ProviderId { get; set; }
    public required string Name { get; set; }
    public required string Prefix { get; set; }
    public required string SecretHash { get; set; }
    public DateTime CreatedUtc { get; set; }
    public string? CreatedBy { get; set; }
    public DateTime? LastUsedUtc { get; set; }
    public DateTime? RevokedUtc { get; set; }
}
