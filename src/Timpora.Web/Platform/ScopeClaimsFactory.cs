using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Web.Platform;

/// <summary>Puts the user's scope (offices and villages), office time zone and two-factor duty into the
/// sign-in cookie, so that each request knows them without a query.</summary>
public sealed class ScopeClaimsFactory(
    UserManager<AppUser> users, RoleManager<AppRole> roles, IOptions<IdentityOptions> options, AppDbContext db)
    : UserClaimsPrincipalFactory<AppUser, AppRole>(users, roles, options)
{
    public const string TimeZoneClaim = "timpora:tz";
    public const string KanimNameClaim = "timpora:kanim-name";
    public const string DisplayNameClaim = "timpora:display-name";
    public const string TwoFactorEnrolmentClaim = "timpora:2fa-enrolment";
    public const string OfficeAdministratorClaim = "timpora:office-admin";

    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        var userRoles = await UserManager.GetRolesAsync(user);
        identity.AddClaim(new Claim(DisplayNameClaim, user.DisplayName));

        // The national supervisor reads every office; ReadOnlyRoles refuses its writes.
        if (userRoles.Contains(Roles.Administrator) || userRoles.Contains(Roles.NationalSupervisor))
        {
            identity.AddClaim(new Claim(DataScope.AllClaim, "true"));
        }

        if (user.IsOfficeAdministrator && (userRoles.Contains(Roles.KanwilSupervisor) || userRoles.Contains(Roles.KanimOfficer)))
        {
            identity.AddClaim(new Claim(OfficeAdministratorClaim, "true"));
        }

        var kanimIds = new List<int>();
        if (userRoles.Contains(Roles.KanwilSupervisor) && user.KanwilId is { } kanwilId)
        {
            kanimIds.AddRange(await db.Kanims.Where(k => k.KanwilId == kanwilId).Select(k => k.Id).ToListAsync());
        }

        if (userRoles.Contains(Roles.KanimOfficer) && user.KanimId is { } kanimId)
        {
            kanimIds.Add(kanimId);
        }

        foreach (var id in kanimIds.Distinct())
        {
            identity.AddClaim(new Claim(DataScope.KanimClaim, id.ToString(CultureInfo.InvariantCulture)));
        }

        if (userRoles.Contains(Roles.Pimpasa))
        {
            var villages = await db.PimpasaVillages.Where(v => v.UserId == user.Id).Select(v => v.VillageCode).ToListAsync();
            foreach (var village in villages)
            {
                identity.AddClaim(new Claim(DataScope.VillageClaim, village));
            }
        }

        if (userRoles.Contains(Roles.ProviderOperator) && user.ProviderId is { } providerId)
        {
            identity.AddClaim(new Claim(DataScope.ProviderClaim, providerId.ToString()));
        }

        if (userRoles.Contains(Roles.PartnerMember) && user.PersonId is { } personId)
        {
            var unit = await db.People.IgnoreQueryFilters().Where(p => p.Id == personId)
                .Select(p => new { p.UnitId, p.Unit!.AgencyId }).FirstOrDefaultAsync();
            if (unit is not null)
            {
                identity.AddClaim(new Claim(DataScope.AgencyUnitClaim, unit.UnitId.ToString(CultureInfo.InvariantCulture)));
                identity.AddClaim(new Claim(DataScope.AgencyClaim, unit.AgencyId.ToString(CultureInfo.InvariantCulture)));
            }
        }

        var office = user.KanimId is { } ownKanim
            ? await db.Kanims.Where(k => k.Id == ownKanim).Select(k => new { k.Name, k.TimeZoneId }).FirstOrDefaultAsync()
            : user.KanwilId is { } ownKanwil
                ? await db.Kanims.Where(k => k.KanwilId == ownKanwil).OrderBy(k => k.Id).Select(k => new { k.Name, k.TimeZoneId }).FirstOrDefaultAsync()
                : null;
        identity.AddClaim(new Claim(TimeZoneClaim, office?.TimeZoneId ?? OfficeClock.DefaultTimeZone));
        if (user.KanimId is not null && office is not null)
        {
            identity.AddClaim(new Claim(KanimNameClaim, office.Name));
        }

        if (!user.TwoFactorEnabled && await db.Roles.AnyAsync(r => r.RequiresTwoFactor && userRoles.Contains(r.Name!)))
        {
            identity.AddClaim(new Claim(TwoFactorEnrolmentClaim, "required"));
        }

        return identity;
    }
}
