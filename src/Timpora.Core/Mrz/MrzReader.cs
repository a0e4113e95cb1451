using System.Globalization;
using System.Text.RegularExpressions;
using Timpora.Core.Reference;

namespace Timpora.Core.Mrz;

/// <summary>Reads the fields of MRZ lines whose layout is known, verifying every check digit.</summary>
internal sealed partial class MrzReader
{
    private static readonly MrzRange DocumentCodeRange = MrzRange.Positions(1, 1, 2);
    private static readonly MrzRange IssuingStateRange = MrzRange.Positions(1, 3, 5);

    private readonly MrzLayout layout;
    private readonly DateOnly today;
    private readonly List<MrzIssue> issues;
    private readonly List<MrzCheckDigit> checks = [];
    private readonly List<string> lines;

    private MrzReader(MrzLayout layout, List<string> lines, DateOnly today, List<MrzIssue> issues)
    {
        this.layout = layout;
        this.lines = lines;
        this.today = today;
        this.issues = issues;
    }

    public static MrzResult Read(MrzLayout layout, List<string> lines, DateOnly today, List<MrzIssue> issues) =>
        new MrzReader(layout, lines, today, issues).Read();

    private MrzResult Read()
    {
        CorrectDigits(MrzField.DateOfBirth, layout.DateOfBirth, layout.DateOfBirthCheck);
        CorrectDigits(MrzField.ExpiryDate, layout.ExpiryDate, layout.ExpiryDateCheck);
        CorrectDigits(MrzField.DocumentNumber, layout.DocumentNumberCheck);
        if (layout.OptionalDataCheck is { } optionalCheck)
        {
            CorrectDigits(MrzField.OptionalData, optionalCheck);
        }

        if (layout.CompositeCheck is { } compositeCheck)
        {
            CorrectDigits(MrzField.Composite, compositeCheck);
        }

        var documentCode = ReadDocumentCode();
        var (documentNumber, optionalData) = ReadDocumentNumber();
        var (surname, givenNames) = ReadName();
        var birthText = layout.DateOfBirth.Of(lines);
        var (birth, birthValid) = MrzDates.ReadBirthDate(birthText, today);
        if (!birthValid)
        {
            Add(MrzIssueCode.InvalidDateOfBirth, MrzField.DateOfBirth, $"The date of birth '{birthText}' is not a date (YYMMDD, unknown parts as <).");
        }

        var expiryText = layout.ExpiryDate.Of(lines);
        var expiry = MrzDates.ReadExpiryDate(expiryText, today);
        if (expiry is null)
        {
            Add(MrzIssueCode.InvalidExpiryDate, MrzField.ExpiryDate, $"The expiry date '{expiryText}' is not a date (YYMMDD).");
        }
        else if (expiry < today)
        {
            Warn(MrzIssueCode.DocumentExpired, MrzField.ExpiryDate, $"The document expired on {expiry:yyyy-MM-dd}.");
        }

        Verify(MrzField.DateOfBirth, MrzIssueCode.DateOfBirthCheckDigit, "date of birth", birthText, layout.DateOfBirthCheck);
        Verify(MrzField.ExpiryDate, MrzIssueCode.ExpiryDateCheckDigit, "expiry date", expiryText, layout.ExpiryDateCheck);
        if (layout.OptionalDataCheck is { } personalCheck)
        {
            Verify(MrzField.OptionalData, MrzIssueCode.OptionalDataCheckDigit, "personal number", layout.OptionalData.Of(lines), personalCheck);
        }

        if (layout.CompositeCheck is { } composite)
        {
            var covered = string.Concat(layout.CompositeSources.Select(r => r.Of(lines)));
            Verify(MrzField.Composite, MrzIssueCode.CompositeCheckDigit, "fields it covers", covered, composite);
        }

        return new MrzResult
        {
            Format = layout.Format,
            DocumentCode = documentCode,
            Kind = documentCode.StartsWith('P') ? DocumentKind.Passport
                : documentCode.StartsWith('V') ? DocumentKind.Visa
                : layout.Format == MrzFormat.Td3 ? DocumentKind.Passport
                : DocumentKind.IdentityDocument,
            IssuingState = ReadCountry(IssuingStateRange, MrzField.IssuingState, MrzIssueCode.UnknownIssuingState, "issuing state"),
            Surname = surname,
            GivenNames = givenNames,
            DocumentNumber = documentNumber,
            Nationality = ReadCountry(layout.Nationality, MrzField.Nationality, MrzIssueCode.UnknownNationality, "nationality"),
            DateOfBirth = birth,
            Sex = ReadSex(),
            ExpiryDate = expiry,
            OptionalData = optionalData.Trim('<'),
            OptionalData2 = layout.OptionalData2 is { } second ? second.Of(lines).Trim('<') : "",
            Lines = lines,
            CheckDigits = checks,
            Issues = [.. issues.OrderBy(i => i.Severity)],
        };
    }

    private string ReadDocumentCode()
    {
        var code = DocumentCodeRange.Of(lines);
        if (!char.IsAsciiLetterUpper(code[0]) || code[1] is not ('<' or >= 'A' and <= 'Z'))
        {
            Add(MrzIssueCode.UnexpectedDocumentCode, MrzField.DocumentCode, $"The document code '{code}' is not one or two letters.");
        }
        else if (!layout.ExpectedFirstLetters.Contains(code[0], StringComparison.Ordinal))
        {
            Warn(MrzIssueCode.UnexpectedDocumentCode, MrzField.DocumentCode,
                $"A {layout.Format} MRZ normally starts with {string.Join(" or ", layout.ExpectedFirstLetters.ToCharArray())}, not {code[0]}.");
        }

        return code.TrimEnd('<');
    }

    private (string Number, string OptionalData) ReadDocumentNumber()
    {
        var number = layout.DocumentNumber.Of(lines);
        var check = layout.DocumentNumberCheck;
        var optional = layout.OptionalData.Of(lines);
        string checkedNumber = number;
        char printed = check.Of(lines)[0];

        // A filler where the check digit belongs means the number goes on in the optional data, ending with
        // its check digit and a filler (Doc 9303 Parts 5 and 6, the note on numbers longer than 9 characters).
        if (layout.AllowsLongDocumentNumber && printed == '<' && optional[0] != '<')
        {
            var end = optional.IndexOf('<', StringComparison.Ordinal);
            var tail = end < 0 ? optional : optional[..end];
            checkedNumber = number + tail[..^1];
            printed = tail[^1];
            optional = optional[tail.Length..];
        }

        VerifyPrinted(MrzField.DocumentNumber, MrzIssueCode.DocumentNumberCheckDigit, "document number", checkedNumber, printed);
        var documentNumber = checkedNumber.Trim('<');
        if (documentNumber.Length == 0)
        {
            Add(MrzIssueCode.MissingDocumentNumber, MrzField.DocumentNumber, $"The document number is empty.");
        }

        return (documentNumber, optional);
    }

    private (string Surname, string GivenNames) ReadName()
    {
        var field = layout.Name.Of(lines);
        if (field.Any(char.IsAsciiDigit))
        {
            // Names are never corrected: a 0 that should be an O is for a person to fix, not a guess.
            Add(MrzIssueCode.InvalidNameCharacter, MrzField.Name, $"The name '{field.TrimEnd('<')}' contains digits; names in an MRZ are letters only.");
        }

        if (!field.EndsWith('<'))
        {
            Warn(MrzIssueCode.NameMayBeTruncated, MrzField.Name, $"The name fills its whole field and may have been truncated (Doc 9303 Part 3 truncates long names).");
        }

        var split = field.IndexOf("<<", StringComparison.Ordinal);
        var surname = Words(split < 0 ? field : field[..split]);
        var givenNames = split < 0 ? "" : Words(field[(split + 2)..]);
        if (surname.Length == 0)
        {
            Add(MrzIssueCode.MissingName, MrzField.Name, $"The primary identifier (surname) is empty.");
        }

        return (surname, givenNames);
    }

    private string ReadCountry(MrzRange range, MrzField field, MrzIssueCode unknown, string label)
    {
        var raw = range.Of(lines);
        var code = raw.TrimEnd('<');
        if (code.Length == 0 || !code.All(char.IsAsciiLetterUpper))
        {
            Add(MrzIssueCode.InvalidCountryCode, field, $"The {label} '{raw}' is not a three-letter code.");
        }
        else if (!Nationalities.IsKnown(code))
        {
            Warn(unknown, field, $"The {label} '{code}' is not an ICAO Doc 9303 code.");
        }

        return code;
    }

    private MrzSex? ReadSex()
    {
        var c = layout.Sex.Of(lines)[0];
        switch (c)
        {
            case 'M':
                return MrzSex.Male;
            case 'F':
                return MrzSex.Female;
            case 'X' or '<':
                return MrzSex.Unspecified;
            default:
                Add(MrzIssueCode.InvalidSex, MrzField.Sex, $"The sex '{c}' is not M, F, X or <.");
                return null;
        }
    }

    private void Verify(MrzField field, MrzIssueCode code, string label, string data, MrzRange check) =>
        VerifyPrinted(field, code, label, data, check.Of(lines)[0]);

    private void VerifyPrinted(MrzField field, MrzIssueCode code, string label, string data, char printed)
    {
        var computed = MrzParser.CheckDigitOf(data);

        // Doc 9303 Part 4: when the personal number is all fillers, its check digit may be a filler instead of 0.
        var valid = printed - '0' == computed
            || (printed == '<' && field == MrzField.OptionalData && data.All(c => c == '<'));
        checks.Add(new MrzCheckDigit(field, printed, computed, valid));
        if (valid)
        {
            return;
        }

        var subject = field == MrzField.Composite ? "composite check digit" : $"check digit of the {label}";
        if (!char.IsAsciiDigit(printed))
        {
            Add(code, field, $"The {subject} is '{printed}', not a digit.");
        }
        else if (field == MrzField.Composite)
        {
            Add(code, field, $"The composite check digit is {printed} but the {label} give {computed}: one of them (document number, dates, optional data) or the check digit is misread.");
        }
        else
        {
            Add(code, field, $"The check digit of the {label} is {printed} but the {label} gives {computed}: the {label} or its check digit is misread.");
        }
    }

    /// <summary>
    /// In numeric positions a letter can only be a misread digit (OCR-B's O and 0, I and 1 look alike), and
    /// the check digits then confirm or refute the reading. Names and document numbers are never touched.
    /// </summary>
    private void CorrectDigits(MrzField field, params MrzRange[] ranges)
    {
        var corrections = new List<string>();
        foreach (var range in ranges)
        {
            var line = lines[range.Line].ToCharArray();
            for (var i = range.Start; i < range.Start + range.Length; i++)
            {
                if (OcrDigit(line[i]) is { } digit)
                {
                    corrections.Add($"{line[i]} as {digit}");
                    line[i] = digit;
                }
            }

            lines[range.Line] = new string(line);
        }

        if (corrections.Count > 0)
        {
            Warn(MrzIssueCode.OcrCorrected, field, $"Read {string.Join(", ", corrections)} in a numeric position of the {Label(field)}.");
        }
    }

    private static char? OcrDigit(char c) => c switch
    {
        'O' or 'Q' or 'D' => '0',
        'I' or 'L' => '1',
        'Z' => '2',
        'S' => '5',
        'G' => '6',
        'B' => '8',
        _ => null,
    };

    private static string Label(MrzField field) => field switch
    {
        MrzField.DateOfBirth => "date of birth",
        MrzField.ExpiryDate => "expiry date",
        MrzField.DocumentNumber => "document number check digit",
        MrzField.OptionalData => "personal number check digit",
        _ => "composite check digit",
    };

    private static string Words(string part) => Fillers().Replace(part.Trim('<'), " ");

    private void Add(MrzIssueCode code, MrzField field, FormattableString message) =>
        issues.Add(new MrzIssue(code, field, MrzSeverity.Error, message.ToString(CultureInfo.InvariantCulture)));

    private void Warn(MrzIssueCode code, MrzField field, FormattableString message) =>
        issues.Add(new MrzIssue(code, field, MrzSeverity.Warning, message.ToString(CultureInfo.InvariantCulture)));

    [GeneratedRegex("<+")]
    private static partial Regex Fillers();
}
