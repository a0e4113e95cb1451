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

        var thisQuarter = Quarter.Of(today);
        foreach (var village in new[] { weeLonda, braja, jondong })
        {
            db.QuarterPlans.Add(new QuarterPlan
            {
                VillageId = village.Id,
                KanimId = village.KanimId,
                AreaCode = village.AreaCode,
                Year = thisQuarter.Year,
                Quarter = thisQuarter.Number,
                PlannedActivities = 2,
                Note = "Sosialisasi warga dan sekolah",
            });
        }

        void Activity(ProgrammeVillage village, ActivityKind kind, ActivityStatus status, DateOnly date, string place, int[] people, string outcome) =>
            db.VillageActivities.Add(new VillageActivity
            {
                VillageId = village.Id,
                KanimId = village.KanimId,
                AreaCode = village.AreaCode,
                Kind = kind,
                Status = status,
                Date = date,
                Place = place,
                VenueCapacity = 150,
                Topics = ActivityTopics.ProceduralMigration | ActivityTopics.Trafficking | ActivityTopics.Passports,
                Men = people[0],
                Women = people[1],
                Pupils = people[2],
                ProspectiveMigrants = people[3],
                VillageOfficials = people[4],
                Materials = "Leaflet PMI prosedural, papan informasi pelaporan orang asing",
                Outcome = outcome,
            });

        Activity(weeLonda, ActivityKind.Socialisation, ActivityStatus.Done, weeLonda.EstablishedOn!.Value, "Hotel Sinar Tambolaka (rapat Timpora)", [40, 25, 0, 6, 12],
            "Peresmian Desa Binaan Imigrasi pada rapat koordinasi Timpora Kanim Kupang di Tambolaka.");
        Activity(weeLonda, ActivityKind.SchoolSession, ActivityStatus.Done, thisQuarter.First, "SMA Negeri 1 Kota Tambolaka", [0, 0, 85, 0, 2],
            "Pelajar kelas XII mengenal bahaya TPPO dan cara bekerja ke luar negeri secara prosedural.");
        Activity(weeLonda, ActivityKind.ConsultationDay, ActivityStatus.Planned, thisQuarter.Last, "Kantor Desa Wee Londa", [0, 0, 0, 0, 0], "");
        // Planned for last week and not yet recorded: the overdue outreach on the PIMPASA's home.
        Activity(weeLonda, ActivityKind.Socialisation, ActivityStatus.Planned, today.AddDays(-4), "Balai Desa Wee Londa", [0, 0, 0, 0, 0], "");
        Activity(braja, ActivityKind.Socialisation, ActivityStatus.Done, braja.EstablishedOn!.Value, "Balai Desa Braja Harjosari", [35, 30, 0, 14, 8],
            "Pembentukan Desa Binaan Imigrasi Lampung Timur oleh Kanim Kalianda.");

        var consultation = new Consultation
        {
            VillageId = weeLonda.Id,
            KanimId = weeLonda.KanimId,
            AreaCode = weeLonda.AreaCode,
            Date = thisQuarter.First.AddDays(3),
            ResidentName = "Yuliana Bora",
            Nik = "5318095708020003",
            BirthDate = new DateOnly(2002, 8, 17),
            Sex = Reference.NikSex.Female,
            DestinationCountry = "MYS",
            Job = "Asisten rumah tangga",
            Recruiter = "Perekrut perorangan dari Waikabubak",
            RecruiterLicensed = false,
            Registered = false,
            Signs = WarningSigns.FeesDemanded | WarningSigns.TouristVisaForWork | WarningSigns.UnlicensedRecruiter,
            Advice = "Jangan berangkat dengan visa kunjungan; daftar melalui Disnakertrans dan SISKOP2MI.",
        };
        db.Consultations.Add(consultation);
        db.Referrals.Add(new Referral
        {
            ConsultationId = consultation.Id,
            KanimId = weeLonda.KanimId,
            AreaCode = weeLonda.AreaCode,
            Agency = ReferralAgency.ManpowerOffice,
            SentOn = consultation.Date.AddDays(1),
            Status = ReferralStatus.InProgress,
            Note = "Dinas Nakertrans Kab. Sumba Barat Daya",
        });
        var deferral = new PassportDeferral
        {
            VillageId = braja.Id,
            KanimId = braja.KanimId,
            AreaCode = braja.AreaCode,
            ApplicantName = "Rahmat Hidayat",
            Nik = "1807220501010002",
            BirthDate = new DateOnly(2001, 1, 5),
            Sex = Reference.NikSex.Male,
            ApplicationNumber = "KLD-2026-0412",
            InterviewOn = thisQuarter.First.AddDays(10),
            StatedPurpose = "Wisata ke Malaysia",
            IndicatedPurpose = "Bekerja di kebun sawit tanpa perjanjian kerja",
            DestinationCountry = "MYS",
            Reason = DeferralReason.SuspectedNonProcedural,
        };
        db.PassportDeferrals.Add(deferral);
        // Yesterday's deferral at Kanim Kupang of an applicant from Wee Londa: new on the village PIMPASA's home.
        db.PassportDeferrals.Add(new PassportDeferral
        {
            VillageId = weeLonda.Id,
            KanimId = weeLonda.KanimId,
            AreaCode = weeLonda.AreaCode,
            ApplicantName = "Markus Lende Bulu",
            Nik = "5318091203990001",
            BirthDate = new DateOnly(1999, 3, 12),
            Sex = Reference.NikSex.Male,
            ApplicationNumber = "KPG-2026-1187",
            InterviewOn = today.AddDays(-1),
            StatedPurpose = "Wisata ke Malaysia",
            IndicatedPurpose = "Bekerja di perkebunan sawit di Sabah atas ajakan perekrut",
            DestinationCountry = "MYS",
            Reason = DeferralReason.SuspectedNonProcedural,
        });
        db.Referrals.Add(new Referral
        {
            DeferralId = deferral.Id,
            KanimId = braja.KanimId,
            AreaCode = braja.AreaCode,
            Agency = ReferralAgency.MigrantWorkerProtection,
            SentOn = deferral.InterviewOn,
            Note = "BP3MI Lampung",
        });

        await db.SaveChangesAsync(cancellationToken);
    }

    public const string WeeLonda = "53.18.09.2005";
    public const string BrajaHarjosari = "18.07.22.2001";
    public const string Jondong = "18.01.06.2001";
    public const string Banjarsari = "18.72.02.1001";

    private static readonly string[] Codes = [WeeLonda, BrajaHarjosari, Jondong, Banjarsari];
}
