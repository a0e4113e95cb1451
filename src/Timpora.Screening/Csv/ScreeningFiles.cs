using System.Globalization;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Csv;

/// <summary>
/// Reads the watchlist and query files of the batch command. Headers are matched by name (any order, any
/// case); the watchlist may add <c>valid_from</c> and <c>valid_until</c> columns.
/// </summary>
public static class ScreeningFiles
{
    public const int MaxNameLength = 200;

    private const int MaxProblems = 100;

    private static readonly string[] WatchlistColumns = ["id", "name", "aliases", "dob", "nationality", "sex", "documents"];

    private static readonly string[] QueryColumns = ["id", "name", "dob", "nationality", "sex", "document"];

    public static CsvLoad<WatchlistEntry> ReadWatchlist(TextReader reader) => Read(reader, WatchlistColumns, row =>
    {
        var name = row.Name("name", required: true);
        var aliases = new List<string>();
        foreach (var alias in row.Text("aliases").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (row.CheckName("aliases", alias))
            {
                aliases.Add(alias);
            }
        }

        var documents = new List<string>();
        foreach (var document in row.Text("documents").Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            if (row.CheckDocument("documents", document))
            {
                documents.Add(document);
            }
        }

        return new WatchlistEntry(
            row.Id(), name, aliases, row.DateOfBirth(), row.Nationality(), row.Sex(), documents, row.Day("valid_from"), row.Day("valid_until"));
    });

    public static CsvLoad<QueryRow> ReadQueries(TextReader reader) => Read(reader, QueryColumns, row =>
    {
        var document = row.Text("document");
        var query = new ScreeningQuery(
            row.Name("name", required: true),
            row.DateOfBirth(),
            row.Nationality(),
            row.Sex(),
            document.Length > 0 && row.CheckDocument("document", document) ? document : null);
        return new QueryRow(row.Id(), query);
    });

    private static CsvLoad<T> Read<T>(TextReader reader, string[] required, Func<CsvRow, T> parse)
    {
        var problems = new List<CsvProblem>();
        var rows = new List<T>();
        var csv = new CsvReader(reader);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields, out var error))
        {
            problems.Add(new CsvProblem(csv.RecordLine, null, error ?? "the file is empty; expected a header line"));
            return new CsvLoad<T>([], problems);
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            columns.TryAdd(fields[i].Trim(), i);
        }

        foreach (var column in required)
        {
            if (!columns.ContainsKey(column))
            {
                problems.Add(new CsvProblem(1, column, $"missing column (the header must have {string.Join(',', required)})"));
            }
        }

        if (problems.Count > 0)
        {
            return new CsvLoad<T>([], problems);
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        while (problems.Count < MaxProblems)
        {
            if (!csv.TryReadRecord(fields, out error))
            {
                if (error is not null)
                {
                    problems.Add(new CsvProblem(csv.RecordLine, null, error));
                }

                break;
            }

            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (fields.Count != columns.Count)
            {
                problems.Add(new CsvProblem(csv.RecordLine, null, $"expected {columns.Count} fields as in the header, found {fields.Count}"));
                continue;
            }

            var row = new CsvRow(csv.RecordLine, fields, columns, problems);
            var before = problems.Count;
            var item = parse(row);
            var id = row.Text("id");
            if (id.Length > 0 && !ids.Add(id))
            {
                problems.Add(new CsvProblem(csv.RecordLine, "id", $"'{id}' appears more than once"));
            }

            if (problems.Count == before)
            {
                rows.Add(item);
            }
        }

        return problems.Count > 0 ? new CsvLoad<T>([], problems) : new CsvLoad<T>(rows, problems);
    }

    private sealed class CsvRow(int line, List<string> fields, Dictionary<string, int> columns, List<CsvProblem> problems)
    {
        public string Text(string column) => columns.TryGetValue(column, out var at) ? fields[at].Trim() : "";

        public string Id()
        {
            var id = Text("id");
            if (id.Length == 0 || id.Length > 100 || HasControl(id))
            {
                Problem("id", id.Length == 0 ? "is empty" : id.Length > 100 ? "is longer than 100 characters" : "contains a control character");
            }

            return id;
        }

        public string Name(string column, bool required)
        {
            var name = Text(column);
            if (name.Length == 0 && required)
            {
                Problem(column, "is empty");
            }
            else
            {
                CheckName(column, name);
            }

            return name;
        }

        public bool CheckName(string column, string name)
        {
            var at = IndexOfControl(name);
            string? message = name.Length > MaxNameLength
                ? string.Create(CultureInfo.InvariantCulture, $"is {name.Length} characters long; a name has at most {MaxNameLength}")
                : at >= 0 ? string.Create(CultureInfo.InvariantCulture, $"contains the control character U+{(int)name[at]:X4} at position {at + 1}")
                : NameNormaliser.Normalise(name).Parts.Count == 0 ? $"'{name}' has no letters" : null;
            if (message is not null)
            {
                Problem(column, message);
            }

            return message is null;
        }

        public bool CheckDocument(string column, string document)
        {
            var valid = document.Length <= 30 && document.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or ' ' or '/');
            if (!valid)
            {
                Problem(column, $"'{document}' is not a document number (letters, digits, at most 30)");
            }

            return valid;
        }

        public PartialDate? DateOfBirth()
        {
            var text = Text("dob");
            if (text.Length == 0)
            {
                return null;
            }

            if (PartialDate.TryParse(text, out var date))
            {
                return date;
            }

            Problem("dob", $"'{text}' is not a date (YYYY, YYYY-MM or YYYY-MM-DD)");
            return null;
        }

        public string? Nationality()
        {
            var text = Text("nationality").ToUpperInvariant();
            if (text.Length == 0)
            {
                return null;
            }

            if (text.Length > 3 || !text.All(char.IsAsciiLetterUpper))
            {
                Problem("nationality", $"'{text}' is not an ICAO nationality code (1 to 3 letters, e.g. IDN, D, XXA)");
            }

            return text;
        }

        public Sex? Sex()
        {
            var text = Text("sex").ToUpperInvariant();
            switch (text)
            {
                case "":
                case "X":
                case "<":
                    return null;
                case "M":
                    return Screening.Sex.Male;
                case "F":
                    return Screening.Sex.Female;
                default:
                    Problem("sex", $"'{text}' is not M, F or X");
                    return null;
            }
        }

        public DateOnly? Day(string column)
        {
            var text = Text(column);
            if (text.Length == 0)
            {
                return null;
            }

            if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
            {
                return day;
            }

            Problem(column, $"'{text}' is not a date (YYYY-MM-DD)");
            return null;
        }

        private void Problem(string field, string message) => problems.Add(new CsvProblem(line, field, message));

        private static bool HasControl(string text) => IndexOfControl(text) >= 0;

        private static int IndexOfControl(string text)
        {
            for (var i = 0; i < text.Length; i++)
            {
                if (char.IsControl(text[i]))
                {
                    return i;
                }
            }

            return -1;
        }
    }
}
