using System.Collections.Frozen;

namespace Marsad.Entities.Lexicons;

/// <summary>
/// Closed word classes the entity rules need, in normalised form: name connectors, institutional
/// adjectives, place descriptors, direction words, prepositions inside role phrases and reporting verbs.
/// Grammar, not data: small, fixed sets written here rather than compiled.
/// </summary>
internal static class Grammar
{
    /// <summary>Words that join the parts of a personal name: بن، ابن، أبو، عبد، آل، ولد …</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameConnectors = Set(
        "بن", "ابن", "بنت", "ابو", "ابي", "ام", "عبد", "ال", "ولد", "بو", "دي", "دا", "فان", "فون", "الله", "الدين", "الرحمن", "العزيز");

    /// <summary>Connectors that cannot end a name (a name never ends in «بن» or «عبد»).</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OpenConnectors = Set(
        "بن", "ابن", "بنت", "ابو", "ابي", "ام", "عبد", "ال", "ولد", "بو", "دي", "دا", "فان", "فون");

    /// <summary>Adjectives that make a definite institution a name: «الهيئة العامة …», «البنك المركزي», «المجلس الأعلى».</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> InstitutionalAdjectives = Set(
        "العام", "العامه", "الوطني", "الوطنيه", "المركزي", "المركزيه", "الاعلي", "العليا", "الاتحادي", "الاتحاديه",
        "الدولي", "الدوليه", "الاهلي", "الاهليه", "الملكي", "الملكيه", "الاسلامي", "الاسلاميه", "الشعبي", "الشعبيه",
        "الموحد", "الموحده", "المستقل", "المستقله", "الاقليمي", "الاقليميه", "الخاص", "الخاصه", "الجناءيه", "الدستوريه",
        "التنفيذي", "التنفيذيه", "العربي", "العربيه", "الاوروبي", "الافريقي", "الخليجي", "العالمي", "العالميه");

    /// <summary>Descriptors after a place name that are not part of it: «قاعدة عين الأسد العسكرية».</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PlaceDescriptors = Set(
        "العسكريه", "العسكري", "الجويه", "الجوي", "الدولي", "الدوليه", "المحلي", "الاقليمي", "الحدودي", "الحدوديه",
        "الساحلي", "الساحليه", "المحاصره", "المحاصر", "المدمره", "السكني", "السكنيه", "الصناعي", "الصناعيه", "المقدسه", "المنوره", "المكرمه");

    /// <summary>Direction words that end a place name: «الأنبار غرب العراق», «البكر شمال العاصمة».</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Directions = Set(
        "شمال", "جنوب", "شرق", "غرب", "شمالي", "جنوبي", "شرقي", "غربي", "وسط", "شمال شرق", "قرب", "بالقرب", "داخل", "خارج", "جنوب غرب", "شمال غرب");

    /// <summary>Prepositions a role phrase may hold: «الناطق باسم …», «القائد في …», «مبعوث … إلى اليمن».</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RolePrepositions = Set(
        "باسم", "في", "لدي", "الي", "عن", "علي", "ضد", "لشءون", "للشءون", "بوزاره", "بمجلس");

    /// <summary>Reporting and common clause verbs: a role phrase never reaches back over them.</summary>
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseVerbs = Set(
        "قال", "قالت", "قالوا", "يقول", "تقول", "اعلن", "اعلنت", "اكد", "اكدت", "كشف", "كشفت", "اوضح", "اوضحت", "اضاف", "اضافت",
        "اشار", "اشارت", "ذكر", "ذكرت", "صرح", "صرحت", "دعا", "دعت", "افاد", "افادت", "اعتبر", "اعتبرت", "نفي", "نفت", "حذر", "حذرت",
        "اتهم", "اتهمت", "التقي", "استقبل", "استقبلت", "زار", "زارت", "بحث", "بحثت", "رفض", "رفضت", "هاجم", "هاجمت", "شدد", "شددت",
        "لفت", "لفتت", "اعرب", "اعربت", "ابلغ", "ابلغت", "امر", "طالب", "طالبت", "وصف", "وصفت", "راس", "تراس", "يري", "تري", "اكتفي",
        "قرر", "قررت", "اصدر", "اصدرت", "وقع", "وقعت", "عين", "استقال", "غادر", "وصل", "توجه", "ناشد", "حث", "تابع", "وافق", "وافقت");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The word without a leading و or ف (for closed-class lookups: وقال → قال).</summary>
    public static ReadOnlySpan<char> WithoutConjunction(ReadOnlySpan<char> key) =>
        key.Length >= 3 && key[0] is 'و' or 'ف' ? key[1..] : key;

    /// <summary>True for a nisba-shaped definite word (البغدادي، السعدي): ال + at least three letters + ي.</summary>
    public static bool IsNisba(ReadOnlySpan<char> key) => key.Length >= 6 && key[0] == 'ا' && key[1] == 'ل' && key[^1] == 'ي';
}
