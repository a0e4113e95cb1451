using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Permits;
using Timpora.Screening.Matching;
using Timpora.Screening.Normalisation;
using Timpora.Web.Pages.Areas;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>Search of the register within the user's scope: by name (as screening compares names, ranked by likeness), passport,
/// nationality, area and permit status; exported as the list shows it.</summary>
public sealed class IndexModel(AppDbContext db, OfficeClock clock, Microsoft.Extensions.Localization.IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Passport { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Nationality { get; set; }

    /// <summary>An area code typed directly (e.g. "53.18"), as an alternative to the picker.</summary>
    [BindProperty(SupportsGet = true)]
    public string? AreaCode { get; set; }

    [BindProperty(SupportsGet = true)]
    public AreaPickerInput Area { get; set; } = new();

    [BindProperty(SupportsGet = true)]
    public string? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "name";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ForeignerRow> Result { get; private set; } = null!;

    public AreaPickerView Picker { get; private set; } = null!;

    public DateOnly Today { get; private set; }

    public bool Searched => !string.IsNullOrWhiteSpace(Q) || !string.IsNullOrWhiteSpace(Passport);

    public string ExportLink(string format) => "/Foreigners" + QueryFor(null, format);

    public string PageLink(int page) => "/Foreigners" + QueryFor(page, null);

    /// <summary>Area names and passport numbers of the rows shown.</summary>
    public ListLookups Look { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now);
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
        if (await RankedByNameAsync(cancellationToken) is not { } ranked)
        {
            Result = await Filter(Today, null).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        }
        else
        {
            var rows = InRankOrder(await Filter(Today, ranked).ToListAsync(cancellationToken), ranked);
            var size = Paging.DefaultPageSize;
            var page = Math.Clamp(PageNumber, 1, Math.Max(1, (rows.Count + size - 1) / size));
            Result = new Paged<ForeignerRow>([.. rows.Skip((page - 1) * size).Take(size)], page, size, rows.Count);
        }

        Look = await ListLookups.LoadAsync(db, Result.Items.Select(r => r.AreaCode), Result.Items.Select(r => r.Id), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now);
        Area.Normalise();
        var ranked = await RankedByNameAsync(cancellationToken);
        var rows = InRankOrder(await Filter(Today, ranked).Take(RegisterExport.MaxRows).ToListAsync(cancellationToken), ranked);
        var look = await ListLookups.LoadAsync(db, rows.Select(r => r.AreaCode), rows.Select(r => r.Id), cancellationToken);
        return await RegisterExport.FileAsync(db, format, "foreigners",
            [t["Export.Surname"], t["Export.GivenNames"], t["Export.Passport"], t["Export.Sex"], t["Export.BirthDate"], t["Export.Nationality"],
                t["Export.Area"], t["Export.AreaCode"], t["Export.Street"], t["Export.PermitExpiresOn"], t["Export.LastReport"] + " (" + clock.ZoneName + ")"],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.Surname, r.GivenNames, look.Passports(r.Id), t["Foreigners.Sex" + r.Sex].Value, r.BirthDate, r.Nationality,
                look.Area(r.AreaCode), r.AreaCode, r.Street, r.PermitExpiresOn, r.LastReportUtc is { } last ? clock.ToLocal(last) : null]))],
            QueryFor(null, null), cancellationToken);
    }

    /// <summary>How many people of the caller's scope a name search compares in memory, and how many it keeps.</summary>
    public const int MaxNameCandidates = 20_000;

    public const int MaxNameMatches = 1_000;

    /// <summary>The people whose name (or an alias) is like the query, the likest first; null without a name query.
    /// The database narrows the scope's register to the names with a part that begins with the first letter of a
    /// word of the query; the screening matcher's per-part similarity (<see cref="NameSearch"/>) then ranks them, so
    /// MUHAMMAD finds MOHAMED and ABDUL RAHMAN finds ABDULRAHMAN, in any order.</summary>
    private async Task<List<Guid>?> RankedByNameAsync(CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(Q))
        {
            return null;
        }

        var query = NameSearch.Prepare(Q);
        var letters = NameNormaliser.Normalise(Q).Parts.Select(p => p[0]).Where(char.IsAsciiLetterOrDigit).Distinct().ToList();
        if (query.IsEmpty || letters.Count == 0)
        {
            return [];
        }

        Expression<Func<Foreigner, bool>>? any = null;
        foreach (var letter in letters)
        {
            // Letters and digits only: no LIKE wildcards. The scope filter still applies to every row.
            var start = letter + "%";
            var inside = "% " + letter + "%";
            Expression<Func<Foreigner, bool>> one = f => EF.Functions.Like(f.NameKey, start) || EF.Functions.Like(f.NameKey, inside)
                || f.Aliases.Any(a => EF.Functions.Like(a.Name.ToUpper(), start) || EF.Functions.Like(a.Name.ToUpper(), inside));
            any = any is null ? one : Or(any, one);
        }

        var candidates = await db.Foreigners.AsNoTracking().Where(any!).OrderBy(f => f.NameKey).Take(MaxNameCandidates)
            .Select(f => new { f.Id, f.Surname, f.GivenNames }).ToListAsync(cancellationToken);
        var ids = candidates.Select(c => c.Id).ToList();
        var aliases = (await db.ForeignerAliases.AsNoTracking().Where(a => ids.Contains(a.ForeignerId)).Select(a => new { a.ForeignerId, a.Name })
            .ToListAsync(cancellationToken)).ToLookup(a => a.ForeignerId, a => a.Name);
        return [.. candidates
            .Select(c => (c.Id, Likeness: aliases[c.Id].Append(c.Surname + " " + c.GivenNames)
                .Max(name => NameSearch.Likeness(query, NameSearch.Prepare(name)))))
            .Where(c => c.Likeness > 0)
            .OrderByDescending(c => c.Likeness)
            .Take(MaxNameMatches)
            .Select(c => c.Id)];
    }

    /// <summary>A name search shows the likest first unless another order was asked for.</summary>
    private List<ForeignerRow> InRankOrder(List<ForeignerRow> rows, List<Guid>? ranked)
    {
        if (ranked is null || Sort is "nationality" or "report")
        {
            return rows;
        }

        var rank = ranked.Select((id, i) => (id, i)).ToDictionary(x => x.id, x => x.i);
        return [.. rows.OrderBy(r => rank[r.Id])];
    }

    private IQueryable<ForeignerRow> Filter(DateOnly today, List<Guid>? byName)
    {
        var people = db.Foreigners.AsNoTracking();
        if (byName is not null)
        {
            people = people.Where(f => byName.Contains(f.Id));
        }

        var passport = Passport?.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant();
        if (!string.IsNullOrEmpty(passport))
        {
            people = people.Where(f => f.Documents.Any(d => d.Number == passport));
        }

        if (!string.IsNullOrWhiteSpace(Nationality))
        {
            var code = Nationality.Trim().ToUpperInvariant();
            people = people.Where(f => f.Nationality == code);
        }

        var area = Area.SelectedCode ?? (string.IsNullOrWhiteSpace(AreaCode) ? null : AreaCode.Trim());
        if (area is not null)
        {
            var below = area + ".";
            people = people.Where(f => f.AreaCode == area || f.AreaCode.StartsWith(below));
        }

        // Filters and order on an anonymous shape first: EF cannot translate members of a positional record.
        var rows = people.Select(f => new
        {
            Person = f,
            PermitExpiresOn = db.StayPermits.Where(p => p.ForeignerId == f.Id && p.Status == PermitStatus.Active).Max(p => (DateOnly?)p.ExpiresOn),
            LastReportUtc = db.GuestReports.Where(r => r.ForeignerId == f.Id).Max(r => (DateTime?)r.CheckInUtc),
        });

        var soon = today.AddDays(RegisterQueries.ExpiringWithinDays);
        rows = Status switch
        {
            "active" => rows.Where(r => r.PermitExpiresOn >= today),
            "expiring" => rows.Where(r => r.PermitExpiresOn >= today && r.PermitExpiresOn <= soon),
            "overstay" => rows.Where(r => r.PermitExpiresOn < today),
            _ => rows,
        };

        rows = Sort switch
        {
            "nationality" => rows.OrderBy(r => r.Person.Nationality).ThenBy(r => r.Person.NameKey).ThenBy(r => r.Person.Id),
            "report" => rows.OrderByDescending(r => r.LastReportUtc).ThenBy(r => r.Person.NameKey).ThenBy(r => r.Person.Id),
            _ => rows.OrderBy(r => r.Person.NameKey).ThenBy(r => r.Person.Id),
        };

        return rows.Select(r => new ForeignerRow(
            r.Person.Id, r.Person.Surname, r.Person.GivenNames, r.Person.NameKey, r.Person.Sex, r.Person.BirthDate, r.Person.Nationality,
            r.Person.KanimId, r.Person.AreaCode, r.Person.Street, r.PermitExpiresOn, r.LastReportUtc));
    }

    private static Expression<Func<Foreigner, bool>> Or(Expression<Func<Foreigner, bool>> a, Expression<Func<Foreigner, bool>> b) =>
        Expression.Lambda<Func<Foreigner, bool>>(Expression.OrElse(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

    private string QueryFor(int? page, string? format) => QueryString.Create(new Dictionary<string, string?>
    {
        ["handler"] = format is null ? null : "Export",
        ["format"] = format,
        ["q"] = Q,
        ["passport"] = Passport,
        ["nationality"] = Nationality,
        ["areaCode"] = AreaCode,
        ["Area.Province"] = Area.Province,
        ["Area.Regency"] = Area.Regency,
        ["Area.District"] = Area.District,
        ["Area.Village"] = Area.Village,
        ["status"] = Status,
        ["sort"] = Sort,
        ["page"] = page?.ToString(CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value))).ToString();

    private sealed class Rebind(ParameterExpression from, ParameterExpression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    public sealed record ForeignerRow(
        Guid Id, string Surname, string GivenNames, string NameKey, Sex Sex, string? BirthDate, string Nationality, int KanimId,
        string AreaCode, string? Street, DateOnly? PermitExpiresOn, DateTime? LastReportUtc);
}
