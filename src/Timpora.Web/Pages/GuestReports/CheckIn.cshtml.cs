using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Timpora.Core.Data;
using Timpora.Core.Foreigners;
using Timpora.Core.GuestReports;
using Timpora.Core.Mrz;
using Timpora.Core.Permits;
using Timpora.Core.Providers;
using Timpora.Web.Platform;

namespace Timpora.Web.Pages.GuestReports;

/// <summary>The receptionist's check-in form: paste or type the passport's MRZ to fill it, correct what the
/// check digits flag, send. Built for a phone and for a minute's work.</summary>
public sealed class CheckInModel(AppDbContext db, OfficeClock clock, TimeProvider time, IStringLocalizer<SharedResource> t) : PageModel
{
    [BindProperty]
    public CheckInForm Input { get; set; } = new();

    public IReadOnlyList<(string Code, string Description)> VisaIndexes { get; private set; } = [];

    public AccommodationProvider? Provider { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        Input.CheckInLocal = TrimToMinute(clock.Now);
        return Page();
    }

    /// <summary>Reads the MRZ into the form. Nothing is saved: the receptionist checks the fields first.</summary>
    /// <summary>The MRZ section is open while nothing is filled, and whenever it holds an error.</summary>
    public bool MrzOpen => string.IsNullOrEmpty(Input.Surname)
        || ModelState.GetFieldValidationState("Input.Mrz") == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid;

    public async Task<IActionResult> OnPostFromMrzAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        ModelState.Clear();
        var result = MrzParser.Parse(Input.Mrz, DateOnly.FromDateTime(clock.Now));
        if (result.Format is null)
        {
            foreach (var issue in result.Issues)
            {
                ModelState.AddModelError("Input.Mrz", t["Mrz." + issue.Code]);
            }

            return Page();
        }

        if (result.Kind == DocumentKind.Visa)
        {
            Input.PermitNumber = result.DocumentNumber;
            Input.PermitExpiresOn = result.ExpiryDate;
        }
        else
        {
            Input.PassportNumber = result.DocumentNumber;
            Input.PassportIssuingState = result.IssuingState;
            Input.PassportExpiresOn = result.ExpiryDate;
        }

        Input.Surname = result.Surname;
        Input.GivenNames = result.GivenNames;
        Input.Nationality = result.Nationality;
        Input.BirthDate = result.DateOfBirth?.ToString();
        Input.Sex = result.Sex switch { MrzSex.Male => Sex.Male, MrzSex.Female => Sex.Female, _ => Sex.Unknown };
        foreach (var issue in result.Issues.Where(i => i.Severity == MrzSeverity.Error || i.Code is MrzIssueCode.UnknownNationality or MrzIssueCode.DocumentExpired))
        {
            ModelState.AddModelError(FieldOf(issue.Field, result.Kind), t["Mrz." + issue.Code]);
        }

        // A check digit that does not match means a misread or mistyped MRZ as often as a wrong field: the MRZ
        // itself is marked too, so its section opens with the message instead of folding it away after the fill.
        if (result.Issues.Any(i => i.Code is MrzIssueCode.DocumentNumberCheckDigit or MrzIssueCode.DateOfBirthCheckDigit
                or MrzIssueCode.ExpiryDateCheckDigit or MrzIssueCode.OptionalDataCheckDigit)
            && result.Issues.All(i => i.Code != MrzIssueCode.CompositeCheckDigit))
        {
            ModelState.AddModelError("Input.Mrz", t["Report.MrzCheckDigits"]);
        }

        return Page();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (await LoadAsync(cancellationToken) is { } refusal)
        {
            return refusal;
        }

        if (!ModelState.IsValid)
        {
            return Page();
        }

        var outcome = await GuestReporting.CheckInAsync(db, Provider!.Id, ToCheckIn(), ReportChannel.WebForm, time.GetUtcNow().UtcDateTime, cancellationToken);
        if (!outcome.Accepted)
        {
            foreach (var problem in outcome.Problems)
            {
                ModelState.AddModelError("Input." + FormField(problem.Field), t["Report." + problem.Code]);
            }

            return Page();
        }

        return Redirect($"/GuestReports/Receipt/{outcome.Report!.ReceiptNumber}");
    }

    private CheckIn ToCheckIn() => new()
    {
        Surname = Input.Surname ?? "",
        GivenNames = Input.GivenNames ?? "",
        Sex = Input.Sex,
        BirthDate = Input.BirthDate,
        Nationality = Input.Nationality ?? "",
        PassportNumber = Input.PassportNumber ?? "",
        PassportIssuingState = Input.PassportIssuingState ?? "",
        PassportExpiresOn = Input.PassportExpiresOn,
        PermitKind = Input.PermitKind,
        VisaIndexCode = Input.VisaIndexCode,
        PermitNumber = Input.PermitNumber,
        PermitExpiresOn = Input.PermitExpiresOn,
        CheckInUtc = clock.ToUtc(Input.CheckInLocal ?? default),
        PlannedDepartureUtc = Input.PlannedDeparture is { } d ? clock.ToUtc(d.ToDateTime(new TimeOnly(12, 0))) : null,
        Room = Input.Room,
        Purpose = Input.Purpose,
    };

    /// <summary>Only an operator of an approved provider reports guests.</summary>
    private async Task<IActionResult?> LoadAsync(CancellationToken cancellationToken)
    {
        var providerId = db.Caller.Scope.ProviderIds.FirstOrDefault();
        Provider = await db.Providers.AsNoTracking().FirstOrDefaultAsync(p => p.Id == providerId, cancellationToken);
        if (Provider is null)
        {
            return NotFound();
        }

        if (Provider.Status != ProviderStatus.Approved)
        {
            TempData["Message"] = t["Report.ProviderNotApproved"].Value;
            return Redirect("/Home");
        }

        var today = DateOnly.FromDateTime(clock.Now);
        VisaIndexes = (await db.VisaIndexes.AsNoTracking()
                .Where(v => v.ValidFrom <= today && (v.ValidUntil == null || v.ValidUntil >= today))
                .OrderBy(v => v.Code)
                .Select(v => new { v.Code, v.Description })
                .ToListAsync(cancellationToken))
            .Select(v => (v.Code, v.Description)).ToList();
        return null;
    }

    private static DateTime TrimToMinute(DateTime value) => new(value.Year, value.Month, value.Day, value.Hour, value.Minute, 0, value.Kind);

    private static string FieldOf(MrzField field, DocumentKind? kind) => field switch
    {
        MrzField.DocumentNumber => kind == DocumentKind.Visa ? "Input.PermitNumber" : "Input.PassportNumber",
        MrzField.ExpiryDate => kind == DocumentKind.Visa ? "Input.PermitExpiresOn" : "Input.PassportExpiresOn",
        MrzField.DateOfBirth => "Input.BirthDate",
        MrzField.Nationality => "Input.Nationality",
        MrzField.IssuingState => "Input.PassportIssuingState",
        MrzField.Name => "Input.Surname",
        MrzField.Sex => "Input.Sex",
        _ => "Input.Mrz",
    };

    private static string FormField(string field) => field switch
    {
        nameof(CheckIn.CheckInUtc) => nameof(CheckInForm.CheckInLocal),
        nameof(CheckIn.PlannedDepartureUtc) => nameof(CheckInForm.PlannedDeparture),
        "Provider" => nameof(CheckInForm.Surname),
        _ => field,
    };

    public sealed class CheckInForm
    {
        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.Mrz")]
        public string? Mrz { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(100, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.Surname")]
        public string? Surname { get; set; }

        [StringLength(150, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.GivenNames")]
        public string? GivenNames { get; set; }

        [Display(Name = "Report.Sex")]
        public Sex Sex { get; set; }

        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.BirthDate")]
        public string? BirthDate { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(3, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.Nationality")]
        public string? Nationality { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [StringLength(20, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.PassportNumber")]
        public string? PassportNumber { get; set; }

        [StringLength(3, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.IssuingState")]
        public string? PassportIssuingState { get; set; }

        [Display(Name = "Report.PassportExpiry")]
        public DateOnly? PassportExpiresOn { get; set; }

        [Display(Name = "Report.PermitKind")]
        public PermitKind PermitKind { get; set; } = PermitKind.Itk;

        [StringLength(10, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.VisaIndex")]
        public string? VisaIndexCode { get; set; }

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.PermitNumber")]
        public string? PermitNumber { get; set; }

        [Display(Name = "Report.PermitExpiry")]
        public DateOnly? PermitExpiresOn { get; set; }

        [Required(ErrorMessage = "Validation.Required")]
        [Display(Name = "Report.CheckIn")]
        public DateTime? CheckInLocal { get; set; }

        [Display(Name = "Report.PlannedDeparture")]
        public DateOnly? PlannedDeparture { get; set; }

        [StringLength(50, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.Room")]
        public string? Room { get; set; }

        [StringLength(200, ErrorMessage = "Validation.TooLong")]
        [Display(Name = "Report.Purpose")]
        public string? Purpose { get; set; }
    }
}
