using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Providers;

namespace Timpora.Core.GuestReports;

public sealed record ReportOutcome(GuestReport? Report, IReadOnlyList<ReportProblem> Problems)
{
    public bool Accepted => Report is not null;

    public static ReportOutcome Rejected(params ReportProblem[] problems) => new(null, problems);
}

/// <summary>A check-in as one provider's key or user reported it; <see cref="Reporter"/> is named in its audit entries.</summary>
public sealed record ProviderCheckIn(Guid ProviderId, Caller Reporter, CheckIn CheckIn);

/// <summary>Accepts check-ins and check-outs from every channel (web form, API, bulk file): validates them,
/// resolves the guest to a person in the register, records the permit, and issues the receipt, all in one
/// save so that the report and its audit entries commit together.</summary>
public static class GuestReporting
{
    public static readonly TimeSpan ReportingDeadline = TimeSpan.FromHours(24);

    public static async Task<ReportOutcome> CheckInAsync(
        AppDbContext db, Guid providerId, CheckIn input, ReportChannel channel, DateTime nowUtc, CancellationToken cancellationToken = default) =>
        (await CheckInBatchAsync(db, providerId, [input], channel, nowUtc, cancellationToken))[0];

    /// <summary>Checks in many guests of one provider with a handful of queries and one save: the path of bulk files,
    /// and of single reports too (a batch of one), so that every channel follows the same rules. The new rows and
    /// their audit entries are written in bulk (ADR 0008).</summary>
    public static Task<IReadOnlyList<ReportOutcome>> CheckInBatchAsync(
        AppDbContext db, Guid providerId, IReadOnlyList<CheckIn> inputs, ReportChannel channel, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var reporter = db.Caller;
        return CheckInBatchAsync(db, [.. inputs.Select(i => new ProviderCheckIn(providerId, reporter, i))], channel, nowUtc, cancellationToken);
    }

    /// <summary>Checks in the guests of several providers in one save, each audited as its own reporter: the API's
    /// group commit, where requests of many properties' keys arrive together (ADR 0020).</summary>
    public static async Task<IReadOnlyList<ReportOutcome>> CheckInBatchAsync(
        AppDbContext db, IReadOnlyList<ProviderCheckIn> inputs, ReportChannel channel, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        // One connection for the batch's few queries and its save, rather than one from the pool for each.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            return await CheckInOpenAsync(db, inputs, channel, nowUtc, cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static async Task<IReadOnlyList<ReportOutcome>> CheckInOpenAsync(
        AppDbContext db, IReadOnlyList<ProviderCheckIn> inputs, ReportChannel channel, DateTime nowUtc, CancellationToken cancellationToken)
    {
        // The register is shared across offices and providers: resolution must see every person, whoever reports.
        var providerIds = inputs.Select(i => i.ProviderId).Distinct().ToList();
        var providers = await db.Providers.IgnoreQueryFilters().AsNoTracking()
            .Where(p => providerIds.Contains(p.Id))
            .ToDictionaryAsync(p => p.Id, cancellationToken);
        var checkIns = inputs.Select(i => i.CheckIn.Normalised()).ToList();
        var outcomes = new ReportOutcome[checkIns.Count];
        var valid = new List<int>();
        for (var i = 0; i < checkIns.Count; i++)
        {
            var problems = providers.GetValueOrDefault(inputs[i].ProviderId) is { Status: ProviderStatus.Approved }
                ? CheckInRules.Validate(checkIns[i], nowUtc)
                : [NotApproved];
            if (problems.Count > 0)
            {
                outcomes[i] = new ReportOutcome(null, problems);
            }
            else
            {
                valid.Add(i);
            }
        }

        for (var attempt = 1; valid.Count > 0; attempt++)
        {
            try
            {
                var register = await RegisterSlice.LoadAsync(db, valid.Select(i => checkIns[i]).ToList(), cancellationToken);
                foreach (var i in valid)
                {
                    var (provider, reporter) = (providers[inputs[i].ProviderId], inputs[i].Reporter);
                    var (foreigner, match) = register.Resolve(db, provider, checkIns[i], reporter);
                    register.RecordPermit(db, foreigner, checkIns[i], reporter);
                    var report = NewReport(provider, foreigner, match, checkIns[i], channel, nowUtc);
                    db.AddUntracked(report);
                    db.AuditAs(report, reporter);
                    outcomes[i] = new ReportOutcome(report, []);
                }

                await db.SaveChangesInBulkAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two reports of the same new passport at once: the unique document index stops the second
                // person; retrying finds the first one.
                db.ChangeTracker.Clear();
                VisaCodes.Forget(db);
            }
        }

        return outcomes;
    }

    private static readonly ReportProblem NotApproved =
        new("Provider", "ProviderNotApproved", "The accommodation provider is not approved to report guests.");

    private static GuestReport NewReport(AccommodationProvider provider, Foreigner foreigner, PersonMatch match, CheckIn c, ReportChannel channel, DateTime nowUtc) => new()
    {
        ProviderId = provider.Id,
        ForeignerId = foreigner.Id,
        KanimId = provider.KanimId,
        AreaCode = provider.AreaCode,
        ReceiptNumber = NewReceiptNumber(nowUtc),
        Channel = channel,
        Surname = c.Surname,
        GivenNames = c.GivenNames,
        Sex = c.Sex,
        BirthDate = c.BirthDate,
        Nationality = c.Nationality,
        PassportNumber = c.PassportNumber,
        PassportIssuingState = c.PassportIssuingState,
        PassportExpiresOn = c.PassportExpiresOn,
        PermitKind = c.PermitKind,
        VisaIndexCode = c.VisaIndexCode,
        PermitNumber = c.PermitNumber,
        PermitExpiresOn = c.PermitExpiresOn,
        CheckInUtc = c.CheckInUtc,
        PlannedDepartureUtc = c.PlannedDepartureUtc,
        Room = c.Room,
        Purpose = c.Purpose,
        ReportedUtc = nowUtc,
        IsLate = nowUtc - c.CheckInUtc > ReportingDeadline,
        Match = match,
    };

    public static async Task<ReportOutcome> CheckOutAsync(
        AppDbContext db, Guid providerId, string receiptNumber, DateTime checkOutUtc, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var number = receiptNumber.Trim().ToUpperInvariant();
        var report = await db.GuestReports.IgnoreQueryFilters()
            .FirstOrDefaultAsync(r => r.ReceiptNumber == number && r.ProviderId == providerId, cancellationToken);
        if (report is null)
        {
            return ReportOutcome.Rejected(new ReportProblem("ReceiptNumber", "ReceiptUnknown", $"No check-in of this property has receipt number '{number}'."));
        }

        if (checkOutUtc < report.CheckInUtc)
        {
            return ReportOutcome.Rejected(new ReportProblem("CheckOutUtc", "CheckOutBeforeCheckIn", "The check-out is before the check-in."));
        }

        if (checkOutUtc > nowUtc + TimeSpan.FromHours(1))
        {
            return ReportOutcome.Rejected(new ReportProblem("CheckOutUtc", "CheckOutFuture", "The check-out time is in the future."));
        }

        if (report.CheckOutUtc is { } earlier && earlier != checkOutUtc)
        {
            return ReportOutcome.Rejected(new ReportProblem("CheckOutUtc", "AlreadyCheckedOut", "This guest's check-out was already reported with another time."));
        }

        report.CheckOutUtc = checkOutUtc;
        report.CheckOutReportedUtc ??= nowUtc;
        await db.SaveChangesAsync(cancellationToken);
        return new ReportOutcome(report, []);
    }

    // Crockford base32 without I, L, O, U: easy to read out over the phone.
    private const string ReceiptAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static string NewReceiptNumber(DateTime nowUtc) =>
        "TP" + nowUtc.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-"
        + string.Concat(RandomNumberGenerator.GetItems(ReceiptAlphabet.AsSpan(), 8));
}
