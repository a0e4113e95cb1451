using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Sanctions;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Sanctions;

/// <summary>The register of administrative immigration actions (TAK) of the user's offices.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public SanctionKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string? Nationality { get; set; }

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<Row> Result { get; private set; } = null!;

    public string PageLink(int page) => "/Sanctions" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["kind"] = Kind?.ToString(),
        ["nationality"] = Nationality,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sanctions = db.Sanctions.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().ToUpperInvariant() + "%";
            sanctions = sanctions.Where(s => EF.Functions.Like(s.SubjectName.ToUpper(), pattern) || EF.Functions.Like(s.DecisionNumber.ToUpper(), pattern)
                || (s.PassportNumber != null && EF.Functions.Like(s.PassportNumber.ToUpper(), pattern)));
        }

        if (Kind is { } kind)
        {
            sanctions = sanctions.Where(s => s.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(Nationality))
        {
            var nationality = Nationality.Trim().ToUpperInvariant();
            sanctions = sanctions.Where(s => s.Nationality == nationality);
        }

        Result = await sanctions.OrderByDescending(s => s.DecisionDate)
            .Select(s => new Row(s.Id, s.Kind, s.DecisionNumber, s.DecisionDate, s.SubjectName, s.Nationality, s.ObjectionFiledOn != null))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record Row(Guid Id, SanctionKind Kind, string DecisionNumber, DateOnly DecisionDate, string SubjectName, string Nationality, bool Objected);
}
