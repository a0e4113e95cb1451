using Timpora.Core.Reference;
using Timpora.Screening.Normalisation;
using MatcherDate = Timpora.Screening.PartialDate;

namespace Timpora.Core.Watchlists;

/// <summary>What is wrong with one field of an entry: <see cref="Code"/> is the end of a text key
/// (<c>Watchlists.Problem.&lt;Code&gt;</c>), so the form, the import and the API say it in the user's language.</summary>
public sealed record EntryProblem(string Field, string Code, int Line = 0);

/// <summary>An entry as typed in the form, sent to the API or read from one line of a file.</summary>
public sealed record EntryDraft(
    string WatchlistCode, string? Reference, string Name, IReadOnlyList<string> Aliases, string? BirthDate, string? Nationality,
    Foreigners.Sex Sex, IReadOnlyList<string> Documents, DateOnly? ValidFrom, DateOnly? ValidUntil, string? Source, string? Reason,
    int KanimId);

/// <summary>The rules of a list entry, the same for every channel (form, file, API).</summary>
public static class EntryRules
{
    public const int MaxNameLength = 200;
    public const int MaxAliases = 20;
    public const int MaxDocuments = 20;

    public static List<EntryProblem> Check(EntryDraft draft, int line = 0)
    {
        var problems = new List<EntryProblem>();
        void Add(string field, string? code)
        {
            if (code is not null)
            {
                problems.Add(new EntryProblem(field, code, line));
            }
        }

        var hasName = draft.Name.Length > 0;
        Add(nameof(EntryDraft.Name), hasName ? CheckName(draft.Name) : draft.Documents.Count == 0 ? "NameOrDocument" : null);
        Add(nameof(EntryDraft.Aliases), draft.Aliases.Count > MaxAliases ? "TooMany" : draft.Aliases.Select(CheckName).FirstOrDefault(c => c is not null));
        Add(nameof(EntryDraft.Documents), draft.Documents.Count > MaxDocuments ? "TooMany" : draft.Documents.Select(CheckDocument).FirstOrDefault(c => c is not null));
        Add(nameof(EntryDraft.BirthDate), draft.BirthDate is { Length: > 0 } date && !MatcherDate.TryParse(date, out _) ? "InvalidDate" : null);
        Add(nameof(EntryDraft.Nationality), draft.Nationality is { Length: > 0 } code && !Nationalities.IsKnown(code) ? "UnknownNationality" : null);
        Add(nameof(EntryDraft.ValidUntil), draft.ValidFrom is { } from && draft.ValidUntil is { } until && until < from ? "PeriodOrder" : null);
        Add(nameof(EntryDraft.Reference), draft.Reference is { } reference && (reference.Length > 100 || reference.Any(char.IsControl)) ? "InvalidReference" : null);
        Add(nameof(EntryDraft.Reason), draft.Reason is { Length: > 500 } ? "TooLong" : null);
        Add(nameof(EntryDraft.Source), draft.Source is { Length: > 200 } ? "TooLong" : null);
        return problems;
    }

    /// <summary>Null when the name can be listed and matched; otherwise why not.</summary>
    public static string? CheckName(string name)
    {
        if (name.Length > MaxNameLength)
        {
            return "TooLong";
        }

        if (name.Any(char.IsControl))
        {
            return "ControlCharacter";
        }

        // The matcher compares Latin letters: a script the transliteration does not know would only ever match itself.
        var parts = NameNormaliser.Normalise(name).Parts;
        return parts.Count == 0 ? "NoLetters" : parts.Any(p => !p.All(char.IsAsciiLetterUpper)) ? "UnknownScript" : null;
    }

    public static string? CheckDocument(string number) =>
        number.Length is 0 or > 30 || !number.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '/') ? "InvalidDocument" : null;

    /// <summary>Splits a list typed with semicolons or line breaks.</summary>
    public static IReadOnlyList<string> SplitList(string? text) =>
        [.. (text ?? "").Split([';', '\n', '\r'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Distinct(StringComparer.OrdinalIgnoreCase)];

    public static string NormaliseDocument(string number) => number.Trim().ToUpperInvariant();
}
