using Timpora.Core.Data;

namespace Timpora.Core.Organisation;

/// <summary>An officer or member: immigration staff, police, military, local government, ... in a unit.</summary>
public sealed class Person : PersonalRecord
{
    public required string FullName { get; set; }
    public string? EmployeeNumber { get; set; }
    public string? Position { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public int UnitId { get; set; }
    public AgencyUnit? Unit { get; set; }
}
