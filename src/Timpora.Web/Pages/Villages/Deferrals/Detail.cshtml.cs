using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Deferrals;

/// <summary>A deferral, its referrals and its outcome; the Kanim and the village's officers follow it up.</summary>
public sealed class DetailModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    public PassportDeferral Deferral { get; private set; } = null!;

    public string AreaDisplay { get; private set; } = "";

    public string KanimName { get; private set; } = "";

    public string? VillageName { get; private set; }

    public List<Referral> Referrals { get; private set; } = [];

    [BindProperty]
    public ReferralForm Referral { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(PassportDeferral), id.ToString(), Deferral.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReferralAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Referral.Apply(ModelState, t, Referrals, () => db.Referrals.Add(new Referral
        {
            DeferralId = id,
            KanimId = Deferral.KanimId,
            AreaCode = Deferral.AreaCode,
        }).Entity, DateOnly.FromDateTime(clock.Now)))
        {
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Deferrals/{id}");
    }

    public async Task<IActionResult> OnPostOutcomeAsync(Guid id, DeferralOutcome outcome, FollowUp followUp, string? note, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (followUp == FollowUp.Closed && Referrals.Any(r => r.Status != ReferralStatus.Closed))
        {
            ModelState.AddModelError("FollowUp", t["Village.FollowUp.OpenReferrals"]);
        }

        if (followUp == FollowUp.Closed && outcome == DeferralOutcome.Pending)
        {
            ModelState.AddModelError("FollowUp", t["Village.Deferral.OutcomeRequired"]);
        }

        if (note?.Length > 2000)
        {
            ModelState.AddModelError("FollowUp", string.Format(System.Globalization.CultureInfo.CurrentCulture, t["Validation.TooLong"].Value, t["Village.Referral.Note"].Value, 2000));
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Deferral.Outcome = outcome;
        Deferral.FollowUp = followUp;
        Deferral.Note = note?.Trim();
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Deferrals/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.PassportDeferrals.FirstOrDefaultAsync(d => d.Id == id, cancellationToken) is not { } deferral)
        {
            return false;
        }

        Deferral = deferral;
        AreaDisplay = (await Timpora.Core.Areas.AreaDirectory.PathAsync(db, deferral.AreaCode, cancellationToken))?.Display ?? deferral.AreaCode;
        KanimName = await db.Kanims.Where(k => k.Id == deferral.KanimId).Select(k => k.Name).FirstAsync(cancellationToken);
        VillageName = deferral.VillageId is null ? null
            : await db.ProgrammeVillages.IgnoreQueryFilters().Where(v => v.Id == deferral.VillageId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken);
        Referrals = await db.Referrals.Where(r => r.DeferralId == id).OrderBy(r => r.SentOn).ToListAsync(cancellationToken);
        return true;
    }
}
