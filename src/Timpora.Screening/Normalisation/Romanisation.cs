namespace Timpora.Screening.Normalisation;

/// <summary>
/// Spellings of the same Chinese or Korean name part under different romanisations (Pinyin, Wade-Giles,
/// Cantonese and Hokkien forms; Revised Romanisation, McCune-Reischauer and the spellings Koreans choose
/// for passports). They share too few letters for string similarity (XIE and HSIEH, GUO and KWOK, LEE and
/// YI), so they are listed. Each line is one group of equals; a spelling may sit in several groups (CHANG
/// is Zhang in Wade-Giles and Jang in Korean) without making those groups equal to each other.
/// </summary>
public static class Romanisation
{
    /// <summary>Similarity given to two spellings of one group.</summary>
    public const double VariantSimilarity = 0.95;

    private const string Groups = """
        ZHANG CHANG CHEUNG CHEONG TEO
        WANG WONG ONG
        LI LEE LY LIE
        LIU LAU LEW LOW
        CHEN CHAN CHIN
        YANG YEUNG YEO YONG
        HUANG HWANG NG OOI
        ZHAO CHAO CHIU CHIEW
        WU WOO NG GOH
        ZHOU CHOU CHOW CHEW
        XU HSU HUI KOH
        SUN SUEN SOON
        MA MAH
        ZHU CHU CHOO CHEE
        HU WOO HOO
        GUO KUO KWOK KOK
        HE HO HOR
        GAO KAO KO
        LIN LAM LIM
        LUO LO LAW LOH
        ZHENG CHENG CHING TAY
        LIANG LEUNG NEO
        XIE HSIEH TSE
        SONG SUNG
        TANG TONG TNG
        HAN HON
        FENG FUNG PHOON
        DENG TENG
        CAO TSAO TSO
        PENG PHANG PANG
        ZENG TSENG TSANG
        XIAO HSIAO SIU SIEW
        TIAN TIEN TIN
        DONG TUNG TONG
        YUAN YUEN
        PAN POON PHUAH
        JIANG CHIANG KEUNG
        CAI TSAI CHOI CHUA
        YU YUE YEE
        DU TU TO
        YE YEH YIP
        SU SOO SOH
        WEI WAI NGAI
        LU LOO LUK
        DING TING
        REN YAM JEN
        SHEN SHUM
        YAO YIU YAU
        CUI TSUI CHUI
        ZHONG CHUNG
        TAN TAM
        JIN KAM KIM
        SHI SHIH SZE
        LIAO LEOW
        JIA CHIA
        XIA HSIA HAR
        FU FOO POH
        FANG FONG
        BAI PAI
        ZOU TSOU CHOW
        MENG MUNG
        XIONG HSIUNG HUNG
        QIN CHIN CHUN
        QIU CHIU YAU
        XUE HSUEH SIT
        YAN YEN NGAN
        DUAN TUAN TUEN
        LEI LUI LOUIE
        HOU HAU
        LONG LUNG
        TAO TO
        GU KU KOO
        MAO MO
        HAO HO
        GONG KUNG KONG
        SHAO SIU
        QIAN CHIEN
        DAI TAI TAY
        QING CHING
        XIN HSIN SIN
        ZHI CHIH
        JIAN CHIEN KIN
        JUN CHUN
        QIANG CHIANG KEUNG
        XIANG HSIANG HEUNG
        JIE CHIEH KIT
        ZHEN CHEN CHAN
        XIU HSIU SAU
        JING CHING KING
        ZHIQIANG CHIHCHIANG
        LEE YI RHEE RI YEE
        PARK PAK BAK BAHK
        CHOI CHOE CHOY
        JUNG JEONG CHUNG CHEONG
        KANG GANG KHANG
        CHO JO CHOH
        YOON YUN YOUN
        JANG CHANG
        LIM IM YIM RIM
        HAN HAHN
        SEO SUH SO
        SHIN SIN SHINN
        KWON GWON KWEON
        AHN AN
        JEON JUN CHUN CHON JUHN
        YOO YU
        KO GO KOH
        MOON MUN
        SON SOHN
        BAE PAE
        BAEK PAIK BAIK PAEK
        HEO HUH HUR HO
        SIM SHIM
        NOH ROH NO RO
        KWAK GWAK
        SUNG SEONG
        JOO JU CHOO CHU
        WOO WU
        KOO GU KU
        RYU YOO YU RHYU
        NA RA
        JIN CHIN
        JI CHI
        EOM UM EUM
        CHAE CHAI
        CHEON CHUN
        BANG PANG
        YOUNG YEONG YONG
        SEOK SUK
        SOO SU
        HYUN HYEON HYON
        KYUNG GYEONG KYEONG
        CHUL CHEOL CHOL
        HOON HUN
        EUN UN
        KI GI
        JAE JE
        HEE HUI HI
        YEON YON
        JONG CHONG
        BYUNG BYEONG PYONG
        """;

    private static readonly Dictionary<string, string[]> Variants = Build();

    // The variants of every listed spelling by its skeleton: CHEEOUNG folds like CHEUNG, so it is ZHANG too.
    private static readonly Dictionary<string, string[]> BySkeleton = Variants
        .GroupBy(pair => NameKeys.Skeleton(pair.Key), StringComparer.Ordinal)
        .ToDictionary(group => group.Key, group => group.SelectMany(pair => pair.Value).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);

    /// <summary>The other spellings of this part in every group it belongs to (empty when it is in none).</summary>
    public static IReadOnlyList<string> Of(string part) => Variants.TryGetValue(part, out var variants) ? variants : [];

    public static bool AreVariants(string a, string b) =>
        Variants.TryGetValue(a, out var variants) && Array.IndexOf(variants, b) >= 0;

    /// <summary>The variants of the listed spellings that fold to this skeleton (empty when none does).</summary>
    public static IReadOnlyList<string> OfSkeleton(string skeleton) => BySkeleton.TryGetValue(skeleton, out var variants) ? variants : [];

    /// <summary>One of the two parts is spelt like a listed spelling (the same skeleton) whose variant the other is.</summary>
    public static bool AreVariantsBySkeleton(string a, string skeletonA, string b, string skeletonB) =>
        (BySkeleton.TryGetValue(skeletonA, out var ofA) && Array.IndexOf(ofA, b) >= 0)
        || (BySkeleton.TryGetValue(skeletonB, out var ofB) && Array.IndexOf(ofB, a) >= 0);

    private static Dictionary<string, string[]> Build()
    {
        var sets = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var line in Groups.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var group = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            foreach (var member in group)
            {
                if (!sets.TryGetValue(member, out var set))
                {
                    set = new HashSet<string>(StringComparer.Ordinal);
                    sets.Add(member, set);
                }

                set.UnionWith(group.Where(other => other != member));
            }
        }

        return sets.ToDictionary(pair => pair.Key, pair => pair.Value.Order(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
    }
}
