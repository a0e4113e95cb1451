using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Core.GuestReports;

public sealed record ReportOutcome(GuestReport? Report, IReadOnlyList<ReportProblem> Problems)
{
    public bool Accepted => Report is not null;

    public static ReportOutcome Rejected(params ReportProblem[] problems) => new(null, problems);
}

/// <summary>Accepts check-ins and check-outs from every channel (web form, API, bulk file): validates them,
/// resolves the guest to a person in the register, records the permit, and issues the receipt, all in one
/// save so that the report and its audit entries commit together.</summary>
public static class GuestReporting
{
    public static readonly TimeSpan ReportingDeadline = TimeSpan.FromHours(24);

    public static async Task<ReportOutcome> CheckInAsync(
        AppDbContext db, Guid providerId, CheckIn input, ReportChannel channel, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var checkIn = input.Normalised();
        var problems = CheckInRules.Validate(checkIn, nowUtc);
        if (problems.Count > 0)
        {
            return new ReportOutcome(null, problems);
        }

        // The register is shared across offices and providers: resolution must see every person, whoever reports.
        var provider = await db.Providers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (provider is null || provider.Status != ProviderStatus.Approved)
        {
            return ReportOutcome.Rejected(new ReportProblem("Provider", "ProviderNotApproved", "The accommodation provider is not approved to report guests."));
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                var (foreigner, match) = await ResolveAsync(db, provider, checkIn, cancellationToken);
                await RecordPermitAsync(db, foreigner, checkIn, cancellationToken);
                var report = new GuestReport
                {
                    ProviderId = provider.Id,
                    ForeignerId = foreigner.Id,
                    KanimId = provider.KanimId,
                    AreaCode = provider.AreaCode,
                    ReceiptNumber = NewReceiptNumber(nowUtc),
                    Channel = channel,
                    Surname = checkIn.Surname,
                    GivenNames = checkIn.GivenNames,
                    Sex = checkIn.Sex,
                    BirthDate = checkIn.BirthDate,
                    Nationality = checkIn.Nationality,
                    PassportNumber = checkIn.PassportNumber,
                    PassportIssuingState = checkIn.PassportIssuingState,
                    PassportExpiresOn = checkIn.PassportExpiresOn,
                    PermitKind = checkIn.PermitKind,
                    VisaIndexCode = checkIn.VisaIndexCode,
                    PermitNumber = checkIn.PermitNumber,
                    PermitExpiresOn = checkIn.PermitExpiresOn,
                    CheckInUtc = checkIn.CheckInUtc,
                    PlannedDepartureUtc = checkIn.PlannedDepartureUtc,
                    Room = checkIn.Room,
                    Purpose = checkIn.Purpose,
                    ReportedUtc = nowUtc,
                    IsLate = nowUtc - checkIn.CheckInUtc > ReportingDeadline,
                    Match = match,
                };
                db.GuestReports.Add(report);
                await db.SaveChangesAsync(cancellationToken);
                return new ReportOutcome(report, []);
            }
            catch (DbUpdateException) when (attempt < 3)
            {
                // Two reports of the same new passport at once: the unique document index stops the second
                // person; retrying finds the first one.
                db.ChangeTracker.Clear();
            }
        }
    }

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

    private static async Task<(Foreigner Foreigner, PersonMatch Match)> ResolveAsync(
        AppDbContext db, AccommodationProvider provider, CheckIn c, CancellationToken cancellationToken)
    {
        var foreignerId = await db.TravelDocuments
            .Where(d => d.Number == c.PassportNumber && d.IssuingState == c.PassportIssuingState)
            .Select(d => (Guid?)d.ForeignerId)
            .FirstOrDefaultAsync(cancellationToken);
        var nameKey = Foreigner.KeyOf(c.Surname, c.GivenNames);
        if (foreignerId is not null)
        {
            var known = await db.Foreigners.IgnoreQueryFilters().Include(f => f.Documents).FirstAsync(f => f.Id == foreignerId, cancellationToken);
            MoveTo(known, provider, c.CheckInUtc);
            var document = known.Documents.First(d => d.Number == c.PassportNumber && d.IssuingState == c.PassportIssuingState);
            document.ExpiresOn = c.PassportExpiresOn ?? document.ExpiresOn;
            if (known.NameKey != nameKey)
            {
                db.ForeignerAliases.Add(new ForeignerAlias { ForeignerId = known.Id, Name = $"{c.Surname} {c.GivenNames}".Trim() });
            }

            return (known, PersonMatch.Document);
        }

        var alike = await db.Foreigners.IgnoreQueryFilters()
            .AnyAsync(f => f.NameKey == nameKey && f.BirthDate == c.BirthDate && f.Nationality == c.Nationality, cancellationToken);
        var person = new Foreigner
        {
            Surname = c.Surname,
            GivenNames = c.GivenNames,
            NameKey = nameKey,
            Sex = c.Sex,
            BirthDate = c.BirthDate,
            Nationality = c.Nationality,
            KanimId = provider.KanimId,
            AreaCode = provider.AreaCode,
            Street = provider.Name + (provider.Street is null ? "" : ", " + provider.Street),
            Documents = [new TravelDocument { Number = c.PassportNumber, IssuingState = c.PassportIssuingState, ExpiresOn = c.PassportExpiresOn }],
        };
        db.Foreigners.Add(person);
        return (person, alike ? PersonMatch.Possible : PersonMatch.New);
    }

    /// <summary>The guest now stays at the provider: the register's current address follows, the old one is kept.</summary>
    private static void MoveTo(Foreigner foreigner, AccommodationProvider provider, DateTime sinceUtc)
    {
        var street = provider.Name + (provider.Street is null ? "" : ", " + provider.Street);
        if (foreigner.AreaCode == provider.AreaCode && foreigner.Street == street)
        {
            return;
        }

        foreigner.PastAddresses.Add(new ForeignerAddress { AreaCode = foreigner.AreaCode, Street = foreigner.Street, UntilUtc = sinceUtc });
        foreigner.AreaCode = provider.AreaCode;
        foreigner.KanimId = provider.KanimId;
        foreigner.Street = street;
    }

    private static async Task RecordPermitAsync(AppDbContext db, Foreigner foreigner, CheckIn c, CancellationToken cancellationToken)
    {
        if (c.PermitExpiresOn is not { } expiresOn)
        {
            return;
        }

        var known = await db.StayPermits.IgnoreQueryFilters()
            .AnyAsync(p => p.ForeignerId == foreigner.Id && p.ExpiresOn == expiresOn && p.Kind == c.PermitKind, cancellationToken);
        if (!known)
        {
            var visaIndexId = c.VisaIndexCode is null ? null : await db.VisaIndexes
                .Where(v => v.Code == c.VisaIndexCode).OrderByDescending(v => v.ValidFrom).Select(v => (int?)v.Id).FirstOrDefaultAsync(cancellationToken);
            db.StayPermits.Add(new StayPermit
            {
                ForeignerId = foreigner.Id,
                Kind = c.PermitKind,
                VisaIndexId = visaIndexId,
                Number = c.PermitNumber,
                ExpiresOn = expiresOn,
                KanimId = foreigner.KanimId,
                AreaCode = foreigner.AreaCode,
            });
        }
    }

    // Crockford base32 without I, L, O, U: easy to read out over the phone.
    private const string ReceiptAlphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

    private static string NewReceiptNumber(DateTime nowUtc) =>
        "TP" + nowUtc.ToString("yyMMdd", System.Globalization.CultureInfo.InvariantCulture) + "-"
        + string.Concat(RandomNumberGenerator.GetItems(ReceiptAlphabet.AsSpan(), 8));
}
