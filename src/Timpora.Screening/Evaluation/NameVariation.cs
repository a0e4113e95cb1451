using System.Text;
using Timpora.Screening.Normalisation;

namespace Timpora.Screening.Evaluation;

/// <summary>
/// Writes a person's name the way a guesthouse form, a passport reader or another country's list would:
/// another transliteration, a typo, parts reordered, dropped, joined or split, an initial, the MRZ form,
/// or the person's own script. Each query gets several of these at once, as in real data.
/// </summary>
internal static class NameVariation
{
    private static readonly string[] SoundRewrites = ["EE:I", "I:EE", "OU:U", "U:OU", "Y:I", "I:Y", "PH:F", "KH:H", "C:K", "K:C", "J:Y", "W:V", "AI:AY", "EI:EY"];

    public static string Vary(SyntheticPerson person, Random random, List<string> applied)
    {
        var parts = new List<string>(person.Parts);
        var middleAt = person.FamilyFirst ? person.Surname.Length : person.Given.Length;

        // What each part is, kept beside the parts through drops, inserts, joins and splits, so that the
        // MRZ and the reordered forms put the whole surname, and only the surname, in the surname field.
        var roles = new List<Role>(person.FamilyFirst
            ? [.. person.Surname.Select(_ => Role.Surname), .. person.Middle.Select(_ => Role.Middle), .. person.Given.Select(_ => Role.Given)]
            : [.. person.Given.Select(_ => Role.Given), .. person.Middle.Select(_ => Role.Middle), .. person.Surname.Select(_ => Role.Surname)]);

        for (var i = 0; i < parts.Count; i++)
        {
            var variants = SpellingVariants.Of(parts[i]);
            if (variants.Length > 0 && random.NextDouble() < 0.45)
            {
                parts[i] = variants[random.Next(variants.Length)];
                Note(applied, "transliteration");
            }
        }

        if (person.Culture == Culture.Arabic && parts.Exists(p => p.StartsWith("AL-", StringComparison.Ordinal)) && random.NextDouble() < 0.4)
        {
            var at = parts.FindIndex(p => p.StartsWith("AL-", StringComparison.Ordinal));
            var rest = parts[at][3..];
            parts[at] = random.Next(4) switch { 0 => "AL " + rest, 1 => "AL" + rest, 2 => "EL-" + rest, _ => rest };
            Note(applied, "article");
        }

        if (random.NextDouble() < 0.2)
        {
            var at = random.Next(parts.Count);
            parts[at] = RewriteSound(parts[at], random);
            Note(applied, "sound spelling");
        }

        if (person.Middle.Length > 0 && parts.Count > 2 && random.NextDouble() < 0.3)
        {
            parts.RemoveRange(middleAt, person.Middle.Length);
            roles.RemoveRange(middleAt, person.Middle.Length);
            Note(applied, "middle name dropped");
        }
        else if (random.NextDouble() < 0.05)
        {
            var at = person.FamilyFirst ? parts.Count : 1;
            parts.Insert(at, SyntheticPerson.Pick(random, person.Sex == Sex.Male ? NamePools.ArabicMale : NamePools.EuropeanGiven));
            roles.Insert(at, Role.Given);
            Note(applied, "extra name");
        }

        // Forms join the halves of a compound (ABDUL RAHMAN, MIN JUN) or two given names, not a whole name.
        if (parts.Count >= 3 && random.NextDouble() < 0.15)
        {
            var at = person.FamilyFirst ? 1 + random.Next(parts.Count - 2) : random.Next(parts.Count - 2);
            if (parts[at].Length + parts[at + 1].Length <= 16)
            {
                parts[at] += parts[at + 1];
                parts.RemoveAt(at + 1);
                roles[at] = roles[at] == Role.Surname || roles[at + 1] == Role.Surname ? Role.Surname : roles[at];
                roles.RemoveAt(at + 1);
                Note(applied, "parts joined");
            }
        }
        else if (random.NextDouble() < 0.08)
        {
            var at = parts.FindIndex(p => p.Length >= 8 && !p.Contains(' ', StringComparison.Ordinal));
            if (at >= 0)
            {
                var cut = random.Next(3, parts[at].Length - 3);
                parts.Insert(at + 1, parts[at][cut..]);
                parts[at] = parts[at][..cut];
                roles.Insert(at + 1, roles[at]);
                Note(applied, "part split");
            }
        }

        var typos = random.NextDouble() < 0.3 ? (random.NextDouble() < 0.15 ? 2 : 1) : 0;
        for (var t = 0; t < typos; t++)
        {
            var at = random.Next(parts.Count);
            parts[at] = Typo(parts[at], random);
            Note(applied, "typo");
        }

        if (parts.Count >= 3 && random.NextDouble() < 0.05 && roles.IndexOf(Role.Given) is var first and >= 0)
        {
            parts[first] = parts[first][..1];
            Note(applied, "initial");
        }

        var roll = random.NextDouble();
        if (roll < 0.1 && person.Culture == Culture.Russian && parts.TrueForAll(p => SpellingVariants.InCyrillic(p) is not null))
        {
            Note(applied, "cyrillic");
            return string.Join(' ', parts.Select(p => Capitalise(SpellingVariants.InCyrillic(p)!)));
        }

        if (roll < 0.25 && person.Culture == Culture.Arabic && person.Parts.All(p => SpellingVariants.InArabicScript(p) is not null))
        {
            Note(applied, "arabic script");
            return string.Join(' ', person.Parts.Select(p => SpellingVariants.InArabicScript(p)));
        }

        if (roll < 0.35)
        {
            Note(applied, "mrz");
            return Mrz(parts, roles);
        }

        if (roll < 0.55 && roles.Contains(Role.Surname) && roles.Exists(r => r != Role.Surname))
        {
            Note(applied, "reordered");
            var surname = string.Join(' ', parts.Where((_, i) => roles[i] == Role.Surname));
            var others = string.Join(' ', parts.Where((_, i) => roles[i] != Role.Surname));
            return person.FamilyFirst ? others + " " + surname : surname + ", " + others;
        }

        if (roll < 0.6)
        {
            Note(applied, "shuffled");
            return string.Join(' ', parts.OrderBy(_ => random.Next()));
        }

        return roll < 0.8 ? Capitalise(string.Join(' ', parts)) : string.Join(' ', parts);
    }

    private static string Mrz(List<string> parts, List<Role> roles)
    {
        static string Fold(string part) => string.Join('<', NameNormaliser.Normalise(part).Parts);

        var surname = parts.Where((_, i) => roles[i] == Role.Surname).Select(Fold);
        var given = parts.Where((_, i) => roles[i] != Role.Surname).Select(Fold);
        var field = string.Join('<', surname) + "<<" + string.Join('<', given);
        return field.Length > 39 ? field[..39] : field.PadRight(39, '<');
    }

    private static string Typo(string part, Random random)
    {
        if (part.Length < 4)
        {
            return part;
        }

        var at = random.Next(1, part.Length - 1);
        var sb = new StringBuilder(part);
        switch (random.Next(4))
        {
            case 0:
                sb[at] = (char)('A' + random.Next(26));
                break;
            case 1:
                sb.Remove(at, 1);
                break;
            case 2:
                sb.Insert(at, sb[at]);
                break;
            default:
                (sb[at], sb[at - 1]) = (sb[at - 1], sb[at]);
                break;
        }

        return sb.ToString();
    }

    private static string RewriteSound(string part, Random random)
    {
        var start = random.Next(SoundRewrites.Length);
        for (var k = 0; k < SoundRewrites.Length; k++)
        {
            var rule = SoundRewrites[(start + k) % SoundRewrites.Length].Split(':');
            var at = part.IndexOf(rule[0], 1, StringComparison.Ordinal);
            if (at > 0)
            {
                return string.Concat(part.AsSpan(0, at), rule[1], part.AsSpan(at + rule[0].Length));
            }
        }

        return part;
    }

    private static string Capitalise(string text)
    {
        var sb = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            sb.Append(i == 0 || !char.IsLetter(text[i - 1]) ? text[i] : char.ToLowerInvariant(text[i]));
        }

        return sb.ToString();
    }

    private static void Note(List<string> applied, string variation)
    {
        if (!applied.Contains(variation))
        {
            applied.Add(variation);
        }
    }

    private enum Role
    {
        Given,
        Middle,
        Surname,
    }
}
