using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timpora.Core.Data;
using Timpora.Core.GuestReports;
using ProblemDetails = Microsoft.AspNetCore.Mvc.ProblemDetails;

namespace Timpora.Web.Api.V1;

/// <summary>The <c>Idempotency-Key</c> header (ADR 0006): the first request with a key keeps its answer, in the
/// same transaction as the report it made; a retry with the same key and body gets that answer again and makes
/// nothing new; the same key with another body is refused.</summary>
public static class Idempotency
{
    public const string Header = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";
    public const int MaxKeyLength = 100;

    public static async ValueTask<object?> FilterAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        if (!context.Request.Headers.TryGetValue(Header, out var values))
        {
            return await next(invocation);
        }

        var key = values.ToString().Trim();
        if (values.Count != 1 || key.Length is 0 or > MaxKeyLength)
        {
            return ApiRequests.BadRequest(Header, $"The Idempotency-Key header must be one value of 1 to {MaxKeyLength} characters.");
        }

        var (body, problem) = await ApiRequests.ReadBodyAsync(context);
        if (problem is not null)
        {
            return problem;
        }

        var hash = HashOf(context.Request.Path, body!);
        var providerId = ApiRequests.ProviderIdOf(context);
        var db = context.RequestServices.GetRequiredService<AppDbContext>();
        var cancellationToken = context.RequestAborted;
        if (await FindAsync(db, providerId, key, cancellationToken) is { } earlier)
        {
            return Replay(context, earlier, hash);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        context.Items[typeof(Idempotency)] = db;
        db.IdempotencyRecords.Add(new IdempotencyRecord
        {
            ProviderId = providerId,
            Key = key,
            RequestHash = hash,
            Body = "",
            CreatedUtc = context.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The same key arrived twice at once: the other request holds it (its transaction made this insert
            // wait and then fail on the primary key). Its answer is committed now.
            await transaction.RollbackAsync(cancellationToken);
            db.ChangeTracker.Clear();
            return await FindAsync(db, providerId, key, cancellationToken) is { } winner
                ? Replay(context, winner, hash)
                : TypedResults.Problem("A request with this Idempotency-Key is in progress; retry shortly.", statusCode: StatusCodes.Status409Conflict, title: "Conflict");
        }

        var result = await next(invocation);
        var (status, json) = Serialise(context, result);
        await db.IdempotencyRecords.Where(r => r.ProviderId == providerId && r.Key == key)
            .ExecuteUpdateAsync(s => s.SetProperty(r => r.StatusCode, status).SetProperty(r => r.Body, json), cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return Answer(context, status, json);
    }

    /// <summary>The request's database context while it holds the transaction that keeps the answer, else null.</summary>
    public static AppDbContext? TransactionContextOf(HttpContext context) =>
        context.Items[typeof(Idempotency)] is AppDbContext db && db.Database.CurrentTransaction is not null ? db : null;

    private static Task<IdempotencyRecord?> FindAsync(AppDbContext db, Guid providerId, string key, CancellationToken cancellationToken) =>
        db.IdempotencyRecords.AsNoTracking().FirstOrDefaultAsync(r => r.ProviderId == providerId && r.Key == key, cancellationToken);

    private static IResult Replay(HttpContext context, IdempotencyRecord earlier, string hash)
    {
        if (earlier.RequestHash != hash)
        {
            return ApiRequests.Problem(StatusCodes.Status422UnprocessableEntity, "Idempotency-Key reused.",
                [new ReportProblem(Header, "IdempotencyKeyReused", "This Idempotency-Key was already used with another request body; use a new key for a new request.")]);
        }

        context.Response.Headers[ReplayedHeader] = "true";
        return Answer(context, earlier.StatusCode, earlier.Body);
    }

    /// <summary>The first answer and every replay are the same bytes: both are written from the stored text.</summary>
    private static IResult Answer(HttpContext context, int status, string json)
    {
        if (status == StatusCodes.Status201Created && SelfOf(json) is { } self)
        {
            context.Response.Headers.Location = self;
        }

        return TypedResults.Text(json, status >= 400 ? "application/problem+json" : "application/json", Encoding.UTF8, status);
    }

    private static (int Status, string Json) Serialise(HttpContext context, object? result)
    {
        while (result is INestedHttpResult nested)
        {
            result = nested.Result;
        }

        var status = (result as IStatusCodeHttpResult)?.StatusCode ?? StatusCodes.Status200OK;
        var value = (result as IValueHttpResult)?.Value;
        if (value is ProblemDetails problem)
        {
            problem.Status ??= status;
        }

        var options = context.RequestServices.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;
        return (status, value is null ? "{}" : JsonSerializer.Serialize(value, value.GetType(), options));
    }

    private static string? SelfOf(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty("self", out var self) ? self.GetString() : null;
    }

    private static string HashOf(PathString path, byte[] body)
    {
        // The path is part of the hash: one key sent to two different endpoints is two different requests.
        var bytes = Encoding.UTF8.GetBytes(path.Value ?? "").Concat((byte[])[0]).Concat(body).ToArray();
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }
}
