using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Screening.Csv;

namespace Timpora.Core.Watchlists;

/// <summary>The result of reading a list file: the rows, or every problem found (line and field).</summary>
public sealed record ImportResult(int Created, int Updated, IReadOnlyList<EntryProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>Loads a CSV file into one list, all or nothing: if any line is wrong nothing is saved and every
/// wrong line is reported with its field. A line whose <c>reference</c> is already on the list updates that entry.</summary>
public static class WatchlistImport
{
    public const int MaxRows = 50_000;
    public const int MaxProblems = 200;

    public static readonly string[] RequiredColumns = ["reference", "name", "dob", "nationality", "sex"];
    public static readonly string[] OptionalColumns = ["aliases", "documents", "valid_from", "valid_until", "source", "reason"];

    public static async Task<ImportResult> ImportAsync(
        AppDbContext db, TextReader file, string watchlistCode, int kanimId, DateTime nowUtc, CancellationToken cancellationToken = default)
    {
        var (drafts, problems) = Read(file, watchlistCode, kanimId);
        if (problems.Count > 0)
        {
            return new ImportResult(0, 0, problems);
        }

        var references = drafts.Select(d => d.Draft.Reference!).ToList();
        var existing = new Dictionary<string, WatchlistEntry>(StringComparer.Ordinal);
        foreach (var chunk in references.Chunk(500))
        {
            var found = await db.WatchlistEntries.Include(e => e.Aliases).Include(e => e.Documents)
                .Where(e => e.WatchlistCode == watchlistCode && e.Reference != null && chunk.Contains(e.Reference))
                .ToListAsync(cancellationToken);
            foreach (var entry in found)
            {
                existing[entry.Reference!] = entry;
            }
        }

        int created = 0, updated = 0;
        // Tens of thousands of rows: change detection once, at the save, not on every add.
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var (_, draft) in drafts)
        {
            if (existing.TryGetValue(draft.Reference!, out var entry))
            {
                WatchlistEditing.Update(db, entry, draft, nowUtc);
                updated++;
            }
            else
            {
                WatchlistEditing.Create(db, draft, nowUtc);
                created++;
            }
        }

        db.ChangeTracker.AutoDetectChangesEnabled = true;
        await db.SaveChangesAsync(cancellationToken);
        return new ImportResult(created, updated, []);
    }

    public static (List<(int Line, EntryDraft Draft)> Rows, List<EntryProblem> Problems) Read(TextReader file, string watchlistCode, int kanimId)
    {
        var rows = new List<(int, EntryDraft)>();
        var problems = new List<EntryProblem>();
        var csv = new CsvReader(file);
        var fields = new List<string>();
        if (!csv.TryReadRecord(fields, out _))
        {
            problems.Add(new EntryProblem("file", "EmptyFile", 1));
            return (rows, problems);
        }

        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < fields.Count; i++)
        {
            columns.TryAdd(fields[i].Trim().TrimStart('\uFEFF'), i);
        }

        problems.AddRange(RequiredColumns.Where(c => !columns.ContainsKey(c)).Select(c => new EntryProblem(c, "MissingColumn", 1)));
        if (problems.Count > 0)
        {
            return (rows, problems);
        }

        var references = new HashSet<string>(StringComparer.Ordinal);
        while (problems.Count < MaxProblems)
        {
            if (!csv.TryReadRecord(fields, out var error))
            {
                if (error is not null)
                {
                    problems.Add(new EntryProblem("file", "Malformed", csv.RecordLine));
                }

                break;
            }

            var line = csv.RecordLine;
            if (fields.Count == 1 && fields[0].Length == 0)
            {
                continue;
            }

            if (rows.Count >= MaxRows)
            {
                problems.Add(new EntryProblem("file", "TooManyRows", line));
                break;
            }

            if (fields.Count != columns.Count)
            {
                problems.Add(new EntryProblem("file", "FieldCount", line));
                continue;
            }

            string Text(string column) => columns.TryGetValue(column, out var at) ? fields[at].Trim() : "";
            var before = problems.Count;
            var draft = new EntryDraft(
                watchlistCode, Text("reference"), Text("name"), EntryRules.SplitList(Text("aliases")), Text("dob"), Text("nationality"),
                Sex(Text("sex"), line, problems), EntryRules.SplitList(Text("documents")), Day(Text("valid_from"), "valid_from", line, problems),
                Day(Text("valid_until"), "valid_until", line, problems), Text("source"), Text("reason"), kanimId);
            if (draft.Reference!.Length == 0)
            {
                problems.Add(new EntryProblem("reference", "Required", line));
            }
            else if (!references.Add(draft.Reference))
            {
                problems.Add(new EntryProblem("reference", "DuplicateReference", line));
            }

            problems.AddRange(EntryRules.Check(draft, line).Select(p => p with { Field = ColumnOf(p.Field) }));
            if (problems.Count == before)
            {
                rows.Add((line, draft));
            }
        }

        if (problems.Count == 0 && rows.Count == 0)
        {
            problems.Add(new EntryProblem("file", "NoRows", 2));
        }

        return problems.Count > 0 ? ([], problems) : (rows, problems);
    }

    private static string ColumnOf(string field) => field switch
    {
        nameof(EntryDraft.BirthDate) => "dob",
        nameof(EntryDraft.ValidUntil) => "valid_until",
        _ => field.ToLowerInvariant(),
    };

    private static Foreigners.Sex Sex(string text, int line, List<EntryProblem> problems)
    {
        switch (text.ToUpperInvariant())
        {
            case "" or "X" or "<":
                return Foreigners.Sex.Unknown;
            case "M" or "L":
                return Foreigners.Sex.Male;
            case "F" or "P":
                return Foreigners.Sex.Female;
            default:
                problems.Add(new EntryProblem("sex", "InvalidSex", line));
                return Foreigners.Sex.Unknown;
        }
    }

    private static DateOnly? Day(string text, string column, int line, List<EntryProblem> problems)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }

        problems.Add(new EntryProblem(column, "InvalidDay", line));
        return null;
    }
}
