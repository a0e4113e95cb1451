using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using Timpora.Core.Reference;
using Timpora.Core.Villages;

namespace Timpora.Web.Pages.Villages;

/// <summary>What consultation and deferral forms share: the NIK's messages, destination countries, referrals.</summary>
public static class ResidentForms
{
    public static void AddNikErrors(ModelStateDictionary modelState, string field, NikResult result, IStringLocalizer t)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(result);
        foreach (var issue in result.Issues)
        {
            modelState.AddModelError(field, issue.Code switch
            {
                NikIssueCode.WrongLength => string.Format(CultureInfo.CurrentCulture, t["Village.Nik.WrongLength"].Value, result.Nik.Length),
                NikIssueCode.UnknownDistrict => string.Format(CultureInfo.CurrentCulture, t["Village.Nik.UnknownDistrict"].Value, result.DistrictCode),
                _ => t[$"Village.Nik.{issue.Code}"].Value,
            });
        }
    }

    /// <summary>"5318****0001": enough to tell people apart in a list without showing the birth date.</summary>
    public static string Masked(string nik) => nik.Length == Nik.Length ? nik[..4] + "********" + nik[12..] : nik;

    public static IReadOnlyList<(string Code, string Name)> Countries() =>
        [.. Nationalities.All.Where(n => n.Kind == NationalityKind.State && n.Code != "IDN")
            .Select(n => (n.Code, Name: CountryName(n.Code)))
            .OrderBy(n => n.Name, StringComparer.CurrentCulture)];

    public static string CountryName(string code) => Nationalities.Find(code) is { } n
        ? (CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "id" ? n.IndonesianName : n.EnglishName)
        : code;

    public static bool IsCountry(string? code) =>
        code is not null && code != "IDN" && Nationalities.Find(code) is { Kind: NationalityKind.State };
}

/// <summary>A new referral, or a change to one, as posted from a consultation or deferral page.</summary>
public sealed class ReferralForm
{
    public Guid? Id { get; set; }

    [Display(Name = "Village.Referral.Agency")]
    public ReferralAgency Agency { get; set; }

    [Display(Name = "Village.Referral.SentOn")]
    public DateOnly? SentOn { get; set; }

    [Display(Name = "Village.Status")]
    public ReferralStatus Status { get; set; }

    [Display(Name = "Village.Referral.Outcome")]
    public ReferralOutcome Outcome { get; set; }

    [StringLength(1000, ErrorMessage = "Validation.TooLong")]
    [Display(Name = "Village.Referral.Note")]
    public string? Note { get; set; }

    /// <summary>Adds the referral to <paramref name="referrals"/> or changes the one with <see cref="Id"/>; returns
    /// false with errors in the model state when the input does not hold.</summary>
    public bool Apply(ModelStateDictionary modelState, IStringLocalizer t, IList<Referral> referrals, Func<Referral> create, DateOnly today)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(referrals);
        ArgumentNullException.ThrowIfNull(create);
        var referral = Id is { } id ? referrals.FirstOrDefault(r => r.Id == id) : null;
        if (Id is not null && referral is null)
        {
            modelState.AddModelError("Referral", t["Village.Referral.Unknown"]);
            return false;
        }

        if (referral is null && SentOn is null)
        {
            modelState.AddModelError("Referral.SentOn", string.Format(CultureInfo.CurrentCulture, t["Validation.Required"].Value, t["Village.Referral.SentOn"].Value));
        }

        if (SentOn > today)
        {
            modelState.AddModelError("Referral.SentOn", t["Village.DateInFuture"]);
        }

        if (Status == ReferralStatus.Closed && Outcome == ReferralOutcome.None)
        {
            modelState.AddModelError("Referral.Outcome", t["Village.Referral.OutcomeRequired"]);
        }

        if (!modelState.IsValid)
        {
            return false;
        }

        if (referral is null)
        {
            referral = create();
            referral.Agency = Agency;
            referral.SentOn = SentOn!.Value;
            referrals.Add(referral);
        }

        referral.Status = Status;
        referral.Outcome = Outcome;
        referral.Note = Note?.Trim();
        referral.ClosedOn = Status == ReferralStatus.Closed ? referral.ClosedOn ?? today : null;
        return true;
    }
}
