using System.Collections.Concurrent;
using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Permits;
using Timpora.Core.Providers;

namespace Timpora.Core.GuestReports;

/// <summary>The part of the register a batch of check-ins touches, loaded in a few queries: the people whose
/// passports are reported, people with the same names, their permits, and the visa index codes.</summary>
internal sealed class RegisterSlice
{
    private readonly Dictionary<(string Number, string State), Foreigner> byDocument = [];
    private readonly HashSet<(string NameKey, string? BirthDate, string Nationality)> alike = [];
    private readonly HashSet<(Guid Foreigner, DateOnly ExpiresOn, PermitKind Kind)> permits = [];
    private IReadOnlyDictionary<string, int> visaIndexIds = new Dictionary<string, int>();

    public static async Task<RegisterSlice> LoadAsync(AppDbContext db, IReadOnlyList<CheckIn> checkIns, CancellationToken cancellationToken)
    {
        var slice = new RegisterSlice();
        var numbers = checkIns.Select(c => c.PassportNumber).Distinct().ToList();
        var documents = await db.TravelDocuments.AsNoTracking()
            .Where(d => numbers.Contains(d.Number))
            .Select(d => new { d.Number, d.IssuingState, d.ForeignerId })
            .ToListAsync(cancellationToken);
        var ids = documents.Select(d => d.ForeignerId).Distinct().ToList();
        // A batch of first-time guests (most of a bulk file) needs no people and no permits loaded.
        var people = ids.Count == 0 ? [] : await db.Foreigners.IgnoreQueryFilters().Include(f => f.Documents).Include(f => f.Aliases)
            .Where(f => ids.Contains(f.Id))
            .ToDictionaryAsync(f => f.Id, cancellationToken);
        foreach (var d in documents)
        {
            slice.byDocument[(d.Number, d.IssuingState)] = people[d.ForeignerId];
        }

        var keys = checkIns.Select(c => Foreigner.KeyOf(c.Surname, c.GivenNames)).Distinct().ToList();
        foreach (var a in await db.Foreigners.IgnoreQueryFilters().AsNoTracking()
            .Where(f => keys.Contains(f.NameKey))
            .Select(f => new { f.NameKey, f.BirthDate, f.Nationality })
            .ToListAsync(cancellationToken))
        {
            slice.alike.Add((a.NameKey, a.BirthDate, a.Nationality));
        }

        foreach (var p in ids.Count == 0 ? [] : await db.StayPermits.IgnoreQueryFilters().AsNoTracking()
            .Where(p => ids.Contains(p.ForeignerId))
            .Select(p => new { p.ForeignerId, p.ExpiresOn, p.Kind })
            .ToListAsync(cancellationToken))
        {
            slice.permits.Add((p.ForeignerId, p.ExpiresOn, p.Kind));
        }

        var codes = checkIns.Select(c => c.VisaIndexCode).OfType<string>().Distinct(StringComparer.Ordinal).ToList();
        if (codes.Count > 0)
        {
            slice.visaIndexIds = await VisaCodes.LoadAsync(db, codes, cancellationToken);
        }

        return slice;
    }

    /// <summary>The same passport (number and issuing state) is the same person; otherwise a new person, marked
    /// as a possible match when someone of the same name, birth date and nationality exists.</summary>
    public (Foreigner Foreigner, PersonMatch Match) Resolve(AppDbContext db, AccommodationProvider provider, CheckIn c, Caller reporter)
    {
        var nameKey = Foreigner.KeyOf(c.Surname, c.GivenNames);
        if (byDocument.TryGetValue((c.PassportNumber, c.PassportIssuingState), out var known))
        {
            db.AuditAs(known, reporter);
            MoveTo(db, known, provider, c.CheckInUtc);
            var document = known.Documents.First(d => d.Number == c.PassportNumber && d.IssuingState == c.PassportIssuingState);
            document.ExpiresOn = c.PassportExpiresOn ?? document.ExpiresOn;
            var alias = $"{c.Surname} {c.GivenNames}".Trim();
            if (known.NameKey != nameKey && !known.Aliases.Any(a => a.Name == alias))
            {
                // Added through the set: EF would take a new child with a client-made Guid key for an existing row.
                db.ForeignerAliases.Add(new ForeignerAlias { ForeignerId = known.Id, Name = alias });
            }

            return (known, PersonMatch.Document);
        }

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
            Street = AddressOf(provider),
        };
        var passport = new TravelDocument { ForeignerId = person.Id, Number = c.PassportNumber, IssuingState = c.PassportIssuingState, ExpiresOn = c.PassportExpiresOn };
        person.Documents = [passport];
        // A new guest's rows are written in bulk without EF's change tracking (ADR 0016).
        db.AddUntracked(person);
        db.AuditAs(person, reporter);
        db.AddUntracked(passport);
        byDocument[(c.PassportNumber, c.PassportIssuingState)] = person;
        var match = alike.Contains((nameKey, c.BirthDate, c.Nationality)) ? PersonMatch.Possible : PersonMatch.New;
        alike.Add((nameKey, c.BirthDate, c.Nationality));
        return (person, match);
    }

    public void RecordPermit(AppDbContext db, Foreigner foreigner, CheckIn c, Caller reporter)
    {
        if (c.PermitExpiresOn is not { } expiresOn || !permits.Add((foreigner.Id, expiresOn, c.PermitKind)))
        {
            return;
        }

        var permit = new StayPermit
        {
            ForeignerId = foreigner.Id,
            Kind = c.PermitKind,
            VisaIndexId = c.VisaIndexCode is not null && visaIndexIds.TryGetValue(c.VisaIndexCode, out var id) ? id : null,
            Number = c.PermitNumber,
            ExpiresOn = expiresOn,
            KanimId = foreigner.KanimId,
            AreaCode = foreigner.AreaCode,
        };
        db.AddUntracked(permit);
        db.AuditAs(permit, reporter);
    }

    /// <summary>The guest now stays at the provider: the register's current address follows, the old one is kept.</summary>
    private static void MoveTo(AppDbContext db, Foreigner foreigner, AccommodationProvider provider, DateTime sinceUtc)
    {
        var street = AddressOf(provider);
        if (foreigner.AreaCode == provider.AreaCode && foreigner.Street == street)
        {
            return;
        }

        db.ForeignerAddresses.Add(new ForeignerAddress { ForeignerId = foreigner.Id, AreaCode = foreigner.AreaCode, Street = foreigner.Street, UntilUtc = sinceUtc });
        foreigner.AreaCode = provider.AreaCode;
        foreigner.KanimId = provider.KanimId;
        foreigner.Street = street;
    }

    private static string AddressOf(AccommodationProvider provider) =>
        provider.Name + (provider.Street is null ? "" : ", " + provider.Street);
}

/// <summary>The visa index codes and their ids, read once a minute per database rather than once per batch: reference
/// data an administrator rarely edits. A code the copy lacks reads it again at once, so a new code is known at its first
/// use; <see cref="Forget"/> drops the copy after a failed save (a code deleted meanwhile).</summary>
internal static class VisaCodes
{
    private static readonly TimeSpan MaxAge = TimeSpan.FromMinutes(1);
    private static readonly ConcurrentDictionary<string, (long ReadAt, IReadOnlyDictionary<string, int> Ids)> Copies = new(StringComparer.Ordinal);

    public static async Task<IReadOnlyDictionary<string, int>> LoadAsync(AppDbContext db, IReadOnlyCollection<string> needed, CancellationToken cancellationToken)
    {
        var key = db.Database.GetConnectionString() ?? "";
        if (Copies.TryGetValue(key, out var copy) && Stopwatch.GetElapsedTime(copy.ReadAt) < MaxAge && needed.All(copy.Ids.ContainsKey))
        {
            return copy.Ids;
        }

        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var v in await db.VisaIndexes.AsNoTracking().OrderBy(v => v.ValidFrom).Select(v => new { v.Code, v.Id }).ToListAsync(cancellationToken))
        {
            // Ordered by validity: of two rows with one code, the later one wins.
            ids[v.Code] = v.Id;
        }

        Copies[key] = (Stopwatch.GetTimestamp(), ids);
        return ids;
    }

    public static void Forget(AppDbContext db) => Copies.TryRemove(db.Database.GetConnectionString() ?? "", out _);
}
