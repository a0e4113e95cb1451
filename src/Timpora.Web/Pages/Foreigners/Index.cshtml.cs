using System.Globalization;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.Permits;
using Timpora.Screening.Normalisation;
using Timpora.Web.Pages.Areas;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Foreigners;

/// <summary>Search of the register within the user's scope: by name (tolerant of spelling), passport,
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
        Result = await Filter(Today).ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
        Look = await ListLookups.LoadAsync(db, Result.Items.Select(r => r.AreaCode), Result.Items.Select(r => r.Id), cancellationToken);
    }

    public async Task<IActionResult> OnGetExportAsync(string? format, CancellationToken cancellationToken)
    {
        Today = DateOnly.FromDateTime(clock.Now);
        Area.Normalise();
        var rows = await Filter(Today).Take(RegisterExport.MaxRows).ToListAsync(cancellationToken);
        var look = await ListLookups.LoadAsync(db, rows.Select(r => r.AreaCode), rows.Select(r => r.Id), cancellationToken);
        return await RegisterExport.FileAsync(db, format, "foreigners",
            [t["Export.Surname"], t["Export.GivenNames"], t["Export.Passport"], t["Export.Sex"], t["Export.BirthDate"], t["Export.Nationality"],
                t["Export.Area"], t["Export.AreaCode"], t["Export.Street"], t["Export.PermitExpiresOn"], t["Export.LastReport"] + " (" + clock.ZoneName + ")"],
            [.. rows.Select(r => new ExportRow(r.KanimId, [r.Surname, r.GivenNames, look.Passports(r.Id), t["Foreigners.Sex" + r.Sex].Value, r.BirthDate, r.Nationality,
                look.Area(r.AreaCode), r.AreaCode, r.Street, r.PermitExpiresOn, r.LastReportUtc is { } last ? clock.ToLocal(last) : null]))],
            QueryFor(null, null), cancellationToken);
    }

    private IQueryable<ForeignerRow> Filter(DateOnly today)
    {
        var people = db.Foreigners.AsNoTracking();
        if (NameFilter(Q) is { } byName)
        {
            people = people.Where(byName);
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

    /// <summary>Every word of the query must begin a word of the name or of another known spelling, so "liam mck"
    /// finds MCKENZIE LIAM JAMES. The query is read both as the register keys names and as the screening
    /// normaliser reads them (transliteration, particles, MOHD = MUHAMMAD); either reading may match.</summary>
    public static Expression<Func<Foreigner, bool>>? NameFilter(string? query)
    {
        if (string.IsNullOrWhiteSpace(query))
        {
            return null;
        }

        var keyWords = Foreigner.KeyOf(query, "").Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(8).ToArray();
        var screeningWords = NameNormaliser.Normalise(query).Parts.Take(8).ToArray();
        var filter = AllWords(keyWords);
        if (screeningWords.Length > 0 && !screeningWords.SequenceEqual(keyWords))
        {
            var alternative = AllWords(screeningWords);
            filter = filter is null ? alternative : alternative is null ? filter : Or(filter, alternative);
        }

        return filter ?? (f => false);
    }

    private static Expression<Func<Foreigner, bool>>? AllWords(string[] words)
    {
        Expression<Func<Foreigner, bool>>? all = null;
        foreach (var word in words)
        {
            // Words hold only letters and digits (both normalisers), so they carry no LIKE wildcards.
            var start = word + "%";
            var inside = "% " + word + "%";
            Expression<Func<Foreigner, bool>> one = f => EF.Functions.Like(f.NameKey, start) || EF.Functions.Like(f.NameKey, inside)
                || f.Aliases.Any(a => EF.Functions.Like(a.Name.ToUpper(), start) || EF.Functions.Like(a.Name.ToUpper(), inside));
            all = all is null ? one : And(all, one);
        }

        return all;
    }

    private static Expression<Func<Foreigner, bool>> And(Expression<Func<Foreigner, bool>> a, Expression<Func<Foreigner, bool>> b) =>
        Expression.Lambda<Func<Foreigner, bool>>(Expression.AndAlso(a.Body, new Rebind(b.Parameters[0], a.Parameters[0]).Visit(b.Body)), a.Parameters);

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
