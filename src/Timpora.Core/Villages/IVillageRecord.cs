namespace Timpora.Core.Villages;

/// <summary>A record of work done in one programme village; it takes the village's office and area code.</summary>
public interface IVillageRecord
{
    Guid VillageId { get; set; }
}
