using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;
using Timpora.Core.Watchlists;

namespace Timpora.Core.Demo;

/// <summary>A small entry-ban list and one guest of the Tambolaka hotel who is on it under another spelling: the
/// list says MUHAMMAD ABDUL RAHMAN, the front desk typed Mohamed Abdulrahman. The screening job finds him after start.</summary>
public static class DemoWatchlists
{
    public static async Task SeedAsync(AppDbContext db, Guid hotelId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var kalianda = await db.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).SingleAsync(cancellationToken);
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).SingleAsync(cancellationToken);
        var today = DateOnly.FromDateTime(nowUtc);
        EntryDraft Ban(string list, string reference, string name, string? born, string? nationality, Sex sex, int office, string reason, DateOnly? until,
            string[]? aliases = null, string[]? documents = null) =>
            new(list, reference, name, aliases ?? [], born, nationality, sex, documents ?? [], today.AddYears(-1), until, "Ditjen Imigrasi (SIMKIM)", reason, office);

        foreach (var draft in new[]
        {
            Ban(Watchlist.EntryBan, "IMI.5-GR.02.03-2025-0117", "MUHAMMAD ABDUL RAHMAN", "1985-06-14", "PAK", Sex.Male, kalianda,
                "Dideportasi 2025 dari Lampung: bekerja tanpa izin dan melebihi izin tinggal lebih dari 60 hari", today.AddYears(5), ["ABDUL RAHMAN MUHAMMAD"]),
            Ban(Watchlist.EntryBan, "IMI.5-GR.02.03-2024-0831", "LI WEI", "1990-11", "CHN", Sex.Male, kupang,
                "Penyelundupan orang (TPPM) di perairan Sumba, 2024", today.AddYears(8)),
            Ban(Watchlist.ExitBan, "KEJ-NTT-2025-044", "JOHN PETER SMITH", "1971", "GBR", Sex.Male, kupang,
                "Permintaan Kejaksaan Tinggi NTT: tersangka penipuan investasi", today.AddMonths(-1)),
            Ban(Watchlist.Wanted, "DPO-POLDA-LPG-2025-12", "ANDREI VOLKOV", "1982-02-27", "RUS", Sex.Male, kalianda,
                "DPO Polda Lampung: pemalsuan dokumen", null, ["АНДРЕЙ ВОЛКОВ"]),
            Ban(Watchlist.LostDocuments, "SLTD-AUS-2025-77812", "", null, "AUS", Sex.Unknown, kupang,
                "Paspor dilaporkan dicuri di Bali", null, documents: ["PA7700112"]),
        })
        {
            WatchlistEditing.Create(db, draft, nowUtc);
        }

        await db.SaveChangesAsync(cancellationToken);

        var outcome = await GuestReporting.CheckInAsync(db, hotelId, new CheckIn
        {
            Surname = "Abdulrahman",
            GivenNames = "Mohamed",
            Sex = Sex.Male,
            BirthDate = "1985-06-14",
            Nationality = "PAK",
            PassportNumber = "BW4417702",
            PassportExpiresOn = today.AddYears(4),
            PermitKind = PermitKind.Itk,
            VisaIndexCode = "B1",
            PermitExpiresOn = today.AddDays(26),
            CheckInUtc = nowUtc.AddHours(-5),
            PlannedDepartureUtc = nowUtc.AddDays(3),
            Room = "204",
            Purpose = "Tourism",
        }, ReportChannel.WebForm, nowUtc.AddHours(-3), cancellationToken);
        if (!outcome.Accepted)
        {
            throw new InvalidOperationException("Demo check-in refused: " + string.Join("; ", outcome.Problems.Select(p => p.Message)));
        }
    }
}
