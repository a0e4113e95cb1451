using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;

namespace Timpora.Web.Api.V1;

/// <summary>Reads and answers API requests: the JSON body (at most 1 MB, parsed by hand so that every mistake
/// names its field) and RFC 9457 problem details with an <c>errors</c> object.</summary>
public static partial class ApiRequests
{
    public const int MaxBodyBytes = 1024 * 1024;
    public const string BodyField = "body";

    public static Guid ProviderIdOf(HttpContext context) =>
        DataScope.From(context.User).ProviderIds.Single();

    /// <summary>The raw body, read once per request (the idempotency filter hashes it, the handler parses it).</summary>
    public static async Task<(byte[]? Body, ProblemHttpResult? Problem)> ReadBodyAsync(HttpContext context)
    {
        if (context.Items[typeof(ApiRequests)] is byte[] cached)
        {
            return (cached, null);
        }

        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            return (null, TooLarge());
        }

        if (request.ContentLength is { } length)
        {
            // The usual case: the size is announced (and enforced by the server), so one exact buffer does.
            var exact = new byte[length];
            await request.Body.ReadExactlyAsync(exact, context.RequestAborted);
            context.Items[typeof(ApiRequests)] = exact;
            return (exact, null);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxBodyBytes)
                {
                    return (null, TooLarge());
                }
            }
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }

        var body = buffer.ToArray();
        context.Items[typeof(ApiRequests)] = body;
        return (body, null);
    }

    /// <summary>Parses the body into <typeparamref name="T"/>; a missing body, broken JSON or a value of the wrong
    /// type is a 400 problem naming the field.</summary>
    public static async Task<(T? Value, ProblemHttpResult? Problem)> ReadJsonAsync<T>(HttpContext context) where T : class
    {
        var (body, problem) = await ReadBodyAsync(context);
        if (problem is not null)
        {
            return (null, problem);
        }

        if (body is null || body.Length == 0)
        {
            return (null, BadRequest(BodyField, "The request body is missing: send a JSON object (Content-Type: application/json)."));
        }

        // One pass in the usual case; only a body that fails is parsed again, to tell broken JSON from a wrong value.
        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        try
        {
            return JsonSerializer.Deserialize<T>(body, options) is { } value
                ? (value, null)
                : (null, BadRequest(BodyField, "The request body must be a JSON object."));
        }
        catch (JsonException e)
        {
            return (null, Unreadable<T>(body, e));
        }
    }

    private static ProblemHttpResult Unreadable<T>(byte[] body, JsonException error)
    {
        try
        {
            using var document = JsonDocument.Parse(body);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return BadRequest(BodyField, "The request body must be a JSON object.");
            }
        }
        catch (JsonException e)
        {
            return BadRequest(BodyField, $"The request body is not valid JSON (line {e.LineNumber + 1}, byte {e.BytePositionInLine + 1}).");
        }

        var field = FieldOf(error.Path);
        return BadRequest(field, $"The value of '{field}' is not valid: expected {Expected<T>(field)}.");
    }

    public static ProblemHttpResult BadRequest(string field, string message) =>
        Problem(StatusCodes.Status400BadRequest, "The request could not be read.", [new ReportProblem(field, "BadRequest", message)]);

    /// <summary>A problem whose <c>errors</c> maps each field (camelCase, as in the JSON) to its messages, and whose
    /// <c>codes</c> gives the stable codes beside them for programs.</summary>
    public static ProblemHttpResult Problem(int status, string title, IEnumerable<ReportProblem> problems)
    {
        var list = problems.ToList();
        var errors = list.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Message).ToArray());
        var codes = list.GroupBy(p => JsonName(p.Field)).ToDictionary(g => g.Key, g => g.Select(p => p.Code).ToArray());
        return TypedResults.Problem(
            detail: string.Join(" ", list.Select(p => p.Message)),
            statusCode: status,
            title: title,
            extensions: new Dictionary<string, object?> { ["errors"] = errors, ["codes"] = codes });
    }

    public static ProblemHttpResult TooLarge() =>
        TypedResults.Problem($"The request body is larger than {MaxBodyBytes / 1024} KB.", statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large");

    public static string JsonName(string field) =>
        field.Contains('-', StringComparison.Ordinal) ? field : JsonNamingPolicy.CamelCase.ConvertName(field);

    private static string FieldOf(string? path)
    {
        if (string.IsNullOrEmpty(path) || path == "$")
        {
            return BodyField;
        }

        var name = path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path;
        var end = name.IndexOfAny(['.', '[']);
        return JsonName(end > 0 ? name[..end] : name);
    }

    private static string Expected<T>(string field)
    {
        var property = typeof(T).GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .FirstOrDefault(p => string.Equals(p.Name, field, StringComparison.OrdinalIgnoreCase));
        var type = property is null ? null : Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
        return type switch
        {
            null => "a JSON value of the right type",
            _ when type == typeof(DateTimeOffset) => "an ISO 8601 date and time with an offset or Z, e.g. 2025-03-01T14:30:00+08:00",
            _ when type == typeof(DateOnly) => "an ISO 8601 date, e.g. 2030-12-31",
            _ when type.IsEnum => "one of " + string.Join(", ", Enum.GetNames(type)),
            _ when type == typeof(string) => "a string",
            _ => "a value of type " + type.Name,
        };
    }

    [GeneratedRegex(@"(Z|[+-]\d{2}:?\d{2})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ExplicitOffset();

    /// <summary>Times must say which zone they are in (a Z or an offset): a bare local time from a hotel in WITA
    /// would otherwise be taken as the server's zone and be off by hours.</summary>
    public sealed class OffsetDateTimeConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var text = reader.TokenType == JsonTokenType.String ? reader.GetString() : null;
            if (text is null || !ExplicitOffset().IsMatch(text)
                || !DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
            {
                throw new JsonException();
            }

            return value;
        }

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(value.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture));
    }
}
