namespace Timpora.Screening.Csv;

/// <summary>One thing wrong with an input file, located so that the person who made the file can fix it.</summary>
public sealed record CsvProblem(int Line, string? Field, string Message)
{
    public override string ToString() => Field is null ? $"line {Line}: {Message}" : $"line {Line}, field '{Field}': {Message}";
}

/// <summary>
/// The rows of a file, or the reasons it was refused. All or nothing: when anything is wrong no row is
/// returned, so a list is never half imported.
/// </summary>
public sealed record CsvLoad<T>(IReadOnlyList<T> Rows, IReadOnlyList<CsvProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>A query row of a batch file: its id and what to screen.</summary>
public sealed record QueryRow(string Id, ScreeningQuery Query);
