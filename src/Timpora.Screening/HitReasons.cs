using System.Globalization;
using System.Text;

namespace Timpora.Screening;

/// <summary>
/// The reasons of a hit as one short, stable text for a database column: <c>r1|code:left:right:similarity|...</c>
/// with the numeric codes of <see cref="HitReasonCode"/> and the arguments percent-escaped. Text stored before
/// the reasons had codes does not start with the marker and reads as no reasons (show it as it is).
/// </summary>
public static class HitReasons
{
    private const string Marker = "r1|";

    /// <summary>English, comma-separated: what the batch command prints.</summary>
    public static string Describe(IEnumerable<HitReason> reasons) => string.Join(", ", reasons);

    /// <summary>Encodes the reasons, dropping whole reasons from the end when the text would exceed <paramref name="maxLength"/>.</summary>
    public static string Encode(IEnumerable<HitReason> reasons, int maxLength = int.MaxValue)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        var sb = new StringBuilder(Marker);
        foreach (var reason in reasons)
        {
            var item = string.Create(
                CultureInfo.InvariantCulture,
                $"{(int)reason.Code}:{Uri.EscapeDataString(reason.Left)}:{Uri.EscapeDataString(reason.Right)}:{(reason.Similarity == 0 ? "" : reason.Similarity.ToString("0.00", CultureInfo.InvariantCulture))}");
            if (sb.Length + item.Length + (sb.Length > Marker.Length ? 1 : 0) > maxLength)
            {
                break;
            }

            sb.Append(sb.Length > Marker.Length ? "|" : "").Append(item);
        }

        return sb.ToString();
    }

    /// <summary>Reads what <see cref="Encode"/> wrote; false for any other text (an explanation stored as words).</summary>
    public static bool TryDecode(string? text, out IReadOnlyList<HitReason> reasons)
    {
        var list = new List<HitReason>();
        reasons = list;
        if (text is null || !text.StartsWith(Marker, StringComparison.Ordinal))
        {
            return false;
        }

        foreach (var item in text[Marker.Length..].Split('|', StringSplitOptions.RemoveEmptyEntries))
        {
            var fields = item.Split(':');
            if (fields.Length != 4 || !byte.TryParse(fields[0], NumberStyles.None, CultureInfo.InvariantCulture, out var code)
                || !Enum.IsDefined((HitReasonCode)code))
            {
                continue;
            }

            var similarity = double.TryParse(fields[3], NumberStyles.Float, CultureInfo.InvariantCulture, out var s) ? s : 0;
            list.Add(new HitReason((HitReasonCode)code, Uri.UnescapeDataString(fields[1]), Uri.UnescapeDataString(fields[2]), similarity));
        }

        return true;
    }
}
