using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Audit;

/// <summary>Supervisors search the audit log of their offices (administrators: all of it).</summary>
public sealed class IndexModel([FromKeyedServices(ReportingDb.Key)] AppDbContext db, OfficeClock clock) : PageModel
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

    public async Task OnGetAsync(CancellationToken cancellationToken)
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

        Result = await entries.OrderByDescending(e => e.Id).ToPagedAsync(PageNumber, 50, cancellationToken);
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
