using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Organisation;

namespace Timpora.Core.Demo;

/// <summary>The two stories of DOMAIN.md: Kanim Kupang's Timpora meeting in Tambolaka (Sumba Barat Daya, NTT)
/// and Kanim Kalianda's in Kota Metro (Lampung). Seeded into an empty database only.</summary>
public static class DemoData
{
    public const string Password = "Timpora-Demo-2026!";

    public sealed record DemoAccount(string UserName, string Role, string Description);

    public static readonly IReadOnlyList<DemoAccount> Accounts =
    [
        new("admin", Roles.Administrator, "Administrator"),
        new("ditjen", Roles.NationalSupervisor, "Direktorat Jenderal Imigrasi, national supervisor (read-only)"),
        new("kanwil.ntt", Roles.KanwilSupervisor, "Kanwil NTT supervisor"),
        new("kanwil.lampung", Roles.KanwilSupervisor, "Kanwil Lampung supervisor"),
        new("kupang", Roles.KanimOfficer, "Kanim Kupang officer (Sumba Barat Daya)"),
        new("kalianda", Roles.KanimOfficer, "Kanim Kalianda officer (Lampung Selatan, Lampung Timur, Metro)"),
        new("bandarlampung", Roles.KanimOfficer, "Kanim Bandar Lampung officer"),
        new("pimpasa.sbd", Roles.Pimpasa, "PIMPASA, Desa Wee Londa (Sumba Barat Daya)"),
        new("pimpasa.lamtim", Roles.Pimpasa, "PIMPASA, Desa Braja Harjosari (Lampung Timur)"),
        new("polres.sbd", Roles.PartnerMember, "Polres Sumba Barat Daya, Timpora member"),
        new("hotel.tambolaka", Roles.ProviderOperator, "Hotel operator in Tambolaka"),
        new("kader.brajaharjosari", Roles.VillageCadre, "Kader desa Braja Harjosari (Lampung Timur)"),
    ];

    public static async Task<bool> SeedAsync(AppDbContext db, UserManager<AppUser> users, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        if (await db.Kanwils.AnyAsync(cancellationToken))
        {
            return false;
        }

        var ntt = new Kanwil { Name = "Kanwil Kemenimipas Nusa Tenggara Timur", ProvinceCode = "53", TimeZoneId = "Asia/Makassar", Address = "Jl. Palapa No. 39, Kupang" };
        var lampung = new Kanwil { Name = "Kanwil Kemenimipas Lampung", ProvinceCode = "18", TimeZoneId = "Asia/Jakarta", Address = "Jl. Wolter Monginsidi, Bandar Lampung" };
        var kupang = Kanim(ntt, "Kantor Imigrasi Kelas I TPI Kupang", "Asia/Makassar", "Jl. Perintis Kemerdekaan I, Kupang", "53.71", "53.01", "53.18");
        var kalianda = Kanim(lampung, "Kantor Imigrasi Kelas III Non TPI Kalianda", "Asia/Jakarta", "Jl. Lintas Sumatera, Kalianda", "18.01", "18.07", "18.72");
        var bandarLampung = Kanim(lampung, "Kantor Imigrasi Kelas I TPI Bandar Lampung", "Asia/Jakarta", "Jl. Diponegoro, Bandar Lampung", "18.71");
        db.AddRange(ntt, lampung);
        await db.SaveChangesAsync(cancellationToken);

        var agencies = new Dictionary<string, Agency>();
        foreach (var (code, name) in AgencyNames)
        {
            agencies[code] = new Agency { Code = code, Name = name };
        }

        db.Agencies.AddRange(agencies.Values);
        await db.SaveChangesAsync(cancellationToken);

        AgencyUnit Unit(string agency, string name, string area, Kanim kanim)
        {
            var unit = new AgencyUnit { AgencyId = agencies[agency].Id, Name = name, AreaCode = area, KanimId = kanim.Id };
            db.AgencyUnits.Add(unit);
            return unit;
        }

        var kanimKupang = Unit("IMIGRASI", "Kantor Imigrasi Kupang, Seksi Inteldakim", "53.71", kupang);
        var polresSbd = Unit("POLRI", "Polres Sumba Barat Daya", "53.18", kupang);
        var kodimSbd = Unit("TNI-AD", "Kodim 1629/Sumba Barat Daya", "53.18", kupang);
        var kesbangSbd = Unit("KESBANGPOL", "Badan Kesbangpol Kab. Sumba Barat Daya", "53.18", kupang);
        var disnakerSbd = Unit("DISNAKER", "Dinas Nakertrans Kab. Sumba Barat Daya", "53.18", kupang);
        var camatTambolaka = Unit("PEMDA", "Kecamatan Kota Tambolaka", "53.18.09", kupang);
        var kanimKalianda = Unit("IMIGRASI", "Kantor Imigrasi Kalianda, Seksi Intaltuskim", "18.01", kalianda);
        var polresLamtim = Unit("POLRI", "Polres Lampung Timur", "18.07", kalianda);
        var kodimLamtim = Unit("TNI-AD", "Kodim 0429/Lampung Timur", "18.07", kalianda);
        var disnakerLamtim = Unit("DISNAKER", "Disnaker Kab. Lampung Timur", "18.07", kalianda);
        var polresMetro = Unit("POLRI", "Polres Metro", "18.72", kalianda);
        var bp3miLampung = Unit("BP3MI", "BP3MI Lampung", "18.72", kalianda);
        var kanimBandarLampung = Unit("IMIGRASI", "Kantor Imigrasi Bandar Lampung, Seksi Inteldakim", "18.71", bandarLampung);
        await db.SaveChangesAsync(cancellationToken);

        Person Member(AgencyUnit unit, string name, string position, string area, string? phone = null)
        {
            var person = new Person { FullName = name, Position = position, UnitId = unit.Id, KanimId = unit.KanimId, AreaCode = area, Phone = phone };
            db.People.Add(person);
            return person;
        }

        Member(kanimKupang, "Yosef Ndolu", "Kepala Seksi Inteldakim", "53.71", "0812-3700-1101");
        var pimpasaSbd = Member(kanimKupang, "Maria Goreti Lende", "PIMPASA Desa Wee Londa", "53.18.09.2005", "0812-3700-1102");
        var polresSbdMember = Member(polresSbd, "AKP Daniel Bili", "Kasat Intelkam", "53.18");
        Member(kodimSbd, "Kapten Inf. Markus Kaka", "Pasi Intel", "53.18");
        Member(kesbangSbd, "Yohanes Malo", "Kepala Badan Kesbangpol", "53.18");
        Member(disnakerSbd, "Agustina Bulu", "Kabid Penempatan Tenaga Kerja", "53.18");
        Member(camatTambolaka, "Petrus Lede Kaka", "Camat Kota Tambolaka", "53.18.09");
        Member(kanimKalianda, "Rudi Hartono", "Kepala Seksi Intaltuskim", "18.01", "0813-7900-2201");
        var pimpasaLamtim = Member(kanimKalianda, "Siti Aminah", "PIMPASA Desa Braja Harjosari", "18.07.22.2001", "0813-7900-2202");
        Member(polresLamtim, "AKP Joko Susilo", "Kasat Intelkam", "18.07");
        Member(kodimLamtim, "Kapten Inf. Bambang Irawan", "Pasi Intel", "18.07");
        Member(disnakerLamtim, "Sri Wahyuni", "Kabid Penempatan", "18.07");
        Member(polresMetro, "Iptu Andi Saputra", "Kanit Intelkam", "18.72");
        Member(bp3miLampung, "Dewi Lestari", "Pengantar Kerja", "18.72");
        Member(kanimBandarLampung, "Hendra Gunawan", "Kepala Seksi Inteldakim", "18.71");
        await db.SaveChangesAsync(cancellationToken);

        var hotel = await DemoRegister.SeedAsync(db, nowUtc, cancellationToken);
        await DemoWatchlists.SeedAsync(db, hotel, nowUtc, cancellationToken);
        var assignments = new Dictionary<string, (int? Kanim, int? Kanwil, Guid? Person, string[] Villages)>
        {
            ["admin"] = (null, null, null, []),
            ["ditjen"] = (null, null, null, []),
            ["kanwil.ntt"] = (null, ntt.Id, null, []),
            ["kanwil.lampung"] = (null, lampung.Id, null, []),
            ["kupang"] = (kupang.Id, ntt.Id, null, []),
            ["kalianda"] = (kalianda.Id, lampung.Id, null, []),
            ["bandarlampung"] = (bandarLampung.Id, lampung.Id, null, []),
            ["pimpasa.sbd"] = (kupang.Id, ntt.Id, pimpasaSbd.Id, ["53.18.09.2005"]),
            ["pimpasa.lamtim"] = (kalianda.Id, lampung.Id, pimpasaLamtim.Id, ["18.07.22.2001"]),
            ["polres.sbd"] = (kupang.Id, ntt.Id, polresSbdMember.Id, []),
            ["hotel.tambolaka"] = (kupang.Id, ntt.Id, null, []),
            ["kader.brajaharjosari"] = (kalianda.Id, lampung.Id, null, ["18.07.22.2001"]),
        };
        foreach (var account in Accounts)
        {
            var (kanimId, kanwilId, personId, villages) = assignments[account.UserName];
            var user = new AppUser
            {
                UserName = account.UserName,
                Email = account.UserName + "@timpora.demo",
                EmailConfirmed = true,
                DisplayName = account.Description,
                KanimId = kanimId,
                KanwilId = kanwilId,
                PersonId = personId,
                Villages = [.. villages.Select(v => new PimpasaVillage { UserId = "", VillageCode = v })],
                ProviderId = account.Role == Roles.ProviderOperator ? hotel : null,
            };
            Check(await users.CreateAsync(user, Password));
            Check(await users.AddToRoleAsync(user, account.Role));
        }

        await DemoTimpora.SeedAsync(db, nowUtc, cancellationToken);
        await DemoTips.SeedAsync(db, nowUtc, cancellationToken);
        await DemoVillages.SeedAsync(db, nowUtc, cancellationToken);
        return true;
    }

    private static Kanim Kanim(Kanwil kanwil, string name, string timeZone, string address, params string[] regencies)
    {
        var kanim = new Kanim
        {
            Name = name,
            TimeZoneId = timeZone,
            Address = address,
            WorkingAreas = [.. regencies.Select(r => new KanimWorkingArea { RegencyCode = r })],
        };
        kanwil.Kanims.Add(kanim);
        return kanim;
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo account could not be created: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }

    private static readonly (string Code, string Name)[] AgencyNames =
    [
        ("IMIGRASI", "Direktorat Jenderal Imigrasi"),
        ("POLRI", "Kepolisian Negara Republik Indonesia"),
        ("TNI-AD", "TNI Angkatan Darat"),
        ("TNI-AL", "TNI Angkatan Laut"),
        ("KEJAKSAAN", "Kejaksaan Republik Indonesia"),
        ("PEMDA", "Pemerintah Daerah"),
        ("KESBANGPOL", "Badan Kesatuan Bangsa dan Politik"),
        ("SATPOLPP", "Satuan Polisi Pamong Praja"),
        ("DISNAKER", "Dinas Tenaga Kerja"),
        ("DUKCAPIL", "Dinas Kependudukan dan Pencatatan Sipil"),
        ("BIN", "Badan Intelijen Negara"),
        ("BNN", "Badan Narkotika Nasional"),
        ("BEACUKAI", "Direktorat Jenderal Bea dan Cukai"),
        ("BP3MI", "Balai Pelayanan Pelindungan Pekerja Migran Indonesia"),
    ];
}
