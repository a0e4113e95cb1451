using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Watchlists;
using Timpora.Web.Api.V1;
using Timpora.Web.Pages.Watchlists;
using Timpora.Web.Platform;

namespace Timpora.Web.Api.Staff;

/// <summary>List management by program for signed-in staff (the Identity cookie, not the providers' API keys; see
/// ADR 0010): anyone on the staff reads, supervisors and administrators write. Writes go through WatchlistEditing,
/// like the form and the import. Writes carry the antiforgery header and JSON (CookieApi, ADR 0029).</summary>
public static class WatchlistEntriesApi
{
    public const string Prefix = "/api/staff/v1/watchlist-entries";

    public sealed record EntryBody(
        string? List, string? Reference, string? Name, string[]? Aliases, string? BirthDate, string? Nationality, Sex? Sex, string[]? Documents,
        DateOnly? ValidFrom, DateOnly? ValidUntil, string? Source, string? Reason, int? KanimId, Guid? Version);

    public sealed record EntryView(
        Guid Id, string List, string? Reference, string Name, IReadOnlyList<string> Aliases, string? BirthDate, string? Nationality, Sex Sex,
        IReadOnlyList<string> Documents, DateOnly? ValidFrom, DateOnly? ValidUntil, string? Source, string? Reason, int KanimId, DateTime UpdatedUtc, Guid Version);

    public sealed record ExpireBody(string? Reason, Guid? Version);

    public static void MapWatchlistEntriesApi(this WebApplication app)
    {
        // Not part of the providers' OpenAPI contract. The framework's own antiforgery check covers form binding only;
        // RequireCookieApiRules checks the token of every write, whatever its body.
        var api = app.MapGroup(Prefix).RequireAuthorization(Policies.WatchlistReaders).DisableAntiforgery().ExcludeFromDescription().RequireCookieApiRules();
        api.MapGet("/", ListAsync);
        api.MapGet("/{id:guid}", GetAsync);
        api.MapPost("/", CreateAsync).RequireAuthorization(Policies.Supervisor);
        api.MapPut("/{id:guid}", UpdateAsync).RequireAuthorization(Policies.Supervisor);
        api.MapPost("/{id:guid}/expire", ExpireAsync).RequireAuthorization(Policies.Supervisor);
    }

    private static async Task<Ok<Paged<EntryView>>> ListAsync(
        AppDbContext db, TimeProvider clock, string? list, string? status, string? q, int? page, CancellationToken cancellationToken)
    {
        var query = new WatchlistQuery(list, status, q, "name").Apply(db, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
            .Include(e => e.Aliases).Include(e => e.Documents).AsSplitQuery();
        var entries = await query.ToPagedAsync(page ?? 1, 100, cancellationToken);
        return TypedResults.Ok(new Paged<EntryView>([.. entries.Items.Select(View)], entries.Page, entries.PageSize, entries.Total));
    }

    private static async Task<Results<Ok<EntryView>, ProblemHttpResult>> GetAsync(AppDbContext db, Guid id, CancellationToken cancellationToken) =>
        await WatchlistEditing.FindAsync(db, id, cancellationToken) is { } entry ? TypedResults.Ok(View(entry)) : NotFound();

    private static async Task<Results<Created<EntryView>, ProblemHttpResult>> CreateAsync(
        HttpContext context, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, CancellationToken cancellationToken)
    {
        var (body, problem) = await ApiRequests.ReadJsonAsync<EntryBody>(context);
        if (problem is not null)
        {
            return problem;
        }

        var draft = Draft(body!);
        if (await CheckAsync(db, draft, null, t, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        var entry = WatchlistEditing.Create(db, draft, clock.GetUtcNow().UtcDateTime);
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"{Prefix}/{entry.Id}", View(entry));
    }

    private static async Task<Results<Ok<EntryView>, ProblemHttpResult>> UpdateAsync(
        HttpContext context, AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t, Guid id, CancellationToken cancellationToken)
    {
        if (await WatchlistEditing.FindAsync(db, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var (body, problem) = await ApiRequests.ReadJsonAsync<EntryBody>(context);
        if (problem is not null)
        {
            return problem;
        }

        var draft = Draft(body!);
        if (await CheckAsync(db, draft, id, t, cancellationToken) is { } invalid)
        {
            return invalid;
        }

        db.Entry(entry).Property(e => e.Version).OriginalValue = body!.Version ?? entry.Version;
        WatchlistEditing.Update(db, entry, draft, clock.GetUtcNow().UtcDateTime);
        return await SaveAsync(db, entry, cancellationToken);
    }

    private static async Task<Results<Ok<EntryView>, ProblemHttpResult>> ExpireAsync(
        HttpContext context, AppDbContext db, TimeProvider clock, Guid id, CancellationToken cancellationToken)
    {
        if (await WatchlistEditing.FindAsync(db, id, cancellationToken) is not { } entry)
        {
            return NotFound();
        }

        var (body, problem) = await ApiRequests.ReadJsonAsync<ExpireBody>(context);
        if (problem is not null)
        {
            return problem;
        }

        if (body!.Reason?.Trim() is not { Length: >= HitReview.MinReasonLength and <= 500 } reason)
        {
            return ApiRequests.BadRequest("reason", "Give a reason of 5 to 500 characters.");
        }

        db.Entry(entry).Property(e => e.Version).OriginalValue = body.Version ?? entry.Version;
        db.ChangeReason = reason;
        var now = clock.GetUtcNow().UtcDateTime;
        WatchlistEditing.Expire(db, entry, DateOnly.FromDateTime(now), now);
        return await SaveAsync(db, entry, cancellationToken);
    }

    private static async Task<Results<Ok<EntryView>, ProblemHttpResult>> SaveAsync(AppDbContext db, WatchlistEntry entry, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return TypedResults.Ok(View(entry));
        }
        catch (DbUpdateConcurrencyException)
        {
            return TypedResults.Problem("The entry was changed meanwhile; read it again and resend with its version.", statusCode: StatusCodes.Status409Conflict);
        }
    }

    private static async Task<ProblemHttpResult?> CheckAsync(AppDbContext db, EntryDraft draft, Guid? id, IStringLocalizer t, CancellationToken cancellationToken)
    {
        var problems = EntryRules.Check(draft);
        if (!await db.Watchlists.AnyAsync(w => w.Code == draft.WatchlistCode, cancellationToken))
        {
            problems.Add(new EntryProblem("List", "UnknownList"));
        }

        if (!await new ScopedIds(db).OfficeAsync(draft.KanimId, cancellationToken))
        {
            problems.Add(new EntryProblem("KanimId", "UnknownOffice"));
        }

        if (draft.Reference is { Length: > 0 } reference
            && await db.WatchlistEntries.AnyAsync(e => e.WatchlistCode == draft.WatchlistCode && e.Reference == reference && e.Id != id, cancellationToken))
        {
            problems.Add(new EntryProblem(nameof(EntryDraft.Reference), "DuplicateReference"));
        }

        return problems.Count == 0 ? null : ApiRequests.Problem(
            StatusCodes.Status422UnprocessableEntity, "The entry is not valid.", problems.Select(p => new ReportProblem(p.Field, p.Code, WatchlistTexts.Problem(t, p))));
    }

    private static EntryDraft Draft(EntryBody b) => new(
        b.List ?? "", b.Reference, b.Name ?? "", [.. (b.Aliases ?? []).Where(a => !string.IsNullOrWhiteSpace(a)).Select(a => a.Trim())], b.BirthDate, b.Nationality,
        b.Sex ?? Sex.Unknown, [.. (b.Documents ?? []).Where(d => !string.IsNullOrWhiteSpace(d)).Select(d => d.Trim())], b.ValidFrom, b.ValidUntil, b.Source, b.Reason,
        b.KanimId ?? 0);

    private static ProblemHttpResult NotFound() => TypedResults.Problem("No such entry.", statusCode: StatusCodes.Status404NotFound);

    private static EntryView View(WatchlistEntry e) => new(
        e.Id, e.WatchlistCode, e.Reference, e.Name, [.. e.Aliases.Select(a => a.Name)], e.BirthDate, e.Nationality, e.Sex,
        [.. e.Documents.Select(d => d.Number)], e.ValidFrom, e.ValidUntil, e.Source, e.Reason, e.KanimId, e.UpdatedUtc, e.Version);
}
