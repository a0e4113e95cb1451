using Timpora.Core.Data;

namespace Timpora.Core.Foreigners;

/// <summary>One foreign national, as the passport names them. The area and Kanim are those of the current
/// address, so the office that supervises the address sees the person.</summary>
public sealed class Foreigner : PersonalRecord
{
    /// <summary>Primary identifier (surname) as in the passport's MRZ.</summary>
    public required string Surname { get; set; }

    public string GivenNames { get; set; } = "";

    /// <summary>Upper-case, accent-free "SURNAME GIVEN NAMES" for search and matching.</summary>
    public string NameKey { get; set; } = "";

    public Sex Sex { get; set; }

    /// <summary>"1974", "1974-08" or "1974-08-12": ICAO allows an unknown day or month.</summary>
    public string? BirthDate { get; set; }

    /// <summary>ICAO 9303 code: ISO 3166 alpha-3 plus D, XXA, UNO, ...</summary>
    public required string Nationality { get; set; }

    public string? Occupation { get; set; }

    public string? Street { get; set; }
    public double? Latitude { get; set; }
    public double? Longitude { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }

    public GuarantorKind? GuarantorKind { get; set; }
    public string? GuarantorName { get; set; }

    /// <summary>NIB (business number) of a company guarantor, or NIK of a person.</summary>
    public string? GuarantorNumber { get; set; }

    public string? GuarantorContact { get; set; }

    public List<TravelDocument> Documents { get; set; } = [];
    public List<ForeignerAlias> Aliases { get; set; } = [];
    public List<ForeignerAddress> PastAddresses { get; set; } = [];

    public string FullName => string.IsNullOrEmpty(GivenNames) ? Surname : $"{Surname}, {GivenNames}";

    public static string KeyOf(string surname, string givenNames) =>
        Areas.Area.NormaliseForSearch(surname + " " + givenNames).ToUpperInvariant();
}

public enum Sex
{
    Unknown = 0,
    Male = 1,
    Female = 2,
    Other = 3,
}

public enum GuarantorKind
{
    Person = 1,
    Company = 2,
}

public sealed class TravelDocument
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ForeignerId { get; set; }
    public required string Number { get; set; }
    public required string IssuingState { get; set; }
    public DateOnly? ExpiresOn { get; set; }
}

/// <summary>Another spelling of the person's name (from another document, a report, a tip).</summary>
public sealed class ForeignerAlias
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ForeignerId { get; set; }
    public required string Name { get; set; }
}

public sealed class ForeignerAddress
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ForeignerId { get; set; }
    public required string AreaCode { get; set; }
    public string? Street { get; set; }
    public DateTime UntilUtc { get; set; }
}
