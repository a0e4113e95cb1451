using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Permits;

namespace Timpora.Web.Api.V1;

/// <summary>/api/v1/check-ins: a property management system reports a foreign guest's check-in and check-out
/// and reads its own reports back. The rules are <see cref="GuestReporting"/>'s, the same as the web form's.</summary>
public static class CheckIns
{
    public static RouteGroupBuilder MapCheckIns(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/check-ins").WithTags("Check-ins");
        group.MapPost("/", CheckInAsync)
            .WithName("CheckIn")
            .WithSummary("Report a foreign guest's check-in")
            .Accepts<CheckInRequest>("application/json")
            .AddEndpointFilter(Idempotency.FilterAsync);
        group.MapPost("/{receiptNumber}/check-out", CheckOutAsync)
            .WithName("CheckOut")
            .WithSummary("Report the guest's check-out")
            .Accepts<CheckOutRequest>("application/json")
            .AddEndpointFilter(Idempotency.FilterAsync);
        group.MapGet("/{receiptNumber}", GetAsync)
            .WithName("GetCheckIn")
            .WithSummary("Read one of this provider's reports by its receipt number");
        return group;
    }

    public static async Task<Results<Created<CheckInReceipt>, ProblemHttpResult>> CheckInAsync(
        HttpContext context, TimeProvider clock, CheckInBatcher batcher)
    {
        var (request, problem) = await ApiRequests.ReadJsonAsync<CheckInRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        // With an Idempotency-Key the report joins the transaction that also keeps the answer; without one it
        // goes through the group commit, which keeps up with many receptionists at once, and the request itself
        // never opens a database context (ADR 0016).
        var outcome = Idempotency.TransactionContextOf(context) is { } db
            ? await GuestReporting.CheckInAsync(
                db, ApiRequests.ProviderIdOf(context), request!.ToCheckIn(), ReportChannel.Api, clock.GetUtcNow().UtcDateTime, context.RequestAborted)
            : await batcher.SubmitAsync(
                ApiRequests.ProviderIdOf(context), context.RequestServices.GetRequiredService<Func<Caller>>()(), request!.ToCheckIn(), context.RequestAborted);
        if (outcome is null)
        {
            context.Response.Headers.RetryAfter = "5";
            return TypedResults.Problem(
                "The service is restarting and took nothing from this request; send it again in a few seconds.",
                statusCode: StatusCodes.Status503ServiceUnavailable, title: "Service unavailable");
        }

        if (outcome.Report is not { } report)
        {
            return Rejected(outcome.Problems);
        }

        var receipt = CheckInReceipt.Of(report);
        return TypedResults.Created(receipt.Self, receipt);
    }

    public static async Task<Results<Ok<CheckInReceipt>, ProblemHttpResult>> CheckOutAsync(
        string receiptNumber, HttpContext context, AppDbContext db, TimeProvider clock)
    {
        var (request, problem) = await ApiRequests.ReadJsonAsync<CheckOutRequest>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (request!.CheckOutUtc is not { } checkOut)
        {
            return Rejected([new ReportProblem(nameof(CheckOutRequest.CheckOutUtc), "CheckOutRequired", "The check-out time is required.")]);
        }

        var outcome = await GuestReporting.CheckOutAsync(
            db, ApiRequests.ProviderIdOf(context), receiptNumber, checkOut.UtcDateTime, clock.GetUtcNow().UtcDateTime, context.RequestAborted);
        return outcome.Report is { } report ? TypedResults.Ok(CheckInReceipt.Of(report)) : Rejected(outcome.Problems);
    }

    public static async Task<Results<Ok<CheckInReceipt>, ProblemHttpResult>> GetAsync(string receiptNumber, AppDbContext db, CancellationToken cancellationToken)
    {
        // The scope filter shows the caller's own provider's reports only: another's receipt is simply not found.
        var number = receiptNumber.Trim().ToUpperInvariant();
        var report = await db.GuestReports.AsNoTracking().FirstOrDefaultAsync(r => r.ReceiptNumber == number, cancellationToken);
        return report is null ? NotFound($"No check-in of this property has receipt number '{number}'.") : TypedResults.Ok(CheckInReceipt.Of(report));
    }

    private static ProblemHttpResult Rejected(IReadOnlyList<ReportProblem> problems) => problems switch
    {
        [{ Code: "ReceiptUnknown" } p] => NotFound(p.Message),
        [{ Code: "ProviderNotApproved" } p] => TypedResults.Problem(p.Message, statusCode: StatusCodes.Status403Forbidden, title: "Forbidden"),
        _ => ApiRequests.Problem(StatusCodes.Status422UnprocessableEntity, "The report was not accepted.", problems),
    };

    private static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");
}

/// <summary>A check-in as the API takes it: the fields of <see cref="CheckIn"/>; times in ISO 8601 with Z or an offset.</summary>
public sealed record CheckInRequest
{
    public string? Surname { get; init; }
    public string? GivenNames { get; init; }
    public Sex? Sex { get; init; }

    /// <summary>YYYY-MM-DD, or YYYY-MM or YYYY when the day or month is unknown.</summary>
    public string? BirthDate { get; init; }

    /// <summary>ICAO 3-letter code (AUS, D, XXA, ...).</summary>
    public string? Nationality { get; init; }
    public string? PassportNumber { get; init; }
    public string? PassportIssuingState { get; init; }
    public DateOnly? PassportExpiresOn { get; init; }
    public PermitKind? PermitKind { get; init; }
    public string? VisaIndexCode { get; init; }
    public string? PermitNumber { get; init; }
    public DateOnly? PermitExpiresOn { get; init; }
    public DateTimeOffset? CheckInUtc { get; init; }
    public DateTimeOffset? PlannedDepartureUtc { get; init; }
    public string? Room { get; init; }
    public string? Purpose { get; init; }

    public CheckIn ToCheckIn() => new()
    {
        Surname = Surname ?? "",
        GivenNames = GivenNames ?? "",
        Sex = Sex ?? Core.Foreigners.Sex.Unknown,
        BirthDate = BirthDate,
        Nationality = Nationality ?? "",
        PassportNumber = PassportNumber ?? "",
        PassportIssuingState = PassportIssuingState ?? "",
        PassportExpiresOn = PassportExpiresOn,
        PermitKind = PermitKind ?? Core.Permits.PermitKind.VisaFree,
        VisaIndexCode = VisaIndexCode,
        PermitNumber = PermitNumber,
        PermitExpiresOn = PermitExpiresOn,
        CheckInUtc = CheckInUtc?.UtcDateTime ?? default,
        PlannedDepartureUtc = PlannedDepartureUtc?.UtcDateTime,
        Room = Room,
        Purpose = Purpose,
    };
}

public sealed record CheckOutRequest
{
    public DateTimeOffset? CheckOutUtc { get; init; }
}

/// <summary>The receipt of an accepted report; <see cref="Self"/> is where to read it back.</summary>
public sealed record CheckInReceipt(
    string ReceiptNumber,
    string Self,
    PersonMatch PersonMatch,
    bool IsLate,
    string Surname,
    string GivenNames,
    string Nationality,
    string PassportNumber,
    string? Room,
    DateTimeOffset CheckInUtc,
    DateTimeOffset? CheckOutUtc,
    DateTimeOffset ReportedUtc)
{
    public static CheckInReceipt Of(GuestReport r) => new(
        r.ReceiptNumber,
        "/api/v1/check-ins/" + r.ReceiptNumber,
        r.Match,
        r.IsLate,
        r.Surname,
        r.GivenNames,
        r.Nationality,
        r.PassportNumber,
        r.Room,
        Utc(r.CheckInUtc),
        r.CheckOutUtc is { } o ? Utc(o) : null,
        Utc(r.ReportedUtc));

    private static DateTimeOffset Utc(DateTime value) => new(DateTime.SpecifyKind(value, DateTimeKind.Utc));
}
