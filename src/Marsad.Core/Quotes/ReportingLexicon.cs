using System.Collections.Frozen;
using Marsad.Text;

namespace Marsad.Quotes;

/// <summary>Grammatical form of a reporting word.</summary>
public enum ReportingForm
{
    Past,
    Present,
    /// <summary>Circumstantial participle: قائلاً، مشيراً، مضيفاً — continues the sentence's speaker.</summary>
    Participle,
}

/// <summary>The agreement a reporting verb shows: masculine, feminine (also non-human plurals: مصادر), or plural.</summary>
public enum Agreement
{
    Masculine,
    Feminine,
    Plural,
}

/// <summary>One reporting word form: its lemma, form, agreement, and whether it takes a noun object as content (أعلن وجود…).</summary>
public sealed record ReportingWord(string Lemma, ReportingForm Form, Agreement Agreement, bool TakesObject)
{
    /// <summary>
    /// The form ends in alef maqsura in correct spelling (نفى، رأى، ادعى): normalised it collides with a
    /// noun (نفي "denial", رأي "opinion"), so the text must show the ى.
    /// </summary>
    public bool NeedsAlefMaksura { get; init; }
}

/// <summary>
/// Reporting verbs in all the forms news uses: past (كشف، كشفت، كشفوا), present (يكشف، تكشف، يكشفون)
/// and circumstantial participles (كاشفاً، كاشفةً), keyed by normalised form without the conjunction.
/// Written by the Marsad team from Arabic news usage.
/// </summary>
public static class ReportingLexicon
{
    // lemma (past 3ms), present 3ms, participle stem (masc.), takes a verbal-noun object, irregular past 3fs/3mp
    private static readonly (string Past, string Present, string? Participle, bool Object, string? PastF, string? PastPl)[] Verbs =
    [
        ("قال", "يقول", "قائل", false, null, null),
        ("أكد", "يؤكد", "مؤكد", true, null, null),
        ("أضاف", "يضيف", "مضيف", false, null, null),
        ("أوضح", "يوضح", "موضح", true, null, null),
        ("كشف", "يكشف", "كاشف", true, null, null),
        ("أعلن", "يعلن", "معلن", true, null, null),
        ("أفاد", "يفيد", "مفيد", true, null, null),
        ("أشار", "يشير", "مشير", false, null, null),
        ("تابع", "يتابع", "متابع", false, null, null),
        ("لفت", "يلفت", "لافت", false, null, null),
        ("شدد", "يشدد", "مشدد", false, null, null),
        ("نفى", "ينفي", "ناف", true, "نفت", "نفوا"),
        ("اعتبر", "يعتبر", "معتبر", false, null, null),
        ("حذر", "يحذر", "محذر", false, null, null),
        ("طالب", "يطالب", "مطالب", false, null, null),
        ("ذكر", "يذكر", "ذاكر", true, null, null),
        ("صرح", "يصرح", "مصرح", false, null, null),
        ("بين", "يبين", "مبين", false, null, null),
        ("رأى", "يرى", null, false, "رأت", "رأوا"),
        ("أبلغ", "يبلغ", "مبلغ", false, null, null),
        ("زعم", "يزعم", "زاعم", false, null, null),
        ("ادعى", "يدعي", "مدعي", false, "ادعت", "ادعوا"),
        ("نوه", "ينوه", "منوه", false, null, null),
        ("اعترف", "يعترف", "معترف", false, null, null),
        ("أقر", "يقر", "مقر", false, null, null),
        ("تعهد", "يتعهد", "متعهد", false, null, null),
        ("توقع", "يتوقع", "متوقع", false, null, null),
        ("رجح", "يرجح", "مرجح", false, null, null),
        ("أردف", "يردف", "مردف", false, null, null),
        ("استدرك", "يستدرك", "مستدرك", false, null, null),
        ("علق", "يعلق", "معلق", false, null, null),
        ("أعرب", "يعرب", "معرب", false, null, null),
        ("أفصح", "يفصح", "مفصح", false, null, null),
        ("أبدى", "يبدي", "مبدي", false, "أبدت", "أبدوا"),
        ("دعا", "يدعو", "داعي", false, "دعت", "دعوا"),
        ("نقل", "ينقل", "ناقل", false, null, null),
        ("كتب", "يكتب", "كاتب", false, null, null),
        ("غرد", "يغرد", "مغرد", false, null, null),
        ("ختم", "يختم", "خاتم", false, null, null),
        ("استطرد", "يستطرد", "مستطرد", false, null, null),
    ];

    /// <summary>Normalised form (no conjunction) → word.</summary>
    public static FrozenDictionary<string, ReportingWord> Words { get; } = Build();

    /// <summary>
    /// The reporting word of a token, with the length of a leading conjunction (و، ف) to skip; null when it is none.
    /// «وأضاف» → (أضاف, 1).
    /// </summary>
    public static (ReportingWord Word, int ConjunctionLength)? Lookup(string normalized)
    {
        if (Words.TryGetValue(normalized, out var w))
            return (w, 0);
        if (normalized.Length > 3 && normalized[0] is 'و' or 'ف' && Words.TryGetValue(normalized[1..], out w))
            return (w, 1);
        // «قاله», «قالته», «ذكرته»: a past verb with an object pronoun (after حسبما / بحسب ما).
        if (normalized.Length > 3 && normalized[^1] == 'ه' && Words.TryGetValue(normalized[..^1], out w) && w.Form == ReportingForm.Past)
            return (w, 0);
        return null;
    }

    private static FrozenDictionary<string, ReportingWord> Build()
    {
        var d = new Dictionary<string, ReportingWord>(StringComparer.Ordinal);
        foreach (var (past, present, participle, takesObject, pastF, pastPl) in Verbs)
        {
            var lemma = past;
            var p = ArabicNormalizer.Normalize(past);
            Add(d, p, new(lemma, ReportingForm.Past, Agreement.Masculine, takesObject) { NeedsAlefMaksura = past.EndsWith('ى') });
            Add(d, ArabicNormalizer.Normalize(pastF ?? past + "ت"), new(lemma, ReportingForm.Past, Agreement.Feminine, takesObject));
            Add(d, ArabicNormalizer.Normalize(pastPl ?? past + "وا"), new(lemma, ReportingForm.Past, Agreement.Plural, takesObject));
            var pr = ArabicNormalizer.Normalize(present);
            Add(d, pr, new(lemma, ReportingForm.Present, Agreement.Masculine, takesObject));
            Add(d, "ت" + pr[1..], new(lemma, ReportingForm.Present, Agreement.Feminine, takesObject));
            var plural = pr.EndsWith('ي') ? pr[..^1] + "ون" : pr.EndsWith('و') ? pr[..^1] + "ون" : pr + "ون";
            Add(d, plural, new(lemma, ReportingForm.Present, Agreement.Plural, takesObject));
            if (participle is not null)
            {
                var pa = ArabicNormalizer.Normalize(participle);
                var masc = pa.EndsWith('ي') ? pa[..^1] + "يا" : pa + "ا";
                Add(d, masc, new(lemma, ReportingForm.Participle, Agreement.Masculine, takesObject));
                if (pa.EndsWith('ف') && participle == "ناف")
                    Add(d, "نافيا", new(lemma, ReportingForm.Participle, Agreement.Masculine, takesObject));
                Add(d, (pa.EndsWith('ي') ? pa : pa) + "ه", new(lemma, ReportingForm.Participle, Agreement.Feminine, takesObject));
                Add(d, pa + "ين", new(lemma, ReportingForm.Participle, Agreement.Plural, takesObject));
            }
        }
        // «بالقول» (by saying) works like a participle.
        Add(d, "بالقول", new("قال", ReportingForm.Participle, Agreement.Masculine, false));
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static void Add(Dictionary<string, ReportingWord> d, string form, ReportingWord word) => d.TryAdd(form, word);
}
