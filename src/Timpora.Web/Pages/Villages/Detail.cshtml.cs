using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages;

/// <summary>One programme village: criteria, formalities, contacts, officers, state, and this quarter's work.</summary>
public sealed class DetailModel(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
{
    public ProgrammeVillage Village { get; private set; } = null!;

    public string AreaDisplay { get; private set; } = "";

    public string KanimName { get; private set; } = "";

    public IReadOnlyList<string> Officers { get; private set; } = [];

    public Quarter Current { get; private set; }

    public int PlannedThisQuarter { get; private set; }

    public int DoneThisQuarter { get; private set; }

    public int OpenConsultations { get; private set; }

    [BindProperty]
    public ContactForm Contact { get; set; } = new();

    [BindProperty]
    public StatusForm Move { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(ProgrammeVillage), id.ToString(), Village.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostContactAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        // The page carries two forms; only the posted one is checked.
        ModelState.Clear();
        if (!TryValidateModel(Contact, nameof(Contact)))
        {
            return Page();
        }

        db.VillageContacts.Add(new VillageContact
        {
            VillageId = Village.Id,
            KanimId = Village.KanimId,
            AreaCode = Village.AreaCode,
            Role = Contact.Role,
            FullName = Contact.FullName.Trim(),
            Phone = Contact.Phone?.Trim(),
        });
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/{id}");
    }

    public async Task<IActionResult> OnPostRemoveContactAsync(Guid id, Guid contactId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken) || Village.Contacts.FirstOrDefault(c => c.Id == contactId) is not { } contact)
        {
            return NotFound();
        }

        db.VillageContacts.Remove(contact);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Deleted"].Value;
        return Redirect($"/Villages/{id}");
    }

    public async Task<IActionResult> OnPostStatusAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!VillageAccess.IsOffice(User))
        {
            return Forbid();
        }

        ModelState.Clear();
        TryValidateModel(Move, nameof(Move));
        foreach (var problem in VillageStates.Check(Village, Move.To))
        {
            ModelState.AddModelError("Move.To", t[$"Village.StateProblem.{problem}"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        Village.Status = Move.To;
        Village.StatusNote = Move.Note?.Trim();
        db.ChangeReason = Village.StatusNote;
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Villages/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.ProgrammeVillages.Include(v => v.Contacts).FirstOrDefaultAsync(v => v.Id == id, cancellationToken) is not { } village)
        {
            return false;
        }

        Village = village;
        AreaDisplay = (await Timpora.Core.Areas.AreaDirectory.PathAsync(db, village.AreaCode, cancellationToken))?.Display ?? village.Name;
        KanimName = await db.Kanims.Where(k => k.Id == village.KanimId).Select(k => k.Name).FirstAsync(cancellationToken);
        Officers = await db.PimpasaVillages.Where(p => p.VillageCode == village.AreaCode)
            .Join(db.Users, p => p.UserId, u => u.Id, (p, u) => u.DisplayName)
            .OrderBy(n => n).ToListAsync(cancellationToken);
        Current = Quarter.Of(DateOnly.FromDateTime(clock.Now));
        var (first, last) = (Current.First, Current.Last);
        PlannedThisQuarter = await db.QuarterPlans.Where(p => p.VillageId == id && p.Year == Current.Year && p.Quarter == Current.Number)
            .Select(p => p.PlannedActivities).FirstOrDefaultAsync(cancellationToken);
        DoneThisQuarter = await db.VillageActivities.CountAsync(a => a.VillageId == id && a.Status == ActivityStatus.Done && a.Date >= first && a.Date <= last, cancellationToken);
        OpenConsultations = await db.Consultations.CountAsync(c => c.VillageId == id && c.FollowUp == FollowUp.Open, cancellationToken);
        return true;
    }

    public sealed class ContactForm
    {
        [Display(Name = "Village.ContactRole")]
        public ContactRole Role { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, MinimumLength = 2, ErrorMessage = "Validation.Length")]
        [Display(Name = "Village.ContactName")]
        public string FullName { get; set; } = "";

        [StringLength(30, ErrorMessage = "Validation.TooLong")]
        [RegularExpression(@"^[0-9+()\- ]{6,30}$", ErrorMessage = "Validation.Phone")]
        [Display(Name = "Village.ContactPhone")]
        public string? Phone { get; set; }
    }

    public sealed class StatusForm
    {
        [Display(Name = "Village.Status")]
        public VillageStatus To { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Village.StatusNote")]
        public string? Note { get; set; }
    }
}
