using System.Globalization;
using Microsoft.Extensions.Localization;
using Timpora.Core.Watchlists;

namespace Timpora.Web.Pages.Watchlists;

/// <summary>How lists, problems and hit states are named in the user's language.</summary>
public static class WatchlistTexts
{
    public static string Name(Watchlist? list, string code) =>
        list is null ? code : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? list.EnglishName : list.Name;

    public static string Problem(IStringLocalizer t, EntryProblem problem)
    {
        var text = t["Watchlists.Problem." + problem.Code];
        var message = text.ResourceNotFound ? problem.Code : text.Value;
        return problem.Line > 0 ? t["Watchlists.Import.ProblemLine", problem.Line, problem.Field, message].Value : message;
    }

    public static string Status(IStringLocalizer t, HitStatus status) => t["Screening.Status." + status].Value;
}
