using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Organisation;
using Timpora.Web.Pages.Areas;

namespace Timpora.Web.Pages.Admin.Offices;

/// <summary>Creates or edits a Kanim and its working area. A regency already supervised by another Kanim is refused
/// with that office named, unless the move is asked for explicitly. Regencies are added with the shared area picker
/// (each add or remove re-renders the form, so it works without JavaScript). Audited by the context (Kanim, KanimWorkingArea).</summary>
public sealed class KanimModel(AppDbContext db, IStringLocalizer<SharedResource> t) : PageModel
{
    public static readonly string[] TimeZones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura"];

    [BindProperty]
    public KanimForm Input { get; set; } = new();

    [BindProperty]
    public AreaPickerInput Area { get; set; } = new();

    public AreaPickerView Picker { get; private set; } = null!;

    public IReadOnlyList<(int Id, string Name)> Kanwils { get; private set; } = [];

    /// <summary>The working area as the form holds it now, with names.</summary>
    public IReadOnlyList<(string Code, string Name)> Regencies { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken cancellationToken)
    {
        await LoadKanwilsAsync(cancellationToken);
        if (id is null)
        {
            await LoadFormAsync(cancellationToken);
            return Page();
        }

        var kanim = await db.Kanims.Include(k => k.WorkingAreas).FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (kanim is null)
        {
            return NotFound();
        }

        Input = new KanimForm
        {
            Name = kanim.Name,
            OfficeClass = kanim.OfficeClass,
            Address = kanim.Address,
            KanwilId = kanim.KanwilId,
            TimeZoneId = kanim.TimeZoneId,
            Regencies = string.Join(", ", kanim.WorkingAreas.Select(w => w.RegencyCode).Order()),
        };
        await LoadFormAsync(cancellationToken);
        return Page();
    }

    /// <summary>The picker's own submit (a suggestion or a level chosen without JavaScript): re-renders the form.</summary>
    public async Task<IActionResult> OnPostRefreshAsync(CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadKanwilsAsync(cancellationToken);
        await LoadFormAsync(cancellationToken);
        return Page();
    }

    /// <summary>Adds the regency chosen in the picker to the working area (saved only with the form).</summary>
    public async Task<IActionResult> OnPostAddRegencyAsync(int? id, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadKanwilsAsync(cancellationToken);
        Area.Normalise();
        if (Area.Regency is { } regency && await AreaPickerView.ExistsAsync(db, regency, cancellationToken))
        {
            Input.Regencies = string.Join(", ", Input.RegencyCodes.Append(regency).Distinct().Order(StringComparer.Ordinal));
            Area = new AreaPickerInput { Province = Area.Province };
            var taken = await TakenAsync([regency], id, cancellationToken);
            if (taken.Count > 0)
            {
                ModelState.AddModelError("Input.Regencies", t["Offices.RegencyTaken", Describe(taken)]);
            }
        }
        else
        {
            ModelState.AddModelError("Area", t["Offices.PickRegencyLevel"]);
        }

        await LoadFormAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostRemoveRegencyAsync(string? code, CancellationToken cancellationToken)
    {
        ModelState.Clear();
        await LoadKanwilsAsync(cancellationToken);
        Input.Regencies = string.Join(", ", Input.RegencyCodes.Where(c => c != code));
        await LoadFormAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken cancellationToken)
    {
        await LoadKanwilsAsync(cancellationToken);
        var kanim = id is null ? null : await db.Kanims.Include(k => k.WorkingAreas).FirstOrDefaultAsync(k => k.Id == id, cancellationToken);
        if (id is not null && kanim is null)
        {
            return NotFound();
        }

        if (!TimeZones.Contains(Input.TimeZoneId))
        {
            ModelState.AddModelError("Input.TimeZoneId", t["Offices.TimeZoneUnknown"]);
        }

        if (!Kanwils.Any(k => k.Id == Input.KanwilId))
        {
            ModelState.AddModelError("Input.KanwilId", t["Offices.KanwilNeeded"]);
        }

        var codes = Input.RegencyCodes;
        foreach (var code in codes)
        {
            if (Core.Areas.Area.LevelOf(code) != AreaLevel.Regency || !await db.Areas.AnyAsync(a => a.Code == code, cancellationToken))
            {
                ModelState.AddModelError("Input.Regencies", t["Offices.RegencyUnknown", code]);
            }
        }

        var taken = await TakenAsync(codes, id, cancellationToken);
        if (taken.Count > 0 && !Input.MoveFromOtherKanim)
        {
            ModelState.AddModelError("Input.Regencies", t["Offices.RegencyTaken", Describe(taken)]);
        }

        if (!ModelState.IsValid)
        {
            await LoadFormAsync(cancellationToken);
            return Page();
        }

        db.ChangeReason = string.IsNullOrWhiteSpace(Input.Reason) ? null : Input.Reason.Trim();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (taken.Count > 0)
        {
            // The explicit move: the other office gives the regency up in the same transaction.
            var moved = taken.Select(x => x.RegencyCode).ToList();
            db.KanimWorkingAreas.RemoveRange(await db.KanimWorkingAreas.Where(w => moved.Contains(w.RegencyCode)).ToListAsync(cancellationToken));
            await db.SaveChangesAsync(cancellationToken);
        }

        kanim ??= db.Kanims.Add(new Kanim { Name = Input.Name, TimeZoneId = Input.TimeZoneId }).Entity;
        kanim.Name = Input.Name.Trim();
        kanim.OfficeClass = Input.OfficeClass?.Trim();
        kanim.Address = Input.Address?.Trim();
        kanim.KanwilId = Input.KanwilId!.Value;
        kanim.TimeZoneId = Input.TimeZoneId;
        kanim.WorkingAreas.RemoveAll(w => !codes.Contains(w.RegencyCode));
        foreach (var code in codes.Where(c => kanim.WorkingAreas.All(w => w.RegencyCode != c)))
        {
            kanim.WorkingAreas.Add(new KanimWorkingArea { RegencyCode = code });
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        TempData["Message"] = t["Common.Saved"].Value;
        return RedirectToPage("/Offices/Detail", new { id = kanim.Id });
    }

    private async Task<List<(string RegencyCode, string Regency, string Kanim)>> TakenAsync(IReadOnlyList<string> codes, int? id, CancellationToken cancellationToken) =>
        (await db.KanimWorkingAreas.Where(w => codes.Contains(w.RegencyCode) && w.KanimId != (id ?? 0))
            .Join(db.Kanims, w => w.KanimId, k => k.Id, (w, k) => new { w.RegencyCode, Kanim = k.Name })
            .Join(db.Areas, x => x.RegencyCode, a => a.Code, (x, a) => new { x.RegencyCode, Regency = a.Name, x.Kanim })
            .ToListAsync(cancellationToken)).Select(x => (x.RegencyCode, x.Regency, x.Kanim)).ToList();

    private static string Describe(IEnumerable<(string RegencyCode, string Regency, string Kanim)> taken) =>
        string.Join(", ", taken.Select(x => $"{x.Regency} {x.RegencyCode} ({x.Kanim})"));

    private async Task LoadFormAsync(CancellationToken cancellationToken)
    {
        var codes = Input.RegencyCodes;
        var names = await db.Areas.Where(a => codes.Contains(a.Code)).ToDictionaryAsync(a => a.Code, a => a.Name, cancellationToken);
        Regencies = [.. codes.Order(StringComparer.Ordinal).Select(c => (c, names.GetValueOrDefault(c) ?? c))];
        Picker = await AreaPickerView.LoadAsync(db, nameof(Area), Area, cancellationToken);
    }

    private async Task LoadKanwilsAsync(CancellationToken cancellationToken) =>
        Kanwils = (await db.Kanwils.OrderBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken))
            .Select(k => (k.Id, k.Name)).ToList();

    public sealed class KanimForm
    {
        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Offices.Name")]
        public string Name { get; set; } = "";

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Offices.Class")]
        public string? OfficeClass { get; set; }

        [StringLength(500, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Offices.Address")]
        public string? Address { get; set; }

        [Display(Name = "Accounts.Kanwil")]
        public int? KanwilId { get; set; }

        [Display(Name = "Offices.TimeZone")]
        public string TimeZoneId { get; set; } = "Asia/Jakarta";

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Offices.Regencies")]
        public string? Regencies { get; set; }

        public bool MoveFromOtherKanim { get; set; }

        [StringLength(400, ErrorMessage = "Validation.TooLong")]
        public string? Reason { get; set; }

        public IReadOnlyList<string> RegencyCodes =>
            [.. (Regencies ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
    }
}
