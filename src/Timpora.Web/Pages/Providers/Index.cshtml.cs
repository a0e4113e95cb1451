using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;
using Timpora.Core.Providers;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Providers;

/// <summary>The accommodation providers in the user's scope, pending registrations first; the scope filter applies by itself.</summary>
public sealed class IndexModel(AppDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Q { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProviderStatus? Status { get; set; }

    [BindProperty(SupportsGet = true)]
    public ProviderKind? Kind { get; set; }

    [BindProperty(SupportsGet = true)]
    public string Sort { get; set; } = "status";

    [BindProperty(SupportsGet = true, Name = "page")]
    public int PageNumber { get; set; } = 1;

    public Paged<ProviderRow> Result { get; private set; } = null!;

    public string PageLink(int page) => "/Providers" + QueryString.Create(new Dictionary<string, string?>
    {
        ["q"] = Q,
        ["status"] = Status?.ToString(),
        ["kind"] = Kind?.ToString(),
        ["sort"] = Sort,
        ["page"] = page.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(kv => !string.IsNullOrEmpty(kv.Value)));

    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var providers = db.Providers.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(Q))
        {
            var pattern = "%" + Q.Trim().ToUpperInvariant() + "%";
            providers = providers.Where(p => EF.Functions.Like(p.Name.ToUpper(), pattern)
                || (p.BusinessNumber != null && EF.Functions.Like(p.BusinessNumber, pattern))
                || EF.Functions.Like(p.ContactName.ToUpper(), pattern)
                || EF.Functions.Like(p.Email.ToUpper(), pattern));
        }

        if (Status is { } status)
        {
            providers = providers.Where(p => p.Status == status);
        }

        if (Kind is { } kind)
        {
            providers = providers.Where(p => p.Kind == kind);
        }

        providers = Sort switch
        {
            "name" => providers.OrderBy(p => p.Name),
            "recent" => providers.OrderByDescending(p => p.CreatedUtc),
            _ => providers.OrderBy(p => p.Status).ThenBy(p => p.CreatedUtc),
        };
        Result = await providers
            .Select(p => new ProviderRow(p.Id, p.Name, p.Kind, p.Status, p.AreaCode, p.ContactName, p.CreatedUtc))
            .ToPagedAsync(PageNumber, cancellationToken: cancellationToken);
    }

    public sealed record ProviderRow(Guid Id, string Name, ProviderKind Kind, ProviderStatus Status, string AreaCode, string ContactName, DateTime CreatedUtc);
}
