using System.Collections.Frozen;
using Marsad.Text;

namespace Marsad.Time;

/// <summary>
/// Month and weekday names of every Arabic naming family, keyed by their normalised form
/// (<see cref="ArabicNormalizer"/>): Egyptian/Gulf (يناير …), Levantine/Iraqi (كانون الثاني …),
/// Maghrebi (جانفي، فيفري، أفريل، ماي، جوان، جويلية، أوت …), Moroccan (يوليوز، غشت، شتنبر …), and Hijri
/// (محرم … ذو الحجة). Sources: CLDR month names and everyday press usage.
/// </summary>
public static class CalendarNames
{
    /// <summary>Gregorian month names → month number 1–12.</summary>
    public static FrozenDictionary<string, int> GregorianMonths { get; } = Build(
    [
        (1, ["يناير", "كانون الثاني", "جانفي", "ينایر"]),
        (2, ["فبراير", "شباط", "فيفري", "فبرایر"]),
        (3, ["مارس", "آذار", "اذار"]),
        (4, ["أبريل", "ابريل", "إبريل", "نيسان", "أفريل", "افريل", "ابريل"]),
        (5, ["مايو", "أيار", "ايار", "ماي"]),
        (6, ["يونيو", "يونيه", "حزيران", "جوان", "يونيوز"]),
        (7, ["يوليو", "يوليه", "تموز", "جويلية", "يوليوز"]),
        (8, ["أغسطس", "اغسطس", "آب", "اب", "أوت", "اوت", "غشت", "أغشت"]),
        (9, ["سبتمبر", "أيلول", "ايلول", "شتنبر"]),
        (10, ["أكتوبر", "اكتوبر", "تشرين الأول", "تشرين الاول"]),
        (11, ["نوفمبر", "تشرين الثاني", "نونبر"]),
        (12, ["ديسمبر", "كانون الأول", "كانون الاول", "دجنبر"]),
    ]);

    /// <summary>Hijri month names → month number 1–12.</summary>
    public static FrozenDictionary<string, int> HijriMonths { get; } = Build(
    [
        (1, ["محرم", "المحرم"]),
        (2, ["صفر"]),
        (3, ["ربيع الأول", "ربيع الاول", "ربيع أول"]),
        (4, ["ربيع الآخر", "ربيع الثاني", "ربيع الاخر", "ربيع ثاني"]),
        (5, ["جمادى الأولى", "جمادى الاولى", "جمادى الأول"]),
        (6, ["جمادى الآخرة", "جمادى الاخرة", "جمادى الثانية", "جمادى الآخر"]),
        (7, ["رجب"]),
        (8, ["شعبان"]),
        (9, ["رمضان"]),
        (10, ["شوال"]),
        (11, ["ذو القعدة", "ذي القعدة"]),
        (12, ["ذو الحجة", "ذي الحجة"]),
    ]);

    /// <summary>Weekday names (with and without the article) → <see cref="DayOfWeek"/>.</summary>
    public static FrozenDictionary<string, DayOfWeek> Weekdays { get; } = new Dictionary<string, DayOfWeek>
    {
        [ArabicNormalizer.Normalize("الأحد")] = DayOfWeek.Sunday,
        [ArabicNormalizer.Normalize("الاثنين")] = DayOfWeek.Monday,
        [ArabicNormalizer.Normalize("الإثنين")] = DayOfWeek.Monday,
        [ArabicNormalizer.Normalize("الثلاثاء")] = DayOfWeek.Tuesday,
        [ArabicNormalizer.Normalize("الأربعاء")] = DayOfWeek.Wednesday,
        [ArabicNormalizer.Normalize("الخميس")] = DayOfWeek.Thursday,
        [ArabicNormalizer.Normalize("الجمعة")] = DayOfWeek.Friday,
        [ArabicNormalizer.Normalize("السبت")] = DayOfWeek.Saturday,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static FrozenDictionary<string, int> Build((int Month, string[] Names)[] rows)
    {
        var d = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (month, names) in rows)
        {
            foreach (var name in names)
                d[ArabicNormalizer.Normalize(name)] = month;
        }
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
