using System.Globalization;
using Microsoft.Extensions.Localization;
using Timpora.Screening;

namespace Timpora.Web.Pages.Screening;

/// <summary>The matcher's reasons for a hit in the officer's language. A hit stored before the reasons had
/// codes keeps its English explanation, shown as it was written.</summary>
public static class HitReasonTexts
{
    public static IReadOnlyList<string> Describe(IStringLocalizer t, string stored)
    {
        if (!HitReasons.TryDecode(stored, out var reasons))
        {
            return [stored];
        }

        return [.. reasons.Select(r => Describe(t, r))];
    }

    public static string Describe(IStringLocalizer t, HitReason reason) =>
        t["Screening.Reason." + reason.Code, reason.Left, reason.Right, reason.Similarity.ToString("0.00", CultureInfo.CurrentCulture)];
}
