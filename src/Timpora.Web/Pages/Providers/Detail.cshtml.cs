using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Providers;

namespace Timpora.Web.Pages.Providers;

/// <summary>One provider: its registration, its operators, and the Kanim's decision (approve, reject, suspend),
/// each confirmed, with the reason kept on the provider and in the audit log.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public AccommodationProvider Provider { get; private set; } = null!;

    public string? AreaDisplay { get; private set; }

    public string KanimName { get; private set; } = "";

    public IReadOnlyList<string> Operators { get; private set; } = [];

    /// <summary>The decision being confirmed, when the officer has chosen one.</summary>
    public ProviderStatus? Confirming { get; private set; }

    [BindProperty]
    public DecisionForm Input { get; set; } = new();

    public bool CanDecide => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor) || User.IsInRole(Roles.KanimOfficer);

    public IEnumerable<ProviderStatus> Decisions => Provider.Status switch
    {
        ProviderStatus.Pending => [ProviderStatus.Approved, ProviderStatus.Rejected],
        ProviderStatus.Approved => [ProviderStatus.Suspended],
        _ => [ProviderStatus.Approved],
    };

    public async Task<IActionResult> OnGetAsync(Guid id, ProviderStatus? decide, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } provider)
        {
            return NotFound();
        }

        Provider = provider;
        if (decide is { } decision && CanDecide && Decisions.Contains(decision))
        {
            Confirming = decision;
            Input = new DecisionForm { Decision = decision, Version = provider.Version };
        }

        db.RecordAccess(AuditAction.Viewed, nameof(AccommodationProvider), provider.Id.ToString(), provider.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await FindAsync(id, cancellationToken) is not { } provider)
        {
            return NotFound();
        }

        if (!CanDecide)
        {
            return Forbid();
        }

        Provider = provider;
        var reason = Input.Reason?.Trim();
        if (!Decisions.Contains(Input.Decision))
        {
            ModelState.AddModelError(string.Empty, t["Providers.DecisionNotAllowed"]);
        }
        else if (Input.Decision != ProviderStatus.Approved && (reason is null || reason.Length < 5))
        {
            ModelState.AddModelError("Input.Reason", t["Providers.ReasonRequired"]);
        }

        if (!ModelState.IsValid)
        {
            Confirming = Input.Decision;
            await LoadAsync(cancellationToken);
            return Page();
        }

        db.Entry(provider).Property(p => p.Version).OriginalValue = Input.Version;
        provider.Status = Input.Decision;
        provider.DecisionNote = string.IsNullOrEmpty(reason) ? null : reason;
        provider.DecidedBy = User.Identity!.Name;
        provider.DecidedUtc = clock.GetUtcNow().UtcDateTime;
        db.ChangeReason = reason ?? Input.Decision.ToString();
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            TempData["Message"] = t["Common.ChangedMeanwhile"].Value;
            return Redirect($"/Providers/Detail/{id}");
        }

        TempData["Message"] = t["Providers.Decided", ProviderTexts.Status(t, provider.Status)].Value;
        return Redirect($"/Providers/Detail/{id}");
    }

    private Task<AccommodationProvider?> FindAsync(Guid id, CancellationToken cancellationToken) =>
        db.Providers.FirstOrDefaultAsync(p => p.Id == id, cancellationToken);

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        AreaDisplay = (await AreaDirectory.PathAsync(db, Provider.AreaCode, cancellationToken))?.Display;
        KanimName = await db.Kanims.Where(k => k.Id == Provider.KanimId).Select(k => k.Name).FirstAsync(cancellationToken);
        Operators = await db.Users.Where(u => u.ProviderId == Provider.Id).OrderBy(u => u.UserName).Select(u => u.UserName!).ToListAsync(cancellationToken);
    }

    public sealed class DecisionForm
    {
        public ProviderStatus Decision { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Providers.Reason")]
        public string? Reason { get; set; }

        public Guid Version { get; set; }
    }
}
