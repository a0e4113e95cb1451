using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Mrz;
using Timpora.Core.Operations;

namespace Timpora.Web.Pages.Operations;

/// <summary>An operation's plan and its results in the field: one form per person checked, usable on a phone;
/// the passport's MRZ may be pasted, and a known passport links the finding to the register.</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public JointOperation Operation { get; private set; } = null!;

    public IReadOnlyList<OperationFinding> Findings { get; private set; } = [];

    /// <summary>The tips escalated to this operation that the caller may see.</summary>
    public IReadOnlyList<LinkedTip> Tips { get; private set; } = [];

    [BindProperty]
    public FindingForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(JointOperation), id.ToString(), Operation.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        var name = Input.PersonName?.Trim();
        var passport = Input.PassportNumber?.Trim().ToUpperInvariant();
        var nationality = Input.Nationality?.Trim().ToUpperInvariant();
        var now = clock.GetUtcNow().UtcDateTime;
        if (!string.IsNullOrWhiteSpace(Input.Mrz))
        {
            var mrz = MrzParser.Parse(Input.Mrz, DateOnly.FromDateTime(now));
            if (!mrz.IsValid)
            {
                ModelState.AddModelError("Input.Mrz", t["Operations.MrzInvalid"]);
            }
            else
            {
                name = (mrz.Surname + " " + mrz.GivenNames).Trim();
                passport = mrz.DocumentNumber;
                nationality = mrz.Nationality;
            }
        }

        if (string.IsNullOrWhiteSpace(name) && string.IsNullOrWhiteSpace(passport))
        {
            ModelState.AddModelError("Input.PersonName", t["Operations.PersonRequired"]);
        }

        if (string.IsNullOrWhiteSpace(Input.Place))
        {
            ModelState.AddModelError("Input.Place", t["Operations.PlaceRequired"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var foreigner = string.IsNullOrEmpty(passport) ? null
            : await db.TravelDocuments.Where(d => d.Number == passport).Join(db.Foreigners, d => d.ForeignerId, f => f.Id, (d, f) => f).FirstOrDefaultAsync(cancellationToken);
        var finding = new OperationFinding
        {
            OperationId = id,
            KanimId = Operation.KanimId,
            AreaCode = Operation.AreaCode,
            Place = Input.Place!.Trim(),
            ForeignerId = foreigner?.Id,
            PersonName = foreigner?.FullName ?? name ?? passport!,
            PassportNumber = passport,
            Nationality = foreigner?.Nationality ?? nationality,
            Kind = Input.Kind!.Value,
            Evidence = string.IsNullOrWhiteSpace(Input.Evidence) ? null : Input.Evidence.Trim(),
            BapNumber = string.IsNullOrWhiteSpace(Input.BapNumber) ? null : Input.BapNumber.Trim(),
            RecordedBy = User.Identity!.Name!,
            RecordedUtc = now,
        };
        db.OperationFindings.Add(finding);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Operations.FindingSaved", finding.PersonName].Value;
        return Redirect($"/Operations/{id}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        if (await db.JointOperations.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, cancellationToken) is not { } operation)
        {
            return false;
        }

        Operation = operation;
        Findings = await db.OperationFindings.AsNoTracking().Where(f => f.OperationId == id).OrderByDescending(f => f.RecordedUtc).ToListAsync(cancellationToken);
        Tips = await db.Tips.AsNoTracking().Where(x => x.OperationId == id).OrderBy(x => x.CreatedUtc)
            .Select(x => new LinkedTip(x.Id, x.TrackingCode, x.Kind, x.State, x.CreatedUtc)).ToListAsync(cancellationToken);
        return true;
    }

    public sealed record LinkedTip(Guid Id, string TrackingCode, Core.Tips.TipKind Kind, Core.Tips.TipState State, DateTime ReceivedUtc);

    public sealed class FindingForm
    {
        [StringLength(300, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Operations.Place")]
        public string? Place { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Operations.Mrz")]
        public string? Mrz { get; set; }

        [StringLength(260, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Subject")]
        public string? PersonName { get; set; }

        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.PassportNumber")]
        public string? PassportNumber { get; set; }

        [StringLength(3, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Nationality")]
        public string? Nationality { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Operations.FindingKind")]
        public FindingKind? Kind { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Operations.Evidence")]
        public string? Evidence { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Operations.Bap")]
        public string? BapNumber { get; set; }
    }
}
