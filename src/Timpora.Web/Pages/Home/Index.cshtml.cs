using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Providers;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Home;

/// <summary>"My work": the home of every signed-in person, counts first, then what needs their action (see <see cref="MyWork"/>).</summary>
public sealed class IndexModel(AppDbContext db, MyWork work, OfficeClock clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public string DisplayName { get; private set; } = "";

    public IReadOnlyList<string> RoleNames { get; private set; } = [];

    public MyWork.Board Board { get; private set; } = new();

    public DateOnly Today => work.Today;

    public DateTime NowUtc => work.NowUtc;

    /// <summary>For an operator whose provider is not approved: why they cannot report yet.</summary>
    public string? ProviderNotice { get; private set; }

    /// <summary>For an administrator when next year's holidays are missing or provisional: its working-day
    /// deadlines (TAK objections) would come early.</summary>
    public string? HolidayNotice { get; private set; }

    public IReadOnlyList<(int Id, string Name, string Zone)> Offices { get; private set; } = [];

    public IReadOnlyList<AreaPath> Villages { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        DisplayName = User.FindFirst(ScopeClaimsFactory.DisplayNameClaim)?.Value ?? User.Identity!.Name!;
        RoleNames = [.. Roles.All.Where(User.IsInRole).Select(r => t["Role." + r].Value)];
        Board = await work.ForAsync(User, cancellationToken);
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
        }

        if (scope.VillageCodes.Count > 0)
        {
            var paths = await AreaDirectory.PathsAsync(db, scope.VillageCodes, cancellationToken);
            Villages = [.. paths.Values];
        }

        if (User.IsInRole(Roles.Administrator))
        {
            var nextYear = clock.Today.Year + 1;
            if (await Core.Sanctions.HolidayCalendar.StateOfAsync(db, nextYear, cancellationToken) is var state and not Core.Sanctions.HolidayCalendar.YearState.Loaded)
            {
                HolidayNotice = t["Holidays.Warning." + state, nextYear];
            }
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
        }
    }

    /// <summary>How far the due day is from the office's today: "Jatuh tempo 3 hari lagi", "Terlambat 2 hari"; a
    /// meeting "Dimulai besok".</summary>
    public string DueText(MyWork.Item item, DateOnly due)
    {
        var days = due.DayNumber - Today.DayNumber;
        var meeting = item.Kind == MyWork.Kinds.Meetings;
        return days switch
        {
            < -1 => t["MyWork.OverdueBy", -days],
            -1 => t["MyWork.OverdueByOne"],
            0 => t[meeting ? "MyWork.StartsToday" : "MyWork.DueToday"],
            1 => t[meeting ? "MyWork.StartsTomorrow" : "MyWork.DueTomorrow"],
            _ => t[meeting ? "MyWork.StartsIn" : "MyWork.DueIn", days],
        };
    }

    /// <summary>The day a record arrived, in the office's calendar.</summary>
    public DateOnly? Arrived(MyWork.Item item) =>
        item.SinceDay ?? (item.SinceUtc is { } utc ? DateOnly.FromDateTime(clock.ToLocal(utc)) : null);

    /// <summary>How long ago it arrived: "Masuk 3 hari lalu"; a referral "Dikirim", a deferral "Ditunda".</summary>
    public string AgeText(MyWork.Item item, DateOnly since)
    {
        var days = Today.DayNumber - since.DayNumber;
        var verb = item.Kind switch
        {
            MyWork.Kinds.Referrals => "Sent",
            MyWork.Kinds.Deferrals => "Deferred",
            _ => "Arrived",
        };
        return days switch
        {
            <= 0 => t["MyWork." + verb + "Today"],
            1 => t["MyWork." + verb + "Yesterday"],
            _ => t["MyWork." + verb + "DaysAgo", days],
        };
    }
}
