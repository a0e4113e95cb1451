namespace Timpora.Tests.Mrz;

/// <summary>The specimens of ICAO Doc 9303 (Utopia, Anna Maria Eriksson) and a few built the same way; the
/// check digits were computed independently of the parser under test.</summary>
internal static class Specimens
{
    public static readonly DateOnly Today = new(2026, 5, 1);

    public const string Td3 = "P<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL898902C36UTO7408122F1204159ZE184226B<<<<<10";

    public const string Td1 = "I<UTOD231458907<<<<<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<6\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    public const string Td2 = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD231458907UTO7408122F1204159<<<<<<<6";

    public const string MrvA = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<<<<<<<<<\nL8988901C4XXX4009078F96121096ZE184226B<<<<<<";

    public const string MrvB = "V<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nL8988901C4XXX4009078F9612109<<<<<<<<";

    /// <summary>The German specimen: state code D, and a filler as the check digit of the empty personal number.</summary>
    public const string German = "P<D<<MUSTERMANN<<ERIKA<<<<<<<<<<<<<<<<<<<<<<\nC01X00T478D<<6408125F2702283<<<<<<<<<<<<<<<4";

    public const string Stateless = "P<NLDDE<BRUIJN<<WILLEKE<LOTTE<<<<<<<<<<<<<<<\nSPECI20142XXA6503101F2403096<<<<<<<<<<<<<<08";

    public const string BirthYearOnly = "P<AUSCITIZEN<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<\nPA12345673AUS74<<<<1M3001019<<<<<<<<<<<<<<08";

    public const string BirthYearAndMonth = "P<AUSCITIZEN<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<\nPA12345673AUS7408<<7M3001019<<<<<<<<<<<<<<00";

    public const string BirthUnknown = "P<AUSCITIZEN<<JOHN<<<<<<<<<<<<<<<<<<<<<<<<<<\nPA12345673AUS<<<<<<0X3001019<<<<<<<<<<<<<<00";

    public const string SingleName = "P<IDNSUKARNO<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<<\nX1234567<7IDN0106061M3001019<<<<<<<<<<<<<<06";

    public const string BornLastYear = "P<JPNTANAKA<<HANAKO<<<<<<<<<<<<<<<<<<<<<<<<<\nTK12345671JPN2501017F3501014<<<<<<<<<<<<<<06";

    /// <summary>A TD1 card whose 12-character number runs on into the optional data (Doc 9303 Part 5).</summary>
    public const string Td1LongNumber = "I<UTOD23145890<1233<<<<<<<<<<<\n7408122F1204159UTO<<<<<<<<<<<2\nERIKSSON<<ANNA<MARIA<<<<<<<<<<";

    public const string Td2LongNumber = "I<UTOERIKSSON<<ANNA<MARIA<<<<<<<<<<<\nD23145890<UTO7408122F12041591233<<<4";
}
