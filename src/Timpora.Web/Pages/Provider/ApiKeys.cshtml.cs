using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Providers;

namespace Timpora.Web.Pages.Provider;

/// <summary>An operator's keys for the property management system: the full key is shown once, on creation;
/// afterwards only its prefix, when it was last used, and whether it was revoked.</summary>
public sealed class ApiKeysModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public string ProviderName { get; private set; } = "";

    public ProviderStatus ProviderStatus { get; private set; }

    public IReadOnlyList<ApiKey> Keys { get; private set; } = [];

    /// <summary>The key just created, shown in this one response and never again.</summary>
    public string? NewToken { get; private set; }

    public ApiKey? Revoking { get; private set; }

    [BindProperty]
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(100, MinimumLength = 2, ErrorMessage = "Validation.Length")]
    [Display(Name = "ApiKeys.Name")]
    public string Name { get; set; } = "";

    public async Task<IActionResult> OnGetAsync(Guid? revoke, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (revoke is { } keyId)
        {
            Revoking = Keys.FirstOrDefault(k => k.Id == keyId && k.RevokedUtc is null);
            if (Revoking is null)
            {
                return NotFound();
            }
        }

        return Page();
    }

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken))
        {
            return NotFound();
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var (key, token) = await ApiKeys.CreateAsync(db, ProviderId, Name, User.Identity!.Name, clock.GetUtcNow().UtcDateTime, cancellationToken);
        db.RecordAccess(AuditAction.Created, nameof(ApiKey), key.Id.ToString(), KanimId, key.Name);
        await db.SaveChangesAsync(cancellationToken);
        NewToken = token;
        Response.Headers.CacheControl = "no-store";
        await LoadAsync(cancellationToken);
        Name = "";
        ModelState.Clear();
        return Page();
    }

    public async Task<IActionResult> OnPostRevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(cancellationToken) || !await ApiKeys.RevokeAsync(db, ProviderId, id, clock.GetUtcNow().UtcDateTime, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Changed, nameof(ApiKey), id.ToString(), KanimId, "revoked");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["ApiKeys.Revoked"].Value;
        return Redirect("/Provider/ApiKeys");
    }

    private Guid ProviderId { get; set; }

    private int KanimId { get; set; }

    /// <summary>The operator's own provider (the scope filter shows no other) and its keys; false without one.</summary>
    private async Task<bool> LoadAsync(CancellationToken cancellationToken)
    {
        var provider = await db.Providers.AsNoTracking()
            .Select(p => new { p.Id, p.Name, p.Status, p.KanimId })
            .FirstOrDefaultAsync(cancellationToken);
        if (provider is null)
        {
            return false;
        }

        (ProviderId, ProviderName, ProviderStatus, KanimId) = (provider.Id, provider.Name, provider.Status, provider.KanimId);
        Keys = await db.ApiKeys.AsNoTracking().Where(k => k.ProviderId == provider.Id)
            .OrderBy(k => k.RevokedUtc != null).ThenByDescending(k => k.CreatedUtc)
            .ToListAsync(cancellationToken);
        return true;
    }
}
