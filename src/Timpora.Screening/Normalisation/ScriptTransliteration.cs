namespace Timpora.Screening.Normalisation;

/// <summary>
/// Letter tables for the scripts a watchlist meets most: the ICAO 9303 (Part 3, section 6) Latin
/// replacements, Cyrillic as printed in Russian and Ukrainian passports, Greek after ELOT 743, and a
/// consonantal Arabic/Persian table (short vowels are rarely written, the phonetic key bridges the gap).
/// </summary>
internal static class ScriptTransliteration
{
    private static readonly Dictionary<char, string> Latin = new()
    {
        ['Ä'] = "AE",
        ['Æ'] = "AE",
        ['Å'] = "AA",
        ['Ö'] = "OE",
        ['Ø'] = "OE",
        ['Œ'] = "OE",
        ['Ü'] = "UE",
        ['ß'] = "SS",
        ['ẞ'] = "SS",
        ['Þ'] = "TH",
        ['Ð'] = "D",
        ['Đ'] = "D",
        ['Ł'] = "L",
        ['Ħ'] = "H",
        ['Ĳ'] = "IJ",
        ['ı'] = "I",
        ['Ŀ'] = "L",
        ['Ŧ'] = "T",
        ['Ŋ'] = "N",
    };

    // Russian passports since 2013 follow ICAO 9303 for Cyrillic.
    private static readonly string[] Cyrillic =
    [
        "A", "B", "V", "G", "D", "E", "ZH", "Z", "I", "I", "K", "L", "M", "N", "O", "P",
        "R", "S", "T", "U", "F", "KH", "TS", "CH", "SH", "SHCH", "IE", "Y", "", "E", "IU", "IA",
    ];

    private static readonly string[] Greek =
    [
        "A", "V", "G", "D", "E", "Z", "I", "TH", "I", "K", "L", "M", "N", "X", "O", "P",
        "R", "S", "S", "T", "Y", "F", "CH", "PS", "O",
    ];

    private static readonly Dictionary<char, string> Arabic = new()
    {
        ['ا'] = "A",
        ['أ'] = "A",
        ['إ'] = "I",
        ['آ'] = "A",
        ['ٱ'] = "A",
        ['ب'] = "B",
        ['ت'] = "T",
        ['ث'] = "TH",
        ['ج'] = "J",
        ['ح'] = "H",
        ['خ'] = "KH",
        ['د'] = "D",
        ['ذ'] = "DH",
        ['ر'] = "R",
        ['ز'] = "Z",
        ['س'] = "S",
        ['ش'] = "SH",
        ['ص'] = "S",
        ['ض'] = "D",
        ['ط'] = "T",
        ['ظ'] = "Z",
        ['ع'] = "A",
        ['غ'] = "GH",
        ['ف'] = "F",
        ['ق'] = "Q",
        ['ك'] = "K",
        ['ل'] = "L",
        ['م'] = "M",
        ['ن'] = "N",
        ['ه'] = "H",
        ['ة'] = "A",
        ['و'] = "W",
        ['ي'] = "Y",
        ['ى'] = "A",
        ['ء'] = "",
        ['ؤ'] = "U",
        ['ئ'] = "I",
        ['پ'] = "P",
        ['چ'] = "CH",
        ['ژ'] = "ZH",
        ['گ'] = "G",
        ['ک'] = "K",
        ['ی'] = "Y",
        ['ە'] = "E",
        ['ۆ'] = "O",
    };

    public static bool IsArabic(char c) => c is >= '\u0600' and <= '\u06FF';

    /// <summary>The Latin replacement of one upper-case letter, or null when this table does not know it.</summary>
    public static string? Transliterate(char c, bool ukrainian)
    {
        if (Latin.TryGetValue(c, out var latin))
        {
            return latin;
        }

        if (c is >= 'А' and <= 'Я')
        {
            // Ukrainian passports write Г as H and И as Y; the other letters agree with Russian.
            return ukrainian && c == 'Г' ? "H" : ukrainian && c == 'И' ? "Y" : Cyrillic[c - 'А'];
        }

        if (c is >= 'Ѐ' and <= 'Џ' || c is 'Ґ' or 'Ў')
        {
            return c switch
            {
                'Ё' or 'Ѐ' => "E",
                'Є' => "IE",
                'І' or 'Ї' => "I",
                'Ґ' => "G",
                'Ў' => "U",
                'Ј' => "J",
                'Ђ' or 'Џ' => "DJ",
                'Ћ' => "C",
                'Љ' => "LJ",
                'Њ' => "NJ",
                'Ѕ' => "DZ",
                _ => "",
            };
        }

        if (c is >= 'Α' and <= 'Ω')
        {
            return Greek[c - 'Α'];
        }

        return Arabic.TryGetValue(c, out var arabic) ? arabic : null;
    }

    public static bool IsUkrainianMarker(char c) => c is 'І' or 'Ї' or 'Є' or 'Ґ' or 'і' or 'ї' or 'є' or 'ґ';
}
