using Microsoft.EntityFrameworkCore;
using Timpora.Core.Data;

namespace Timpora.Core.Accounts;

/// <summary>An account as the rules of administration see it: its role, its office and its flag.</summary>
public sealed record AccountPlace(string Role, int? KanwilId, int? KanimId, bool IsOfficeAdministrator);

/// <summary>Who administers what, stated once (ADR 0031). The national administrator manages every account. An
/// office administrator (the flag on a Kanwil supervisor or a Kanim officer) manages the accounts of their own
/// office below their own level, grants no role above their own, and never the administrator role or the flag at
/// their own level. The national supervisor only reads. Nobody removes the last active administrator.</summary>
public sealed class AccountAdministration
{
    private readonly AccountPlace actor;

    private AccountAdministration(AccountPlace actor) => this.actor = actor;

    public bool IsNational => actor.Role == Roles.Administrator;

    public bool IsOfficeAdministrator =>
        actor.IsOfficeAdministrator && actor.Role is Roles.KanwilSupervisor or Roles.KanimOfficer;

    /// <summary>Whether the actor may administer accounts at all.</summary>
    public bool Administers => IsNational || IsOfficeAdministrator;

    public int? KanwilId => IsNational ? null : actor.KanwilId;

    /// <summary>The one Kanim an office administrator of a Kanim is limited to; null for the Kanwil and national level.</summary>
    public int? KanimId => IsNational || actor.Role == Roles.KanwilSupervisor ? null : actor.KanimId;

    public static AccountAdministration For(AccountPlace actor) => new(actor);

    /// <summary>The acting user's place, read from the database (not the cookie, which may be minutes old).</summary>
    public static async Task<AccountAdministration> ForUserAsync(AppDbContext db, string? userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var place = userId is null ? null : await PlaceOfAsync(db, userId, cancellationToken);
        return new(place is null || place.Value.Deactivated ? new AccountPlace("", null, null, false) : place.Value.Place);
    }

    public static async Task<(AccountPlace Place, bool Deactivated)?> PlaceOfAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.KanwilId, u.KanimId, u.IsOfficeAdministrator, u.DeactivatedUtc })
            .FirstOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return null;
        }

        var roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, ur => ur.RoleId, r => r.Id, (_, r) => r.Name!)
            .ToListAsync(cancellationToken);
        return (new AccountPlace(HighestOf(roles), user.KanwilId, user.KanimId, user.IsOfficeAdministrator), user.DeactivatedUtc is not null);
    }

    public static string HighestOf(IEnumerable<string> roles) => roles.OrderByDescending(Rank).FirstOrDefault() ?? "";

    /// <summary>A role's level: a role is "above" another when its rank is higher.</summary>
    public static int Rank(string role) => role switch
    {
        Roles.Administrator => 6,
        Roles.NationalSupervisor => 5,
        Roles.KanwilSupervisor => 4,
        Roles.KanimOfficer => 3,
        Roles.Pimpasa => 2,
        Roles.PartnerMember or Roles.ProviderOperator or Roles.VillageCadre => 1,
        _ => 0,
    };

    /// <summary>Whether the actor may see and change the account (<paramref name="target"/> as it is now).</summary>
    public bool Manages(AccountPlace target)
    {
        ArgumentNullException.ThrowIfNull(target);
        if (IsNational)
        {
            return true;
        }

        if (!IsOfficeAdministrator || Rank(target.Role) > Rank(actor.Role)
            || (target.IsOfficeAdministrator && Rank(target.Role) >= Rank(actor.Role)))
        {
            return false;
        }

        return InOffice(target.KanwilId, target.KanimId);
    }

    /// <summary>Whether the actor may give an account this role, office and flag.</summary>
    public bool MayGrant(AccountPlace wanted)
    {
        ArgumentNullException.ThrowIfNull(wanted);
        if (IsNational)
        {
            return true;
        }

        if (!IsOfficeAdministrator || wanted.Role is Roles.Administrator or Roles.NationalSupervisor
            || Rank(wanted.Role) > Rank(actor.Role))
        {
            return false;
        }

        if (wanted.IsOfficeAdministrator && Rank(wanted.Role) >= Rank(actor.Role))
        {
            return false;
        }

        return InOffice(wanted.KanwilId, wanted.KanimId);
    }

    private bool InOffice(int? kanwilId, int? kanimId) => actor.Role == Roles.KanwilSupervisor
        ? kanwilId is not null && kanwilId == actor.KanwilId
        : kanimId is not null && kanimId == actor.KanimId;

    /// <summary>The accounts the actor may list: every one, those of their Kanwil, or those of their Kanim.</summary>
    public IQueryable<AppUser> Accounts(AppDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (IsNational)
        {
            return db.Users;
        }

        if (!IsOfficeAdministrator)
        {
            return db.Users.Where(_ => false);
        }

        var kanwil = actor.KanwilId;
        var kanim = actor.KanimId;
        return actor.Role == Roles.KanwilSupervisor
            ? db.Users.Where(u => u.KanwilId == kanwil)
            : db.Users.Where(u => u.KanimId == kanim);
    }

    /// <summary>Whether taking the administrator role from <paramref name="userId"/>, or deactivating it, would leave
    /// no active administrator.</summary>
    public static async Task<bool> IsLastActiveAdministratorAsync(AppDbContext db, string userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        var administrators = db.UserRoles.Join(db.Roles.Where(r => r.Name == Roles.Administrator), ur => ur.RoleId, r => r.Id, (ur, _) => ur.UserId);
        var active = db.Users.Where(u => u.DeactivatedUtc == null && administrators.Contains(u.Id));
        return await active.AnyAsync(u => u.Id == userId, cancellationToken)
            && !await active.AnyAsync(u => u.Id != userId, cancellationToken);
    }
}
