using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Consultations;

/// <summary>A consultation, its referrals and its follow-up: open until the resident is safe and every referral
/// is closed. Opening it is audited: it holds a resident's identity.</summary>
public sealed class DetailModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    public Consultation Consultation { get; private set; } = null!;

    public string VillageName { get; private set; } = "";

    public List<Referral> Referrals { get; private set; } = [];

    [BindProperty]
    public ReferralForm Referral { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(Consultation), id.ToString(), Consultation.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostReferralAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(clock.Now);
        if (!Referral.Apply(ModelState, t, Referrals, () => db.Referrals.Add(new Referral
        {
            ConsultationId = id,
            KanimId = Consultation.KanimId,
            AreaCode = Consultation.AreaCode,
        }).Entity, today))
        {
            return Page();
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Consultations/{id}");
    }

    public async Task<IActionResult> OnPostFollowUpAsync(Guid id, FollowUp to, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        if (to == FollowUp.Closed && Referrals.Any(r => r.Status != ReferralStatus.Closed))
        {
            ModelState.AddModelError("FollowUp", t["Village.FollowUp.OpenReferrals"]);
            return Page();
        }

        Consultation.FollowUp = to;
        Consultation.ClosedOn = to == FollowUp.Closed ? DateOnly.FromDateTime(clock.Now) : null;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Consultations/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Consultations.FirstOrDefaultAsync(c => c.Id == id, cancellationToken) is not { } consultation)
        {
            return false;
        }

        Consultation = consultation;
        VillageName = await db.ProgrammeVillages.Where(v => v.Id == consultation.VillageId).Select(v => v.Name).FirstOrDefaultAsync(cancellationToken) ?? "";
        Referrals = await db.Referrals.Where(r => r.ConsultationId == id).OrderBy(r => r.SentOn).ToListAsync(cancellationToken);
        return true;
    }
}
