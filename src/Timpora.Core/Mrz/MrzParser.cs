using System.Buffers;

namespace Timpora.Core.Mrz;

/// <summary>
/// Reads the machine readable zone of passports (TD3), identity cards and other travel documents (TD1, TD2)
/// and visas (MRV-A, MRV-B) as ICAO Doc 9303 defines them. Bad input never throws: everything wrong is an
/// <see cref="MrzIssue"/> in the result.
/// </summary>
public static class MrzParser
{
    /// <summary>The longest text read: 3x30 characters with generous whitespace. Anything longer is not an MRZ.</summary>
    public const int MaxInputLength = 1000;

    internal static readonly SearchValues<char> Alphabet =
        SearchValues.Create("<0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static readonly int[] Weights = [7, 3, 1];

    /// <summary>
    /// Reads one MRZ. Whitespace around and inside lines, lower case, CRLF and a zone pasted as one line are
    /// accepted. <paramref name="today"/> places two-digit years in a century and tells whether the document
    /// has expired.
    /// </summary>
    public static MrzResult Parse(string? text, DateOnly today)
    {
        var issues = new List<MrzIssue>();
        var lines = MrzInput.ReadLines(text, issues);
        if (lines is null)
        {
            return new MrzResult { Issues = issues };
        }

        var layout = MrzInput.DetectLayout(lines, issues);
        return layout is null
            ? new MrzResult { Lines = lines, Issues = issues }
            : MrzReader.Read(layout, lines, today, issues);
    }

    /// <summary>
    /// The check digit of <paramref name="value"/> as Doc 9303 Part 3 ("Check digits in the MRZ") defines it:
    /// weights 7, 3, 1 repeating, digits at face value, A=10 to Z=35, filler 0, sum modulo 10. Null when the
    /// value holds a character that cannot appear in an MRZ.
    /// </summary>
    public static int? CheckDigit(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.AsSpan().IndexOfAnyExcept(Alphabet) >= 0 ? null : CheckDigitOf(value);
    }

    internal static int CheckDigitOf(ReadOnlySpan<char> value)
    {
        var sum = 0;
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            var v = c switch
            {
                >= '0' and <= '9' => c - '0',
                >= 'A' and <= 'Z' => c - 'A' + 10,
                _ => 0,
            };
            sum += v * Weights[i % 3];
        }

        return sum % 10;
    }
}
