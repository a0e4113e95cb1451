using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Core.Foreigners;

/// <summary>What the daily job told a Kanim on a day (office time): overstays, of which over 60 days, and
/// permits expiring within 30 days. Counts only; the lists stay behind the scope filter.</summary>
public sealed class OfficeDigest
{
    public int Id { get; set; }
    public int KanimId { get; set; }
    public DateOnly Day { get; set; }
    public int Overstays { get; set; }
    public int DeportationProposed { get; set; }
    public int Expiring { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public static class OfficeDigests
{
    /// <summary>Writes today's digest for every Kanim that has none yet for its own local day, without email.</summary>
    public static Task<int> RunAsync(Func<DataScope, AppDbContext> contextFor, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        RunAsync(contextFor, nowUtc, email: false, cancellationToken);

    /// <summary>Writes today's digest for every Kanim that has none yet for its own local day, and with
    /// <paramref name="email"/> (an SMTP server is configured) puts a copy for each of the Kanim's officers in the
    /// outbox, in the same save. Safe to run from several instances: the unique (Kanim, day) index lets only one
    /// write it, and so only one sends it.</summary>
    public static async Task<int> RunAsync(Func<DataScope, AppDbContext> contextFor, DateTime nowUtc, bool email, CancellationToken cancellationToken = default)
    {
        await using var system = contextFor(DataScope.Everything);
        var kanims = await system.Kanims.AsNoTracking().Select(k => new { k.Id, k.Name, k.TimeZoneId }).ToListAsync(cancellationToken);
        var written = 0;
        foreach (var kanim in kanims)
        {
            var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(nowUtc, TimeZoneInfo.FindSystemTimeZoneById(kanim.TimeZoneId)));
            if (await system.OfficeDigests.AnyAsync(d => d.KanimId == kanim.Id && d.Day == today, cancellationToken))
            {
                continue;
            }

            // The office's own view of the register: the same scope a Kanim officer has.
            await using var office = contextFor(new DataScope(false, [kanim.Id], []));
            var overstays = await RegisterQueries.OverstaysAsync(office, today, cancellationToken);
            var expiring = await RegisterQueries.Expiring(office, today).CountAsync(cancellationToken);
            var digest = new OfficeDigest
            {
                KanimId = kanim.Id,
                Day = today,
                Overstays = overstays.Count,
                DeportationProposed = overstays.Count(o => o.DeportationProposed),
                Expiring = expiring,
                CreatedUtc = nowUtc,
            };
            office.OfficeDigests.Add(digest);
            if (email)
            {
                foreach (var to in await OfficerEmailsAsync(system, kanim.Id, cancellationToken))
                {
                    office.OutboxEmails.Add(DigestEmail.For(digest, kanim.Name, to, nowUtc));
                }
            }

            try
            {
                await office.SaveChangesAsync(cancellationToken);
                written++;
            }
            catch (DbUpdateException)
            {
                // Another instance wrote this Kanim's digest for today first.
            }
        }

        return written;
    }

    /// <summary>The addresses of the Kanim's officers (the same people the tips' notices reach by default).</summary>
    private static async Task<List<string>> OfficerEmailsAsync(AppDbContext db, int kanimId, CancellationToken cancellationToken)
    {
        var officerRole = await db.Roles.Where(r => r.Name == Roles.KanimOfficer).Select(r => r.Id).FirstOrDefaultAsync(cancellationToken);
        var emails = await db.Users.Where(u => u.KanimId == kanimId && u.Email != null)
            .Join(db.UserRoles.Where(r => r.RoleId == officerRole), u => u.Id, r => r.UserId, (u, _) => u.Email!)
            .ToListAsync(cancellationToken);
        return [.. emails.Where(e => !string.IsNullOrWhiteSpace(e)).Distinct(StringComparer.OrdinalIgnoreCase)];
    }
}
