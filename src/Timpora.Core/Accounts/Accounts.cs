using Microsoft.AspNetCore.Identity;

namespace Timpora.Core.Accounts;

public sealed class AppUser : IdentityUser, Audit.IAudited
{
    public required string DisplayName { get; set; }

    /// <summary>Set when an administrator deactivates the account: sign-in is refused and existing sessions end.</summary>
    public DateTime? DeactivatedUtc { get; set; }

    public DateTime? LastSignInUtc { get; set; }

    /// <summary>A Kanwil supervisor or Kanim officer who manages the accounts, units and teams of their own office
    /// (set by someone above them, see <see cref="AccountAdministration"/>).</summary>
    public bool IsOfficeAdministrator { get; set; }

    string Audit.IAudited.AuditId => Id;

    int? Audit.IAudited.AuditKanimId => KanimId;
    public Guid? PersonId { get; set; }

    /// <summary>The office the user works for: decides scope and the time zone dates are shown in.</summary>
    public int? KanimId { get; set; }
    public int? KanwilId { get; set; }

    /// <summary>For an accommodation-provider operator: the property whose guests they report.</summary>
    public Guid? ProviderId { get; set; }

    public List<PimpasaVillage> Villages { get; set; } = [];
}

public sealed class AppRole : IdentityRole
{
    public AppRole() { }

    public AppRole(string name) : base(name) { }

    /// <summary>Set by an administrator: users in this role must sign in with a TOTP second factor.</summary>
    public bool RequiresTwoFactor { get; set; }
}

/// <summary>A village assigned to a PIMPASA officer (Petugas Imigrasi Pembina Desa).</summary>
public sealed class PimpasaVillage
{
    public required string UserId { get; set; }
    public required string VillageCode { get; set; }
}

public static class Roles
{
    public const string Administrator = "Administrator";

    /// <summary>Direktorat Jenderal Imigrasi: reads every Kanwil and Kanim, writes nothing (see ReadOnlyRoles).</summary>
    public const string NationalSupervisor = "NationalSupervisor";
    public const string KanwilSupervisor = "KanwilSupervisor";
    public const string KanimOfficer = "KanimOfficer";
    public const string Pimpasa = "Pimpasa";
    public const string PartnerMember = "PartnerMember";
    public const string ProviderOperator = "ProviderOperator";

    /// <summary>Kader desa: files tip-line reports for residents of their village(s) and sees only those.</summary>
    public const string VillageCadre = "VillageCadre";

    public static readonly IReadOnlyList<string> All =
        [Administrator, NationalSupervisor, KanwilSupervisor, KanimOfficer, Pimpasa, PartnerMember, ProviderOperator, VillageCadre];

    /// <summary>Roles that work inside the immigration service and may see the staff modules.</summary>
    public const string Staff = Administrator + "," + NationalSupervisor + "," + KanwilSupervisor + "," + KanimOfficer + "," + Pimpasa;
}

/// <summary>The password and account rules, stated once: the web application's Identity and the command line's
/// <c>create-admin</c> both apply them.</summary>
public static class AccountRules
{
    public static void Apply(IdentityOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Password.RequiredLength = 12;
        options.Password.RequireNonAlphanumeric = true;
        options.Password.RequireDigit = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireLowercase = true;
        options.User.RequireUniqueEmail = true;
    }
}
