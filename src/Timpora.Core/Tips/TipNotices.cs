using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Core.Tips;

/// <summary>In-app notices (and, when an SMTP server is configured, emails through the outbox) for an assignment
/// and for tips that are due soon or overdue. Each user gets each kind of notice about a tip once.</summary>
public static class TipNotices
{
    public static readonly TimeSpan DueSoon = TimeSpan.FromHours(24);

    public static async Task AssignedAsync(AppDbContext db, Tip tip, DateTime nowUtc, bool email, CancellationToken cancellationToken = default)
    {
        foreach (var user in await RecipientsAsync(db, tip, cancellationToken))
        {
            Add(db, user.Id, email ? user.Email : null, tip, TipNotificationKind.Assigned, nowUtc);
        }
    }

    /// <summary>Run by the due-date job: adds the due-soon and overdue notices not given yet.</summary>
    public static async Task<int> ScanDueAsync(AppDbContext db, DateTime nowUtc, bool email, CancellationToken cancellationToken = default)
    {
        var horizon = nowUtc + DueSoon;
        var due = await db.Tips.IgnoreQueryFilters()
            .Where(t => (t.State == TipState.Assigned || t.State == TipState.InFollowUp) && t.DueUtc != null && t.DueUtc < horizon)
            .ToListAsync(cancellationToken);
        var added = 0;
        foreach (var tip in due)
        {
            var kind = tip.DueUtc < nowUtc ? TipNotificationKind.Overdue : TipNotificationKind.DueSoon;
            foreach (var user in await RecipientsAsync(db, tip, cancellationToken))
            {
                if (!await db.TipNotifications.AnyAsync(n => n.UserId == user.Id && n.TipId == tip.Id && n.Kind == kind, cancellationToken))
                {
                    Add(db, user.Id, email ? user.Email : null, tip, kind, nowUtc);
                    added++;
                }
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return added;
    }

    /// <summary>The assigned officer; else the accounts of the assigned unit's people; else the Kanim's officers.</summary>
    private static async Task<List<Recipient>> RecipientsAsync(AppDbContext db, Tip tip, CancellationToken cancellationToken)
    {
        if (tip.AssignedUserId is { } userId)
        {
            return await db.Users.Where(u => u.Id == userId).Select(u => new Recipient(u.Id, u.Email)).ToListAsync(cancellationToken);
        }

        if (tip.AssignedUnitId is { } unitId)
        {
            var unitUsers = await db.Users
                .Join(db.People.IgnoreQueryFilters().Where(p => p.UnitId == unitId), u => u.PersonId, p => p.Id, (u, p) => new Recipient(u.Id, u.Email))
                .ToListAsync(cancellationToken);
            if (unitUsers.Count > 0)
            {
                return unitUsers;
            }
        }

        var officerRole = await db.Roles.Where(r => r.Name == Roles.KanimOfficer).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        return await db.Users.Where(u => u.KanimId == tip.KanimId)
            .Join(db.UserRoles.Where(r => r.RoleId == officerRole), u => u.Id, r => r.UserId, (u, r) => new Recipient(u.Id, u.Email))
            .ToListAsync(cancellationToken);
    }

    // A record, not a tuple: PostgreSQL cannot return a projected row as a .NET tuple.
    private sealed record Recipient(string Id, string? Email);

    private static void Add(AppDbContext db, string userId, string? email, Tip tip, TipNotificationKind kind, DateTime nowUtc)
    {
        db.TipNotifications.Add(new TipNotification { UserId = userId, TipId = tip.Id, Kind = kind, CreatedUtc = nowUtc });
        if (!string.IsNullOrWhiteSpace(email))
        {
            db.OutboxEmails.Add(new OutboxEmail
            {
                To = email,
                Subject = $"Timpora {tip.TrackingCode}: {Subjects[kind]}",
                Body = $"{Subjects[kind]}: {tip.TrackingCode}.\r\n\r\n/Tips/Detail/{tip.Id}\r\n",
                CreatedUtc = nowUtc,
                NextAttemptUtc = nowUtc,
            });
        }
    }

    // Emails go out in the service's working language; the in-app notice follows each user's language.
    private static readonly Dictionary<TipNotificationKind, string> Subjects = new()
    {
        [TipNotificationKind.Assigned] = "laporan masyarakat ditugaskan kepada Anda",
        [TipNotificationKind.DueSoon] = "batas waktu tindak lanjut kurang dari 24 jam",
        [TipNotificationKind.Overdue] = "batas waktu tindak lanjut terlewati",
    };
}
