using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Files;
using Timpora.Core.Tips;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.Tips;

/// <summary>One tip with its timeline and the triage steps its state allows. The scope filter decides whether the
/// caller sees it at all (404 otherwise); the caller's role decides which steps they may take.</summary>
public sealed class DetailModel(AppDbContext db, FileStore files, SmtpOptions smtp, OfficeClock clock, TimeProvider time,
    IStringLocalizer<SharedResource> t) : PageModel
{
    /// <summary>What a partner agency's member may do with a tip assigned or shared to their unit.</summary>
    public static readonly TipStep[] PartnerSteps = [TipStep.StartFollowUp, TipStep.AddNote, TipStep.FieldCheck, TipStep.Close];

    [BindProperty]
    public StepForm Input { get; set; } = new();

    public Tip Tip { get; private set; } = null!;

    public string? KanimName { get; private set; }

    public string? EscalationKanimName { get; private set; }

    public string? AssignedUnitName { get; private set; }

    public string? AssignedUserName { get; private set; }

    public string? AreaName { get; private set; }

    public IReadOnlyList<string> SharedWith { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name)> LinkedForeigners { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> Units { get; private set; } = [];

    public IReadOnlyList<(string Id, string Name)> Officers { get; private set; } = [];

    public IReadOnlyList<(int Id, string Name)> AllKanims { get; private set; } = [];

    /// <summary>The joint operations of the caller's scope that an escalation may link to, the latest first.</summary>
    public IReadOnlyList<(Guid Id, string Name, DateOnly Start)> Operations { get; private set; } = [];

    public string? OperationName { get; private set; }

    /// <summary>For a duplicate: the tracking code of the tip that is worked, and whether the caller may open it.</summary>
    public (Guid Id, string Code, bool Visible)? Original { get; private set; }

    /// <summary>For a worked tip: the other reports of the same matter, with what their reporters told and sent.</summary>
    public IReadOnlyList<Tip> Duplicates { get; private set; } = [];

    public IReadOnlyList<TipStep> Steps { get; private set; } = [];

    public bool ShowsTimeline => !User.IsInRole(Roles.VillageCadre) || IsImmigration || User.IsInRole(Roles.PartnerMember);

    private bool IsImmigration => User.IsInRole(Roles.Administrator) || User.IsInRole(Roles.KanwilSupervisor)
        || User.IsInRole(Roles.KanimOfficer) || User.IsInRole(Roles.Pimpasa);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        db.RecordAccess(AuditAction.Viewed, nameof(Core.Tips.Tip), Tip.Id.ToString(), Tip.KanimId);
        await db.SaveChangesAsync(cancellationToken);
        return Page();
    }

    public async Task<IActionResult> OnPostStepAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!Steps.Contains(Input.Step))
        {
            ModelState.AddModelError(string.Empty, t["Tips.Error.StepNotAllowed"]);
        }

        // Another office's operation is not there for this caller, as its page is not.
        if (Input.Step == TipStep.Escalate && Input.OperationId is { } operationId && !await db.JointOperations.AnyAsync(o => o.Id == operationId, cancellationToken))
        {
            return NotFound();
        }

        Guid? foreignerId = null;
        if (Input.Step == TipStep.LinkForeigner && ModelState.IsValid)
        {
            var passport = Input.Passport?.Trim().ToUpperInvariant();
            foreignerId = await db.TravelDocuments.Where(d => d.Number == passport)
                .Join(db.Foreigners, d => d.ForeignerId, f => f.Id, (d, f) => (Guid?)f.Id).FirstOrDefaultAsync(cancellationToken);
        }

        if (ModelState.IsValid)
        {
            var command = new TipCommand(Input.Step)
            {
                Note = Input.Note,
                Rejection = Input.Rejection,
                UnitId = Input.UnitId,
                UserId = Input.UserId,
                DueUtc = Input.Due is { } due ? clock.ToUtc(due) : null,
                Outcome = Input.Outcome,
                Reliability = string.IsNullOrEmpty(Input.Reliability) ? null : Input.Reliability[0],
                Credibility = Input.Credibility,
                KanimId = Input.KanimId,
                OperationReference = Input.OperationReference,
                OperationId = Input.OperationId,
                DuplicateOf = Input.DuplicateOf,
                ForeignerId = foreignerId,
            };
            var error = await TipTriage.ApplyAsync(db, Tip, command, User.Identity!.Name!, time.GetUtcNow().UtcDateTime, smtp.Enabled, cancellationToken);
            if (error is null)
            {
                TempData["Message"] = t["Tips.Step.Done." + Input.Step].Value;
                return Redirect($"/Tips/Detail/{Tip.Id}");
            }

            ModelState.AddModelError(string.Empty, t[error]);
        }

        Response.StatusCode = StatusCodes.Status422UnprocessableEntity;
        return Page();
    }

    /// <summary>A photo of the tip, only to those who may see the tip.</summary>
    public async Task<IActionResult> OnGetPhotoAsync(Guid id, Guid photo, CancellationToken cancellationToken)
    {
        var visible = await db.TipPhotos.AnyAsync(p => p.Id == photo && p.TipId == id && db.Tips.Any(x => x.Id == p.TipId), cancellationToken);
        if (!visible || await files.ReadAsync(photo, cancellationToken) is not { } file)
        {
            return NotFound();
        }

        Response.Headers.CacheControl = "private, no-store";
        return StoredFileResult.Inline(Response, file, $"foto-{photo:N}");
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var tip = await db.Tips.Include(x => x.Events.OrderBy(e => e.AtUtc)).Include(x => x.Photos).FirstOrDefaultAsync(x => x.Id == id, cancellationToken);
        if (tip is null)
        {
            return false;
        }

        Tip = tip;
        KanimName = await db.Kanims.Where(k => k.Id == tip.KanimId).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken);
        EscalationKanimName = await db.Kanims.Where(k => k.Id == tip.EscalationKanimId).Select(k => k.Name).FirstOrDefaultAsync(cancellationToken);
        AssignedUnitName = await db.AgencyUnits.Where(u => u.Id == tip.AssignedUnitId).Select(u => u.Name).FirstOrDefaultAsync(cancellationToken);
        AssignedUserName = await db.Users.Where(u => u.Id == tip.AssignedUserId).Select(u => u.DisplayName).FirstOrDefaultAsync(cancellationToken);
        OperationName = tip.OperationId is null ? null
            : await db.JointOperations.Where(o => o.Id == tip.OperationId).Select(o => o.Name).FirstOrDefaultAsync(cancellationToken);
        AreaName = await db.Areas.Where(a => a.Code == tip.AreaCode).Select(a => a.Name).FirstOrDefaultAsync(cancellationToken);
        SharedWith = await db.TipShares.Where(s => s.TipId == tip.Id).Join(db.AgencyUnits, s => s.AgencyUnitId, u => u.Id, (s, u) => u.Name).ToListAsync(cancellationToken);
        LinkedForeigners = (await db.TipForeignerLinks.Where(l => l.TipId == tip.Id)
            .Join(db.Foreigners, l => l.ForeignerId, f => f.Id, (l, f) => new { f.Id, f.Surname, f.GivenNames }).ToListAsync(cancellationToken))
            .Select(f => (f.Id, $"{f.Surname}, {f.GivenNames}")).ToList();
        if (tip.DuplicateOfId is { } originalId)
        {
            var code = await db.Tips.IgnoreQueryFilters().Where(t => t.Id == originalId).Select(t => t.TrackingCode).FirstAsync(cancellationToken);
            Original = (originalId, code, await db.Tips.AnyAsync(t => t.Id == originalId, cancellationToken));
        }

        Duplicates = await db.Tips.AsNoTracking().Include(d => d.Photos).Where(d => d.DuplicateOfId == tip.Id)
            .OrderBy(d => d.CreatedUtc).ToListAsync(cancellationToken);
        var allowed = TipStateMachine.StepsFrom(tip.State);
        Steps = IsImmigration ? allowed : User.IsInRole(Roles.PartnerMember) ? [.. allowed.Intersect(PartnerSteps)] : [];
        if (IsImmigration)
        {
            Units = (await new ScopedIds(db).AgencyUnits.Where(u => u.KanimId == tip.KanimId).OrderBy(u => u.Name).Select(u => new { u.Id, u.Name }).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.Name)).ToList();
            Officers = (await db.Users.Where(u => u.KanimId == tip.KanimId && u.ProviderId == null).OrderBy(u => u.DisplayName)
                .Select(u => new { u.Id, u.DisplayName }).ToListAsync(cancellationToken)).Select(u => (u.Id, u.DisplayName)).ToList();
            AllKanims = (await db.Kanims.OrderBy(k => k.Name).Select(k => new { k.Id, k.Name }).ToListAsync(cancellationToken)).Select(k => (k.Id, k.Name)).ToList();
            if (allowed.Contains(TipStep.Escalate))
            {
                Operations = (await db.JointOperations.AsNoTracking().OrderByDescending(o => o.PeriodStart).Take(50)
                    .Select(o => new { o.Id, o.Name, o.PeriodStart }).ToListAsync(cancellationToken)).Select(o => (o.Id, o.Name, o.PeriodStart)).ToList();
            }
        }

        return true;
    }

    public sealed class StepForm
    {
        public TipStep Step { get; set; }

        [StringLength(2000, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Tips.Note")]
        public string? Note { get; set; }

        public TipRejection? Rejection { get; set; }
        public int? UnitId { get; set; }
        public string? UserId { get; set; }
        public DateTime? Due { get; set; }
        public TipOutcome? Outcome { get; set; }

        [RegularExpression("^[A-F]$", ErrorMessage = "Tips.Error.GradeInvalid")]
        public string? Reliability { get; set; }

        [Range(1, 6, ErrorMessage = "Tips.Error.GradeInvalid")]
        public int? Credibility { get; set; }

        public int? KanimId { get; set; }

        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Tips.OperationReference")]
        public string? OperationReference { get; set; }

        public Guid? OperationId { get; set; }

        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Tips.DuplicateOf")]
        public string? DuplicateOf { get; set; }

        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Tips.Passport")]
        public string? Passport { get; set; }
    }
}
