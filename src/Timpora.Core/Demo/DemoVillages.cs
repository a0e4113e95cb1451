using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Villages;

namespace Timpora.Core.Demo;

/// <summary>The Desa Binaan of DOMAIN.md: Wee Londa, launched at Kanim Kupang's Tambolaka meeting in Sumba Barat
/// Daya, and Kanim Kalianda's villages in Lampung Timur (Braja Harjosari), Lampung Selatan and Kota Metro.</summary>
public static class DemoVillages
{
    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var today = DateOnly.FromDateTime(nowUtc);
        var kanimOf = await db.KanimWorkingAreas.ToDictionaryAsync(w => w.RegencyCode, w => w.KanimId, cancellationToken);
        var names = await db.Areas.Where(a => Codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);

        ProgrammeVillage Village(string code, VillageStatus status, int[] scores, int establishedDaysAgo, double? lat, double? lon, string evidence)
        {
            var established = today.AddDays(-establishedDaysAgo);
            var village = new ProgrammeVillage
            {
                Name = names[code],
                AreaCode = code,
                KanimId = kanimOf[code[..5]],
                Status = status,
                ProposedOn = established.AddDays(-60),
                ProposedBy = "demo",
                Criteria = new VillageCriteria
                {
                    Border = scores[0],
                    Poverty = scores[1],
                    LowEducation = scores[2],
                    YoungPopulation = scores[3],
                    Unemployment = scores[4],
                    MigrantWorkers = scores[5],
                },
                Evidence = evidence,
                Latitude = lat,
                Longitude = lon,
            };
            if (status != VillageStatus.Proposed)
            {
                village.ConsentOn = established.AddDays(-30);
                village.ConsentDocument = "Surat Kepala Desa " + names[code];
                village.DecreeNumber = "SK.W.IMI-" + code.Replace(".", "", StringComparison.Ordinal)[..6] + "/2025";
                village.DecreeOn = established.AddDays(-7);
                village.EstablishedOn = established;
                village.CertificateInstalledOn = established;
                village.NoticeBoardInstalledOn = established.AddDays(14);
                village.MessagingGroupLink = "https://chat.whatsapp.com/demo" + code.Replace(".", "", StringComparison.Ordinal);
            }

            db.ProgrammeVillages.Add(village);
            return village;
        }

        var weeLonda = Village(WeeLonda, VillageStatus.Active, [3, 3, 2, 3, 2, 3], 200, -9.4305, 119.2290,
            "BPS Sumba Barat Daya 2024: kemiskinan 28%; Disnakertrans: 41 warga bekerja di Malaysia tanpa prosedur; pesisir Selat Sumba.");
        var braja = Village(BrajaHarjosari, VillageStatus.Active, [2, 2, 2, 2, 3, 3], 120, -5.3330, 105.7800,
            "BP3MI Lampung: kantong PMI ke Malaysia dan Taiwan; pantai timur Lampung.");
        var jondong = Village(Jondong, VillageStatus.Active, [3, 2, 1, 2, 2, 2], 300, -5.7270, 105.5930,
            "Pesisir Teluk Lampung dekat Pelabuhan Bakauheni; jalur penyeberangan PMI non-prosedural.");
        var banjarsari = Village(Banjarsari, VillageStatus.Proposed, [0, 1, 1, 2, 2, 2], 0, null, null,
            "Diusulkan pada rapat Timpora Kota Metro; data Disnaker Kota Metro menyusul.");

        void Contact(ProgrammeVillage village, ContactRole role, string name, string? phone = null) => db.VillageContacts.Add(new VillageContact
        {
            VillageId = village.Id,
            KanimId = village.KanimId,
            AreaCode = village.AreaCode,
            Role = role,
            FullName = name,
            Phone = phone,
        });

        Contact(weeLonda, ContactRole.VillageHead, "Yohanis Ngongo", "0813-3900-4411");
        Contact(weeLonda, ContactRole.Babinsa, "Serda Lukas Tanggu");
        Contact(weeLonda, ContactRole.Bhabinkamtibmas, "Bripka Stefanus Ledo");
        Contact(weeLonda, ContactRole.Cadre, "Ibu Margaretha Kaka", "0852-3900-7720");
        Contact(braja, ContactRole.VillageHead, "Suparman", "0812-7900-3301");
        Contact(braja, ContactRole.Secretary, "Wahyu Nugroho");
        Contact(braja, ContactRole.Bhabinkamtibmas, "Aipda Heri Setiawan");
        Contact(jondong, ContactRole.VillageHead, "Zainal Arifin");

        foreach (var (userName, code) in new[] { ("pimpasa.sbd", WeeLonda), ("pimpasa.lamtim", BrajaHarjosari) })
        {
            var user = await db.Users.Where(u => u.UserName == userName).Select(u => new { u.Id, u.KanimId }).FirstAsync(cancellationToken);
            db.PimpasaOfficers.Add(new PimpasaOfficer
            {
                UserId = user.Id,
                KanimId = user.KanimId!.Value,
                DecreeNumber = "SEK-2024-PIMPASA/" + code[..5],
                DecreeOn = new DateOnly(2024, 10, 28),
                InauguratedOn = new DateOnly(2024, 11, 4),
            });
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    public const string WeeLonda = "53.18.09.2005";
    public const string BrajaHarjosari = "18.07.22.2001";
    public const string Jondong = "18.01.06.2001";
    public const string Banjarsari = "18.72.02.1001";

    private static readonly string[] Codes = [WeeLonda, BrajaHarjosari, Jondong, Banjarsari];
}
