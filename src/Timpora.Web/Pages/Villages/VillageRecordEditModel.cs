using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Villages;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Villages;

/// <summary>The form fields every village record has.</summary>
public interface IVillageRecordForm
{
    Guid? VillageId { get; set; }

    DateOnly? Date { get; set; }

    Guid Version { get; set; }
}

/// <summary>
/// What the pages that record work in a programme village share: open the record in the user's scope or answer
/// 404, check the village, save with the optimistic version, and come back with everything typed when something
/// is wrong. A page adds its own checks and copies its own fields. A village that has ended takes no new records,
/// but the records already in it stay editable.
/// </summary>
public abstract class VillageRecordEditModel<TRecord, TForm>(AppDbContext db, IStringLocalizer<SharedResource> t, OfficeClock clock) : PageModel
    where TRecord : PersonalRecord, IVillageRecord
    where TForm : class, IVillageRecordForm, new()
{
    [BindProperty]
    public TForm Input { get; set; } = new();

    public IReadOnlyList<(Guid Id, string Name)> Villages { get; private set; } = [];

    public bool IsNew => RouteData.Values["id"] is null;

    protected AppDbContext Db => db;

    protected IStringLocalizer<SharedResource> Localizer => t;

    protected DateOnly Today => DateOnly.FromDateTime(clock.Now);

    /// <summary>Where a record is shown: "/Villages/Activities".</summary>
    protected abstract string Folder { get; }

    protected abstract DbSet<TRecord> Records { get; }

    protected abstract TForm ToForm(TRecord record);

    /// <summary>A new record with its required fields set to placeholders; <see cref="Apply"/> fills them.</summary>
    protected abstract TRecord Create(ProgrammeVillage village);

    /// <summary>Adds the page's own errors to the model state.</summary>
    protected virtual Task ValidateAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>Copies the checked form onto the record.</summary>
    protected abstract void Apply(TRecord record);

    public async Task<IActionResult> OnGetAsync(Guid? id, Guid? village, CancellationToken cancellationToken)
    {
        if (id is not null)
        {
            if (await Records.AsNoTracking().FirstOrDefaultAsync(r => r.Id == id, cancellationToken) is not { } record)
            {
                return NotFound();
            }

            Input = ToForm(record);
        }
        else
        {
            Input.VillageId = village;
            Input.Date = Today;
        }

        await LoadAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(Guid? id, CancellationToken cancellationToken)
    {
        TRecord? record = null;
        if (id is not null && (record = await Records.FirstOrDefaultAsync(r => r.Id == id, cancellationToken)) is null)
        {
            return NotFound();
        }

        var current = record?.VillageId;
        var village = Input.VillageId is { } villageId
            ? await db.ProgrammeVillages.AsNoTracking()
                .FirstOrDefaultAsync(v => v.Id == villageId && (v.Status != VillageStatus.Ended || v.Id == current), cancellationToken)
            : null;
        if (village is null)
        {
            ModelState.AddModelError("Input.VillageId", t["Village.Activity.PickVillage"]);
        }

        await ValidateAsync(cancellationToken);
        if (!ModelState.IsValid)
        {
            await LoadAsync(cancellationToken);
            return Page();
        }

        if (record is null)
        {
            record = Records.Add(Create(village!)).Entity;
        }
        else
        {
            db.Entry(record).Property(r => r.Version).OriginalValue = Input.Version;
        }

        Apply(record);
        record.VillageId = village!.Id;
        record.KanimId = village.KanimId;
        record.AreaCode = village.AreaCode;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Common.ChangedMeanwhile"]);
            await LoadAsync(cancellationToken);
            return Page();
        }

        TempData["Message"] = t["Common.Saved"].Value;
        return Redirect($"{Folder}/{record.Id}");
    }

    private async Task LoadAsync(CancellationToken cancellationToken) =>
        Villages = await VillageAccess.PickListAsync(db, activeOnly: true, Input.VillageId, cancellationToken);
}
