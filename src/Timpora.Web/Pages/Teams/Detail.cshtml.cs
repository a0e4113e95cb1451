using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Audit;
using Timpora.Core.Data;
using Timpora.Core.Meetings;
using Timpora.Core.Teams;

namespace Timpora.Web.Pages.Teams;

/// <summary>One team: its decree, its chair, secretariat and members, and its meetings. The office's staff add
/// and remove members (removal confirmed). A member is an existing person, or an existing account: an account without
/// a person record gets one in the office's immigration unit and is linked to it, so the member who signs in is the
/// one on the team (their attendance, their unit's action items).</summary>
public sealed class DetailModel(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> t) : PageModel
{
    public Team Team { get; private set; } = null!;

    public bool CanManage { get; private set; }

    public IReadOnlyList<TeamMember> Members { get; private set; } = [];

    public IReadOnlyList<MeetingRow> Meetings { get; private set; } = [];

    public IReadOnlyList<(Guid Id, string Name, string Unit, string? Account)> Candidates { get; private set; } = [];

    /// <summary>Accounts of the team's office that have no person record yet.</summary>
    public IReadOnlyList<(string Id, string UserName, string Name)> AccountCandidates { get; private set; } = [];

    public string TimeZoneId { get; private set; } = "";

    public TeamMember? Removing { get; private set; }

    [BindProperty]
    public MemberForm Input { get; set; } = new();

    public async Task<IActionResult> OnGetAsync(Guid id, Guid? remove, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        Removing = CanManage && remove is { } memberId ? Members.FirstOrDefault(m => m.Id == memberId) : null;
        return Page();
    }

    public async Task<IActionResult> OnPostAddAsync(Guid id, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        Core.Organisation.Person? person = null;
        if (Input.PersonId is { } personId)
        {
            person = await db.People.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == personId && p.KanimId == Team.KanimId, cancellationToken);
            if (person is null)
            {
                ModelState.AddModelError("Input.PersonId", t["Teams.PersonUnknown"]);
            }
        }
        else if (!string.IsNullOrEmpty(Input.AccountId))
        {
            person = await PersonOfAccountAsync(Input.AccountId, cancellationToken);
        }
        else
        {
            ModelState.AddModelError("Input.PersonId", t["Teams.PersonOrAccount"]);
        }

        if (person is not null && Members.Any(m => m.PersonId == person.Id))
        {
            ModelState.AddModelError("Input.PersonId", t["Teams.AlreadyMember", person.FullName]);
        }

        if (Input.Role == MemberRole.Chair && Members.Any(m => m.Role == MemberRole.Chair))
        {
            ModelState.AddModelError("Input.Role", t["Teams.ChairTaken"]);
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var member = new TeamMember
        {
            TeamId = Team.Id,
            PersonId = person!.Id,
            UnitId = person.UnitId,
            UnitName = person.Unit!.Name,
            Role = Input.Role!.Value,
            FullName = person.FullName,
            Position = string.IsNullOrWhiteSpace(Input.Position) ? person.Position : Input.Position.Trim(),
            Phone = person.Phone,
            Email = person.Email,
            AddedUtc = clock.GetUtcNow().UtcDateTime,
        };
        db.TeamMembers.Add(member);
        db.RecordAccess(AuditAction.Created, nameof(TeamMember), member.Id.ToString(), Team.KanimId);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two clerks adding the same person at once: the unique index answers.
            db.ChangeTracker.Clear();
            await LoadAsync(id, cancellationToken);
            ModelState.AddModelError("Input.PersonId", t["Teams.AlreadyMember", person.FullName]);
            return Page();
        }

        TempData["Message"] = t["Teams.MemberAdded", member.FullName].Value;
        return Redirect($"/Teams/{id}");
    }

    public async Task<IActionResult> OnPostRemoveAsync(Guid id, Guid memberId, CancellationToken cancellationToken)
    {
        if (!await LoadAsync(id, cancellationToken))
        {
            return NotFound();
        }

        if (!CanManage)
        {
            return Forbid();
        }

        var member = await db.TeamMembers.FirstOrDefaultAsync(m => m.Id == memberId && m.TeamId == id, cancellationToken);
        if (member is null)
        {
            return NotFound();
        }

        if (await db.MeetingInvitations.AnyAsync(i => i.MemberId == memberId, cancellationToken))
        {
            TempData["Message"] = t["Teams.MemberHasMeetings", member.FullName].Value;
            return Redirect($"/Teams/{id}");
        }

        db.TeamMembers.Remove(member);
        db.RecordAccess(AuditAction.Deleted, nameof(TeamMember), member.Id.ToString(), Team.KanimId, member.FullName);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Message"] = t["Teams.MemberRemoved", member.FullName].Value;
        return Redirect($"/Teams/{id}");
    }

    /// <summary>The person record of an account of the team's office (another office's account, or a made-up id, is
    /// refused as unknown); one is made in the office's immigration unit when the account has none.</summary>
    private async Task<Core.Organisation.Person?> PersonOfAccountAsync(string accountId, CancellationToken cancellationToken)
    {
        var user = await db.Users.FirstOrDefaultAsync(u => u.Id == accountId && u.KanimId == Team.KanimId && u.DeactivatedUtc == null, cancellationToken);
        if (user is null)
        {
            ModelState.AddModelError("Input.AccountId", t["Teams.AccountUnknown"]);
            return null;
        }

        if (user.PersonId is { } linked)
        {
            return await db.People.Include(p => p.Unit).FirstOrDefaultAsync(p => p.Id == linked, cancellationToken);
        }

        var unit = await db.AgencyUnits.Include(u => u.Agency).Where(u => u.KanimId == Team.KanimId && u.Agency!.Code == "IMIGRASI")
            .OrderBy(u => u.Id).FirstOrDefaultAsync(cancellationToken);
        if (unit is null)
        {
            ModelState.AddModelError("Input.AccountId", t["Teams.NoImmigrationUnit"]);
            return null;
        }

        var person = new Core.Organisation.Person
        {
            FullName = user.DisplayName,
            KanimId = unit.KanimId,
            AreaCode = unit.AreaCode,
            UnitId = unit.Id,
            Unit = unit,
            Email = user.Email,
            Phone = user.PhoneNumber,
        };
        db.People.Add(person);
        user.PersonId = person.Id;
        return person;
    }

    private async Task<bool> LoadAsync(Guid id, CancellationToken cancellationToken)
    {
        var scope = new TeamScope(db);
        if (await scope.FindTeamAsync(id, cancellationToken) is not { } team)
        {
            return false;
        }

        Team = team;
        CanManage = scope.CanManage(team);
        TimeZoneId = await db.Kanims.Where(k => k.Id == team.KanimId).Select(k => k.TimeZoneId).FirstAsync(cancellationToken);
        Members = await db.TeamMembers.AsNoTracking().Where(m => m.TeamId == id)
            .OrderBy(m => m.Role).ThenBy(m => m.UnitName).ThenBy(m => m.FullName).ToListAsync(cancellationToken);
        Meetings = await scope.Meetings.AsNoTracking().Where(m => m.TeamId == id).OrderByDescending(m => m.StartUtc)
            .Select(m => new MeetingRow(m.Id, m.Title, m.Kind, m.StartUtc, m.Venue, m.MinutesClosedUtc != null))
            .ToListAsync(cancellationToken);
        if (CanManage)
        {
            Candidates = (await db.People.AsNoTracking().Where(p => p.KanimId == team.KanimId)
                    .OrderBy(p => p.Unit!.Name).ThenBy(p => p.FullName)
                    .Select(p => new { p.Id, p.FullName, Unit = p.Unit!.Name, Account = db.Users.Where(u => u.PersonId == p.Id).Select(u => u.UserName).FirstOrDefault() })
                    .ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.FullName, p.Unit, p.Account)).ToList();
            AccountCandidates = (await db.Users.AsNoTracking().Where(u => u.KanimId == team.KanimId && u.PersonId == null && u.DeactivatedUtc == null)
                    .OrderBy(u => u.DisplayName).Select(u => new { u.Id, u.UserName, u.DisplayName }).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.UserName ?? "", u.DisplayName)).ToList();
        }

        return true;
    }

    public sealed record MeetingRow(Guid Id, string Title, MeetingKind Kind, DateTime StartUtc, string Venue, bool MinutesClosed);

    public sealed class MemberForm
    {
        [Display(Name = "Teams.Person")]
        public Guid? PersonId { get; set; }

        /// <summary>Instead of a person: an account of the office (it is linked to a person record).</summary>
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Teams.Account")]
        public string? AccountId { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Teams.Role")]
        public MemberRole? Role { get; set; } = MemberRole.Member;

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Teams.PositionInTeam")]
        public string? Position { get; set; }
    }
}
