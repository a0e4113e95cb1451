using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Sanctions;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Sanctions;

/// <summary>One TAK decision and its objection: filed within 21 working days (later only with a recorded
/// reason), forwarded within 5, decided within 5; the deadlines skip weekends and public holidays.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, OfficeClock officeClock, IStringLocalizer<SharedResource> t) : PageModel
{
    public Sanction Sanction { get; private set; } = null!;

    public DateOnly FilingDeadline { get; private set; }

    public DateOnly? ForwardingDeadline { get; private set; }

    public DateOnly? DecisionDeadline { get; private set; }

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(Sanction), id.ToString(), Sanction.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostFileAsync(Guid id, DateOnly? filedOn, string? lateReason, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var today = DateOnly.FromDateTime(officeClock.ToLocal(clock.GetUtcNow().UtcDateTime));
        var problem = filedOn is null ? "Sanctions.DateRequired"
            : SanctionRules.CheckFiling(Sanction, filedOn.Value, lateReason, today, await WorkingDaysAsync(cancellationToken));
        if (problem is not null)
        {
            ModelState.AddModelError("filedOn", t[problem, FilingDeadline.ToString("d MMMM yyyy", System.Globalization.CultureInfo.CurrentCulture)]);
            return Page();
        }

        Sanction.ObjectionFiledOn = filedOn;
        Sanction.ObjectionLateReason = string.IsNullOrWhiteSpace(lateReason) ? null : lateReason.Trim()[..Math.Min(lateReason.Trim().Length, 1000)];
        db.ChangeReason = Sanction.ObjectionLateReason ?? "keberatan diajukan";
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Sanctions.ObjectionRecorded"].Value;
        return Redirect($"/Sanctions/{id}");
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, string step, DateOnly? on, string? outcome, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var earliest = step == "decide" ? Sanction.ObjectionForwardedOn : Sanction.ObjectionFiledOn;
        if (on is null || earliest is null || on < earliest)
        {
            ModelState.AddModelError("on", t["Sanctions.StepOutOfOrder"]);
            return Page();
        }

        if (step == "decide")
        {
            Sanction.ObjectionDecidedOn = on;
            Sanction.ObjectionOutcome = string.IsNullOrWhiteSpace(outcome) ? null : outcome.Trim()[..Math.Min(outcome.Trim().Length, 1000)];
        }
        else
        {
            Sanction.ObjectionForwardedOn = on;
        }

        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Sanctions.ObjectionRecorded"].Value;
        return Redirect($"/Sanctions/{id}");
    }

    private async Task<WorkingDays> WorkingDaysAsync(CancellationToken cancellationToken) =>
        new(await db.PublicHolidays.Select(h => h.Date).ToListAsync(cancellationToken));

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.Sanctions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken) is not { } sanction)
        {
            return false;
        }

        Sanction = sanction;
        var days = await WorkingDaysAsync(cancellationToken);
        FilingDeadline = SanctionRules.FilingDeadline(sanction, days);
        ForwardingDeadline = SanctionRules.ForwardingDeadline(sanction, days);
        DecisionDeadline = SanctionRules.DecisionDeadline(sanction, days);
        return true;
    }
}
