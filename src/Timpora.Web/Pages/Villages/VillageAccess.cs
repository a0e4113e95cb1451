using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Accounts;
using Timpora.Core.Data;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages;

/// <summary>What the programme's pages share: who may act for the office, and
/// the texts of the programme's enums.</summary>
public static class VillageAccess
{
    /// <summary>Proposing villages, changing their state, assigning officers and recording deferrals are the
    /// office's work; a PIMPASA works inside the villages they are assigned.</summary>
    public static bool IsOffice(ClaimsPrincipal user) =>
        user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.KanwilSupervisor) || user.IsInRole(Roles.KanimOfficer);

    /// <summary>The user's programme villages by name for a select; <paramref name="activeOnly"/> leaves out those that
    /// ended, except <paramref name="keep"/> (the village a record already has).</summary>
    public static async Task<IReadOnlyList<(Guid Id, string Name)>> PickListAsync(AppDbContext db, bool activeOnly, Guid? keep, CancellationToken cancellationToken) =>
        (await db.ProgrammeVillages.AsNoTracking().Where(v => !activeOnly || v.Status != VillageStatus.Ended || v.Id == keep).OrderBy(v => v.Name)
            .Select(v => new { v.Id, v.Name }).ToListAsync(cancellationToken))
        .Select(v => (v.Id, v.Name)).ToList();

    public static string Text<TEnum>(IStringLocalizer t, TEnum value)
        where TEnum : struct, Enum => t[$"Village.{typeof(TEnum).Name}.{value}"];

    /// <summary>"Socialisation, Passports" for a flags value, in the user's language.</summary>
    public static string Flags<TEnum>(IStringLocalizer t, TEnum value)
        where TEnum : struct, Enum =>
        string.Join(", ", Enum.GetValues<TEnum>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f)).Select(f => Text(t, f)));

    public static IEnumerable<TEnum> SetFlags<TEnum>(TEnum value)
        where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().Where(f => Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture) != 0 && value.HasFlag(f));

    public static TEnum Combine<TEnum>(IEnumerable<TEnum>? values)
        where TEnum : struct, Enum =>
        (TEnum)Enum.ToObject(typeof(TEnum), (values ?? []).Aggregate(0L, (sum, f) => sum | Convert.ToInt64(f, System.Globalization.CultureInfo.InvariantCulture)));
}
