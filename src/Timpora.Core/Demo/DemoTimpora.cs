using Microsoft.EntityFrameworkCore;
using Timpora.Core.Actions;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Organisation;
using Timpora.Core.Teams;

namespace Timpora.Core.Demo;

/// <summary>The two Timpora meetings of DOMAIN.md, from invitation to minutes, with their decisions followed
/// until done: Kanim Kupang's in Tambolaka (Sumba Barat Daya), which also launched the Desa Binaan Imigrasi
/// of Wee Londa, and Kanim Kalianda's in Kota Metro, which formed the Desa Binaan of Lampung Timur.
/// Dates are relative to the seeding day so that the demo always has done, open and overdue items.</summary>
public static class DemoTimpora
{
    public static async Task SeedAsync(AppDbContext db, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var people = await db.People.IgnoreQueryFilters().Include(p => p.Unit).ToListAsync(cancellationToken);
        Person P(string name) => people.Single(p => p.FullName == name);
        var kupang = await db.Kanims.SingleAsync(k => k.Name.Contains("Kupang"), cancellationToken);
        var kalianda = await db.Kanims.SingleAsync(k => k.Name.Contains("Kalianda"), cancellationToken);
        var today = DateOnly.FromDateTime(nowUtc);

        var chairKupang = new Person { FullName = "Arief Budiman", Position = "Kepala Kantor Imigrasi Kelas I TPI Kupang", UnitId = P("Yosef Ndolu").UnitId, KanimId = kupang.Id, AreaCode = "53.71" };
        var chairKalianda = new Person { FullName = "Novianto Sulastono", Position = "Kepala Kantor Imigrasi Kelas III Non TPI Kalianda", UnitId = P("Rudi Hartono").UnitId, KanimId = kalianda.Id, AreaCode = "18.01" };
        db.People.AddRange(chairKupang, chairKalianda);
        await db.SaveChangesAsync(cancellationToken);
        people.Add(chairKupang);
        people.Add(chairKalianda);
        foreach (var p in new[] { chairKupang, chairKalianda })
        {
            p.Unit = await db.AgencyUnits.SingleAsync(u => u.Id == p.UnitId, cancellationToken);
        }

        var sbd = Team(kupang.Id, "Timpora Kabupaten Sumba Barat Daya", "53.18", "W.22.IMI.IMI.1-UM.01.01-0415", today.AddDays(-200), nowUtc);
        AddMembers(sbd, nowUtc, (chairKupang, MemberRole.Chair, "Ketua"), (P("Yosef Ndolu"), MemberRole.Secretariat, "Sekretaris"),
            (P("Maria Goreti Lende"), MemberRole.Secretariat, "PIMPASA Desa Wee Londa"), (P("AKP Daniel Bili"), MemberRole.Member, null),
            (P("Kapten Inf. Markus Kaka"), MemberRole.Member, null), (P("Yohanes Malo"), MemberRole.Member, null),
            (P("Agustina Bulu"), MemberRole.Member, null), (P("Petrus Lede Kaka"), MemberRole.Member, null));
        var metro = Team(kalianda.Id, "Timpora Kota Metro", "18.72", "W.7.IMI.IMI.3-UM.01.01-0218", today.AddDays(-150), nowUtc);
        AddMembers(metro, nowUtc, (chairKalianda, MemberRole.Chair, "Ketua"), (P("Rudi Hartono"), MemberRole.Secretariat, "Sekretaris"),
            (P("Siti Aminah"), MemberRole.Secretariat, "PIMPASA Desa Braja Harjosari"), (P("Iptu Andi Saputra"), MemberRole.Member, null),
            (P("Dewi Lestari"), MemberRole.Member, null), (P("AKP Joko Susilo"), MemberRole.Member, null),
            (P("Kapten Inf. Bambang Irawan"), MemberRole.Member, null), (P("Sri Wahyuni"), MemberRole.Member, null));
        db.Teams.AddRange(sbd, metro);
        await db.SaveChangesAsync(cancellationToken);

        await TambolakaAsync(db, sbd, kupang.TimeZoneId, nowUtc, cancellationToken);
        await KotaMetroAsync(db, metro, kalianda.TimeZoneId, nowUtc, cancellationToken);
    }

    private static async Task TambolakaAsync(AppDbContext db, Team team, string zone, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var start = Local(nowUtc.AddDays(-75), 9, zone);
        var meeting = new Meeting
        {
            Kind = MeetingKind.Coordination,
            Title = "Rapat Koordinasi Timpora: Tantangan dan Strategi Pengawasan Orang Asing di Kabupaten Sumba Barat Daya",
            StartUtc = start,
            EndUtc = start.AddHours(4),
            Venue = "Hotel Sinar Tambolaka, Jl. Weetebula Raya 12, Tambolaka",
            Basis = "Undangan Kepala Kantor Imigrasi Kelas I TPI Kupang.\nProgram Desa Binaan Imigrasi Direktorat Jenderal Imigrasi.",
            SignerName = "Arief Budiman",
            SignerTitle = "Kepala Kantor Imigrasi Kelas I TPI Kupang selaku Ketua Timpora",
        };
        await MeetingPlanning.ScheduleAsync(db, team, meeting,
            ["Pembukaan dan arahan Ketua Timpora", "Tantangan dan strategi pengawasan orang asing di Sumba Barat Daya",
             "Peluncuran Desa Binaan Imigrasi Desa Wee Londa", "Pencegahan PMI non-prosedural dan TPPO"], nowUtc.AddDays(-90), cancellationToken);
        MarkAttendance(meeting, team, start, "Kapten Inf. Markus Kaka");
        var items = meeting.Agenda;
        items[0].Minutes = "Ketua Timpora membuka rapat dan menekankan pentingnya pertukaran data dan informasi antarinstansi.";
        items[1].Minutes = "Seksi Inteldakim memaparkan kunjungan wisatawan asing ke pantai-pantai di Kodi dan Kota Tambolaka; laporan orang asing oleh penginapan masih rendah. Polres dan Kodim menyampaikan keberadaan orang asing di desa pesisir yang belum terdata.";
        items[2].Minutes = "Desa Wee Londa diluncurkan sebagai Desa Binaan Imigrasi, pusat informasi dan edukasi bagi warga. Kepala desa menerima sertifikat dan papan informasi cara melaporkan orang asing.";
        items[3].Minutes = "Disnakertrans menyampaikan warga yang berangkat bekerja ke luar negeri tanpa prosedur. Kanim menjelaskan penundaan paspor bila tujuan wisata tidak sesuai.";
        var finding = Outcome(meeting, items[1], OutcomeKind.Finding, 1, "Pelaporan orang asing oleh penginapan di Kota Tambolaka dan Kodi masih rendah.");
        var d1 = Outcome(meeting, items[1], OutcomeKind.Decision, 2, "Penginapan di Kabupaten Sumba Barat Daya didaftarkan dan dilatih melaporkan tamu asing melalui Timpora.");
        var d2 = Outcome(meeting, items[2], OutcomeKind.Decision, 3, "PIMPASA bersama Babinsa dan Bhabinkamtibmas melaksanakan sosialisasi di Desa Wee Londa setiap triwulan.");
        var d3 = Outcome(meeting, items[3], OutcomeKind.Decision, 4, "Disnakertrans dan Kanim mengadakan sosialisasi PMI prosedural bagi calon pekerja migran.");
        var r1 = Outcome(meeting, null, OutcomeKind.Recommendation, 5, "Polres dan Kodim meneruskan informasi orang asing dari desa kepada Kanim dalam 1x24 jam.");
        _ = (finding, r1);
        meeting.MinutesClosedUtc = start.AddDays(2);
        await db.SaveChangesAsync(cancellationToken);

        var polres = Member(team, "AKP Daniel Bili");
        var pimpasa = Member(team, "Maria Goreti Lende");
        var disnaker = Member(team, "Agustina Bulu");
        var a1 = Action(meeting, d1, Member(team, "Yosef Ndolu").UnitId, "Mendata dan mendaftarkan seluruh penginapan di Kota Tambolaka dan Kodi", "Yosef Ndolu", start.AddDays(30), ActionStatus.Done, nowUtc);
        a1.Notes.Add(Note(start.AddDays(12), "kupang", ActionStatus.InProgress, "14 penginapan didata; 9 sudah mendaftar."));
        a1.Notes.Add(Note(start.AddDays(28), "kupang", ActionStatus.Done, "Seluruh 21 penginapan terdaftar dan operatornya dilatih."));
        var a2 = Action(meeting, d2, pimpasa.UnitId, "Sosialisasi triwulan pertama di Desa Wee Londa", "Maria Goreti Lende", start.AddDays(45), ActionStatus.InProgress, nowUtc);
        a2.Notes.Add(Note(start.AddDays(40), "pimpasa.sbd", ActionStatus.InProgress, "Materi disiapkan bersama Babinsa; jadwal dengan kepala desa disepakati."));
        var a3 = Action(meeting, d3, disnaker.UnitId, "Sosialisasi PMI prosedural di Kecamatan Kota Tambolaka", "Agustina Bulu", start.AddDays(60), ActionStatus.Open, nowUtc);
        // The Polres's two open items, one overdue and one due within the week: what its home shows.
        var a4 = Action(meeting, d1, polres.UnitId, "Menyampaikan daftar orang asing di desa pesisir kepada Kanim", "AKP Daniel Bili", start.AddDays(80), ActionStatus.Open, nowUtc);
        var a5 = Action(meeting, d1, polres.UnitId, "Meneruskan laporan warga tentang orang asing di pantai Kodi kepada Kanim", "AKP Daniel Bili", start.AddDays(70), ActionStatus.InProgress, nowUtc);
        a5.Notes.Add(Note(start.AddDays(50), "polres.sbd", ActionStatus.InProgress, "Dua laporan Bhabinkamtibmas dikumpulkan; menunggu hasil pengecekan lapangan."));
        db.ActionItems.AddRange(a1, a2, a3, a4, a5);
        await db.SaveChangesAsync(cancellationToken);

        // The evaluation meeting, planned after the first: its agenda opens with the items still open.
        var next = Local(nowUtc.AddDays(10), 9, zone);
        await MeetingPlanning.ScheduleAsync(db, team, new Meeting
        {
            Kind = MeetingKind.Evaluation,
            Title = "Rapat Evaluasi Timpora Kabupaten Sumba Barat Daya",
            StartUtc = next,
            EndUtc = next.AddHours(3),
            Venue = "Kantor Camat Kota Tambolaka, Tambolaka",
            SignerName = "Arief Budiman",
            SignerTitle = "Kepala Kantor Imigrasi Kelas I TPI Kupang selaku Ketua Timpora",
        }, ["Evaluasi Desa Binaan Imigrasi Wee Londa", "Rencana operasi gabungan"], nowUtc, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static async Task KotaMetroAsync(AppDbContext db, Team team, string zone, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var start = Local(nowUtc.AddDays(-40), 9, zone);
        var meeting = new Meeting
        {
            Kind = MeetingKind.Coordination,
            Title = "Rapat Koordinasi Timpora dan Pembentukan Desa Binaan Imigrasi Kabupaten Lampung Timur",
            StartUtc = start,
            EndUtc = start.AddHours(3).AddMinutes(30),
            Venue = "Aula Pemerintah Kota Metro, Jl. A.H. Nasution, Kota Metro",
            Basis = "Undangan Kepala Kantor Imigrasi Kelas III Non TPI Kalianda.",
            SignerName = "Novianto Sulastono",
            SignerTitle = "Kepala Kantor Imigrasi Kelas III Non TPI Kalianda selaku Ketua Timpora",
        };
        await MeetingPlanning.ScheduleAsync(db, team, meeting,
            ["Pembukaan dan sambutan kepala daerah", "Berbagi informasi antarinstansi tentang orang asing",
             "Pembentukan Desa Binaan Imigrasi Desa Braja Harjosari, Lampung Timur", "Edukasi calon pekerja migran tentang penyelundupan, penipuan dan prosedur yang benar"],
            nowUtc.AddDays(-50), cancellationToken);
        MarkAttendance(meeting, team, start, "Sri Wahyuni");
        var items = meeting.Agenda;
        items[0].Minutes = "Kepala daerah menekankan pentingnya berbagi informasi antarinstansi dan mengajak warga melaporkan orang asing yang mencurigakan kepada imigrasi, polisi atau TNI.";
        items[1].Minutes = "Desa Binaan Imigrasi sudah terbentuk di Kalianda, Lampung Selatan, Lampung Timur, Bandar Lampung, Kotabumi dan Krui. Polres Metro melaporkan dua orang asing yang tinggal di rumah sewa tanpa laporan.";
        items[2].Minutes = "Desa Braja Harjosari ditetapkan sebagai Desa Binaan Imigrasi Kabupaten Lampung Timur dengan persetujuan kepala desa.";
        items[3].Minutes = "BP3MI memaparkan modus penipuan perekrutan; Kanim menjelaskan penundaan paspor bagi pemohon dengan tujuan tidak sesuai.";
        Outcome(meeting, items[1], OutcomeKind.Finding, 1, "Dua orang asing tinggal di rumah sewa di Kota Metro tanpa laporan pemilik rumah.");
        var d1 = Outcome(meeting, items[1], OutcomeKind.Decision, 2, "Polres Metro dan Kanim memeriksa keberadaan dua orang asing di rumah sewa dan pemiliknya.");
        var d2 = Outcome(meeting, items[3], OutcomeKind.Decision, 3, "BP3MI, Disnaker dan PIMPASA mengadakan edukasi calon pekerja migran di Desa Braja Harjosari.");
        meeting.MinutesClosedUtc = start.AddDays(1);
        await db.SaveChangesAsync(cancellationToken);

        var c1 = Action(meeting, d1, Member(team, "Iptu Andi Saputra").UnitId, "Pemeriksaan dua orang asing di rumah sewa Kota Metro", "Iptu Andi Saputra", start.AddDays(14), ActionStatus.Done, nowUtc);
        c1.Notes.Add(Note(start.AddDays(9), "kalianda", ActionStatus.Done, "Diperiksa bersama Kanim; izin tinggal sah, pemilik rumah diberi teguran dan melapor."));
        var c2 = Action(meeting, d2, Member(team, "Dewi Lestari").UnitId, "Edukasi calon pekerja migran di Desa Braja Harjosari", "Dewi Lestari", start.AddDays(30), ActionStatus.Open, nowUtc);
        db.ActionItems.AddRange(c1, c2);
        await db.SaveChangesAsync(cancellationToken);
    }

    private static Team Team(int kanimId, string name, string area, string decree, DateOnly decreeDate, DateTime nowUtc) => new()
    {
        KanimId = kanimId,
        Level = TeamLevel.Regency,
        AreaCode = area,
        Name = name,
        DecreeNumber = decree,
        DecreeDate = decreeDate,
        PeriodStart = decreeDate,
        PeriodEnd = decreeDate.AddYears(2),
        CreatedUtc = nowUtc,
    };

    private static void AddMembers(Team team, DateTime nowUtc, params (Person Person, MemberRole Role, string? Position)[] members)
    {
        foreach (var (person, role, position) in members)
        {
            team.Members.Add(new TeamMember
            {
                PersonId = person.Id,
                UnitId = person.UnitId,
                UnitName = person.Unit!.Name,
                Role = role,
                FullName = person.FullName,
                Position = position ?? person.Position,
                Phone = person.Phone,
                Email = person.Email,
                AddedUtc = nowUtc,
            });
        }
    }

    private static TeamMember Member(Team team, string name) => team.Members.Single(m => m.FullName == name);

    private static void MarkAttendance(Meeting meeting, Team team, DateTime startUtc, string absent)
    {
        var absentId = Member(team, absent).Id;
        foreach (var (invitation, i) in meeting.Invitations.Select((x, i) => (x, i)))
        {
            if (invitation.MemberId != absentId)
            {
                invitation.AttendedUtc = startUtc.AddMinutes(-20 + i);
                invitation.AttendanceSource = i % 2 == 0 ? AttendanceSource.Secretariat : AttendanceSource.Self;
            }
        }
    }

    private static MeetingOutcome Outcome(Meeting meeting, AgendaItem? item, OutcomeKind kind, int number, string text)
    {
        var outcome = new MeetingOutcome { AgendaItemId = item?.Id, Kind = kind, Number = number, Text = text };
        meeting.Outcomes.Add(outcome);
        return outcome;
    }

    private static ActionItem Action(Meeting meeting, MeetingOutcome decision, int unitId, string title, string person, DateTime due, ActionStatus status, DateTime nowUtc) => new()
    {
        TeamId = meeting.TeamId,
        MeetingId = meeting.Id,
        DecisionId = decision.Id,
        OwnerUnitId = unitId,
        Title = title,
        PersonInCharge = person,
        DueDate = DateOnly.FromDateTime(due),
        Status = status,
        CreatedUtc = meeting.EndUtc,
        ClosedUtc = status == ActionStatus.Done ? due.AddDays(-2) : null,
    };

    private static ActionNote Note(DateTime atUtc, string author, ActionStatus status, string text) =>
        new() { AtUtc = atUtc, Author = author, Status = status, Text = text };

    /// <summary>A day's given local hour in the office's zone, as UTC.</summary>
    private static DateTime Local(DateTime dayUtc, int hour, string zone) =>
        TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(dayUtc.Date.AddHours(hour), DateTimeKind.Unspecified), TimeZoneInfo.FindSystemTimeZoneById(zone));
}
