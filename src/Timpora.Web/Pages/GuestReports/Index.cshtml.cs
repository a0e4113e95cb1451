using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.GuestReports;

/// <summary>Guest reports in the caller's scope: a provider sees its own guests, an office those of its area.</summary>
public sealed class IndexModel([FromKeyedServices(ReportingDb.Key)] AppDbContext db, OfficeClock clock, TimeProvider time) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    /// <summary>present (no check-out yet), late, or all.</summary>
    [BindProperty(SupportsGet = true)]
    public string Show { get; set; } = "present";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public IReadOnlyList<ProviderCompliance> Compliance { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var reports = db.GuestReports.AsNoTracking();
        reports = Show switch
        {
            "late" => reports.Where(r => r.IsLate),
            "all" => reports,
            _ => reports.Where(r => r.CheckOutUtc == null),
        };
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim().ToUpperInvariant();
            reports = reports.Where(r => r.ReceiptNumber == q || r.PassportNumber == q || r.Surname.StartsWith(q) || r.GivenNames.Contains(q));
        }

        Result = await reports
            .OrderByDescending(r => r.CheckInUtc)
            .Select(r => new Row(r.ReceiptNumber, r.Surname + " " + r.GivenNames, r.Nationality, r.Room, r.CheckInUtc, r.CheckOutUtc, r.IsLate,
                db.Providers.Where(p => p.Id == r.ProviderId).Select(p => p.Name).FirstOrDefault() ?? ""))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);

        var now = time.GetUtcNow().UtcDateTime;
        var monthStart = clock.ToUtc(new DateTime(clock.Now.Year, clock.Now.Month, 1));
        Compliance = await Timpora.Core.GuestReports.Compliance.ByProviderAsync(db, monthStart, now.AddDays(1), now, cancellationToken);
    }

    public string PageLink(int page) => "/GuestReports" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["show"] = Show,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public sealed record Row(string ReceiptNumber, string Guest, string Nationality, string? Room, DateTime CheckInUtc, DateTime? CheckOutUtc, bool IsLate, string Provider);
}
