using System.Globalization;
using System.Text;

namespace Timpora.Screening.Normalisation;

/// <summary>A name reduced to comparable parts: upper-case ASCII where the script is known, particles removed.</summary>
public sealed record NormalisedName(IReadOnlyList<string> Parts, bool MayBeTruncated)
{
    public override string ToString() => string.Join(' ', Parts);
}

/// <summary>
/// Turns a name as typed, printed or read from an MRZ into name parts. Letters of scripts the tables do not
/// know (Han, Hangul, Thai...) are kept as they are: such a name still matches the same spelling, and no
/// input makes the normaliser fail.
/// </summary>
public static class NameNormaliser
{
    /// <summary>Longer input is cut: no real name is longer, and it bounds the work per query.</summary>
    public const int MaxInputLength = 400;

    public const int MaxParts = 10;

    public const int MaxPartLength = 40;

    // The MRZ name field of a TD3 passport holds 39 characters; a name that fills it may have been cut.
    private const int MrzNameFieldLength = 39;

    // AN, LE, LA, DA and DU are kept: as often as they are Arabic, French or Portuguese particles they are
    // Korean, Vietnamese and Chinese family names (AHN, LÊ, LA, DU), where dropping them loses the surname.
    // VAN is kept too: far more often than the Dutch particle it is the commonest Vietnamese middle name, and a
    // given name (DANG THI VAN), so dropping it only where another part follows made THI VAN DANG another name.
    private static readonly HashSet<string> Particles =
    [
        "AL", "EL", "UL", "AD", "AR", "AS", "ASH", "AZ", "AT", "BIN", "BINTI", "BINT", "IBN", "BN", "BT",
        "BTE", "VON", "DER", "DEN", "DE", "DI", "DOS", "DAS", "DEL", "DELLA",
        "ZU", "TER", "TEN", "Y", "MR", "MRS", "MS", "DR", "HAJI", "HJ", "HAJJ", "HAJAH", "HJH",
    ];

    private static readonly string[] JoinableParticles = ["AL", "EL", "VAN", "BIN", "IBN", "DE", "DEL", "VON"];

    private static readonly Dictionary<string, string> Abbreviations = new()
    {
        ["MOHD"] = "MUHAMMAD",
        ["MUHD"] = "MUHAMMAD",
        ["MHD"] = "MUHAMMAD",
        ["MD"] = "MUHAMMAD",
        ["ABD"] = "ABDUL",
    };

    /// <summary>A particle that a form may have written joined to the next part (VANTRANG, ALRASHID, DELACRUZ).</summary>
    public static int JoinedParticleLength(string part)
    {
        foreach (var particle in JoinableParticles)
        {
            if (part.Length >= particle.Length + 3 && part.StartsWith(particle, StringComparison.Ordinal))
            {
                return particle.Length;
            }
        }

        return 0;
    }

    public static NormalisedName Normalise(string? raw)
    {
        if (string.IsNullOrEmpty(raw))
        {
            return new NormalisedName([], false);
        }

        var text = raw.Length > MaxInputLength ? raw[..MaxInputLength] : raw;
        var isMrz = text.Contains('<', StringComparison.Ordinal);
        var mayBeTruncated = isMrz && text.TrimEnd().TrimEnd('<').Length >= MrzNameFieldLength;
        if (!text.IsNormalized(NormalizationForm.FormC))
        {
            text = text.Normalize(NormalizationForm.FormC);
        }

        var ukrainian = false;
        foreach (var c in text)
        {
            ukrainian |= ScriptTransliteration.IsUkrainianMarker(c);
        }

        var parts = new List<string>();
        var fieldEnds = new List<int>();
        var current = new StringBuilder();
        var inArabicWord = false;
        var lastUnknown = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = char.ToUpperInvariant(text[i]);
            if (c is >= 'A' and <= 'Z')
            {
                current.Append(c);
                inArabicWord = false;
                lastUnknown = false;
                continue;
            }

            if (c is '\'' or '’' or 'ʼ' or '`' or '´' or 'ʻ')
            {
                continue;
            }

            if (ScriptTransliteration.IsArabic(c) && !inArabicWord && c == 'ا' && i + 1 < text.Length && text[i + 1] == 'ل'
                && i + 2 < text.Length && ScriptTransliteration.IsArabic(text[i + 2]))
            {
                // The article ال is written joined to the word; it is the particle AL- of the Latin spelling.
                Flush(parts, current);
                parts.Add("AL");
                i++;
                inArabicWord = true;
                continue;
            }

            if (c is 'و' or 'ي' or 'ی')
            {
                // Waw and ya are consonants at the start of a word or after alif, long vowels elsewhere.
                var consonant = current.Length == 0 || !inArabicWord || current[^1] == 'A';
                current.Append(c == 'و' ? (consonant ? 'W' : 'U') : (consonant ? 'Y' : 'I'));
                inArabicWord = true;
                lastUnknown = false;
                continue;
            }

            if (c == 'Ο' && i + 1 < text.Length && char.ToUpperInvariant(text[i + 1]) is 'Υ' or 'Ύ')
            {
                current.Append("OU");
                i++;
                continue;
            }

            var latin = ScriptTransliteration.Transliterate(c, ukrainian);
            if (latin is not null)
            {
                lastUnknown = false;
                current.Append(latin);
                inArabicWord = ScriptTransliteration.IsArabic(c);
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format)
            {
                // Vowel signs of scripts kept as they are (Thai, Devanagari) belong to the letter before them.
                if (lastUnknown && category != UnicodeCategory.Format)
                {
                    current.Append(c);
                }

                continue;
            }

            inArabicWord = false;
            if (char.IsLetter(c))
            {
                var decomposed = c.ToString().Normalize(NormalizationForm.FormD);
                var baseLetter = char.ToUpperInvariant(decomposed[0]);
                var known = ScriptTransliteration.Transliterate(baseLetter, ukrainian);
                if (baseLetter is >= 'A' and <= 'Z')
                {
                    current.Append(baseLetter);
                }
                else if (known is not null)
                {
                    current.Append(known);
                }
                else
                {
                    current.Append(c);
                    lastUnknown = true;
                }

                continue;
            }

            lastUnknown = false;
            Flush(parts, current);
            if (c == ',' || (c == '<' && i + 1 < text.Length && text[i + 1] == '<'))
            {
                fieldEnds.Add(parts.Count);
            }
        }

        Flush(parts, current);
        return new NormalisedName(DropParticles(parts, fieldEnds), mayBeTruncated);
    }

    private static void Flush(List<string> parts, StringBuilder current)
    {
        if (current.Length == 0)
        {
            return;
        }

        if (parts.Count < MaxParts * 2)
        {
            var part = current.Length > MaxPartLength ? current.ToString(0, MaxPartLength) : current.ToString();
            parts.Add(Abbreviations.GetValueOrDefault(part, part));
        }

        current.Clear();
    }

    // A particle qualifies the name after it in the same field (VAN DER BERG, AL RASHID); one that ends its
    // field, before a comma, the MRZ's << or the end, qualifies nothing and is a name itself: the Chinese ZU
    // and DE, the Vietnamese Y, the surname of "ZU<<WEI". BIN ("son of") joins two names (AHMAD BIN ISMAIL):
    // first in its field or beside another BIN it is the Chinese and Korean given name (BIN WU, KIM BIN-BIN).
    private static List<string> DropParticles(List<string> parts, List<int> fieldEnds)
    {
        var kept = new List<string>(parts.Count);
        for (var i = 0; i < parts.Count; i++)
        {
            var endsField = i == parts.Count - 1 || fieldEnds.Contains(i + 1);
            var isName = endsField || !Particles.Contains(parts[i])
                || (parts[i] == "BIN" && (i == 0 || fieldEnds.Contains(i) || parts[i - 1] == "BIN" || parts[i + 1] == "BIN"));
            if (isName && kept.Count < MaxParts)
            {
                kept.Add(parts[i]);
            }
        }

        return kept.Count > 0 ? kept : parts.Count > MaxParts ? parts.GetRange(0, MaxParts) : parts;
    }
}
