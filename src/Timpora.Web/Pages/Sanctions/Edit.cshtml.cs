using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Permits;
using Timpora.Core.Reference;
using Timpora.Core.Sanctions;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Sanctions;

/// <summary>Records a TAK decision. The subject is looked up in the register by passport number; a charge is
/// computed from the register's permit expiry (or the days entered) at the overstay rates in force.</summary>
public sealed class EditModel(AppDbContext db, TimeProvider clock, OfficeClock officeClock, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public SanctionForm Input { get; set; } = new();

    public IReadOnlyList<(int Id, string Name)> Kanims { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        return Kanims.Count == 0 ? Forbid() : Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        await LoadAsync(cancellationToken);
        var today = DateOnly.FromDateTime(officeClock.ToLocal(clock.GetUtcNow().UtcDateTime));
        if (Input.KanimId is not { } kanimId || Kanims.All(k => k.Id != kanimId))
        {
            ModelState.AddModelError("Input.KanimId", t["Teams.KanimUnknown"]);
        }

        if (Input.DecisionDate is { } decided && decided > today)
        {
            ModelState.AddModelError("Input.DecisionDate", t["Sanctions.DateInFuture"]);
        }

        var passport = Input.PassportNumber?.Trim().ToUpperInvariant();
        var document = string.IsNullOrEmpty(passport) ? null
            : await db.TravelDocuments.Where(d => d.Number == passport).Join(db.Foreigners, d => d.ForeignerId, f => f.Id, (d, f) => f).FirstOrDefaultAsync(cancellationToken);
        if (document is null)
        {
            if (string.IsNullOrWhiteSpace(Input.SubjectName))
            {
                ModelState.AddModelError("Input.SubjectName", t["Sanctions.SubjectRequired"]);
            }

            if (!Nationalities.IsKnown(Input.Nationality?.Trim().ToUpperInvariant()))
            {
                ModelState.AddModelError("Input.Nationality", t["Sanctions.NationalityUnknown"]);
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var kanim = Input.KanimId!.Value;
        var area = document?.AreaCode ?? await db.KanimWorkingAreas.Where(w => w.KanimId == kanim).OrderBy(w => w.RegencyCode).Select(w => w.RegencyCode).FirstAsync(cancellationToken);
        var sanction = new Sanction
        {
            KanimId = kanim,
            AreaCode = area,
            Kind = Input.Kind!.Value,
            DecisionNumber = Input.DecisionNumber.Trim(),
            DecisionDate = Input.DecisionDate!.Value,
            ForeignerId = document?.Id,
            SubjectName = document?.FullName ?? Input.SubjectName!.Trim(),
            Nationality = document?.Nationality ?? Input.Nationality!.Trim().ToUpperInvariant(),
            PassportNumber = passport,
            Grounds = Input.Grounds.Trim(),
            DeportationDate = Input.DeportationDate,
            DeportationPort = Blank(Input.DeportationPort),
            Carrier = Blank(Input.Carrier),
            Rudenim = Blank(Input.Rudenim),
            BanYears = Input.BanYears,
            BanRenewal = Input.BanRenewal,
            Detail = Blank(Input.Detail),
        };
        foreach (var (field, key) in SanctionRules.Check(sanction))
        {
            ModelState.AddModelError("Input." + field, t[key, t["Sanctions.Kind." + sanction.Kind]]);
        }

        if (sanction.Kind == SanctionKind.Charge)
        {
            var expiry = document is null ? null : await db.StayPermits.Where(p => p.ForeignerId == document.Id).OrderByDescending(p => p.ExpiresOn).Select(p => (DateOnly?)p.ExpiresOn).FirstOrDefaultAsync(cancellationToken);
            expiry ??= Input.ChargeDays is { } days ? sanction.DecisionDate.AddDays(-days) : null;
            var overstay = expiry is { } expiresOn ? Overstay.On(expiresOn, sanction.DecisionDate, await db.OverstayRates.ToListAsync(cancellationToken)) : null;
            if (overstay is null)
            {
                ModelState.AddModelError("Input.ChargeDays", t["Sanctions.ChargeNeedsDays"]);
            }
            else
            {
                sanction.ChargeDays = overstay.Days;
                sanction.ChargeRupiah = overstay.Charge;
            }
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        db.Sanctions.Add(sanction);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"/Sanctions/{sanction.Id}");
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        var scope = db.Caller.Scope;
        var kanims = scope.KanimIds;
        Kanims = (await db.Kanims.AsNoTracking().Where(k => scope.All || kanims.Contains(k.Id)).OrderBy(k => k.Name)
            .Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken)).Select(k => (k.Id, k.Name)).ToList();
    }

    public sealed class SanctionForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.Kanim")]
        public int? KanimId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Sanctions.Kind")]
        public SanctionKind? Kind { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, MinimumLength = 3, ErrorMessage = "Validation.Length")]
        [Display(Name = "Sanctions.DecisionNumber")]
        public string DecisionNumber { get; set; } = "";

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Sanctions.DecisionDate")]
        public DateOnly? DecisionDate { get; set; }

        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.PassportNumber")]
        public string? PassportNumber { get; set; }

        [StringLength(260, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Subject")]
        public string? SubjectName { get; set; }

        [StringLength(3, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Nationality")]
        public string? Nationality { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(2000, MinimumLength = 5, ErrorMessage = "Validation.Length")]
        [Display(Name = "Sanctions.Grounds")]
        public string Grounds { get; set; } = "";

        [Display(Name = "Sanctions.DeportationDate")]
        public DateOnly? DeportationDate { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.DeportationPort")]
        public string? DeportationPort { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Carrier")]
        public string? Carrier { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Rudenim")]
        public string? Rudenim { get; set; }

        [Display(Name = "Sanctions.BanYears")]
        public int? BanYears { get; set; }

        public bool BanRenewal { get; set; }

        [StringLength(1000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Sanctions.Detail")]
        public string? Detail { get; set; }

        [Range(1, 3650, ErrorMessage = "Sanctions.ChargeNeedsDays")]
        [Display(Name = "Sanctions.ChargeDays")]
        public int? ChargeDays { get; set; }
    }
}
