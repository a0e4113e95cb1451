namespace Timpora.Screening.Evaluation;

/// <summary>
/// How the same name is really spelled differently: transliteration systems (Arabic, Russian, Ukrainian,
/// Korean, Wade-Giles and Cantonese beside Pinyin), dropped diacritics, and names in their own script.
/// </summary>
internal static class SpellingVariants
{
    private static readonly Dictionary<string, string[]> Table = Build("""
        MUHAMMAD:MOHAMMED,MOHAMED,MOHAMMAD,MUHAMAD,MOHAMAD,MOHD,MUHAMMED AHMAD:AHMED,AHMET HASSAN:HASAN,HASSEN
        HUSSEIN:HUSAYN,HOSSEIN,HUSEIN,HUSSAIN MAHMOUD:MAHMUD,MAHMOOD OMAR:UMAR,OMER YOUSEF:YUSUF,YOUSSEF,YOUSUF,JUSUF
        IBRAHIM:EBRAHIM,IBRAHEEM ABDULLAH:ABDALLAH,ABDULAH MUSTAFA:MOSTAFA,MUSTAPHA SAID:SAEED,SAYED SALEH:SALIH
        KHALID:KHALED TARIQ:TAREK,TARIK WALID:WALEED FAISAL:FAYSAL,FEISAL SULAIMAN:SULEIMAN,SULEYMAN QASIM:KASIM,QASEM
        RASHID:RACHID,RASHEED YASIN:YASSIN,YASEEN ZAKARIA:ZAKARIYA,ZAKARIYYA OSAMA:USAMA,OUSSAMA HAMZA:HAMZAH
        JAMAL:GAMAL,DJAMAL FATIMA:FATMA,FATIMAH AISHA:AICHA,AYSHA ZAINAB:ZEINAB,ZAYNAB KHADIJA:KHADIJAH,KHADEEJA
        MARYAM:MARIAM,MERYEM LAYLA:LEILA,LAILA ABDUL:ABDEL,ABD-AL,ABDOUL RAHMAN:RAHMANE,REHMAN KARIM:KAREEM
        SERGEI:SERGEY,SERGEJ DMITRII:DMITRY,DMITRIY,DMITRI ANDREI:ANDREY,ANDREJ ALEKSEI:ALEXEY,ALEKSEY,ALEXEI
        YURII:YURI,YURIY,JURIJ EVGENII:YEVGENIY,EVGENY ALEKSANDR:ALEXANDER,ALEKSANDER MIKHAIL:MICHAIL,MIHAIL
        NIKOLAI:NIKOLAY,NICOLAI FEDOR:FYODOR,FEODOR ILIA:ILYA,ILJA IULIIA:YULIA,JULIA,IULIA NATALIA:NATALYA,NATALIJA
        TATIANA:TATYANA,TATJANA MARIIA:MARIA,MARIYA ANASTASIIA:ANASTASIA,ANASTASIYA DARIA:DARYA KSENIIA:KSENIA,KSENIYA
        LIUDMILA:LYUDMILA,LUDMILA VIKTORIIA:VIKTORIA,VIKTORIYA EKATERINA:YEKATERINA ELENA:YELENA,JELENA
        ANATOLII:ANATOLY,ANATOLIY VALERII:VALERY,VALERIY GRIGORII:GRIGORY,GRIGORIY VIACHESLAV:VYACHESLAV,VJACHESLAV
        GENNADII:GENNADY ARKADII:ARKADY ARTEM:ARTYOM,ARTIOM
        OLEKSANDR:OLEXANDR,OLEKSANDER SERHII:SERHIY,SERGIY DMYTRO:DMITRO VOLODYMYR:VOLODIMIR MYKOLA:MIKOLA
        HRYHORII:HRYHORIY,GRYGORIY IHOR:IGOR OLEH:OLEG MYKHAILO:MYKHAYLO,MIKHAILO ANDRII:ANDRIY VASYL:VASIL
        OLEKSII:OLEKSIY,OLEXIY VITALII:VITALIY MAKSYM:MAKSIM
        ZHANG:CHANG,CHEUNG ZHOU:CHOU,CHOW XU:HSU WANG:WONG CHEN:CHAN,CHIN LIU:LAU,LEW HUANG:HWANG ZHAO:CHAO,CHIU
        LIN:LAM,LIM GUO:KUO,KWOK LI:LEE YANG:YEUNG ZHENG:CHENG XIE:HSIEH XIAO:HSIAO,SIU QING:CHING XIN:HSIN
        ZHI:CHIH JIAN:CHIEN ZHONG:CHUNG JUN:CHUN
        LEE:YI,RHEE,RI PARK:PAK,BAK CHOI:CHOE JUNG:JEONG,CHUNG KANG:GANG CHO:JO YOON:YUN LIM:IM SHIN:SIN
        KWON:GWON AHN:AN JEON:CHUN YOO:YU MOON:MUN BAE:PAE HEO:HUH NOH:ROH YOUNG:YEONG SUNG:SEONG SEOK:SUK
        JOO:JU SOO:SU HYUN:HYEON KYUNG:GYEONG CHUL:CHEOL HOON:HUN
        NGUYEN:NGUYỄN,NGUEN TRAN:TRẦN LE:LÊ PHAM:PHẠM DANG:ĐẶNG DO:ĐỖ DUONG:DƯƠNG HUONG:HƯƠNG DUC:ĐỨC
        THUY:THỦY TUAN:TUẤN TRUNG:TRUNG DUNG:DŨNG PHUONG:PHƯƠNG
        SANDEEP:SANDIP PRADEEP:PRADIP NAVEEN:NAVIN SRINIVAS:SHRINIVAS,SREENIVAS SRINIVASAN:SREENIVASAN
        LAKSHMI:LAXMI,LAKSHMY VENKATESH:VENKATESAN KRISHNA:KRISHAN CHATTERJEE:CHATTERJI BANERJEE:BANERJI
        MUKHERJEE:MUKHERJI MEENA:MINA POOJA:PUJA GURPREET:GURPRIT
        OLUWASEUN:OLUWASHEUN MOHAMMED:MUHAMMAD,MOHAMED ABUBAKAR:ABUBAKR,ABOUBACAR MAMADOU:MAMADU MOUSSA:MUSA
        OUSMANE:USMAN,OSMAN FATOUMATA:FATUMATA YUSUF:YUSSUF,YOUSSOUF
        MÜLLER:MUELLER,MULLER JÜRGEN:JUERGEN,JURGEN BJÖRN:BJOERN,BJORN SØREN:SOEREN,SOREN ÅSA:AASA,ASA
        LEFÈBVRE:LEFEBVRE,LEFEVRE FRANÇOIS:FRANCOIS JOSÉ:JOSE MARÍA:MARIA GARCÍA:GARCIA O'BRIEN:OBRIEN
        WIŚNIEWSKI:WISNIEWSKI WÓJCIK:WOJCIK GEORGIOS:GIORGOS NIKOLAOS:NIKOLAS SEÁN:SEAN,SHAUN
        """);

    private static readonly Dictionary<string, string> Arabic = Pairs("""
        MUHAMMAD=محمد AHMAD=أحمد ALI=علي HASSAN=حسن HUSSEIN=حسين MAHMOUD=محمود OMAR=عمر KHALID=خالد YOUSEF=يوسف
        IBRAHIM=إبراهيم ABDULLAH=عبدالله MUSTAFA=مصطفى SALEH=صالح KARIM=كريم FATIMA=فاطمة AISHA=عائشة
        ZAINAB=زينب MARYAM=مريم TARIQ=طارق WALID=وليد JAMAL=جمال SAMIR=سمير NABIL=نبيل RASHID=رشيد
        HAMID=حامد ADNAN=عدنان KAMAL=كمال SAMI=سامي ISMAIL=إسماعيل MAJID=ماجد
        """);

    private static readonly (string Latin, string Cyrillic)[] Cyrillic =
    [
        ("SHCH", "Щ"), ("ZH", "Ж"), ("KH", "Х"), ("TS", "Ц"), ("CH", "Ч"), ("SH", "Ш"), ("IU", "Ю"), ("IA", "Я"),
        ("II", "ИЙ"), ("EI", "ЕЙ"), ("AI", "АЙ"), ("OI", "ОЙ"), ("A", "А"), ("B", "Б"), ("V", "В"), ("G", "Г"),
        ("D", "Д"), ("E", "Е"), ("Z", "З"), ("I", "И"), ("K", "К"), ("L", "Л"), ("M", "М"), ("N", "Н"), ("O", "О"),
        ("P", "П"), ("R", "Р"), ("S", "С"), ("T", "Т"), ("U", "У"), ("F", "Ф"), ("Y", "Ы"),
    ];

    public static string[] Of(string token) => Table.TryGetValue(token, out var variants) ? variants : [];

    public static string? InArabicScript(string token) => Arabic.GetValueOrDefault(token);

    /// <summary>A Russian name in Cyrillic as the passport's inside page prints it, or null if not every letter maps.</summary>
    public static string? InCyrillic(string token)
    {
        var result = new System.Text.StringBuilder();
        for (var i = 0; i < token.Length;)
        {
            var found = false;
            foreach (var (latin, cyrillic) in Cyrillic)
            {
                if (string.CompareOrdinal(token, i, latin, 0, latin.Length) == 0)
                {
                    result.Append(cyrillic);
                    i += latin.Length;
                    found = true;
                    break;
                }
            }

            if (!found)
            {
                return null;
            }
        }

        return result.ToString();
    }

    private static Dictionary<string, string[]> Build(string text)
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var item in text.Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = item.Split(':');
            var variants = parts[1].Split(',');
            table[parts[0]] = variants;
            foreach (var variant in variants)
            {
                table.TryAdd(variant, [parts[0], .. variants.Where(v => v != variant)]);
            }
        }

        return table;
    }

    private static Dictionary<string, string> Pairs(string text) => text
        .Split([' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries)
        .Select(p => p.Split('='))
        .ToDictionary(p => p[0], p => p[1], StringComparer.Ordinal);
}
