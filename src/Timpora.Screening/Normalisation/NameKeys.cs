using System.Text;

namespace Timpora.Screening.Normalisation;

/// <summary>
/// Two coarser spellings of a name part. The skeleton folds the letters that transliterations of the same
/// sound disagree on (O/U, E/I, KH/H, double letters...), so MOHAMED and MUHAMMAD differ by one letter.
/// The phonetic key then drops the vowels, so both become MHMD; it is used to find candidates.
/// </summary>
public static class NameKeys
{
    public static string Skeleton(string token)
    {
        var sb = new StringBuilder(token.Length);
        for (var i = 0; i < token.Length; i++)
        {
            var c = token[i];
            var next = i + 1 < token.Length ? token[i + 1] : '\0';
            var next2 = i + 2 < token.Length ? token[i + 2] : '\0';
            char mapped;
            switch (c)
            {
                case 'S' when next == 'C' && next2 == 'H':
                    mapped = 'S';
                    i += 2;
                    break;
                case 'K' or 'G' or 'P' or 'T' or 'D' or 'S' or 'Z' when next == 'H':
                    mapped = c switch { 'K' => 'H', 'P' => 'F', 'Z' => 'J', _ => c };
                    i++;
                    break;
                case 'D' when next is 'J' or 'Z':
                    mapped = 'J';
                    i++;
                    break;
                case 'C' when next == 'K':
                    mapped = 'K';
                    i++;
                    break;
                case 'C' when next == 'H':
                    mapped = 'C';
                    i++;
                    break;
                case 'O' or 'U' when next is 'U' or 'O':
                    mapped = 'U';
                    i++;
                    break;
                case 'E' or 'I' when next is 'E' or 'I' or 'Y':
                    mapped = 'I';
                    i++;
                    break;
                case 'A' or 'O' or 'U' when next == 'E':
                    mapped = c == 'A' ? 'A' : 'U';
                    i++;
                    break;
                case 'C':
                    mapped = next is 'E' or 'I' or 'Y' ? 'S' : 'K';
                    break;
                case 'Q':
                    mapped = 'K';
                    break;
                case 'W':
                    mapped = 'V';
                    break;
                case 'Y' or 'E':
                    mapped = 'I';
                    break;
                case 'O':
                    mapped = 'U';
                    break;
                case 'Z':
                    mapped = 'S';
                    break;
                case 'X':
                    sb.Append('K');
                    mapped = 'S';
                    break;
                default:
                    mapped = c;
                    break;
            }

            if (sb.Length == 0 || sb[^1] != mapped)
            {
                sb.Append(mapped);
            }
        }

        return sb.ToString();
    }

    public static string Phonetic(string skeleton)
    {
        if (skeleton.Length == 0)
        {
            return skeleton;
        }

        var sb = new StringBuilder(skeleton.Length);
        sb.Append(IsVowel(skeleton[0]) ? 'A' : skeleton[0]);
        for (var i = 1; i < skeleton.Length; i++)
        {
            var c = skeleton[i];
            if (!IsVowel(c) && sb[^1] != c)
            {
                sb.Append(c);
            }
        }

        return sb.ToString();
    }

    /// <summary>
    /// A hash of a skeleton's consonants and its first vowel, for parts of two or more syllables (0 for shorter
    /// ones): the later vowels are what transliterations of one name disagree on (AHMAD, AHMED and AHMET; OMAR and
    /// OMER). The first vowel is kept because HASSAN and HUSSEIN share their consonants but not their name. G and H
    /// are one (the Ukrainian IHOR for IGOR), C and S too (the French AICHA for AISHA); a J before U or O at the
    /// start, or after a vowel at the end, is another system's Y or I (JULIA and YULIA, JURIJ and YURII); and a
    /// final T is the Turkish D (AHMET, MEHMET).
    /// </summary>
    public static int Consonants(string skeleton)
    {
        if (skeleton.Length < 4)
        {
            return 0;
        }

        var hash = 2166136261u;
        var syllables = 0;
        var previous = '\0';
        for (var i = 0; i < skeleton.Length; i++)
        {
            var c = skeleton[i] switch
            {
                'G' => 'H',
                'C' => 'S',
                'J' when (i == 0 && skeleton[1] is 'U' or 'O') || (i == skeleton.Length - 1 && IsVowel(skeleton[i - 1])) => 'I',
                'T' when i == skeleton.Length - 1 => 'D',
                var other => other,
            };
            if (IsVowel(c))
            {
                syllables += IsVowel(previous) ? 0 : 1;
                c = syllables == 1 && !IsVowel(previous) ? c : '\0';
            }

            if (c != '\0' && c != previous)
            {
                hash = (hash ^ c) * 16777619u;
            }

            previous = c == '\0' ? 'E' : c;
        }

        return syllables >= 2 ? (int)(hash | 1) : 0;
    }

    private static bool IsVowel(char c) => c is 'A' or 'E' or 'I' or 'O' or 'U' or 'Y';
}
