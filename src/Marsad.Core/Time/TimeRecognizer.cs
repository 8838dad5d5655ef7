using System.Buffers;
using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Ingest;
using Marsad.Text;

namespace Marsad.Time;

/// <summary>
/// Finds time expressions in Arabic news text and resolves them against the publication date.
/// Rules run on the normalised text (<see cref="NormalizedView"/>), longest match first; each rule's
/// name is the expression's <c>By</c>. Covered: أمس، البارحة، أول من أمس، أمس الأول، اليوم، غداً، بعد غد;
/// a part of the day before or after them (صباح أمس، مساء اليوم، أمس مساءً، الليلة الماضية);
/// weekdays with or without يوم / الماضي / المقبل (bare weekday = the nearest day not after publication);
/// الأسبوع/الشهر/العام الماضي/المقبل/الجاري and هذا الأسبوع…; منذ/قبل N أيام/أسابيع/أشهر/سنوات;
/// explicit dates with every month-name family (يناير، كانون الثاني، جانفي …) and double names
/// (كانون الأول/ديسمبر, أبريل (نيسان)); month + year; years (عام 2017، 1436هـ); numeric dates
/// (day first, Hijri by year); Hijri months (15 رمضان 1436، رمضان الماضي).
/// </summary>
public static class TimeRecognizer
{
    private const string L = @"(?<![\p{L}\p{Nd}])";   // no letter or digit before
    private const string R = @"(?![\p{L}\p{Nd}])";    // no letter or digit after
    private const string Clitic = @"(?:[وفب]|ل(?=[^ل]))?";

    private static readonly TimeSpan Timeout = RegexLimits.Timeout;

    private static readonly string GregorianMonth = Alternation(CalendarNames.GregorianMonths.Keys);
    private static readonly string HijriMonth = Alternation(CalendarNames.HijriMonths.Keys);
    private static readonly string Weekday = @"(?:الاحد|الاثنين|الثلاثاء|الاربعاء|الخميس|الجمعه|السبت)";
    private const string RelativeDay = @"(?:اول\s+من\s+امس|اول\s+امس|امس\s+الاول|البارحه|الامس|امس|اليوم(?!\s+(?:الذي|التالي|السابق|نفسه|ذاته|الاول|الثاني|الثالث|الاخير|الوطني|العالمي|الدولي|الواحد))|غدا|الغد|بعد\s+غد)";
    private const string PartBefore = @"(?:صباح|مساء|ظهر|عصر|فجر|ليله|ليل|منتصف\s+ليل|ظهيره|ضحي)";
    private const string PartAfter = @"(?:صباحا|مساء|ظهرا|عصرا|فجرا|ليلا)";
    private const string Past = @"(?:الماضي|الماضيه|المنصرم|المنصرمه|الفائت|الفائته|السابق|السابقه|المنقضي)";
    private const string Next = @"(?:المقبل|المقبله|القادم|القادمه|التالي)";
    private const string Current = @"(?:الجاري|الجاريه|الحالي|الحاليه)";
    private const string Ordinal = @"(?:الحادي\s+والثلاثين|الثلاثين|(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s+والعشرين|العشرين|(?:الحادي|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)\s+عشر|العاشر|الاول|الثاني|الثالث|الرابع|الخامس|السادس|السابع|الثامن|التاسع)";
    private const string Count = @"(?:\d{1,3}|ثلاث|ثلاثه|اربع|اربعه|خمس|خمسه|ست|سته|سبع|سبعه|ثماني|ثمانيه|ثمان|تسع|تسعه|عشر|عشره|بضع|بضعه)";

    /// <summary>
    /// A rule, and the gate that must hold before its regex runs: the sentence has a digit (when
    /// <paramref name="NeedsDigit"/>) and contains one of <paramref name="Cues"/> (when given). Every cue is a substring
    /// that every match of the rule contains, so the gate changes nothing but the cost: most sentences have no time
    /// expression, and nineteen regexes with leading look-behinds cannot skip ahead on their own.
    /// </summary>
    private sealed record Rule(string Name, Regex Regex, bool NeedsDigit = false, SearchValues<string>? Cues = null);

    private static SearchValues<string> Cues(IEnumerable<string> words) =>
        SearchValues.Create([.. words.Select(w => w.Split(' ')[0]).Distinct(StringComparer.Ordinal)], StringComparison.Ordinal);

    private static readonly SearchValues<string> GregorianCues = Cues(CalendarNames.GregorianMonths.Keys);
    private static readonly SearchValues<string> MonthCues = Cues(CalendarNames.GregorianMonths.Keys.Concat(CalendarNames.HijriMonths.Keys));
    private static readonly SearchValues<string> HijriCues = Cues(CalendarNames.HijriMonths.Keys);
    private static readonly SearchValues<string> RelativeDayCues = Cues(["امس", "اليوم", "غد", "البارحه"]);
    private static readonly SearchValues<string> WeekdayCues = Cues(["الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه", "السبت"]);
    private static readonly SearchValues<string> PeriodCues = Cues(["الاسبوع", "الشهر", "العام", "السنه"]);

    // Order matters only for ties: the longest match wins, then the earlier rule.
    private static readonly Rule[] Rules =
    [
        new("date-month-name", Make($@"{L}(?<x>(?:(?:يوم\s+)?{Weekday}\s*[،,]?\s*)?(?<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?<m>{GregorianMonth})(?:\s*[/(]?\s*(?:{GregorianMonth})\s*\)?)?(?:\s*[،,]?\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?<y>\d{{4}}))?(?:\s*م{R})?(?:\s+(?<dir>{Past}|{Next}|{Current}))?){R}"), NeedsDigit: true, Cues: GregorianCues),
        new("date-hijri", Make($@"{L}(?<x>(?<d>\d{{1,2}})\s+(?:من\s+)?(?:شهر\s+)?(?<m>{HijriMonth})(?:\s*[،,]?\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?<y>1[345]\d\d))?(?:\s*(?:هـ|ه){R})?){R}"), NeedsDigit: true, Cues: HijriCues),
        new("month-year", Make($@"{L}(?<x>(?:شهر\s+)?(?<m>{GregorianMonth})(?:\s*[/(]?\s*(?:{GregorianMonth})\s*\)?)?\s*[،,]?\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?<y>\d{{4}})(?:\s*م{R})?){R}"), NeedsDigit: true, Cues: GregorianCues),
        new("month-relative", Make($@"{L}(?<x>(?:شهر\s+)?(?:(?:{GregorianMonth})\s*/\s*)?(?<m>{GregorianMonth}|{HijriMonth})(?:\s*[/(]?\s*(?:{GregorianMonth})\s*\)?)?\s+(?<dir>{Past}|{Next}|{Current})){R}"), Cues: MonthCues),
        new("date-ordinal", Make($@"{L}(?<x>(?<ord>{Ordinal})\s+من\s+(?:شهر\s+)?(?<m>{GregorianMonth})(?:\s*[/(]?\s*(?:{GregorianMonth})\s*\)?)?(?:\s*[،,]?\s*(?:من\s+)?(?:عام|سنه|العام)?\s*(?<y>\d{{4}}))?(?:\s+(?<dir>{Past}|{Next}|{Current}))?){R}"), Cues: GregorianCues),
        new("month-bare", Make($@"{L}(?:في|خلال|منذ|مطلع|اواخر|اوايل|اواءل|منتصف|نهايه|بدايه|حتي|شهر|بحلول)\s+(?<x>(?<m>{GregorianMonth})(?:\s*[/(]?\s*(?:{GregorianMonth})\s*\)?)?){R}(?!\s*\d)"), Cues: GregorianCues),
        new("year-bare", Make($@"{L}(?:منذ|في|حتي|خلال|مطلع|اواخر|اوايل|اواءل|منتصف|نهايه|بدايه|قبل|بعد|بحلول)\s+(?<x>(?<y>(?:19|20)\d\d)){R}(?!\s*(?:[،,.]\d|\d|%|دولار|يورو|جنيه|ريال|درهم|دينار|ليره|شخص|قتيل|طن|كيلو|متر|مليون|الف|مليار|لاجء))"), NeedsDigit: true),
        new("date-numeric", Make($@"{L}(?<x>(?<d>\d{{1,2}})[/.\-](?<mo>\d{{1,2}})[/.\-](?<y>\d{{4}}))(?:\s*(?:هـ|ه|م){R})?(?![\d/])"), NeedsDigit: true),
        new("year", Make($@"{L}(?<x>(?:عام|سنه|العام|السنه|لعام|لسنه)\s+(?<y>\d{{4}})(?:\s*(?<era>هـ|ه|م){R})?){R}"), NeedsDigit: true),
        new("year-era", Make($@"{L}(?<x>(?<y>\d{{4}})\s*(?<era>هـ|ه|م)){R}"), NeedsDigit: true),
        new("part-relative-day", Make($@"{L}{Clitic}(?<x>(?<pod>{PartBefore})\s+(?:يوم\s+)?(?<rel>{RelativeDay})(?:\s+(?<wd>{Weekday}))?){R}"), Cues: RelativeDayCues),
        new("relative-day-part", Make($@"{L}{Clitic}(?<x>(?<rel>{RelativeDay})(?:\s+(?<wd>{Weekday}))?\s+(?<pod2>{PartAfter})){R}"), Cues: RelativeDayCues),
        new("relative-day", Make($@"{L}{Clitic}(?<x>(?:يوم\s+)?(?<rel>{RelativeDay})(?:\s+(?<wd>{Weekday}))?){R}"), Cues: RelativeDayCues),
        new("last-night", Make($@"{L}{Clitic}(?<x>(?:الليله|ليله)\s+(?<dir>الماضيه|البارحه|امس)){R}"), Cues: Cues(["ليله"])),
        new("part-weekday", Make($@"{L}{Clitic}(?<x>(?<pod>{PartBefore})\s+(?:يوم\s+)?(?<wd>{Weekday})(?:\s+(?<dir>{Past}|{Next}))?){R}"), Cues: WeekdayCues),
        new("weekday", Make($@"{L}{Clitic}(?<x>(?:يوم\s+)?(?<wd>{Weekday})(?:\s+(?<dir>{Past}|{Next}))?){R}(?!\s+عشر)"), Cues: WeekdayCues),
        new("relative-period", Make($@"{L}{Clitic}(?<x>(?<unit>الاسبوع|الشهر|العام|السنه)\s+(?<dir>{Past}|{Next}|{Current})){R}"), Cues: PeriodCues),
        new("this-period", Make($@"{L}{Clitic}(?<x>(?:هذا|هذه)\s+(?<unit>الاسبوع|الشهر|العام|السنه)){R}"), Cues: PeriodCues),
        new("ago", Make($@"{L}(?<x>(?:منذ|قبل)\s+(?:(?<n>{Count})\s+)?(?<unit>يوم|ايام|يومين|اسبوع|اسابيع|اسبوعين|شهر|اشهر|شهور|شهرين|سنه|سنوات|سنتين|عام|اعوام|عامين)){R}"), Cues: Cues(["منذ", "قبل"])),
    ];

    /// <summary>Time expressions in <c>text[start..end)</c> (one sentence), resolved against <paramref name="published"/>.</summary>
    public static List<TimeExpression> Recognize(string text, int start, int end, DateOnly? published)
    {
        var view = NormalizedView.Create(text, start, end);
        var found = new List<(int S, int E, Rule Rule, Match M)>();
        var hasDigit = view.Text.AsSpan().IndexOfAnyInRange('0', '9') >= 0 || HasAnyDigit(view.Text);
        foreach (var rule in Rules)
        {
            if ((rule.NeedsDigit && !hasDigit) || (rule.Cues is { } cues && view.Text.AsSpan().IndexOfAny(cues) < 0))
                continue;
            try
            {
                for (var m = rule.Regex.Match(view.Text); m.Success; m = m.NextMatch())
                {
                    var x = m.Groups["x"];
                    var e = x.Index + x.Length;
                    while (e > x.Index && char.IsWhiteSpace(view.Text[e - 1]))
                        e--;
                    found.Add((x.Index, e, rule, m));
                }
            }
            catch (RegexMatchTimeoutException)
            {
                // A pathological sentence: keep what the other rules found.
            }
        }
        // Longest first, then rule order; drop overlaps.
        found.Sort((a, b) => (b.E - b.S) != (a.E - a.S) ? (b.E - b.S).CompareTo(a.E - a.S) : Array.IndexOf(Rules, a.Rule).CompareTo(Array.IndexOf(Rules, b.Rule)));
        var taken = new List<(int S, int E)>();
        var result = new List<TimeExpression>();
        foreach (var (s, e, rule, m) in found)
        {
            if (taken.Any(t => s < t.E && t.S < e))
                continue;
            var resolved = Resolve(rule.Name, m, published, rule.Name is "weekday" or "part-weekday" && IsFutureContext(view.Text, s));
            if (resolved is null)
                continue;
            taken.Add((s, e));
            var (os, oe) = view.ToOriginal(s, e);
            result.Add(resolved with { Start = os, End = oe, Text = text[os..oe] });
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result;
    }

    private static TimeExpression? Resolve(string rule, Match m, DateOnly? anchor, bool future)
    {
        var by = "time:" + rule + (future ? "+future" : "");
        string? G(string name) => m.Groups[name].Success ? m.Groups[name].Value : null;
        int? I(string name) => G(name) is { } v && int.TryParse(v, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : null;
        TimeExpression Day(DateOnly? d, string anchorKind, string? part = null, string calendar = "gregorian") =>
            new(0, 0, "", d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), part is null ? "day" : "part-of-day", by)
            { Anchor = anchorKind, PartOfDay = part, Calendar = calendar };

        switch (rule)
        {
            case "date-month-name":
            {
                var month = CalendarNames.GregorianMonths[Collapse(G("m")!)];
                var day = I("d")!.Value;
                var year = I("y") ?? NearestYear(anchor, month, day, G("dir") is { } d ? Direction(d) : 0);
                if (year is null || !IsValid(year.Value, month, day))
                    return null;
                return Day(new DateOnly(year.Value, month, day), I("y") is null ? "published" : "explicit");
            }
            case "date-hijri":
            {
                var month = CalendarNames.HijriMonths[Collapse(G("m")!)];
                var day = I("d")!.Value;
                var year = I("y") ?? (anchor is { } a ? HijriYearOf(a) : null);
                if (year is null || PublishedDateParser.MakeHijriDate(year.Value, month, day) is not { } g)
                    return null;
                return Day(DateOnly.FromDateTime(g), I("y") is null ? "published" : "explicit", calendar: "hijri");
            }
            case "date-ordinal":
            {
                var month = CalendarNames.GregorianMonths[Collapse(G("m")!)];
                var day = OrdinalValue(Collapse(G("ord")!));
                var year = I("y") ?? NearestYear(anchor, month, day, G("dir") is { } d ? Direction(d) : 0);
                if (year is null || !IsValid(year.Value, month, day))
                    return null;
                return Day(new DateOnly(year.Value, month, day), I("y") is null ? "published" : "explicit");
            }
            case "month-bare":
            {
                var month = CalendarNames.GregorianMonths[Collapse(G("m")!)];
                if (anchor is not { } a)
                    return Period(null, "month", by, "published");
                // The occurrence of that month nearest the publication date.
                var year = a.Year + (month - a.Month > 6 ? -1 : a.Month - month > 6 ? 1 : 0);
                return Period(string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}"), "month", by, "published");
            }
            case "year-bare":
            {
                var y = I("y")!.Value;
                return anchor is { } a && y > a.Year + 10 ? null : Period(y.ToString("0000", CultureInfo.InvariantCulture), "year", by, "explicit");
            }
            case "month-year":
            {
                var month = CalendarNames.GregorianMonths[Collapse(G("m")!)];
                var year = I("y")!.Value;
                return year is < 1000 or > 2999 ? null : Period(string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}"), "month", by, "explicit");
            }
            case "month-relative":
            {
                if (anchor is not { } a)
                    return Period(null, "month", by, "published");
                var name = Collapse(G("m")!);
                var dir = Direction(G("dir")!);
                if (CalendarNames.GregorianMonths.TryGetValue(name, out var gm))
                {
                    var year = a.Year + (dir < 0 && gm > a.Month ? -1 : dir > 0 && gm < a.Month ? 1 : 0);
                    return Period(string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{gm:00}"), "month", by, "published");
                }
                var hm = CalendarNames.HijriMonths[name];
                var cal = new UmAlQuraCalendar();
                var at = a.ToDateTime(TimeOnly.MinValue);
                int hy = cal.GetYear(at), hmNow = cal.GetMonth(at);
                hy += dir < 0 && hm >= hmNow ? -1 : dir > 0 && hm <= hmNow ? 1 : 0;
                return PublishedDateParser.MakeHijriDate(hy, hm, 1) is { } start
                    ? Period(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), "month", by, "published") with { Calendar = "hijri" }
                    : null;
            }
            case "date-numeric":
            {
                int d = I("d")!.Value, mo = I("mo")!.Value, y = I("y")!.Value;
                if (y is >= 1300 and <= 1600)
                    return PublishedDateParser.MakeHijriDate(y, mo, d) is { } g ? Day(DateOnly.FromDateTime(g), "explicit", calendar: "hijri") : null;
                return IsValid(y, mo, d) ? Day(new DateOnly(y, mo, d), "explicit") : null;
            }
            case "year" or "year-era":
            {
                var y = I("y")!.Value;
                var era = G("era");
                var hijri = era is "هـ" or "ه" || (era is null && y is >= 1300 and <= 1600);
                if (hijri)
                {
                    // A Hijri year spans two Gregorian years; the value is the Gregorian year it starts in.
                    return PublishedDateParser.MakeHijriDate(y, 1, 1) is { } g
                        ? Period(g.Year.ToString("0000", CultureInfo.InvariantCulture), "year", by, "explicit") with { Calendar = "hijri" }
                        : null;
                }
                return y is < 1800 or > 2200 ? null : Period(y.ToString("0000", CultureInfo.InvariantCulture), "year", by, "explicit");
            }
            case "part-relative-day" or "relative-day-part" or "relative-day":
            {
                var offset = RelativeDayOffset(Collapse(G("rel")!));
                var part = PartOfDay(G("pod") ?? G("pod2"));
                var date = anchor?.AddDays(offset);
                // «اليوم السبت» on a page stamped Sunday (time zones): the named weekday wins, within a day or two.
                if (date is { } dd && G("wd") is { } wdName && CalendarNames.Weekdays[wdName] is var wd && dd.DayOfWeek != wd)
                {
                    var back = ((int)dd.DayOfWeek - (int)wd + 7) % 7;
                    date = back <= 2 ? dd.AddDays(-back) : (7 - back) <= 2 ? dd.AddDays(7 - back) : dd;
                }
                return Day(date, "published", part);
            }
            case "last-night":
                return Day(anchor?.AddDays(-1), "published", "night");
            case "part-weekday" or "weekday":
            {
                var wd = CalendarNames.Weekdays[G("wd")!];
                var dir = G("dir") is { } dirText ? Direction(dirText) : future ? 1 : 0;
                return Day(anchor is { } a ? WeekdayDate(a, wd, dir) : null, "published", PartOfDay(G("pod")));
            }
            case "relative-period" or "this-period":
            {
                var unit = G("unit")!;
                var dir = G("dir") is { } dirText ? Direction(dirText) : 0;
                return RelativePeriod(unit, dir, anchor, by);
            }
            case "ago":
            {
                var unit = G("unit")!;
                var n = CountOf(G("n"), unit);
                if (n is null || anchor is not { } a)
                    return Day(null, "published");
                return unit switch
                {
                    "يوم" or "ايام" or "يومين" => Day(a.AddDays(-n.Value), "published"),
                    "اسبوع" or "اسابيع" or "اسبوعين" => Period(IsoWeek(a.AddDays(-7 * n.Value)), "week", by, "published"),
                    "شهر" or "اشهر" or "شهور" or "شهرين" => Period(a.AddMonths(-n.Value).ToString("yyyy-MM", CultureInfo.InvariantCulture), "month", by, "published"),
                    _ => Period(a.AddYears(-n.Value).Year.ToString("0000", CultureInfo.InvariantCulture), "year", by, "published"),
                };
            }
        }
        return null;
    }

    private static TimeExpression Period(string? value, string granularity, string by, string anchorKind) =>
        new(0, 0, "", value, granularity, by) { Anchor = anchorKind };

    private static TimeExpression RelativePeriod(string unit, int dir, DateOnly? anchor, string by)
    {
        if (anchor is not { } a)
            return Period(null, unit == "الاسبوع" ? "week" : unit == "الشهر" ? "month" : "year", by, "published");
        return unit switch
        {
            "الاسبوع" => Period(IsoWeek(a.AddDays(7 * dir)), "week", by, "published"),
            "الشهر" => Period(a.AddMonths(dir).ToString("yyyy-MM", CultureInfo.InvariantCulture), "month", by, "published"),
            _ => Period((a.Year + dir).ToString("0000", CultureInfo.InvariantCulture), "year", by, "published"),
        };
    }

    /// <summary>
    /// A bare weekday after a future verb («سيعقد الجمعة», «سوف يزور … الأحد») or a schedule word
    /// («المقرر», «المرتقب») in the same clause names the coming day, not the past one.
    /// </summary>
    private static bool IsFutureContext(string sentence, int at)
    {
        var from = Math.Max(0, at - 60);
        var window = sentence.AsSpan(from, at - from);
        var clause = window.LastIndexOfAny('،', ',', '.');
        if (clause >= 0)
            window = window[(clause + 1)..];
        try
        {
            foreach (var m in FutureCue.EnumerateMatches(window))
            {
                var word = window.Slice(m.Index, m.Length).Trim().TrimStart('و').TrimStart('ف');
                if (!NotFutureVerbs.Contains(word.ToString()))
                    return true;
            }
        }
        catch (RegexMatchTimeoutException)
        {
        }
        return false;
    }

    private static readonly Regex FutureCue = new(@"(?<![\p{L}])(?:[وف])?(?:سوف|لن|المقرر|مقرر|المرتقب|مرتقب|المزمع|مزمع|س[يتن][\p{L}]{3,}|ي[\p{L}]{3,}|تستانف|تبدا|تنطلق|تعقد|تجري|تنتهي)(?![\p{L}])", RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);

    // Nouns that look like future verbs (س + ي/ت/ن + …).
    private static readonly HashSet<string> NotFutureVerbs = new(StringComparer.Ordinal)
    {
        "سياسه", "سياسات", "سياسي", "سياسيه", "سياسيين", "سياسيون", "سيطره", "سياره", "سيارات", "سيول", "سيناء", "سيده", "سيدات", "سيدي",
        "ستار", "ستين", "ستون", "ستينات", "سنوات", "سنويا", "سنوي", "سنويه", "سنغافوره", "سيناريو", "سيرين", "سيمون", "ستيفن", "سيرجي", "سيرغي",
        "سيول", "سياق", "سياحه", "سياحي", "سياحيه", "سياج", "سيبيريا", "ستوكهولم", "سنتيمتر", "سيليكون", "سيادة", "سياده", "سيادي",
        // ي-initial words that are not imperfect verbs, and present-tense reporting verbs (they narrate the past)
        "يوم", "يومي", "يومين", "يونيو", "يوليو", "يناير", "يونيه", "يوليه", "يمن", "اليمن", "يمين", "يهود", "يهودي", "يهوديه", "يابان", "يوميا", "يونان",
        "يقول", "يضيف", "يشير", "يوضح", "يوكد", "يءكد", "يذكر", "يتابع", "يلفت", "يعتبر", "يري", "يعلن", "يكشف", "يفيد", "يزعم", "يتوقع", "ينفي",
    };

    /// <summary>Bare weekday: the nearest such day not after publication (news reports the past). الماضي: strictly before; المقبل: strictly after.</summary>
    internal static DateOnly WeekdayDate(DateOnly anchor, DayOfWeek day, int dir)
    {
        if (dir > 0)
        {
            var ahead = ((int)day - (int)anchor.DayOfWeek + 7) % 7;
            return anchor.AddDays(ahead == 0 ? 7 : ahead);
        }
        var back = ((int)anchor.DayOfWeek - (int)day + 7) % 7;
        if (dir < 0 && back == 0)
            back = 7;
        return anchor.AddDays(-back);
    }

    private static int RelativeDayOffset(string rel) => rel switch
    {
        "امس" or "الامس" or "البارحه" => -1,
        "اول من امس" or "اول امس" or "امس الاول" => -2,
        "غدا" or "الغد" => 1,
        "بعد غد" => 2,
        _ => 0,
    };

    private static string? PartOfDay(string? word) => word switch
    {
        null => null,
        "صباح" or "صباحا" or "ضحي" => "morning",
        "ظهر" or "ظهرا" or "ظهيره" => "noon",
        "عصر" or "عصرا" => "afternoon",
        "مساء" => "evening",
        "فجر" or "فجرا" => "dawn",
        _ => "night",
    };

    private static int OrdinalValue(string ordinal)
    {
        string[] units = ["الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن", "التاسع"];
        if (ordinal == "العاشر")
            return 10;
        if (ordinal == "العشرين")
            return 20;
        if (ordinal == "الثلاثين")
            return 30;
        if (ordinal == "الحادي والثلاثين")
            return 31;
        var parts = ordinal.Split(' ');
        var unit = parts[0] == "الحادي" ? 1 : Array.IndexOf(units, parts[0]) + 1;
        if (parts.Length == 1)
            return unit;
        return parts[1] == "عشر" ? 10 + unit : 20 + unit;
    }

    private static int Direction(string word) => word switch
    {
        "المقبل" or "المقبله" or "القادم" or "القادمه" or "التالي" => 1,
        "الجاري" or "الجاريه" or "الحالي" or "الحاليه" => 0,
        _ => -1,
    };

    private static int? CountOf(string? n, string unit)
    {
        if (unit is "يومين" or "اسبوعين" or "شهرين" or "سنتين" or "عامين")
            return 2;
        if (n is null)
            return unit is "يوم" or "اسبوع" or "شهر" or "سنه" or "عام" ? 1 : null;
        if (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var v))
            return v is > 0 and < 1000 ? v : null;
        return n switch
        {
            "ثلاث" or "ثلاثه" or "بضع" or "بضعه" => 3,
            "اربع" or "اربعه" => 4,
            "خمس" or "خمسه" => 5,
            "ست" or "سته" => 6,
            "سبع" or "سبعه" => 7,
            "ثماني" or "ثمانيه" or "ثمان" => 8,
            "تسع" or "تسعه" => 9,
            "عشر" or "عشره" => 10,
            _ => null,
        };
    }

    /// <summary>The year of «9 مايو» nearest the anchor; with الماضي not after it, with المقبل not before it.</summary>
    private static int? NearestYear(DateOnly? anchor, int month, int day, int direction)
    {
        if (anchor is not { } a)
            return null;
        int? best = null;
        var bestDistance = int.MaxValue;
        foreach (var y in (ReadOnlySpan<int>)[a.Year - 1, a.Year, a.Year + 1])
        {
            if (!IsValid(y, month, day))
                continue;
            var signed = new DateOnly(y, month, day).DayNumber - a.DayNumber;
            if ((direction < 0 && signed > 0) || (direction > 0 && signed < 0))
                continue;
            var distance = Math.Abs(signed);
            if (distance < bestDistance)
            {
                bestDistance = distance;
                best = y;
            }
        }
        return best;
    }

    private static int? HijriYearOf(DateOnly d)
    {
        try
        {
            return new UmAlQuraCalendar().GetYear(d.ToDateTime(TimeOnly.MinValue));
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static bool IsValid(int y, int m, int d) => y is >= 1 and <= 9999 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m);

    internal static string IsoWeek(DateOnly d)
    {
        var dt = d.ToDateTime(TimeOnly.MinValue);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(dt):0000}-W{ISOWeek.GetWeekOfYear(dt):00}");
    }

    private static string Collapse(string s) => string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static bool HasAnyDigit(string text)
    {
        foreach (var c in text)
        {
            if (char.IsDigit(c))
                return true;
        }
        return false;
    }

    private static string Alternation(IEnumerable<string> names) =>
        "(?:" + string.Join('|', names.OrderByDescending(n => n.Length).Select(n => Regex.Escape(n).Replace(@"\ ", @"\s+", StringComparison.Ordinal))) + ")";

    private static Regex Make(string pattern) => new(pattern, RegexOptions.CultureInvariant | RegexOptions.Compiled, Timeout);
}
