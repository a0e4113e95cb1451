using System.Globalization;
using Timpora.Core.Foreigners;
using Timpora.Core.Mrz;
using Timpora.Core.Permits;
using Timpora.Core.Reference;

namespace Timpora.Core.GuestReports;

/// <summary>A check-in as a provider reports it, from any channel: web form, API or bulk file.</summary>
public sealed record CheckIn
{
    public string Surname { get; init; } = "";
    public string GivenNames { get; init; } = "";
    public Sex Sex { get; init; }
    public string? BirthDate { get; init; }
    public string Nationality { get; init; } = "";
    public string PassportNumber { get; init; } = "";
    public string PassportIssuingState { get; init; } = "";
    public DateOnly? PassportExpiresOn { get; init; }
    public PermitKind PermitKind { get; init; }
    public string? VisaIndexCode { get; init; }
    public string? PermitNumber { get; init; }
    public DateOnly? PermitExpiresOn { get; init; }
    public DateTime CheckInUtc { get; init; }
    public DateTime? PlannedDepartureUtc { get; init; }
    public string? Room { get; init; }
    public string? Purpose { get; init; }

    /// <summary>Trims, upper-cases codes and names as the MRZ writes them.</summary>
    public CheckIn Normalised() => this with
    {
        Surname = Surname.Trim().ToUpperInvariant(),
        GivenNames = GivenNames.Trim().ToUpperInvariant(),
        BirthDate = string.IsNullOrWhiteSpace(BirthDate) ? null : BirthDate.Trim(),
        Nationality = Nationality.Trim().ToUpperInvariant(),
        PassportNumber = PassportNumber.Replace(" ", "", StringComparison.Ordinal).Trim().ToUpperInvariant(),
        PassportIssuingState = (string.IsNullOrWhiteSpace(PassportIssuingState) ? Nationality : PassportIssuingState).Trim().ToUpperInvariant(),
        VisaIndexCode = string.IsNullOrWhiteSpace(VisaIndexCode) ? null : VisaIndexCode.Trim().ToUpperInvariant(),
        PermitNumber = string.IsNullOrWhiteSpace(PermitNumber) ? null : PermitNumber.Trim(),
        Room = string.IsNullOrWhiteSpace(Room) ? null : Room.Trim(),
        Purpose = string.IsNullOrWhiteSpace(Purpose) ? null : Purpose.Trim(),
    };
}

/// <summary>What is wrong with one field of a report. <see cref="Code"/> names a resource text
/// ("Report.&lt;Code&gt;"), formatted with <see cref="Arguments"/>; <see cref="Message"/> is the English text for
/// logs and the API.</summary>
public sealed record ReportProblem(string Field, string Code, string Message, IReadOnlyList<object>? Arguments = null);

/// <summary>The rules every check-in must pass before it is accepted, whatever the channel.</summary>
public static class CheckInRules
{
    /// <summary>How far ahead of the server clock a check-in time may lie (a receptionist's phone clock).</summary>
    private static readonly TimeSpan ClockTolerance = TimeSpan.FromHours(1);

    public static IReadOnlyList<ReportProblem> Validate(CheckIn c, DateTime nowUtc)
    {
        var problems = new List<ReportProblem>();
        void Add(string field, string code, string message) => problems.Add(new ReportProblem(field, code, message));

        if (string.IsNullOrWhiteSpace(c.Surname))
        {
            Add(nameof(c.Surname), "SurnameRequired", "The surname (primary identifier in the passport) is required.");
        }
        else if (c.Surname.Length > 100 || c.GivenNames.Length > 150)
        {
            Add(nameof(c.Surname), "NameTooLong", "The name is longer than a passport allows (surname 100, given names 150 characters).");
        }
        else if ((c.Surname + c.GivenNames).Any(ch => char.IsControl(ch) || char.IsDigit(ch)))
        {
            Add(nameof(c.Surname), "NameCharacters", "A name may not contain digits or control characters.");
        }

        if (!Nationalities.IsKnown(c.Nationality))
        {
            Add(nameof(c.Nationality), "NationalityUnknown", $"'{c.Nationality}' is not an ICAO nationality code (e.g. AUS, D, XXA).");
        }
        else if (c.Nationality == "IDN")
        {
            Add(nameof(c.Nationality), "NationalityIndonesian", "An Indonesian citizen is not a foreign guest and is not reported here.");
        }

        if (c.BirthDate is not null)
        {
            if (!PartialDate.TryParse(c.BirthDate, out var birth))
            {
                Add(nameof(c.BirthDate), "BirthDateInvalid", $"'{c.BirthDate}' is not a date: write YYYY-MM-DD, YYYY-MM or YYYY.");
            }
            else if (birth.IsAfter(DateOnly.FromDateTime(nowUtc)))
            {
                Add(nameof(c.BirthDate), "BirthDateFuture", "The date of birth is in the future.");
            }
        }

        if (c.PassportNumber.Length is 0 or > 20 || !c.PassportNumber.All(ch => ch is (>= 'A' and <= 'Z') or (>= '0' and <= '9')))
        {
            Add(nameof(c.PassportNumber), "PassportNumberInvalid", "The passport number is required: 1 to 20 letters and digits.");
        }

        if (!Nationalities.IsKnown(c.PassportIssuingState))
        {
            Add(nameof(c.PassportIssuingState), "IssuingStateUnknown", $"'{c.PassportIssuingState}' is not an ICAO code of an issuing state.");
        }

        if (c.CheckInUtc == default)
        {
            Add(nameof(c.CheckInUtc), "CheckInRequired", "The check-in time is required.");
        }
        else if (c.CheckInUtc > nowUtc + ClockTolerance)
        {
            Add(nameof(c.CheckInUtc), "CheckInFuture", "The check-in time is in the future.");
        }
        else if (c.CheckInUtc < nowUtc.AddYears(-1))
        {
            Add(nameof(c.CheckInUtc), "CheckInTooOld", "The check-in is more than a year ago; report it to the Kanim directly.");
        }

        var checkInDay = DateOnly.FromDateTime(c.CheckInUtc);
        if (c.PassportExpiresOn is { } expiry && c.CheckInUtc != default && expiry < checkInDay)
        {
            Add(nameof(c.PassportExpiresOn), "PassportExpired",
                $"The passport expired on {expiry.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}, before the check-in. Check the date, or ask the guest for a valid passport.");
        }

        if (c.PlannedDepartureUtc is { } departure && c.CheckInUtc != default && departure < c.CheckInUtc)
        {
            Add(nameof(c.PlannedDepartureUtc), "DepartureBeforeArrival", "The planned departure is before the check-in.");
        }

        if (c.Room?.Length > 50 || c.Purpose?.Length > 200 || c.PermitNumber?.Length > 50 || c.VisaIndexCode?.Length > 10)
        {
            Add(nameof(c.Room), "FieldTooLong", "Room (50), purpose (200), permit number (50) or visa index (10) is too long.");
        }

        return problems;
    }
}
