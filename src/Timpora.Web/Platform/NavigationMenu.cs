using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Timpora.Web.Platform;

/// <summary>One entry of the main menu: the page it opens (its view path, e.g. "/Watchlists/Index"), its link and the
/// resource key of its text.</summary>
public sealed record MenuEntry(string Page, string Href, string TextKey, string? TestId = null);

/// <summary>
/// The main menu, listed once. Whether a person sees an entry is asked of the very authorization the page's endpoint
/// carries (the folder and page conventions in <see cref="Services"/>, combined as the authorization middleware
/// combines them, with the fallback policy when it has none), so the menu and the page cannot disagree (ADR 0032).
/// </summary>
public sealed class NavigationMenu(EndpointDataSource endpoints, IAuthorizationPolicyProvider policies, IAuthorizationService authorization)
{
    public static readonly IReadOnlyList<MenuEntry> Entries =
    [
        new("/Home/Index", "/Home", "Nav.Home"),
        new("/Areas/Index", "/Areas", "Nav.Areas"),
        new("/Offices/Index", "/Offices", "Nav.Offices"),
        new("/Agencies/Index", "/Agencies", "Nav.Agencies"),
        new("/People/Index", "/People", "Nav.People"),
        new("/Foreigners/Index", "/Foreigners", "Nav.Foreigners"),
        new("/Providers/Index", "/Providers", "Providers.Nav"),
        new("/Watchlists/Index", "/Watchlists", "Watchlists.Nav", "nav-watchlists"),
        new("/Villages/Index", "/Villages", "Village.Nav.Menu"),
        new("/Sanctions/Index", "/Sanctions", "Sanctions.Nav"),
        new("/Operations/Index", "/Operations", "Operations.Nav"),
        new("/Teams/Index", "/Teams", "Teams.Nav"),
        new("/ActionItems/Index", "/ActionItems", "Actions.Title"),
        new("/GuestReports/Index", "/GuestReports", "Nav.GuestReports"),
        new("/Provider/ApiKeys", "/Provider/ApiKeys", "ApiKeys.Nav"),
        new("/Tips/Index", "/Tips", "Tips.Nav", "nav-tips"),
        new("/Audit/Index", "/Audit", "Nav.Audit"),
        new("/Admin/Users/Index", "/Admin/Users", "Nav.Accounts", "nav-accounts"),
        new("/Admin/Roles", "/Admin/Roles", "Nav.Admin"),
        new("/Admin/VisaIndexes", "/Admin/VisaIndexes", "Nav.AdminVisaIndexes"),
        new("/Admin/OverstayRates", "/Admin/OverstayRates", "Nav.AdminOverstayRates"),
        new("/Admin/Holidays", "/Admin/Holidays", "Holidays.Nav"),
    ];

    /// <summary>The entries <paramref name="user"/> may open, in menu order.</summary>
    public async Task<IReadOnlyList<MenuEntry>> ForAsync(ClaimsPrincipal user)
    {
        var visible = new List<MenuEntry>();
        foreach (var entry in Entries)
        {
            if (await MayOpenAsync(user, entry.Page))
            {
                visible.Add(entry);
            }
        }

        return visible;
    }

    /// <summary>Whether the page's endpoint authorization lets <paramref name="user"/> in; an unknown page is hidden.</summary>
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string page)
    {
        var endpoint = endpoints.Endpoints.FirstOrDefault(e => e.Metadata.GetMetadata<PageActionDescriptor>()?.ViewEnginePath == page);
        if (endpoint is null)
        {
            return false;
        }

        if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null)
        {
            return true;
        }

        var policy = await AuthorizationPolicy.CombineAsync(policies, endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>(),
                endpoint.Metadata.GetOrderedMetadata<AuthorizationPolicy>())
            ?? await policies.GetFallbackPolicyAsync();
        return policy is null || (await authorization.AuthorizeAsync(user, policy)).Succeeded;
    }
}
