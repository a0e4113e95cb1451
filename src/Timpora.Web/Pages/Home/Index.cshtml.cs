using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Providers;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Home;

/// <summary>The staff home page: what needs the signed-in user's attention today, by role.</summary>
public sealed class IndexModel(AppDbContext db, OfficeClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public List<Card> Cards { get; } = [];

    /// <summary>For an operator whose provider is not approved: why they cannot report yet.</summary>
    public string? ProviderNotice { get; private set; }

    public IReadOnlyList<(int Id, string Name, string Zone)> Offices { get; private set; } = [];

    public IReadOnlyList<AreaPath> Villages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirst(ScopeClaimsFactory.DisplayNameClaim)?.Value ?? User.Identity!.Name!;
        RoleNames = [.. Roles.All.Where(User.IsInRole).Select(r => t["Role." + r].Value)];
        var scope = db.Caller.Scope;

        if (scope.All || scope.KanimIds.Count > 0)
        {
            var kanims = scope.KanimIds;
            Offices = (await db.Kanims.AsNoTracking()
                    .Where(k => scope.All || kanims.Contains(k.Id))
                    .OrderBy(k => k.Name)
                    .Select(k => new { k.Id, k.Name, k.TimeZoneId })
                    .ToListAsync(cancellationToken))
                .Select(k => (k.Id, k.Name, k.TimeZoneId)).ToList();
            var digests = await db.OfficeDigests.AsNoTracking()
                .Where(d => scope.All || kanims.Contains(d.KanimId))
                .GroupBy(d => d.KanimId)
                .Select(g => g.OrderByDescending(d => d.Day).First())
                .ToListAsync(cancellationToken);
            foreach (var digest in digests.Where(d => d.Overstays + d.Expiring > 0))
            {
                var office = Offices.FirstOrDefault(o => o.Id == digest.KanimId).Name ?? "";
                Cards.Add(new Card(t["Home.DigestCard", office], t["Home.DigestText", digest.Overstays, digest.DeportationProposed, digest.Expiring], "/Foreigners/Overstays"));
            }

            Cards.AddRange(await Screening.HomeCards.ForAsync(db, t, cancellationToken));
            var people = await db.People.CountAsync(cancellationToken);
            Cards.Add(new Card(t["Home.PeopleCard"], t["Home.PeopleText", people], "/People"));
        }

        if (scope.VillageCodes.Count > 0)
        {
            var paths = await AreaDirectory.PathsAsync(db, scope.VillageCodes, cancellationToken);
            Villages = [.. paths.Values];
        }

        if (User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor))
        {
            var since = DateTime.UtcNow.AddDays(-1);
            var views = await db.AuditEntries.CountAsync(a => a.AtUtc >= since, cancellationToken);
            Cards.Add(new Card(t["Home.AuditCard"], t["Home.AuditText", views], "/Audit"));
        }

        if (User.IsInRole(Roles.Administrator))
        {
            // Without next year's holidays its working-day deadlines (TAK objections) come early.
            var nextYear = clock.Today.Year + 1;
            if (await Core.Sanctions.HolidayCalendar.StateOfAsync(db, nextYear, cancellationToken) is var state and not Core.Sanctions.HolidayCalendar.YearState.Loaded)
            {
                Cards.Add(new Card(t["Holidays.Title"], t["Holidays.Warning." + state, nextYear], "/Admin/Holidays"));
            }
        }

        if (User.IsInRole(Roles.PartnerMember))
        {
            Cards.Add(new Card(t["Home.PartnerCard"], t["Home.PartnerText"], null));
        }

        if (User.IsInRole(Roles.ProviderOperator))
        {
            // The scope filter shows an operator their own provider only.
            var provider = await db.Providers.AsNoTracking().Select(p => new { p.Name, p.Status }).FirstOrDefaultAsync(cancellationToken);
            ProviderNotice = provider?.Status switch
            {
                ProviderStatus.Pending => t["Providers.NoticePending", provider.Name].Value,
                ProviderStatus.Rejected => t["Providers.NoticeRejected", provider.Name].Value,
                ProviderStatus.Suspended => t["Providers.NoticeSuspended", provider.Name].Value,
                _ => null,
            };
            Cards.Add(new Card(t["Home.ProviderCard"], t["Home.ProviderText"], "/Provider/ApiKeys"));
        }

        if (Cards.Count == 0)
        {
            Cards.Add(new Card(t["Home.NothingCard"], t["Home.NothingText"], null));
        }
    }

    public sealed record Card(string Title, string Text, string? Link);
}
