using System.Text;
using Timpora.Core.Meetings;

namespace Timpora.Tests.Meetings;

public sealed class MeetingCalendarTests
{
    private static readonly CalendarEvent Event = new(
        "abc@timpora", new DateTime(2026, 3, 1, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 1, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 10, 4, 30, 0, DateTimeKind.Utc),
        "Rapat Koordinasi; Timpora, Sumba Barat Daya", "Hotel Sinar Tambolaka, Jl. Ahmad Yani",
        "Agenda:\n1. Pembukaan\n2. Pengawasan orang asing di Kabupaten Sumba Barat Daya dan pembentukan Desa Binaan Imigrasi — Wee Londa",
        new Uri("https://timpora.example/Meetings/abc"));

    [Fact]
    public void Write_Event_UsesCrlfAndUtcTimesAndLinksBack()
    {
        var text = MeetingCalendar.Write(Event);

        Assert.StartsWith("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", text, StringComparison.Ordinal);
        Assert.EndsWith("END:VCALENDAR\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", text.Replace("\r\n", "", StringComparison.Ordinal), StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTART:20260310T010000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTEND:20260310T043000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nDTSTAMP:20260301T000000Z\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nUID:abc@timpora\r\n", text, StringComparison.Ordinal);
        Assert.Contains("\r\nURL:https://timpora.example/Meetings/abc\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Write_LongUtf8Line_FoldsAt75OctetsWithoutSplittingCharacters()
    {
        var text = MeetingCalendar.Write(Event);

        var lines = text.Split("\r\n");
        Assert.All(lines, l => Assert.True(Encoding.UTF8.GetByteCount(l) <= 75, $"{Encoding.UTF8.GetByteCount(l)} octets: {l}"));
        Assert.Contains(lines, l => l.StartsWith(' '));
        var unfolded = text.Replace("\r\n ", "", StringComparison.Ordinal);
        Assert.Contains("Desa Binaan Imigrasi — Wee Londa", unfolded, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a;b", "a\\;b")]
    [InlineData("a,b", "a\\,b")]
    [InlineData("a\\b", "a\\\\b")]
    [InlineData("a\nb", "a\\nb")]
    [InlineData("a\r\nb", "a\\nb")]
    public void Escape_SpecialCharacters_AreEscaped(string value, string expected) =>
        Assert.Equal(expected, MeetingCalendar.Escape(value));
}
