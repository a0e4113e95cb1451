using Timpora.Core.Accounts;

namespace Timpora.Web.Platform;

/// <summary>The national supervisor (Direktorat Jenderal Imigrasi) reads every office and writes nothing. Refused here,
/// once, for every page handler and staff API, so that a new form cannot forget it: anything but a read is a 403,
/// except their own account (signing out, a second factor) and choosing a language (ADR 0031).</summary>
public static class ReadOnlyRoles
{
    public static bool IsReadOnly(System.Security.Claims.ClaimsPrincipal user) =>
        user.IsInRole(Roles.NationalSupervisor) && !user.IsInRole(Roles.Administrator);

    public static void UseReadOnlyRoles(this WebApplication app) => app.Use(async (context, next) =>
    {
        var request = context.Request;
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method) && !HttpMethods.IsOptions(request.Method)
            && IsReadOnly(context.User)
            && !request.Path.StartsWithSegments("/Account", StringComparison.OrdinalIgnoreCase)
            && !request.Path.StartsWithSegments("/Language", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next();
    });
}
