using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Consultations;

/// <summary>The consultations of the user's villages: open follow-ups first, searchable by name or NIK.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public Guid? Village { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public FollowUp? FollowUp { get; set; }

    [BindProperty(SupportsGet = true)]
    public WarningSigns? Sign { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "open";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ConsultationRow> Result { get; private set; } = null!;

    public IReadOnlyList<(Guid Id, string Name)> Villages { get; private set; } = [];

    public string PageLink(int page) => "/Villages/Consultations" + QueryString.Create(new Dictionary<string, string?>
    {
        ["village"] = Village?.ToString(),
        ["q"] = Q,
        ["followUp"] = FollowUp?.ToString(),
        ["sign"] = Sign?.ToString(),
        ["sort"] = Sort,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Villages = await VillageAccess.PickListAsync(db, activeOnly: false, keep: null, cancellationToken);
        var consultations = db.Consultations.AsNoTracking();
        if (Village is { } village)
        {
            consultations = consultations.Where(c => c.VillageId == village);
        }

        if (!string.IsNullOrWhiteSpace(Q))
        {
            var q = Q.Trim();
            var pattern = "%" + q.ToUpperInvariant() + "%";
            consultations = consultations.Where(c => EF.Functions.Like(c.ResidentName.ToUpper(), pattern) || c.Nik == q);
        }

        if (FollowUp is { } followUp)
        {
            consultations = consultations.Where(c => c.FollowUp == followUp);
        }

        if (Sign is { } sign)
        {
            consultations = consultations.Where(c => (c.Signs & sign) == sign);
        }

        consultations = Sort switch
        {
            "recent" => consultations.OrderByDescending(c => c.Date),
            "name" => consultations.OrderBy(c => c.ResidentName),
            _ => consultations.OrderBy(c => c.FollowUp).ThenByDescending(c => c.Date),
        };
        Result = await consultations
            .Join(db.ProgrammeVillages, c => c.VillageId, v => v.Id, (c, v) => new ConsultationRow(
                c.Id, c.Date, c.ResidentName, c.Nik, v.Name, c.DestinationCountry, c.Signs, c.FollowUp,
                db.Referrals.Count(r => r.ConsultationId == c.Id && r.Status != ReferralStatus.Closed)))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record ConsultationRow(Guid Id, DateOnly Date, string Resident, string Nik, string Village, string Destination, WarningSigns Signs, FollowUp FollowUp, int OpenReferrals);
}
