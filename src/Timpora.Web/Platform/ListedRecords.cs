using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;
using Timpora.Core.Data;

namespace Timpora.Web.Platform;

/// <summary>
/// Decides, on the server, whether opening a foreigner's or a person's record owes a reason (issue 28). The rule:
/// a reason is owed unless the link was issued by a page of daily work that listed the record to this officer (the
/// register browsed without a name or passport, the overstay, expiring and present lists, a tip, a hit, a sanction,
/// a finding, the officer's own edit). Such a link carries a ticket: the officer's id and the record's id, protected
/// by the application's data-protection keys and valid for one working day. A search result's link carries none, and
/// so does a typed or edited URL; the ticket cannot be made or moved to another record or officer by hand. The old
/// <c>?from=search</c> flag said the opposite: owed only when the client said so, so deleting it skipped the reason.
/// </summary>
public sealed class ListedRecords(IDataProtectionProvider protection, Func<Caller> caller)
{
    public const string Parameter = "listed";

    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(12);

    private readonly ITimeLimitedDataProtector protector = protection.CreateProtector("Timpora.ListedRecords").ToTimeLimitedDataProtector();

    /// <summary>The profile link for a list of daily work: opens without a reason.</summary>
    public string Foreigner(Guid id) => $"/Foreigners/Detail/{id}?{Parameter}={Ticket(id)}";

    public string Person(Guid id) => $"/People/{id}?{Parameter}={Ticket(id)}";

    /// <summary>Whether <paramref name="ticket"/> was issued to this officer for this record and has not run out.</summary>
    public bool WasListed(string? ticket, Guid id)
    {
        if (string.IsNullOrEmpty(ticket) || caller().UserId is not { } userId)
        {
            return false;
        }

        try
        {
            return protector.Unprotect(ticket) == Payload(userId, id);
        }
        catch (CryptographicException)
        {
            // The data-protection API answers a forged, damaged or expired ticket only by throwing.
            return false;
        }
    }

    private string Ticket(Guid id) =>
        caller().UserId is { } userId ? Uri.EscapeDataString(protector.Protect(Payload(userId, id), Lifetime)) : "";

    private static string Payload(string userId, Guid id) => userId + "|" + id.ToString("N");
}
