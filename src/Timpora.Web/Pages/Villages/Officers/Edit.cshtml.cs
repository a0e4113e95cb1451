using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages.Officers;

/// <summary>A PIMPASA officer's decree and inauguration, and the programme villages they are assigned to. A new
/// assignment reaches the officer's sign-in cookie at the next claims refresh (at most five minutes).</summary>
public sealed class EditModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    public AppUser Officer { get; private set; } = null!;

    public string KanimName { get; private set; } = "";

    public IReadOnlyList<(string Code, string Name)> Assigned { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Code, string Name)> Candidates { get; private set; } = [];

    [BindProperty]
    public AppointmentForm Input { get; set; } = new();

    [BindProperty]
    public Guid? VillageId { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var appointment = await db.PimpasaOfficers.AsNoTracking().FirstOrDefaultAsync(o => o.UserId == id, cancellationToken);
        Input = new AppointmentForm { DecreeNumber = appointment?.DecreeNumber, DecreeOn = appointment?.DecreeOn, InauguratedOn = appointment?.InauguratedOn };
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Remove(nameof(VillageId));
        var today = DateOnly.FromDateTime(clock.Now);
        if (Input.DecreeOn > today)
        {
            ModelState.AddModelError("Input.DecreeOn", t["Village.DateInFuture"]);
        }

        if (Input.InauguratedOn > today)
        {
            ModelState.AddModelError("Input.InauguratedOn", t["Village.DateInFuture"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var appointment = await db.PimpasaOfficers.FirstOrDefaultAsync(o => o.UserId == id, cancellationToken)
            ?? db.PimpasaOfficers.Add(new PimpasaOfficer { UserId = id }).Entity;
        appointment.KanimId = Officer.KanimId!.Value;
        appointment.DecreeNumber = Input.DecreeNumber?.Trim();
        appointment.DecreeOn = Input.DecreeOn;
        appointment.InauguratedOn = Input.InauguratedOn;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Officers/Edit/{id}");
    }

    public async Task<IActionResult> OnPostAssignAsync(string id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        ModelState.Clear();
        var village = VillageId is { } villageId ? await db.ProgrammeVillages.AsNoTracking().FirstOrDefaultAsync(v => v.Id == villageId, cancellationToken) : null;
        if (village is null)
        {
            ModelState.AddModelError(nameof(VillageId), t["Village.Officer.PickVillage"]);
        }
        else if (Officer.KanimId is not { } office || !await new ScopedIds(db).AreaInOfficeAsync(village.AreaCode, office, cancellationToken))
        {
            ModelState.AddModelError(nameof(VillageId), t["Village.Officer.OutsideKanim"]);
        }
        else if (Assigned.Any(a => a.Code == village.AreaCode))
        {
            ModelState.AddModelError(nameof(VillageId), t["Village.Officer.AlreadyAssigned"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.PimpasaVillages.Add(new PimpasaVillage { UserId = id, VillageCode = village!.AreaCode });
        db.RecordAccess(Timpora.Core.Audit.AuditAction.Changed, nameof(PimpasaVillage), $"{Officer.UserName}:{village.AreaCode}", village.KanimId, "assigned");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/Officers/Edit/{id}");
    }

    public async Task<IActionResult> OnPostUnassignAsync(string id, string code, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken)
            || await db.PimpasaVillages.FirstOrDefaultAsync(p => p.UserId == id && p.VillageCode == code, cancellationToken) is not { } assignment)
        {
            return NotFound();
        }

        db.PimpasaVillages.Remove(assignment);
        db.RecordAccess(Timpora.Core.Audit.AuditAction.Changed, nameof(PimpasaVillage), $"{Officer.UserName}:{code}", Officer.KanimId, "unassigned");
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Deleted"].Value;
        return Redirect($"/Villages/Officers/Edit/{id}");
    }

    private async Task<bool> LoadAsync(string id, CancellationToken cancellationToken)
    {
        if (await OfficerQueries.InScope(db).AsNoTracking().FirstOrDefaultAsync(u => u.Id == id, cancellationToken) is not { } officer)
        {
            return false;
        }

        Officer = officer;
        KanimName = await db.Kanims.Where(k => k.Id == officer.KanimId).Select(k => k.Name).FirstAsync(cancellationToken);
        Assigned = (await db.PimpasaVillages.AsNoTracking().Where(p => p.UserId == id)
                .Join(db.Areas, p => p.VillageCode, a => a.Code, (p, a) => new { a.Code, a.Name })
                .OrderBy(a => a.Name).ToListAsync(cancellationToken))
            .Select(a => (a.Code, a.Name)).ToList();
        Candidates = (await db.ProgrammeVillages.AsNoTracking().Where(v => v.Status != VillageStatus.Ended)
                .OrderBy(v => v.Name).Select(v => new { v.Id, v.AreaCode, v.Name }).ToListAsync(cancellationToken))
            .Select(v => (v.Id, v.AreaCode, v.Name)).ToList();
        return true;
    }

    public sealed class AppointmentForm
    {
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.Officer.Decree")]
        public string? DecreeNumber { get; set; }

        [Display(Name = "Village.DecreeOn")]
        public DateOnly? DecreeOn { get; set; }

        [Display(Name = "Village.Officer.InauguratedOn")]
        public DateOnly? InauguratedOn { get; set; }
    }
}
