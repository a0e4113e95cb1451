using System.Globalization;
using System.Text;

namespace Timpora.Core.Mrz;

/// <summary>Turns what a person pasted or typed into MRZ lines, and finds the layout they are in.</summary>
internal static class MrzInput
{
    public static List<string>? ReadLines(string? text, List<MrzIssue> issues)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            issues.Add(new(MrzIssueCode.Empty, MrzField.Input, MrzSeverity.Error, "No MRZ was given."));
            return null;
        }

        if (text.Length > MrzParser.MaxInputLength)
        {
            issues.Add(new(MrzIssueCode.InputTooLong, MrzField.Input, MrzSeverity.Error,
                Invariant($"The text has {text.Length} characters; an MRZ has at most 90 (allowing {MrzParser.MaxInputLength} with spaces).")));
            return null;
        }

        var lines = new List<string>();
        foreach (var raw in text.ReplaceLineEndings("\n").Split('\n'))
        {
            var line = Clean(raw);
            if (line.Length > 0)
            {
                lines.Add(line);
            }
        }

        // A single-line form field loses the line breaks; the three total lengths cannot be confused.
        if (lines.Count == 1 && lines[0].Length is 88 or 72 or 90)
        {
            var width = lines[0].Length == 90 ? 30 : lines[0].Length / 2;
            lines = [.. lines[0].Chunk(width).Select(c => new string(c))];
        }

        for (var l = 0; l < lines.Count; l++)
        {
            var bad = lines[l].AsSpan().IndexOfAnyExcept(MrzParser.Alphabet);
            if (bad >= 0)
            {
                issues.Add(new(MrzIssueCode.InvalidCharacter, MrzField.Input, MrzSeverity.Error,
                    Invariant($"Line {l + 1}, position {bad + 1}: '{lines[l][bad]}' cannot appear in an MRZ (only A-Z, 0-9 and <).")));
                return null;
            }
        }

        return lines;
    }

    public static MrzLayout? DetectLayout(List<string> lines, List<MrzIssue> issues)
    {
        MrzLayout? layout = null;
        if (lines.Count == 3 && lines[0].Length == 30 && lines[1].Length == 30)
        {
            layout = FitNameLine(lines, 2, 30, issues) ? MrzLayout.Td1 : null;
        }
        else if (lines.Count == 2 && lines[1].Length is 44 or 36)
        {
            var length = lines[1].Length;
            var visa = lines[0].StartsWith('V');
            layout = !FitNameLine(lines, 0, length, issues) ? null
                : length == 44 ? (visa ? MrzLayout.MrvA : MrzLayout.Td3)
                : visa ? MrzLayout.MrvB : MrzLayout.Td2;
        }
        else if (lines.Count == 2 && lines[0].Length is 44 or 36)
        {
            issues.Add(new(MrzIssueCode.WrongLineLength, MrzField.Input, MrzSeverity.Error,
                Invariant($"Line 2 has {lines[1].Length} characters; after a first line of {lines[0].Length} it must have {lines[0].Length}.")));
        }
        else if (lines.Count is 2 or 3)
        {
            issues.Add(new(MrzIssueCode.WrongLineLength, MrzField.Input, MrzSeverity.Error,
                Invariant($"Lines of {string.Join(", ", lines.Select(l => l.Length))} characters match no MRZ format: passports have 2 lines of 44, visas 2 of 44 or 36, cards 2 of 36 or 3 of 30.")));
        }
        else
        {
            issues.Add(new(MrzIssueCode.WrongLineCount, MrzField.Input, MrzSeverity.Error,
                Invariant($"{lines.Count} lines were given; an MRZ has 2 lines (passports, visas, TD2 cards) or 3 (TD1 cards).")));
        }

        return layout;
    }

    /// <summary>
    /// People who type an MRZ rarely count the trailing fillers of the name line. Adding or dropping fillers
    /// at the end of a line that holds nothing after the name cannot change what it says, so it is safe.
    /// </summary>
    private static bool FitNameLine(List<string> lines, int index, int length, List<MrzIssue> issues)
    {
        var line = lines[index];
        var minimum = index == 0 ? 6 : 1;
        var fits = line.Length == length
            || (line.Length < length && line.Length >= minimum)
            || (line.Length > length && line.AsSpan(length).IndexOfAnyExcept('<') < 0);
        if (!fits)
        {
            issues.Add(new(MrzIssueCode.WrongLineLength, MrzField.Input, MrzSeverity.Error,
                Invariant($"Line {index + 1} has {line.Length} characters; in this format it must have {length}.")));
            return false;
        }

        if (line.Length != length)
        {
            lines[index] = line.Length < length ? line.PadRight(length, '<') : line[..length];
            issues.Add(new(MrzIssueCode.FillerAdjusted, MrzField.Name, MrzSeverity.Warning,
                Invariant($"Line {index + 1} had {line.Length} characters; trailing fillers were adjusted to make {length}.")));
        }

        return true;
    }

    private static string Clean(string raw)
    {
        var builder = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            if (!char.IsWhiteSpace(c))
            {
                // OCR and fonts render the filler as a guillemet or a full-width sign; they mean the same.
                builder.Append(c is '«' or '‹' or '＜' ? '<' : char.ToUpperInvariant(c));
            }
        }

        return builder.ToString();
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
