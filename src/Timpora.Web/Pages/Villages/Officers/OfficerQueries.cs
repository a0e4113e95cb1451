using Microsoft.EntityFrameworkCore;
using Timpora.Core.Accounts;
using Timpora.Core.Data;

namespace Timpora.Web.Pages.Villages.Officers;

/// <summary>The PIMPASA accounts of the offices in the caller's scope.</summary>
public static class OfficerQueries
{
    public static IQueryable<AppUser> InScope(AppDbContext db)
    {
        var scope = db.Caller.Scope;
        var kanims = scope.KanimIds;
        var pimpasaRole = db.Roles.Where(r => r.Name == Roles.Pimpasa).Select(r => r.Id);
        var pimpasaUsers = db.UserRoles.Where(ur => pimpasaRole.Contains(ur.RoleId)).Select(ur => ur.UserId);
        return db.Users.Where(u => pimpasaUsers.Contains(u.Id) && u.KanimId != null && (scope.All || kanims.Contains(u.KanimId.Value)));
    }
}
