using System.Globalization;
using Timpora.Core.Actions;
using Timpora.Core.Documents;

namespace Timpora.Core.Meetings;

/// <summary>What the minutes print: the meeting as held, in the office's local time.</summary>
public sealed record MinutesData(
    string OfficeName,
    string TeamName,
    string DecreeNumber,
    DateOnly DecreeDate,
    MeetingKind Kind,
    string Title,
    DateTime LocalStart,
    DateTime LocalEnd,
    string ZoneName,
    string Venue,
    string? Basis,
    IReadOnlyList<MinutesAttendee> Attendees,
    IReadOnlyList<MinutesItem> Items,
    IReadOnlyList<MinutesOutcome> Conclusions,
    IReadOnlyList<MinutesAction> Actions,
    string Place,
    string? SignerName,
    string? SignerTitle,
    bool Held);

public sealed record MinutesAttendee(string Name, string Unit, string? Position, bool Present);

public sealed record MinutesItem(int Number, string Title, string? Minutes, IReadOnlyList<MinutesOutcome> Outcomes);

/// <summary>A finding, recommendation or decision with its number in the meeting (action items cite it).</summary>
public sealed record MinutesOutcome(int Number, OutcomeKind Kind, string Text);

public sealed record MinutesAction(int DecisionNumber, string Title, string Owner, string PersonInCharge, DateOnly DueDate, ActionStatus Status);

/// <summary>The notulen (minutes) in the usual Indonesian form and always in Bahasa Indonesia, whatever the
/// reader's language: heading, basis, attendance list, items, conclusions, action items and signature block.
/// A meeting not yet held prints as a DRAFT with the invitation list instead of an attendance record, so that
/// nobody is shown absent from a meeting that has not taken place.</summary>
public static class MinutesDocument
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    public static string KindName(MeetingKind kind) => kind switch
    {
        MeetingKind.Inauguration => "Pengukuhan Tim Pengawasan Orang Asing",
        MeetingKind.Coordination => "Rapat Koordinasi Tim Pengawasan Orang Asing",
        MeetingKind.AdHoc => "Rapat Insidental atas Temuan",
        _ => "Rapat Evaluasi Tim Pengawasan Orang Asing",
    };

    public static string OutcomeName(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Finding => "Temuan",
        OutcomeKind.Recommendation => "Rekomendasi",
        _ => "Keputusan",
    };

    public static string StatusName(ActionStatus status) => status switch
    {
        ActionStatus.InProgress => "Dalam proses",
        ActionStatus.Done => "Selesai",
        ActionStatus.Cancelled => "Dibatalkan",
        _ => "Terbuka",
    };

    public static byte[] Write(MinutesData m)
    {
        using var writer = new DocumentWriter("Notulen " + m.Title);
        writer.Heading(m.OfficeName.ToUpperInvariant(), m.TeamName);
        writer.Rule();
        if (!m.Held)
        {
            writer.Heading("DRAFT", "RAPAT BELUM DILAKSANAKAN");
        }

        writer.Heading("NOTULEN", KindName(m.Kind).ToUpperInvariant());
        writer.Paragraph("Hari/tanggal : " + m.LocalStart.ToString("dddd, d MMMM yyyy", Indonesian));
        writer.Paragraph($"Waktu : {m.LocalStart:HH.mm} s.d. {m.LocalEnd:HH.mm} {m.ZoneName}");
        writer.Paragraph("Tempat : " + m.Venue);
        writer.Paragraph("Acara : " + m.Title);

        writer.Paragraph("I. DASAR", strong: true);
        var basis = new List<string> { $"Keputusan pembentukan {m.TeamName} Nomor {m.DecreeNumber} tanggal {m.DecreeDate.ToString("d MMMM yyyy", Indonesian)}." };
        basis.AddRange((m.Basis ?? "").Split('\n').Select(b => b.Trim()).Where(b => b.Length > 0));
        for (var i = 0; i < basis.Count; i++)
        {
            writer.Paragraph($"{i + 1}. {basis[i]}", indent: 14);
        }

        writer.Paragraph(m.Held ? "II. DAFTAR HADIR" : "II. DAFTAR UNDANGAN", strong: true);
        writer.Table(
            ["No", "Nama", "Instansi", "Jabatan", m.Held ? "Kehadiran" : "Status"],
            m.Attendees.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a.Name, a.Unit, a.Position ?? "", Attendance(a, m.Held)]),
            [0.5, 2.4, 2.6, 2.2, 1.3]);
        writer.Paragraph(m.Held
            ? $"Jumlah hadir: {m.Attendees.Count(a => a.Present)} dari {m.Attendees.Count} undangan."
            : $"Jumlah undangan: {m.Attendees.Count}.");

        writer.Paragraph("III. POKOK PEMBAHASAN", strong: true);
        foreach (var item in m.Items)
        {
            writer.Paragraph($"{item.Number}. {item.Title}", strong: true, indent: 14);
            if (!string.IsNullOrWhiteSpace(item.Minutes))
            {
                writer.Paragraph(item.Minutes, indent: 28);
            }

            foreach (var o in item.Outcomes)
            {
                writer.Paragraph($"{OutcomeName(o.Kind)} {o.Number}: {o.Text}", indent: 28);
            }
        }

        writer.Paragraph("IV. KESIMPULAN DAN KEPUTUSAN", strong: true);
        if (m.Conclusions.Count == 0)
        {
            writer.Paragraph("Tidak ada kesimpulan atau keputusan yang dicatat.", indent: 14);
        }

        foreach (var o in m.Conclusions)
        {
            writer.Paragraph($"{o.Number}. {OutcomeName(o.Kind)}: {o.Text}", indent: 14);
        }

        writer.Paragraph("V. TINDAK LANJUT", strong: true);
        if (m.Actions.Count == 0)
        {
            writer.Paragraph("Belum ada tindak lanjut yang dicatat.", indent: 14);
        }
        else
        {
            writer.Table(
                ["No", "Keputusan", "Tindak lanjut", "Penanggung jawab", "Batas waktu", "Status"],
                m.Actions.Select((a, i) => (IReadOnlyList<string>)[
                    (i + 1).ToString(CultureInfo.InvariantCulture), a.DecisionNumber.ToString(CultureInfo.InvariantCulture), a.Title,
                    $"{a.Owner} ({a.PersonInCharge})", a.DueDate.ToString("d MMM yyyy", Indonesian), StatusName(a.Status)]),
                [0.5, 1.5, 3.0, 2.4, 1.5, 1.3]);
        }

        writer.Paragraph("Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.");
        writer.Signature($"{m.Place}, {m.LocalStart.ToString("d MMMM yyyy", Indonesian)}", m.SignerTitle ?? "Ketua Tim Pengawasan Orang Asing", m.SignerName ?? "(.............................)");
        return writer.ToBytes();
    }

    private static string Attendance(MinutesAttendee attendee, bool held) =>
        !held ? "Diundang" : attendee.Present ? "Hadir" : "Tidak hadir";
}
