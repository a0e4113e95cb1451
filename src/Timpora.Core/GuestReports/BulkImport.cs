using Timpora.Core.Data;

namespace Timpora.Core.GuestReports;

/// <summary>A bulk file of check-ins (CSV or XLSX) a provider uploaded, processed in the background. The file
/// and the per-row result live in the database so that any application instance can run or serve it.</summary>
public sealed class BulkImport : PersonalRecord
{
    public Guid ProviderId { get; set; }
    public required string FileName { get; set; }
    public BulkFormat Format { get; set; }
    public BulkStatus Status { get; set; } = BulkStatus.Queued;
    public int TotalRows { get; set; }
    public int ProcessedRows { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public DateTime? StartedUtc { get; set; }
    public DateTime? FinishedUtc { get; set; }
    public required string CreatedBy { get; set; }

    /// <summary>Times in the file are in this zone (the provider's office).</summary>
    public required string TimeZoneId { get; set; }

    /// <summary>The language of the reasons in the result file.</summary>
    public required string Culture { get; set; }

    public string? Error { get; set; }
    public byte[] Content { get; set; } = [];
    public byte[]? Result { get; set; }
}

public enum BulkFormat
{
    Csv = 1,
    Xlsx = 2,
}

public enum BulkStatus
{
    Queued = 1,
    Running = 2,
    Done = 3,
    Failed = 4,
}
