using System.Security.Claims;

namespace Timpora.Core.Data;

/// <summary>What records a caller may see. Every query for a <see cref="PersonalRecord"/> passes through the
/// global query filter in <see cref="AppDbContext"/>, which reads this, so no page can forget it.</summary>
public sealed class DataScope
{
    public const string KanimClaim = "timpora:kanim";
    public const string VillageClaim = "timpora:village";
    public const string AllClaim = "timpora:all";
    public const string ProviderClaim = "timpora:provider";

    /// <summary>For a partner-agency member: the agency unit of the person the account belongs to, and its
    /// agency. Features that share records with partners (teams, tips) read these.</summary>
    public const string AgencyUnitClaim = "timpora:agency-unit";
    public const string AgencyClaim = "timpora:agency";

    public static readonly DataScope Everything = new(true, [], []);
    public static readonly DataScope Nothing = new(false, [], []);

    public DataScope(bool all, IReadOnlyCollection<int> kanimIds, IReadOnlyCollection<string> villageCodes, IReadOnlyCollection<Guid>? providerIds = null,
        int? agencyUnitId = null, int? agencyId = null)
    {
        All = all;
        KanimIds = [.. kanimIds];
        VillageCodes = [.. villageCodes];
        ProviderIds = [.. providerIds ?? []];
        AgencyUnitId = agencyUnitId;
        AgencyId = agencyId;
    }

    public bool All { get; }

    public List<int> KanimIds { get; }

    public List<string> VillageCodes { get; }

    public List<Guid> ProviderIds { get; }

    public int? AgencyUnitId { get; }

    public int? AgencyId { get; }

    public bool Covers(int kanimId, string areaCode) =>
        All || KanimIds.Contains(kanimId) || VillageCodes.Contains(areaCode);

    public static DataScope From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return Nothing;
        }

        if (user.HasClaim(c => c.Type == AllClaim))
        {
            return Everything;
        }

        var kanims = user.FindAll(KanimClaim)
            .Select(c => int.TryParse(c.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : 0)
            .Where(id => id > 0)
            .ToList();
        var villages = user.FindAll(VillageClaim).Select(c => c.Value).ToList();
        var providers = user.FindAll(ProviderClaim).Select(c => Guid.TryParse(c.Value, out var id) ? id : Guid.Empty).Where(id => id != Guid.Empty).ToList();
        return new DataScope(false, kanims, villages, providers, IntClaim(user, AgencyUnitClaim), IntClaim(user, AgencyClaim));
    }

    private static int? IntClaim(ClaimsPrincipal user, string type) =>
        int.TryParse(user.FindFirst(type)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var id) ? id : null;
}

/// <summary>Who is acting: written into every audit entry, and the scope that filters what they see.</summary>
public sealed record Caller(string? UserId, string UserName, string? IpAddress, DataScope Scope)
{
    /// <summary>The application itself: start-up, jobs and command-line verbs.</summary>
    public static readonly Caller System = new(null, "system", null, DataScope.Everything);
}
