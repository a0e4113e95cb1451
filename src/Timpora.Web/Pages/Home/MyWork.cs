using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Actions;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using Timpora.Core.Providers;
using Timpora.Core.Sanctions;
using Timpora.Core.Teams;
using Timpora.Core.Tips;
using Timpora.Core.Villages;
using Timpora.Core.Watchlists;
using Timpora.Web.Pages.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Home;

/// <summary>
/// What needs the signed-in person's action, kind by kind: one small projected query per kind, each through the
/// scope filter (or <see cref="TeamScope"/> for the Timpora records), so nothing outside the person's scope can show.
/// Each role asks only the kinds it can act on (<see cref="Asks"/>). Days are the office's days (<see cref="OfficeClock"/>).
/// </summary>
public sealed class MyWork(AppDbContext db, OfficeClock clock, TimeProvider time, IStringLocalizer<SharedResource> t)
{
    /// <summary>At most this many records of one kind are listed; the counter then reads "50+".</summary>
    public const int Cap = 50;

    public const int TipsDueWithinDays = 3;
    public const int ActionsDueWithinDays = 7;
    public const int ObjectionWorkingDays = 5;
    public const int MeetingsWithinDays = 14;

    /// <summary>One record that needs action, with a due day (overdue when past) or an age.</summary>
    public sealed record Item(string Kind, string Title, string? Detail, string Link)
    {
        /// <summary>The office's day it is due (a meeting's day).</summary>
        public DateOnly? Due { get; init; }

        /// <summary>An exact time to show beside the due day: a meeting's start, a tip's due time.</summary>
        public DateTime? AtUtc { get; init; }

        /// <summary>When it arrived, for records that have an age rather than a due date.</summary>
        public DateTime? SinceUtc { get; init; }

        /// <summary>The day it arrived, for records that keep only a day (a referral sent, an interview).</summary>
        public DateOnly? SinceDay { get; init; }

        public bool Overdue { get; init; }
    }

    public sealed record Counter(string Kind, string Value, int Overdue, string Link);

    public sealed class Board
    {
        public List<Counter> Counters { get; } = [];

        public List<Item> Items { get; } = [];

        /// <summary>Only when every kind the role asks is empty.</summary>
        public bool IsEmpty => Items.Count == 0;
    }

    public DateOnly Today => DateOnly.FromDateTime(clock.Now);

    public DateTime NowUtc => time.GetUtcNow().UtcDateTime;

    public async Task<Board> ForAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var board = new Board();
        var nowUtc = NowUtc;
        foreach (var kind in Asks(user))
        {
            var items = kind switch
            {
                Kinds.Hits => await HitsAsync(cancellationToken),
                Kinds.Alerts => await AlertsAsync(cancellationToken),
                Kinds.Overstays => await OverstaysAsync(cancellationToken),
                Kinds.TipsDue => await TipsDueAsync(user, nowUtc, cancellationToken),
                Kinds.TipsNew => await TipsNewAsync(cancellationToken),
                Kinds.TipsFiled => await TipsFiledAsync(cancellationToken),
                Kinds.Actions => await ActionsAsync(user, cancellationToken),
                Kinds.Objections => await ObjectionsAsync(cancellationToken),
                Kinds.Meetings => await MeetingsAsync(nowUtc, cancellationToken),
                Kinds.Referrals => await ReferralsAsync(cancellationToken),
                Kinds.Deferrals => await DeferralsAsync(cancellationToken),
                Kinds.Activities => await ActivitiesAsync(board, cancellationToken),
                Kinds.Providers => await ProvidersAsync(cancellationToken),
                _ => await BulkFilesAsync(nowUtc, cancellationToken),
            };
            if (items.Count == 0)
            {
                continue;
            }

            board.Items.AddRange(items);
            if (board.Counters.Any(c => c.Kind == kind))
            {
                continue;
            }

            var value = items.Count >= Cap ? Cap + "+" : items.Count.ToString(System.Globalization.CultureInfo.CurrentCulture);
            board.Counters.Add(new Counter(kind, value, items.Count(i => i.Overdue), ListOf(kind)));
        }

        // Overdue first (the longest overdue at the top), then what falls due soonest, then the oldest arrivals.
        board.Items.Sort((a, b) => (a.Overdue, b.Overdue) switch
        {
            (true, false) => -1,
            (false, true) => 1,
            _ => (a.Due ?? DateOnly.MaxValue).CompareTo(b.Due ?? DateOnly.MaxValue) is var byDue and not 0
                ? byDue
                : Nullable.Compare(Arrived(a), Arrived(b)),
        });
        return board;
    }

    private static DateTime? Arrived(Item item) => item.SinceUtc ?? item.SinceDay?.ToDateTime(TimeOnly.MinValue);

    /// <summary>The kinds each role can act on. The national supervisor reads what the offices have due.</summary>
    public static IReadOnlyList<string> Asks(ClaimsPrincipal user)
    {
        var office = user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.NationalSupervisor)
            || user.IsInRole(Roles.KanwilSupervisor) || user.IsInRole(Roles.KanimOfficer);
        var tips = TipServicesRoles(user) && !user.IsInRole(Roles.VillageCadre);
        var pimpasa = user.IsInRole(Roles.Pimpasa);
        var partner = user.IsInRole(Roles.PartnerMember);
        var kinds = new List<string>();
        void Add(bool when, params string[] these)
        {
            if (when)
            {
                kinds.AddRange(these.Where(k => !kinds.Contains(k)));
            }
        }

        Add(office, Kinds.Hits, Kinds.Alerts, Kinds.Overstays);
        Add(tips || partner, Kinds.TipsDue);
        Add(tips && !partner, Kinds.TipsNew);
        Add(user.IsInRole(Roles.VillageCadre), Kinds.TipsFiled);
        Add(office || pimpasa || partner, Kinds.Actions);
        Add(office, Kinds.Objections);
        Add(office || pimpasa || partner, Kinds.Meetings);
        Add(office || pimpasa, Kinds.Referrals, Kinds.Deferrals);
        Add(pimpasa || user.IsInRole(Roles.KanimOfficer), Kinds.Activities);
        Add(office, Kinds.Providers);
        Add(office || user.IsInRole(Roles.ProviderOperator), Kinds.BulkFiles);
        return kinds;
    }

    private static bool TipServicesRoles(ClaimsPrincipal user) => Tips.TipServices.TipsRoles.Any(user.IsInRole);

    private static string ListOf(string kind) => kind switch
    {
        Kinds.Hits => "/Screening",
        Kinds.Alerts => "/Screening/Alerts",
        Kinds.Overstays => "/Foreigners/Overstays",
        Kinds.TipsDue => "/Tips?Sort=due",
        Kinds.TipsNew => "/Tips?State=New",
        Kinds.TipsFiled => "/Tips",
        Kinds.Actions => "/ActionItems",
        Kinds.Objections => "/Sanctions",
        Kinds.Meetings => "/Meetings",
        Kinds.Referrals => "/Villages/Consultations",
        Kinds.Deferrals => "/Villages/Deferrals",
        Kinds.Activities => "/Villages/Activities",
        Kinds.Providers => "/Providers",
        _ => "/GuestReports",
    };

    private async Task<List<Item>> HitsAsync(CancellationToken cancellationToken) =>
        [.. (await db.WatchlistHits.AsNoTracking().Where(h => h.Status == HitStatus.New)
                .OrderBy(h => h.CreatedUtc).Take(Cap)
                .Select(h => new { h.Id, h.ScreenedName, h.MatchedName, h.WatchlistCode, h.CreatedUtc })
                .ToListAsync(cancellationToken))
            .Select(h => new Item(Kinds.Hits, h.ScreenedName, t["MyWork.HitDetail", h.MatchedName, h.WatchlistCode], $"/Screening/Detail/{h.Id}") { SinceUtc = h.CreatedUtc })];

    private async Task<List<Item>> AlertsAsync(CancellationToken cancellationToken) =>
        [.. (await Screening.AlertsModel.Mine(db).AsNoTracking().Where(a => a.ReadUtc == null)
                .OrderByDescending(a => a.CreatedUtc).Take(Cap)
                .Select(a => new { a.PersonName, a.EntryName, a.ConfirmedBy, a.EntryId, a.CreatedUtc, Office = db.Kanims.Where(k => k.Id == a.FoundByKanimId).Select(k => k.Name).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(a => new Item(Kinds.Alerts, a.PersonName, t["Screening.AlertText", a.PersonName, a.EntryName, a.ConfirmedBy, a.Office ?? ""], $"/Watchlists/Detail/{a.EntryId}") { SinceUtc = a.CreatedUtc })];

    /// <summary>The daily job's latest count per office (<see cref="Core.Foreigners.OfficeDigest"/>): one line per office with overstays.</summary>
    private async Task<List<Item>> OverstaysAsync(CancellationToken cancellationToken)
    {
        var scope = db.Caller.Scope;
        var kanims = scope.KanimIds;
        var digests = await db.OfficeDigests.AsNoTracking()
            .Where(d => (scope.All || kanims.Contains(d.KanimId)) && d.Overstays + d.Expiring > 0)
            .GroupBy(d => d.KanimId)
            .Select(g => g.OrderByDescending(d => d.Day).First())
            .ToListAsync(cancellationToken);
        var names = await db.Kanims.AsNoTracking().Where(k => digests.Select(d => d.KanimId).Contains(k.Id)).ToDictionaryAsync(k => k.Id, k => k.Name, cancellationToken);
        return [.. digests.Take(Cap).Select(d => new Item(Kinds.Overstays, t["Home.DigestCard", names.GetValueOrDefault(d.KanimId, "")],
            t["Home.DigestText", d.Overstays, d.DeportationProposed, d.Expiring], "/Foreigners/Overstays") { Overdue = d.DeportationProposed > 0 })];
    }

    /// <summary>Open tips due within 3 days or overdue: assigned to the person, to their agency unit, or (for the
    /// office's staff, who answer for the follow-up) to anyone in their office.</summary>
    private async Task<List<Item>> TipsDueAsync(ClaimsPrincipal user, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var scope = db.Caller.Scope;
        var me = db.Caller.UserId;
        var unit = scope.AgencyUnitId;
        var office = !user.IsInRole(Roles.PartnerMember) && !user.IsInRole(Roles.Pimpasa);
        var kanims = scope.KanimIds;
        var all = scope.All;
        var horizon = nowUtc.AddDays(TipsDueWithinDays);
        var rows = await db.VisibleTips().AsNoTracking()
            .Where(x => new[] { TipState.Assigned, TipState.InFollowUp }.Contains(x.State) && x.DueUtc < horizon)
            .Where(x => x.AssignedUserId == me || (unit != null && x.AssignedUnitId == unit) || (office && (all || kanims.Contains(x.KanimId))))
            .OrderBy(x => x.DueUtc).Take(Cap)
            .Select(x => new { x.Id, x.TrackingCode, x.Kind, x.Place, x.DueUtc, Unit = db.AgencyUnits.Where(u => u.Id == x.AssignedUnitId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(x => new Item(Kinds.TipsDue, x.TrackingCode + " · " + t["Tips.Kind." + x.Kind], Join(x.Place, x.Unit), $"/Tips/Detail/{x.Id}")
        {
            Due = DateOnly.FromDateTime(clock.ToLocal(x.DueUtc!.Value)),
            AtUtc = x.DueUtc,
            Overdue = x.DueUtc < nowUtc,
        })];
    }

    private async Task<List<Item>> TipsNewAsync(CancellationToken cancellationToken) =>
        [.. (await db.VisibleTips().AsNoTracking().Where(x => x.State == TipState.New)
                .OrderBy(x => x.CreatedUtc).Take(Cap)
                .Select(x => new { x.Id, x.TrackingCode, x.Kind, x.Place, x.CreatedUtc, Area = db.Areas.Where(a => a.Code == x.AreaCode).Select(a => a.Name).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(x => new Item(Kinds.TipsNew, x.TrackingCode + " · " + t["Tips.Kind." + x.Kind], Join(x.Place, x.Area), $"/Tips/Detail/{x.Id}") { SinceUtc = x.CreatedUtc })];

    /// <summary>A cadre's own filings still being worked, so they can tell the resident where it stands.</summary>
    private async Task<List<Item>> TipsFiledAsync(CancellationToken cancellationToken)
    {
        var me = db.Caller.UserId;
        return [.. (await db.Tips.AsNoTracking().Where(x => x.FiledByUserId == me && x.State != TipState.Closed && x.State != TipState.Rejected)
                .OrderBy(x => x.CreatedUtc).Take(Cap)
                .Select(x => new { x.Id, x.TrackingCode, x.Kind, x.State, x.CreatedUtc })
                .ToListAsync(cancellationToken))
            .Select(x => new Item(Kinds.TipsFiled, x.TrackingCode + " · " + t["Tips.Kind." + x.Kind], t["Tips.State." + x.State], $"/Tips/Detail/{x.Id}") { SinceUtc = x.CreatedUtc })];
    }

    /// <summary>Open action items overdue or due within 7 days: a partner's those its unit owns; staff those of the
    /// teams they run.</summary>
    private async Task<List<Item>> ActionsAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var unit = user.IsInRole(Roles.PartnerMember) ? db.Caller.Scope.AgencyUnitId : null;
        if (user.IsInRole(Roles.PartnerMember) && unit is null)
        {
            return [];
        }

        var today = Today;
        var horizon = today.AddDays(ActionsDueWithinDays);
        var rows = await new TeamScope(db).ActionItems.AsNoTracking()
            .Where(a => (a.Status == ActionStatus.Open || a.Status == ActionStatus.InProgress) && a.DueDate <= horizon)
            .Where(a => unit == null || a.OwnerUnitId == unit)
            .OrderBy(a => a.DueDate).Take(Cap)
            .Select(a => new { a.Id, a.Title, a.DueDate, a.Status, a.CreatedUtc, Unit = db.AgencyUnits.Where(u => u.Id == a.OwnerUnitId).Select(u => u.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(a => new Item(Kinds.Actions, a.Title, Join(a.Unit, t["Actions.Status." + a.Status]), $"/ActionItems/{a.Id}")
        {
            Due = a.DueDate,
            Overdue = ActionItem.IsOverdue(a.Status, a.DueDate, today),
        })];
    }

    /// <summary>The next step of each TAK objection (Pasal 77) falling due within 5 working days: the 21 days in
    /// which an objection may come, then the office's 5 to forward it and 5 to decide. A step past its deadline is
    /// overdue, except the filing period, which simply ends.</summary>
    private async Task<List<Item>> ObjectionsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        // 21 working days are at most about 35 calendar days even with the longest holiday runs.
        var recent = today.AddDays(-60);
        var sanctions = await db.Sanctions.AsNoTracking()
            .Where(s => s.ObjectionDecidedOn == null && (s.DecisionDate >= recent || s.ObjectionFiledOn != null))
            .OrderBy(s => s.DecisionDate).Take(500)
            .Select(s => new { s.Id, s.Kind, s.DecisionNumber, s.DecisionDate, s.SubjectName, s.ObjectionFiledOn, s.ObjectionForwardedOn })
            .ToListAsync(cancellationToken);
        if (sanctions.Count == 0)
        {
            return [];
        }

        var from = today.AddDays(-120);
        var to = today.AddDays(60);
        var days = new WorkingDays(await db.PublicHolidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).Select(h => h.Date).ToListAsync(cancellationToken));
        var horizon = days.Add(today, ObjectionWorkingDays);
        var items = new List<Item>();
        foreach (var s in sanctions)
        {
            var (step, deadline) = s switch
            {
                { ObjectionForwardedOn: { } forwarded } => ("MyWork.ObjectionDecide", days.Add(forwarded, SanctionRules.DecideWithin)),
                { ObjectionFiledOn: { } filed } => ("MyWork.ObjectionForward", days.Add(filed, SanctionRules.ForwardWithin)),
                _ => ("MyWork.ObjectionFile", days.Add(s.DecisionDate, SanctionRules.FileWithin)),
            };
            var filing = step == "MyWork.ObjectionFile";
            if (deadline > horizon || (filing && deadline < today))
            {
                continue;
            }

            items.Add(new Item(Kinds.Objections, t[step, s.SubjectName], Join(s.DecisionNumber, t["Sanctions.Kind." + s.Kind]), $"/Sanctions/{s.Id}")
            {
                Due = deadline,
                Overdue = !filing && deadline < today,
            });
        }

        return [.. items.Take(Cap)];
    }

    /// <summary>Meetings of the person's teams in the next 14 days, and whether they are invited or already marked present.</summary>
    private async Task<List<Item>> MeetingsAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var me = db.Caller.UserId;
        var person = await db.Users.AsNoTracking().Where(u => u.Id == me).Select(u => u.PersonId).FirstOrDefaultAsync(cancellationToken);
        var until = nowUtc.AddDays(MeetingsWithinDays);
        var rows = await new TeamScope(db).Meetings.AsNoTracking()
            .Where(m => m.EndUtc >= nowUtc && m.StartUtc < until)
            .OrderBy(m => m.StartUtc).Take(Cap)
            .Select(m => new
            {
                m.Id,
                m.Title,
                m.StartUtc,
                m.Venue,
                Invited = person != null && m.Invitations.Any(i => i.Member!.PersonId == person),
                Present = person != null && m.Invitations.Any(i => i.Member!.PersonId == person && i.AttendedUtc != null),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(m => new Item(Kinds.Meetings, m.Title,
            Join(m.Venue, t[m.Present ? "MyWork.Present" : m.Invited ? "MyWork.Invited" : "MyWork.NotInvited"]), $"/Meetings/{m.Id}")
        {
            Due = DateOnly.FromDateTime(clock.ToLocal(m.StartUtc)),
            AtUtc = m.StartUtc,
        })];
    }

    /// <summary>Residents handed to another agency and not closed yet, followed by the village's officers.</summary>
    private async Task<List<Item>> ReferralsAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Referrals.AsNoTracking().Where(r => r.Status != ReferralStatus.Closed)
            .OrderBy(r => r.SentOn).Take(Cap)
            .Select(r => new
            {
                r.Agency,
                r.SentOn,
                r.ConsultationId,
                r.DeferralId,
                r.Note,
                Name = db.Consultations.Where(c => c.Id == r.ConsultationId).Select(c => c.ResidentName).FirstOrDefault()
                    ?? db.PassportDeferrals.Where(d => d.Id == r.DeferralId).Select(d => d.ApplicantName).FirstOrDefault(),
            })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(r => new Item(Kinds.Referrals, r.Name ?? VillageAccess.Text(t, r.Agency), Join(VillageAccess.Text(t, r.Agency), r.Note),
            r.ConsultationId is { } c ? $"/Villages/Consultations/{c}" : $"/Villages/Deferrals/{r.DeferralId}") { SinceDay = r.SentOn })];
    }

    private async Task<List<Item>> DeferralsAsync(CancellationToken cancellationToken)
    {
        var today = Today;
        var rows = await db.PassportDeferrals.AsNoTracking().Where(d => d.Outcome == DeferralOutcome.Pending)
            .OrderBy(d => d.InterviewOn).Take(Cap)
            .Select(d => new { d.Id, d.ApplicantName, d.Reason, d.DestinationCountry, d.DocumentsDueOn, d.InterviewOn })
            .ToListAsync(cancellationToken);
        return [.. rows.Select(d => new Item(Kinds.Deferrals, d.ApplicantName, Join(VillageAccess.Text(t, d.Reason), d.DestinationCountry), $"/Villages/Deferrals/{d.Id}")
        {
            Due = d.DocumentsDueOn,
            SinceDay = d.DocumentsDueOn is null ? d.InterviewOn : null,
            Overdue = d.DocumentsDueOn < today,
        })];
    }

    /// <summary>The quarter's plan against what was done, per village still short of it, and each planned
    /// activity whose day has passed without being recorded as done or cancelled. Its counter reads "done/planned"
    /// for all the person's villages, also when the plan is met.</summary>
    private async Task<List<Item>> ActivitiesAsync(Board board, CancellationToken cancellationToken)
    {
        var today = Today;
        var quarter = Quarter.Of(today);
        var (first, last) = (quarter.First, quarter.Last);
        var plans = await db.QuarterPlans.AsNoTracking().Where(p => p.Year == quarter.Year && p.Quarter == quarter.Number)
            .Take(Cap)
            .Select(p => new
            {
                p.VillageId,
                p.PlannedActivities,
                Village = db.ProgrammeVillages.Where(v => v.Id == p.VillageId).Select(v => v.Name).FirstOrDefault(),
                Done = db.VillageActivities.Count(a => a.VillageId == p.VillageId && a.Status == ActivityStatus.Done && a.Date >= first && a.Date <= last),
            })
            .ToListAsync(cancellationToken);
        var late = await db.VillageActivities.AsNoTracking().Where(a => a.Status == ActivityStatus.Planned && a.Date < today)
            .OrderBy(a => a.Date).Take(Cap)
            .Select(a => new { a.Id, a.Kind, a.Date, a.Place, Village = db.ProgrammeVillages.Where(v => v.Id == a.VillageId).Select(v => v.Name).FirstOrDefault() })
            .ToListAsync(cancellationToken);
        if (plans.Count > 0)
        {
            board.Counters.Add(new Counter(Kinds.Activities, plans.Sum(p => p.Done) + "/" + plans.Sum(p => p.PlannedActivities), late.Count, ListOf(Kinds.Activities)));
        }

        var items = new List<Item>();
        foreach (var a in late)
        {
            var text = t["MyWork.PlannedNotRecorded", VillageAccess.Text(t, a.Kind)];
            items.Add(new Item(Kinds.Activities, text, Join(a.Village, a.Place), $"/Villages/Activities/Edit/{a.Id}") { Due = a.Date, Overdue = true });
        }

        foreach (var p in plans.Where(p => p.Done < p.PlannedActivities))
        {
            var text = t["MyWork.QuarterPlan", p.Village ?? "", p.Done, p.PlannedActivities];
            items.Add(new Item(Kinds.Activities, text, quarter.ToString(), $"/Villages/{p.VillageId}") { Due = last });
        }

        return [.. items.Take(Cap)];
    }

    private async Task<List<Item>> ProvidersAsync(CancellationToken cancellationToken) =>
        [.. (await db.Providers.AsNoTracking().Where(p => p.Status == ProviderStatus.Pending)
                .OrderBy(p => p.CreatedUtc).Take(Cap)
                .Select(p => new { p.Id, p.Name, p.Kind, p.CreatedUtc, Area = db.Areas.Where(a => a.Code == p.AreaCode).Select(a => a.Name).FirstOrDefault() })
                .ToListAsync(cancellationToken))
            .Select(p => new Item(Kinds.Providers, p.Name, Join(t["Providers.Kind" + p.Kind], p.Area), $"/Providers/Detail/{p.Id}") { SinceUtc = p.CreatedUtc })];

    /// <summary>Bulk files of the last 14 days that failed or had rows refused.</summary>
    private async Task<List<Item>> BulkFilesAsync(DateTime nowUtc, CancellationToken cancellationToken)
    {
        var since = nowUtc.AddDays(-14);
        return [.. (await db.BulkImports.AsNoTracking().Where(b => b.CreatedUtc >= since && (b.Status == BulkStatus.Failed || (b.Status == BulkStatus.Done && b.Rejected > 0)))
                .OrderByDescending(b => b.CreatedUtc).Take(Cap)
                .Select(b => new { b.Id, b.FileName, b.Status, b.Rejected, b.TotalRows, b.CreatedUtc })
                .ToListAsync(cancellationToken))
            .Select(b => new Item(Kinds.BulkFiles, b.FileName, b.Status == BulkStatus.Failed ? t["MyWork.BulkFailed"] : t["MyWork.BulkRejected", b.Rejected, b.TotalRows],
                $"/GuestReports/Imports/{b.Id}") { SinceUtc = b.CreatedUtc, Overdue = b.Status == BulkStatus.Failed })];
    }

    private static string? Join(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join(" · ", present);
    }

    /// <summary>The kinds of work, as the counters' and items' keys (texts: <c>MyWork.Kind.&lt;kind&gt;</c>).</summary>
    public static class Kinds
    {
        public const string Hits = "Hits";
        public const string Alerts = "Alerts";
        public const string Overstays = "Overstays";
        public const string TipsDue = "TipsDue";
        public const string TipsNew = "TipsNew";
        public const string TipsFiled = "TipsFiled";
        public const string Actions = "Actions";
        public const string Objections = "Objections";
        public const string Meetings = "Meetings";
        public const string Referrals = "Referrals";
        public const string Deferrals = "Deferrals";
        public const string Activities = "Activities";
        public const string Providers = "Providers";
        public const string BulkFiles = "BulkFiles";
    }
}
