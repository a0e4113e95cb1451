namespace Timpora.Core.Mrz;

/// <summary>A run of characters on one MRZ line, zero-based.</summary>
internal readonly record struct MrzRange(int Line, int Start, int Length)
{
    /// <summary>Written as Doc 9303's tables write it: line and positions counted from 1, both ends included.</summary>
    public static MrzRange Positions(int line, int from, int to) => new(line - 1, from - 1, to - from + 1);

    public string Of(IReadOnlyList<string> lines) => lines[Line].Substring(Start, Length);
}

/// <summary>Where each field sits in one format. The positions are those of the data-structure tables in
/// Doc 9303 Part 4 (TD3), Part 5 (TD1), Part 6 (TD2) and Part 7 (MRV-A, MRV-B).</summary>
internal sealed record MrzLayout(
    MrzFormat Format,
    int LineCount,
    int LineLength,
    MrzRange Name,
    MrzRange DocumentNumber,
    MrzRange DocumentNumberCheck,
    MrzRange Nationality,
    MrzRange DateOfBirth,
    MrzRange DateOfBirthCheck,
    MrzRange Sex,
    MrzRange ExpiryDate,
    MrzRange ExpiryDateCheck,
    MrzRange OptionalData,
    MrzRange? OptionalDataCheck,
    MrzRange? OptionalData2,
    MrzRange? CompositeCheck,
    IReadOnlyList<MrzRange> CompositeSources)
{
    private static MrzRange P(int line, int from, int to) => MrzRange.Positions(line, from, to);

    public static readonly MrzLayout Td3 = new(
        MrzFormat.Td3, 2, 44, Name: P(1, 6, 44),
        DocumentNumber: P(2, 1, 9), DocumentNumberCheck: P(2, 10, 10), Nationality: P(2, 11, 13),
        DateOfBirth: P(2, 14, 19), DateOfBirthCheck: P(2, 20, 20), Sex: P(2, 21, 21),
        ExpiryDate: P(2, 22, 27), ExpiryDateCheck: P(2, 28, 28),
        OptionalData: P(2, 29, 42), OptionalDataCheck: P(2, 43, 43), OptionalData2: null,
        CompositeCheck: P(2, 44, 44), CompositeSources: [P(2, 1, 10), P(2, 14, 20), P(2, 22, 43)]);

    public static readonly MrzLayout Td2 = new(
        MrzFormat.Td2, 2, 36, Name: P(1, 6, 36),
        DocumentNumber: P(2, 1, 9), DocumentNumberCheck: P(2, 10, 10), Nationality: P(2, 11, 13),
        DateOfBirth: P(2, 14, 19), DateOfBirthCheck: P(2, 20, 20), Sex: P(2, 21, 21),
        ExpiryDate: P(2, 22, 27), ExpiryDateCheck: P(2, 28, 28),
        OptionalData: P(2, 29, 35), OptionalDataCheck: null, OptionalData2: null,
        CompositeCheck: P(2, 36, 36), CompositeSources: [P(2, 1, 10), P(2, 14, 20), P(2, 22, 35)]);

    public static readonly MrzLayout Td1 = new(
        MrzFormat.Td1, 3, 30, Name: P(3, 1, 30),
        DocumentNumber: P(1, 6, 14), DocumentNumberCheck: P(1, 15, 15), Nationality: P(2, 16, 18),
        DateOfBirth: P(2, 1, 6), DateOfBirthCheck: P(2, 7, 7), Sex: P(2, 8, 8),
        ExpiryDate: P(2, 9, 14), ExpiryDateCheck: P(2, 15, 15),
        OptionalData: P(1, 16, 30), OptionalDataCheck: null, OptionalData2: P(2, 19, 29),
        CompositeCheck: P(2, 30, 30), CompositeSources: [P(1, 6, 30), P(2, 1, 7), P(2, 9, 15), P(2, 19, 29)]);

    // Doc 9303 Part 7: visas carry no composite check digit and no check digit on the optional data.
    public static readonly MrzLayout MrvA = Td3 with
    {
        Format = MrzFormat.MrvA,
        OptionalData = P(2, 29, 44),
        OptionalDataCheck = null,
        CompositeCheck = null,
        CompositeSources = [],
    };

    public static readonly MrzLayout MrvB = Td2 with
    {
        Format = MrzFormat.MrvB,
        OptionalData = P(2, 29, 36),
        CompositeCheck = null,
        CompositeSources = [],
    };

    /// <summary>TD1 and TD2 let a document number longer than 9 characters run on into the optional data
    /// (Doc 9303 Parts 5 and 6); passports and visas do not.</summary>
    public bool AllowsLongDocumentNumber => Format is MrzFormat.Td1 or MrzFormat.Td2;

    /// <summary>The document codes each layout is meant for (Part 4: P; Parts 5 and 6: I, A, C; Part 7: V).</summary>
    public string ExpectedFirstLetters => Format switch
    {
        MrzFormat.Td3 => "P",
        MrzFormat.MrvA or MrzFormat.MrvB => "V",
        _ => "IAC",
    };
}
