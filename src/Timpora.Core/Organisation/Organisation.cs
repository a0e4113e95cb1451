namespace Timpora.Core.Organisation;

/// <summary>Kantor Wilayah: a regional office of the immigration service, usually one per province.</summary>
public sealed class Kanwil : Audit.IAudited
{
    string Audit.IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // A Kanwil is no Kanim's: its entries are read at the national level.
    int? Audit.IAudited.AuditKanimId => null;

    public int Id { get; set; }
    public required string Name { get; set; }
    public required string ProvinceCode { get; set; }
    public string? Address { get; set; }

    /// <summary>IANA time zone of the Kanwil's seat: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).</summary>
    public string TimeZoneId { get; set; } = "Asia/Jakarta";
    public List<Kanim> Kanims { get; set; } = [];
}

/// <summary>Kantor Imigrasi: an immigration office with its working area (a set of regencies/cities).</summary>
public sealed class Kanim : Audit.IAudited
{
    string Audit.IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    int? Audit.IAudited.AuditKanimId => Id;

    public int Id { get; set; }
    public int KanwilId { get; set; }
    public Kanwil? Kanwil { get; set; }
    public required string Name { get; set; }
    public string? Address { get; set; }

    /// <summary>The office's class as its decree names it: "Kelas I TPI", "Kelas II Non TPI", ...</summary>
    public string? OfficeClass { get; set; }

    /// <summary>IANA time zone: Asia/Jakarta (WIB), Asia/Makassar (WITA) or Asia/Jayapura (WIT).</summary>
    public required string TimeZoneId { get; set; }
    public List<KanimWorkingArea> WorkingAreas { get; set; } = [];
}

public sealed class KanimWorkingArea : Audit.IAudited
{
    string Audit.IAudited.AuditId => KanimId.ToString(System.Globalization.CultureInfo.InvariantCulture) + ":" + RegencyCode;

    int? Audit.IAudited.AuditKanimId => KanimId;

    public int KanimId { get; set; }
    public required string RegencyCode { get; set; }
}

/// <summary>A partner agency of the Timpora: Polri, TNI, Kejaksaan, Pemda units, Disnaker, ...
/// The immigration service itself is an agency too, so its officers are people in units like anyone else.</summary>
public sealed class Agency : Audit.IAudited
{
    string Audit.IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    // An agency is national (Polri, TNI, ...): its entries are read at the national level; its units are the offices'.
    int? Audit.IAudited.AuditKanimId => null;

    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<AgencyUnit> Units { get; set; } = [];
}

/// <summary>An agency's unit in an area: Polres Sumba Barat Daya, Kodim 1629, Kanim Kupang, ...</summary>
public sealed class AgencyUnit : Audit.IAudited
{
    string Audit.IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    int? Audit.IAudited.AuditKanimId => KanimId;

    public int Id { get; set; }
    public int AgencyId { get; set; }
    public Agency? Agency { get; set; }
    public required string Name { get; set; }
    public required string AreaCode { get; set; }

    /// <summary>The Kanim whose working area the unit sits in.</summary>
    public int KanimId { get; set; }
}
