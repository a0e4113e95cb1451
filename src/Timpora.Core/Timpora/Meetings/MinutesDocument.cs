using System.Globalization;
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
    IReadOnlyList<(OutcomeKind Kind, string Text)> Outcomes,
    string Place,
    string? SignerName,
    string? SignerTitle);

public sealed record MinutesAttendee(string Name, string Unit, string? Position, bool Present);

public sealed record MinutesItem(int Number, string Title, string? Minutes, IReadOnlyList<(OutcomeKind Kind, string Text)> Outcomes);

/// <summary>The notulen (minutes) in the usual Indonesian form and always in Bahasa Indonesia, whatever the
/// reader's language: heading, basis, attendance list, items, decisions and signature block.</summary>
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

    public static byte[] Write(MinutesData m)
    {
        using var writer = new DocumentWriter("Notulen " + m.Title);
        writer.Heading(m.OfficeName.ToUpperInvariant(), m.TeamName);
        writer.Rule();
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

        writer.Paragraph("II. DAFTAR HADIR", strong: true);
        writer.Table(
            ["No", "Nama", "Instansi", "Jabatan", "Kehadiran"],
            m.Attendees.Select((a, i) => (IReadOnlyList<string>)[(i + 1).ToString(CultureInfo.InvariantCulture), a.Name, a.Unit, a.Position ?? "", a.Present ? "Hadir" : "Tidak hadir"]),
            [0.5, 2.4, 2.6, 2.2, 1.3]);
        writer.Paragraph($"Jumlah hadir: {m.Attendees.Count(a => a.Present)} dari {m.Attendees.Count} undangan.");

        writer.Paragraph("III. POKOK PEMBAHASAN", strong: true);
        foreach (var item in m.Items)
        {
            writer.Paragraph($"{item.Number}. {item.Title}", strong: true, indent: 14);
            if (!string.IsNullOrWhiteSpace(item.Minutes))
            {
                writer.Paragraph(item.Minutes, indent: 28);
            }

            foreach (var (kind, text) in item.Outcomes)
            {
                writer.Paragraph($"{OutcomeName(kind)}: {text}", indent: 28);
            }
        }

        writer.Paragraph("IV. KESIMPULAN DAN KEPUTUSAN", strong: true);
        if (m.Outcomes.Count == 0)
        {
            writer.Paragraph("Tidak ada keputusan yang dicatat.", indent: 14);
        }

        for (var i = 0; i < m.Outcomes.Count; i++)
        {
            writer.Paragraph($"{i + 1}. {OutcomeName(m.Outcomes[i].Kind)}: {m.Outcomes[i].Text}", indent: 14);
        }

        writer.Paragraph("Demikian notulen ini dibuat untuk dipergunakan sebagaimana mestinya.");
        writer.Signature($"{m.Place}, {m.LocalStart.ToString("d MMMM yyyy", Indonesian)}", m.SignerTitle ?? "Ketua Tim Pengawasan Orang Asing", m.SignerName ?? "(.............................)");
        return writer.ToBytes();
    }
}
