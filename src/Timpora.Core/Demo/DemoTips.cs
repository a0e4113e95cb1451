using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Tips;

namespace Timpora.Core.Demo;

/// <summary>The tip line's part of the Lampung Timur story: a resident of Braja Harjosari reports a foreigner working
/// without papers; the village's PIMPASA files a recruiter promising jobs abroad on a tourist visa; and in Sumba Barat
/// Daya a tip assigned to the Polres, so its member sees it.</summary>
public static class DemoTips
{
    public const string BrajaHarjosari = "18.07.22.2001";

    /// <summary>The demo reporter's secret for every demo tip, so the status page can be tried.</summary>
    public const string Secret = "DEMO2-TIPS7";

    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var kalianda = await db.Kanims.Where(k => k.Name.Contains("Kalianda")).Select(k => k.Id).FirstAsync(cancellationToken);
        var kupang = await db.Kanims.Where(k => k.Name.Contains("Kupang")).Select(k => k.Id).FirstAsync(cancellationToken);
        var pimpasa = await db.Users.Where(u => u.UserName == "pimpasa.lamtim").Select(u => new { u.Id, u.UserName }).FirstAsync(cancellationToken);
        var polresSbd = await db.AgencyUnits.Where(u => u.Name == "Polres Sumba Barat Daya").Select(u => u.Id).FirstAsync(cancellationToken);

        Add(db, "TP-DEMO-2201", TipKind.WorkingWithoutPermit, kalianda, BrajaHarjosari, nowUtc.AddDays(-2), tip =>
        {
            tip.Place = "Penggilingan padi dekat Balai Desa Braja Harjosari";
            tip.Account = "Sejak dua minggu ada dua orang asing yang setiap hari bekerja di penggilingan padi. Kata warga mereka datang dengan visa kunjungan dan tidak punya izin kerja.";
            tip.SubjectNationality = "Tiongkok (perkiraan)";
            tip.SubjectDescription = "Dua laki-laki, sekitar 40 tahun, memakai seragam pabrik.";
            tip.ReporterName = "Sutrisno";
            tip.ReporterPhone = "0812-7200-3301";
        });
        Add(db, "TP-DEMO-2202", TipKind.NonProceduralRecruitment, kalianda, BrajaHarjosari, nowUtc.AddDays(-1), tip =>
        {
            tip.Channel = TipChannel.VillageIntake;
            tip.FiledByUserId = pimpasa.Id;
            tip.FiledByName = pimpasa.UserName;
            tip.Place = "Rumah warga di Dusun III";
            tip.Account = "Seorang perekrut menjanjikan pekerjaan di luar negeri dengan gaji besar dan meminta para pemuda membuat paspor dengan tujuan wisata. Berangkat memakai visa turis, tanpa perjanjian kerja.";
            tip.SubjectName = "Pak Herman (perekrut)";
            tip.Vehicle = "Toyota Avanza hitam";
            tip.Anonymous = true;
        });
        Add(db, "TP-DEMO-5301", TipKind.SuspiciousForeigner, kupang, "53.18.09.1004", nowUtc.AddDays(-3), tip =>
        {
            tip.Place = "Pantai dekat Tambolaka";
            tip.Account = "Orang asing memotret pelabuhan berulang kali dan menanyakan kapal ke Australia.";
            tip.Anonymous = true;
            tip.State = TipState.Assigned;
            tip.AssignedUnitId = polresSbd;
            tip.DueUtc = nowUtc.AddDays(2);
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    private static void Add(AppDbContext db, string code, TipKind kind, int kanimId, string area, DateTime receivedUtc, Action<Tip> fill)
    {
        var tip = new Tip
        {
            TrackingCode = code,
            SecretHash = TrackingCodes.Hash(code, Secret),
            Kind = kind,
            KanimId = kanimId,
            AreaCode = area,
            Account = "",
            OccurredUtc = receivedUtc.AddHours(-6),
            LastActionUtc = receivedUtc,
        };
        fill(tip);
        db.Tips.Add(tip);
        db.TipEvents.Add(new TipEvent { TipId = tip.Id, AtUtc = receivedUtc, Kind = TipEventKind.Received, By = tip.FiledByName ?? "public" });
    }
}
