using Microsoft.Extensions.Localization;
using Timpora.Core.Providers;

namespace Timpora.Web.Pages.Providers;

/// <summary>The words for a provider's kind and status, written out so that the language test sees each key.</summary>
public static class ProviderTexts
{
    public static string Kind(IStringLocalizer t, ProviderKind kind) => kind switch
    {
        ProviderKind.Hotel => t["Providers.KindHotel"],
        ProviderKind.Villa => t["Providers.KindVilla"],
        ProviderKind.Guesthouse => t["Providers.KindGuesthouse"],
        ProviderKind.Kos => t["Providers.KindKos"],
        ProviderKind.Apartment => t["Providers.KindApartment"],
        ProviderKind.CompanyDormitory => t["Providers.KindCompanyDormitory"],
        ProviderKind.PrivateHouse => t["Providers.KindPrivateHouse"],
        _ => kind.ToString(),
    };

    public static string Status(IStringLocalizer t, ProviderStatus status) => status switch
    {
        ProviderStatus.Pending => t["Providers.StatusPending"],
        ProviderStatus.Approved => t["Providers.StatusApproved"],
        ProviderStatus.Rejected => t["Providers.StatusRejected"],
        ProviderStatus.Suspended => t["Providers.StatusSuspended"],
        _ => status.ToString(),
    };
}
