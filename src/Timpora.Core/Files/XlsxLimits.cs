namespace Timpora.Core.Files;

/// <summary>How far an XLSX file may expand once opened. A ZIP package compresses repeated XML a
/// thousandfold, so the size of the upload says nothing about the size of its sheet: every bound here is on
/// what the file becomes, and each is checked before or while the XML is read, never after.</summary>
public sealed record XlsxLimits
{
    /// <summary>Parts (ZIP entries) in the package; a workbook written by Excel or LibreOffice has about ten.</summary>
    public const int DefaultParts = 1_000;

    /// <summary>The uncompressed size of any one part: a 200,000-row sheet of the bulk template, written with
    /// inline strings and cell references, is about 170 MiB (read in 3 s with a managed heap under 30 MiB).</summary>
    public const long DefaultPartBytes = 256L * 1024 * 1024;

    /// <summary>The uncompressed size of all parts together.</summary>
    public const long DefaultPackageBytes = 512L * 1024 * 1024;

    /// <summary>Rows of the sheet (the header counts), twice the largest bulk file the benchmark measures.</summary>
    public const int DefaultRows = 200_000;

    /// <summary>Columns with a value in one row; the bulk template has sixteen.</summary>
    public const int DefaultColumns = 256;

    /// <summary>Characters in one cell: Excel's own limit.</summary>
    public const int DefaultCellCharacters = 32_767;

    /// <summary>Entries of the shared-string table, which is held in memory while the sheet is read.</summary>
    public const int DefaultSharedStrings = 2_000_000;

    /// <summary>Characters of all shared strings together (two bytes each in memory).</summary>
    public const long DefaultSharedStringCharacters = 32L * 1024 * 1024;

    public static XlsxLimits Default { get; } = new();

    public int Parts { get; init; } = DefaultParts;
    public long PartBytes { get; init; } = DefaultPartBytes;
    public long PackageBytes { get; init; } = DefaultPackageBytes;
    public int Rows { get; init; } = DefaultRows;
    public int Columns { get; init; } = DefaultColumns;
    public int CellCharacters { get; init; } = DefaultCellCharacters;
    public int SharedStrings { get; init; } = DefaultSharedStrings;
    public long SharedStringCharacters { get; init; } = DefaultSharedStringCharacters;
}

/// <summary>The bound an XLSX file passed.</summary>
public enum XlsxLimit
{
    Parts,
    PartBytes,
    PackageBytes,
    Rows,
    Columns,
    CellCharacters,
    SharedStrings,
    SharedStringCharacters,
}

/// <summary>An XLSX file passed one of its <see cref="XlsxLimits"/>: <see cref="Line"/> is the sheet row where
/// reading stopped (null when the file was refused before any row was read).</summary>
public sealed class XlsxLimitException : IOException
{
    public XlsxLimitException(XlsxLimit limit, long maximum, string part, int? line)
        : base($"The XLSX file passes the limit of {maximum:N0} for {limit} in {part}{(line is null ? "" : $" at row {line}")}; reading stopped there.")
    {
        Limit = limit;
        Maximum = maximum;
        Part = part;
        Line = line;
    }

    public XlsxLimit Limit { get; }
    public long Maximum { get; }
    public string Part { get; }
    public int? Line { get; }
}
