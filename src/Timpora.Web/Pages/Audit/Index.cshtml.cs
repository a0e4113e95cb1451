using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Audit;

/// <summary>Supervisors search the audit log of their offices (administrators: all of it). Entries name their
/// record (<see cref="AuditRecords"/>); the filtered log exports as CSV or XLSX, and the export is audited too.</summary>
public sealed class IndexModel(
    [FromKeyedServices(ReportingDb.Key)] AppDbContext db, AppDbContext writer, OfficeClock clock, ListedRecords listed,
    IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "user")]
    public string? UserName { get; set; }

    [BindProperty(SupportsGet = true)]
    public AuditAction? Action { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Record { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? From { get; set; }

    [BindProperty(SupportsGet = true)]
    public DateOnly? To { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<AuditEntry> Result { get; private set; } = null!;

    public AuditRecords Records { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Result = await Filtered().OrderByDescending(e => e.Id).ToPagedAsync(PageNumber, 50, cancellationToken);
        Records = await AuditRecords.LoadAsync(db, listed, ReadsAccounts, Result.Items, cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        var entries = await Filtered().OrderByDescending(e => e.Id).Take(Foreigners.RegisterExport.MaxRows).ToListAsync(cancellationToken);
        var records = await AuditRecords.LoadAsync(db, listed, ReadsAccounts, entries, cancellationToken);
        return await Foreigners.RegisterExport.FileAsync(writer, format, "audit", nameof(AuditEntry),
            [t["Audit.When"] + " (" + clock.ZoneName + ")", t["Audit.User"], t["Audit.Action"], t["Audit.Kind"], t["Audit.Record"], t["Audit.RecordId"], t["Audit.Reason"], t["Audit.Where"]],
            [.. entries.Select(e => new Foreigners.ExportRow(e.KanimId,
                [clock.ToLocal(e.AtUtc), e.UserName, t["Audit." + e.Action].Value, Kind(e.EntityType), Label(records, e), e.EntityId, e.Reason, e.IpAddress]))],
            PageLink(1), cancellationToken);
    }

    public string ExportLink(string format) => PageLink(1).Replace("page=1", "handler=Export&format=" + format, StringComparison.Ordinal);

    /// <summary>The kind of record in the reader's language, or the code's name when no text is kept for it.</summary>
    public string Kind(string entityType) => t["Audit.Kind." + entityType] is { ResourceNotFound: false } text ? text.Value : entityType;

    /// <summary>The record's name, an export's list and size, or nothing (the id column says the rest).</summary>
    public string Label(AuditRecords records, AuditEntry entry)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(entry);
        return records.For(entry)?.Label
            ?? (AuditRecords.Export(entry) is { } export ? t["Audit.ExportOf", export.List, export.Rows].Value : "");
    }

    private bool ReadsAccounts => User.IsInRole(Roles.Administrator) || User.HasClaim(ScopeClaimsFactory.OfficeAdministratorClaim, "true");

    private IQueryable<AuditEntry> Filtered()
    {
        var entries = db.AuditEntries.AsQueryable();
        if (!string.IsNullOrWhiteSpace(UserName))
        {
            entries = entries.Where(e => e.UserName == UserName.Trim());
        }

        if (Action is not null)
        {
            entries = entries.Where(e => e.Action == Action);
        }

        if (!string.IsNullOrWhiteSpace(Record))
        {
            entries = entries.Where(e => e.EntityId == Record.Trim());
        }

        // The dates the supervisor types are days in their office's time zone.
        if (From is { } from)
        {
            var start = clock.ToUtc(from.ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.AtUtc >= start);
        }

        if (To is { } to)
        {
            var end = clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue));
            entries = entries.Where(e => e.AtUtc < end);
        }

        return entries;
    }

    public string PageLink(int page) => "/Audit" + QueryString.Create(new Dictionary<string, string?>
    {
        ["user"] = UserName,
        ["action"] = Action?.ToString(),
        ["record"] = Record,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));
}
