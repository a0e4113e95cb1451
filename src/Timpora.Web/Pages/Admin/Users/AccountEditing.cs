using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Areas;
using Timpora.Core.Data;
using Timpora.Core.Organisation;

namespace Timpora.Web.Pages.Admin.Users;

/// <summary>What the account form posts: who the person is, their role and the scope it needs.</summary>
public sealed class AccountForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(64, MinimumLength = 3, ErrorMessage = "Accounts.UserNameLength")]
    [RegularExpression(@"^[a-z0-9._-]+$", ErrorMessage = "Accounts.UserNameChars")]
    [Display(Name = "Accounts.UserName")]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(200, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Accounts.DisplayName")]
    public string DisplayName { get; set; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [EmailAddress(ErrorMessage = "Accounts.EmailInvalid")]
    [StringLength(256, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Accounts.Email")]
    public string Email { get; set; } = "";

    [Phone(ErrorMessage = "Accounts.PhoneInvalid")]
    [StringLength(30, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Accounts.Phone")]
    public string? Phone { get; set; }

    [Required(ErrorMessage = "Validation.Required")]
    [Display(Name = "Accounts.Role")]
    public string Role { get; set; } = Roles.KanimOfficer;

    [Display(Name = "Accounts.Kanwil")]
    public int? KanwilId { get; set; }

    [Display(Name = "Accounts.Kanim")]
    public int? KanimId { get; set; }

    [StringLength(2000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Accounts.Villages")]
    public string? Villages { get; set; }

    [Display(Name = "Accounts.Unit")]
    public int? UnitId { get; set; }

    [Display(Name = "Accounts.Provider")]
    public Guid? ProviderId { get; set; }

    [Display(Name = "Accounts.OfficeAdministrator")]
    public bool IsOfficeAdministrator { get; set; }

    [StringLength(400, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Accounts.Reason")]
    public string? Reason { get; set; }

    public IReadOnlyList<string> VillageCodes =>
        [.. (Villages ?? "").Split([',', ';', ' ', '\n', '\r', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct()];
}

/// <summary>The choices the account form offers, limited to what the acting administrator may grant.</summary>
public sealed record AccountChoices(
    IReadOnlyList<SelectListItem> Roles, IReadOnlyList<SelectListItem> Kanwils, IReadOnlyList<SelectListItem> Kanims,
    IReadOnlyList<SelectListItem> Units, IReadOnlyList<SelectListItem> Providers);

/// <summary>Creates and changes accounts for the accounts pages: the form's rules that need the database, the scope
/// each role needs, and the grant rules of <see cref="AccountAdministration"/>. Every save is audited by the context
/// with the administrator's reason.</summary>
public sealed class AccountEditing(AppDbContext db, UserManager<AppUser> users, IStringLocalizer<SharedResource> t)
{
    private const string Prefix = "Input.";

    public async Task<AccountChoices> ChoicesAsync(AccountAdministration admin, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(admin);
        var roles = Core.Accounts.Roles.All
            .Where(r => admin.IsNational || (r is not Core.Accounts.Roles.Administrator and not Core.Accounts.Roles.NationalSupervisor
                && AccountAdministration.Rank(r) <= AccountAdministration.Rank(admin.IsOfficeAdministrator ? OwnRole(admin) : "")))
            .Select(r => new SelectListItem(t["Role." + r], r)).ToList();
        var kanwilId = admin.KanwilId;
        var kanimId = admin.KanimId;
        var kanwils = await db.Kanwils.Where(k => kanwilId == null || k.Id == kanwilId).OrderBy(k => k.Name)
            .Select(k => new SelectListItem(k.Name, k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        var kanims = await db.Kanims.Where(k => (kanwilId == null || k.KanwilId == kanwilId) && (kanimId == null || k.Id == kanimId)).OrderBy(k => k.Name)
            .Select(k => new SelectListItem(k.Name, k.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        var kanimIds = kanims.Select(k => int.Parse(k.Value, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var units = await db.AgencyUnits.Where(u => kanimIds.Contains(u.KanimId)).OrderBy(u => u.Agency!.Code).ThenBy(u => u.Name)
            .Select(u => new SelectListItem(u.Agency!.Code + " · " + u.Name, u.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))).ToListAsync(cancellationToken);
        var providers = await db.Providers.Where(p => kanimIds.Contains(p.KanimId)).OrderBy(p => p.Name)
            .Select(p => new SelectListItem(p.Name, p.Id.ToString())).ToListAsync(cancellationToken);
        return new AccountChoices(roles, kanwils, kanims, units, providers);
    }

    // The role an office administrator holds, known from the scope they are limited to.
    private static string OwnRole(AccountAdministration admin) =>
        admin.KanimId is null ? Core.Accounts.Roles.KanwilSupervisor : Core.Accounts.Roles.KanimOfficer;

    /// <summary>Checks the form against the database and the grant rules; fills in the office a unit, provider or
    /// Kanim implies. Errors go to <paramref name="state"/> next to their field.</summary>
    public async Task<AccountPlace?> ValidateAsync(AccountForm form, AccountAdministration admin, string? existingUserId, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(admin);
        ArgumentNullException.ThrowIfNull(state);
        if (!Core.Accounts.Roles.All.Contains(form.Role))
        {
            state.AddModelError(Prefix + nameof(form.Role), t["Accounts.RoleUnknown"]);
            return null;
        }

        var name = form.UserName.Trim().ToLowerInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedUserName == name.ToUpperInvariant() && u.Id != existingUserId, cancellationToken))
        {
            state.AddModelError(Prefix + nameof(form.UserName), t["Accounts.UserNameTaken", name]);
        }

        var email = form.Email.Trim().ToUpperInvariant();
        if (await db.Users.AnyAsync(u => u.NormalizedEmail == email && u.Id != existingUserId, cancellationToken))
        {
            state.AddModelError(Prefix + nameof(form.Email), t["Accounts.EmailTaken"]);
        }

        int? kanimId = null;
        int? kanwilId = null;
        switch (form.Role)
        {
            case Core.Accounts.Roles.Administrator or Core.Accounts.Roles.NationalSupervisor:
                break;
            case Core.Accounts.Roles.KanwilSupervisor:
                kanwilId = form.KanwilId is { } k && await db.Kanwils.AnyAsync(x => x.Id == k, cancellationToken) ? k : null;
                if (kanwilId is null)
                {
                    state.AddModelError(Prefix + nameof(form.KanwilId), t["Accounts.KanwilNeeded"]);
                }

                break;
            case Core.Accounts.Roles.PartnerMember:
                var unit = form.UnitId is { } u
                    ? await db.AgencyUnits.Where(x => x.Id == u)
                        .Select(x => new { x.KanimId, KanwilId = db.Kanims.Where(k => k.Id == x.KanimId).Select(k => (int?)k.KanwilId).FirstOrDefault() })
                        .FirstOrDefaultAsync(cancellationToken)
                    : null;
                // Another office's unit, posted by hand, is refused at the unit field as an unknown one.
                if (unit is not null && !admin.IsNational
                    && ((admin.KanimId is { } ownKanim && unit.KanimId != ownKanim) || (admin.KanwilId is { } ownKanwil && unit.KanwilId != ownKanwil)))
                {
                    unit = null;
                }

                kanimId = unit?.KanimId;
                if (unit is null)
                {
                    state.AddModelError(Prefix + nameof(form.UnitId), t["Accounts.UnitNeeded"]);
                }

                break;
            case Core.Accounts.Roles.ProviderOperator:
                var provider = form.ProviderId is { } p ? await db.Providers.Where(x => x.Id == p).Select(x => new { x.KanimId }).FirstOrDefaultAsync(cancellationToken) : null;
                kanimId = provider?.KanimId;
                if (provider is null)
                {
                    state.AddModelError(Prefix + nameof(form.ProviderId), t["Accounts.ProviderNeeded"]);
                }

                break;
            default:
                kanimId = form.KanimId is { } ki && await db.Kanims.AnyAsync(x => x.Id == ki, cancellationToken) ? ki : null;
                if (kanimId is null)
                {
                    state.AddModelError(Prefix + nameof(form.KanimId), t["Accounts.KanimNeeded"]);
                }

                break;
        }

        if (kanimId is { } office)
        {
            kanwilId = await db.Kanims.Where(k => k.Id == office).Select(k => (int?)k.KanwilId).FirstOrDefaultAsync(cancellationToken);
        }

        if (form.Role is Core.Accounts.Roles.Pimpasa or Core.Accounts.Roles.VillageCadre && kanimId is { } villageOffice)
        {
            await ValidateVillagesAsync(form, villageOffice, state, cancellationToken);
        }

        var flag = form.IsOfficeAdministrator && form.Role is Core.Accounts.Roles.KanwilSupervisor or Core.Accounts.Roles.KanimOfficer;
        var wanted = new AccountPlace(form.Role, kanwilId, kanimId, flag);
        if (state.ErrorCount == 0 && !admin.MayGrant(wanted))
        {
            state.AddModelError(Prefix + nameof(form.Role), t[flag && admin.MayGrant(wanted with { IsOfficeAdministrator = false })
                ? "Accounts.FlagNotYours" : "Accounts.GrantNotYours"]);
        }

        return state.ErrorCount == 0 ? wanted : null;
    }

    private async Task ValidateVillagesAsync(AccountForm form, int kanimId, ModelStateDictionary state, CancellationToken cancellationToken)
    {
        var codes = form.VillageCodes;
        if (codes.Count == 0)
        {
            state.AddModelError(Prefix + nameof(form.Villages), t["Accounts.VillagesNeeded"]);
            return;
        }

        foreach (var code in codes)
        {
            var isVillage = Area.LevelOf(code) == AreaLevel.Village && await db.Areas.AnyAsync(a => a.Code == code, cancellationToken);
            if (!isVillage || !await new ScopedIds(db).AreaInOfficeAsync(code, kanimId, cancellationToken))
            {
                state.AddModelError(Prefix + nameof(form.Villages), t["Accounts.VillageOutside", code]);
                return;
            }
        }
    }

    /// <summary>Creates the account without a password: its person sets one through the one-time link.</summary>
    public async Task<AppUser> CreateAsync(AccountForm form, AccountPlace place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(place);
        var user = new AppUser
        {
            UserName = form.UserName.Trim().ToLowerInvariant(),
            DisplayName = form.DisplayName.Trim(),
            Email = form.Email.Trim(),
            PhoneNumber = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim(),
        };
        await ApplyAsync(user, form, place, cancellationToken);
        db.ChangeReason = Reason(form, "Accounts.ReasonCreated");
        Check(await users.CreateAsync(user));
        Check(await users.AddToRoleAsync(user, place.Role));
        return user;
    }

    /// <summary>Changes the account's details, role and scope. A role change ends the person's sessions.</summary>
    public async Task UpdateAsync(AppUser user, AccountForm form, AccountPlace place, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(place);
        db.ChangeReason = Reason(form, "Accounts.ReasonChanged");
        user.DisplayName = form.DisplayName.Trim();
        user.Email = form.Email.Trim();
        user.PhoneNumber = string.IsNullOrWhiteSpace(form.Phone) ? null : form.Phone.Trim();
        await db.Entry(user).Collection(u => u.Villages).LoadAsync(cancellationToken);
        await ApplyAsync(user, form, place, cancellationToken);
        var current = await users.GetRolesAsync(user);
        if (!current.SequenceEqual([place.Role]))
        {
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, place.Role));
        }

        // New scope, role or flag: the cookie must not keep the old ones until it expires.
        Check(await users.UpdateSecurityStampAsync(user));
    }

    private async Task ApplyAsync(AppUser user, AccountForm form, AccountPlace place, CancellationToken cancellationToken)
    {
        user.KanimId = place.KanimId;
        user.KanwilId = place.KanwilId;
        user.IsOfficeAdministrator = place.IsOfficeAdministrator;
        user.ProviderId = place.Role == Core.Accounts.Roles.ProviderOperator ? form.ProviderId : null;
        var villages = place.Role is Core.Accounts.Roles.Pimpasa or Core.Accounts.Roles.VillageCadre ? form.VillageCodes : [];
        user.Villages.RemoveAll(v => !villages.Contains(v.VillageCode));
        foreach (var code in villages.Where(c => user.Villages.All(v => v.VillageCode != c)))
        {
            user.Villages.Add(new PimpasaVillage { UserId = user.Id, VillageCode = code });
        }

        if (place.Role != Core.Accounts.Roles.PartnerMember || form.UnitId is not { } unitId)
        {
            return;
        }

        // A partner's unit is that of the person the account belongs to (ScopeClaimsFactory reads it).
        var person = user.PersonId is { } personId ? await db.People.FirstOrDefaultAsync(p => p.Id == personId, cancellationToken) : null;
        var unit = await db.AgencyUnits.FirstAsync(u => u.Id == unitId, cancellationToken);
        if (person is null)
        {
            person = new Person { FullName = user.DisplayName, AreaCode = unit.AreaCode, KanimId = unit.KanimId, UnitId = unit.Id };
            db.People.Add(person);
            user.PersonId = person.Id;
        }

        person.UnitId = unit.Id;
        person.KanimId = unit.KanimId;
        person.AreaCode = unit.AreaCode;
        person.Email = user.Email;
        person.Phone = user.PhoneNumber;
    }

    public string Reason(AccountForm form, string fallbackKey)
    {
        ArgumentNullException.ThrowIfNull(form);
        return string.IsNullOrWhiteSpace(form.Reason) ? t[fallbackKey].Value : form.Reason.Trim();
    }

    public static void Check(IdentityResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
