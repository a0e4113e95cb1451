using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Timpora.Core.Mrz;

namespace Timpora.Cli;

/// <summary>
/// <c>mrz [--today YYYY-MM-DD]</c>: reads MRZ text on standard input, documents separated by a blank line, and
/// writes one JSON object per document per line. Exit code 0 when every document is valid, 1 otherwise.
/// </summary>
public static class MrzVerb
{
    private const string Usage = "Usage: mrz [--today YYYY-MM-DD] < file   (documents separated by a blank line)";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static async Task<int> RunAsync(string[] args, TextReader input, TextWriter output, TextWriter error)
    {
        var today = DateOnly.FromDateTime(TimeProvider.System.GetUtcNow().UtcDateTime);
        for (var i = 0; i < args.Length; i++)
        {
            if (args[i] == "--today" && i + 1 < args.Length
                && DateOnly.TryParseExact(args[i + 1], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out today))
            {
                i++;
                continue;
            }

            await error.WriteLineAsync(Usage);
            return 2;
        }

        var documents = 0;
        var invalid = 0;
        await foreach (var text in Documents(input))
        {
            var result = MrzParser.Parse(text, today);
            documents++;
            invalid += result.IsValid ? 0 : 1;
            await output.WriteLineAsync(JsonSerializer.Serialize(Output.From(result), Json));
        }

        if (documents == 0)
        {
            await error.WriteLineAsync("No MRZ on standard input. " + Usage);
            return 1;
        }

        return invalid == 0 ? 0 : 1;
    }

    /// <summary>Groups lines into documents at blank lines. A document longer than any MRZ stops growing, so a
    /// huge input cannot exhaust memory; the parser then reports it as too long.</summary>
    private static async IAsyncEnumerable<string> Documents(TextReader input)
    {
        var text = new StringBuilder();
        while (await input.ReadLineAsync() is { } line)
        {
            if (string.IsNullOrWhiteSpace(line))
            {
                if (text.Length > 0)
                {
                    yield return text.ToString();
                    text.Clear();
                }

                continue;
            }

            if (text.Length <= MrzParser.MaxInputLength)
            {
                text.Append(line.AsSpan(0, Math.Min(line.Length, MrzParser.MaxInputLength + 1))).Append('\n');
            }
        }

        if (text.Length > 0)
        {
            yield return text.ToString();
        }
    }

    private sealed record Output(
        string? Format,
        string DocumentCode,
        DocumentKind? DocumentType,
        string IssuingState,
        string Surname,
        string GivenNames,
        string DocumentNumber,
        string Nationality,
        string? DateOfBirth,
        MrzSex? Sex,
        string? ExpiryDate,
        string OptionalData,
        string? OptionalData2,
        IReadOnlyDictionary<string, bool> CheckDigits,
        bool Valid,
        IReadOnlyList<MrzIssue> Issues)
    {
        public static Output From(MrzResult r) => new(
            r.Format switch
            {
                MrzFormat.Td1 => "TD1",
                MrzFormat.Td2 => "TD2",
                MrzFormat.Td3 => "TD3",
                MrzFormat.MrvA => "MRV-A",
                MrzFormat.MrvB => "MRV-B",
                _ => null,
            },
            r.DocumentCode,
            r.Kind,
            r.IssuingState,
            r.Surname,
            r.GivenNames,
            r.DocumentNumber,
            r.Nationality,
            r.DateOfBirth?.ToString(),
            r.Sex,
            r.ExpiryDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            r.OptionalData,
            r.Format == MrzFormat.Td1 ? r.OptionalData2 : null,
            r.CheckDigits.ToDictionary(c => JsonNamingPolicy.CamelCase.ConvertName(c.Field.ToString()), c => c.IsValid),
            r.IsValid,
            r.Issues);
    }
}
