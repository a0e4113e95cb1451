using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Deferrals;

/// <summary>Passport deferrals the user may see: their Kanim's, and those of applicants from their villages.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public DeferralReason? Reason { get; set; }

    [BindProperty(SupportsGet = true)]
    public FollowUp? FollowUp { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<DeferralRow> Result { get; private set; } = null!;

    public string PageLink(int page) => "/Villages/Deferrals" + QueryString.Create(new Dictionary<string, string?>
    {
        ["village"] = Village?.ToString(),
        ["q"] = Q,
        ["reason"] = Reason?.ToString(),
        ["followUp"] = FollowUp?.ToString(),
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var deferrals = db.PassportDeferrals.AsNoTracking();
        if (Village is { } village)
        {
            deferrals = deferrals.Where(d => d.VillageId == village);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var pattern = "%" + q.ToUpperInvariant() + "%";
            deferrals = deferrals.Where(d => EF.Functions.Like(d.ApplicantName.ToUpper(), pattern) || d.Nik == q || d.ApplicationNumber == q);
        }

        if (Reason is { } reason)
        {
            deferrals = deferrals.Where(d => d.Reason == reason);
        }

        if (FollowUp is { } followUp)
        {
            deferrals = deferrals.Where(d => d.FollowUp == followUp);
        }

        Result = await deferrals.OrderBy(d => d.FollowUp).ThenByDescending(d => d.InterviewOn)
            .Select(d => new DeferralRow(d.Id, d.InterviewOn, d.ApplicantName, d.Nik, d.DestinationCountry, d.Reason, d.Outcome, d.FollowUp, d.VillageId != null))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record DeferralRow(Guid Id, DateOnly InterviewOn, string Applicant, string Nik, string Destination, DeferralReason Reason, DeferralOutcome Outcome, FollowUp FollowUp, bool InProgramme);
}
