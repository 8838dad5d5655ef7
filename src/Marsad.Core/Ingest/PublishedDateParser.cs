using Marsad.Cleaning;
using System.Globalization;
using System.Text.RegularExpressions;
using Marsad.Model;
using Marsad.Text;
using Marsad.Time;

namespace Marsad.Ingest;

/// <summary>How to read an ambiguous all-numeric date such as 4/5/2017.</summary>
public enum NumericDateOrder
{
    /// <summary>27/05/2017: day first (Arab press, JSONL corpora).</summary>
    DayFirst,
    /// <summary>4/19/2017: month first (the scraped-page bullet lines).</summary>
    MonthFirst,
}

/// <summary>
/// Parses publication dates in the forms news sources use: ISO 8601, RFC-822/1123 (RSS pubDate),
/// <c>yyyy-MM-dd hh:mm:ss</c>, numeric dates (day- or month-first; a part over 12 settles it),
/// numeric Hijri dates (a year from 1300 to 1600 is Hijri: converted with the Umm al-Qura calendar,
/// never read as Gregorian), Arabic month names of every family, and Arabic-Indic digits.
/// </summary>
public static partial class PublishedDateParser
{
    private static readonly UmAlQuraCalendar UmAlQura = new();

    /// <summary>Parses <paramref name="text"/>; null when it holds no date this parser knows.</summary>
    public static PublishedTime? TryParse(string? text, NumericDateOrder order = NumericDateOrder.DayFirst)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 200)
            return null;
        var s = ArabicNormalizer.Normalize(text.Trim());
        try
        {
            return TryIso(s) ?? TryRfc822(s) ?? TryNumeric(s, order) ?? TryMonthName(s);
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }

    private static PublishedTime? TryIso(string s)
    {
        var m = IsoRegex().Match(s);
        if (!m.Success)
            return null;
        var date = MakeDate(Int(m, "y"), Int(m, "mo"), Int(m, "d"));
        if (date is null)
            return null;
        if (!m.Groups["h"].Success)
            return new PublishedTime(date.Value, null, HasTime: false);
        var time = MakeTime(date.Value, Int(m, "h"), Int(m, "mi"), m.Groups["s"].Success ? Int(m, "s") : 0);
        if (time is null)
            return null;
        TimeSpan? offset = null;
        if (m.Groups["z"].Success)
        {
            var z = m.Groups["z"].Value;
            offset = z is "z" or "Z" ? TimeSpan.Zero : ParseOffset(z);
        }
        return new PublishedTime(time.Value, offset, HasTime: true);
    }

    private static PublishedTime? TryRfc822(string s)
    {
        var m = RfcRegex().Match(s);
        if (!m.Success)
            return null;
        var month = EnglishMonth(m.Groups["mon"].Value);
        if (month == 0)
            return null;
        var year = Int(m, "y");
        if (year < 100)
            year += year < 50 ? 2000 : 1900;
        var date = MakeDate(year, month, Int(m, "d"));
        if (date is null)
            return null;
        if (!m.Groups["h"].Success)
            return new PublishedTime(date.Value, null, HasTime: false);
        var time = MakeTime(date.Value, Int(m, "h"), Int(m, "mi"), m.Groups["s"].Success ? Int(m, "s") : 0);
        if (time is null)
            return null;
        TimeSpan? offset = m.Groups["z"].Success ? ParseZone(m.Groups["z"].Value) : null;
        return new PublishedTime(time.Value, offset, HasTime: true);
    }

    private static PublishedTime? TryNumeric(string s, NumericDateOrder order)
    {
        var m = NumericRegex().Match(s);
        if (!m.Success)
            return null;
        int a = Int(m, "a"), b = Int(m, "b"), c = Int(m, "c");
        int year, month, day;
        if (m.Groups["a"].Value.Length == 4)
        {
            (year, month, day) = (a, b, c); // 2017/05/27 or 1436/10/01
        }
        else
        {
            year = c < 100 ? c + (c < 50 ? 2000 : 1900) : c; // 27/05/17 → 2017, 27/05/98 → 1998
            if (a > 12 && b <= 12)
                (day, month) = (a, b);
            else if (b > 12 && a <= 12)
                (month, day) = (a, b);
            else if (order == NumericDateOrder.MonthFirst)
                (month, day) = (a, b);
            else
                (day, month) = (a, b);
        }
        var hijri = year is >= 1300 and <= 1600;
        var date = hijri ? MakeHijriDate(year, month, day) : MakeDate(year, month, day);
        if (date is null)
            return null;
        var calendar = hijri ? "hijri-umalqura" : "gregorian";
        if (!m.Groups["h"].Success)
            return new PublishedTime(date.Value, null, HasTime: false, calendar);
        var hour = Int(m, "h");
        var pm = m.Groups["ampm"].Value is "pm" or "م" or "مساء";
        var am = m.Groups["ampm"].Value is "am" or "ص" or "صباحا";
        if (pm && hour < 12)
            hour += 12;
        if (am && hour == 12)
            hour = 0;
        var time = MakeTime(date.Value, hour, Int(m, "mi"), m.Groups["s"].Success ? Int(m, "s") : 0);
        return time is null ? null : new PublishedTime(time.Value, null, HasTime: true, calendar);
    }

    private static PublishedTime? TryMonthName(string s)
    {
        var m = MonthNameRegex().Match(s);
        if (!m.Success)
            return null;
        var name = m.Groups["mon"].Value;
        var year = Int(m, "y");
        var day = Int(m, "d");
        DateTime? date;
        string calendar;
        if (CalendarNames.HijriMonths.TryGetValue(name, out var hm) && year is >= 1300 and <= 1600)
        {
            date = MakeHijriDate(year, hm, day);
            calendar = "hijri-umalqura";
        }
        else if (CalendarNames.GregorianMonths.TryGetValue(name, out var gm))
        {
            date = MakeDate(year, gm, day);
            calendar = "gregorian";
        }
        else
        {
            return null;
        }
        if (date is null)
            return null;
        if (!m.Groups["h"].Success)
            return new PublishedTime(date.Value, null, HasTime: false, calendar);
        var time = MakeTime(date.Value, Int(m, "h"), Int(m, "mi"), 0);
        return time is null ? null : new PublishedTime(time.Value, null, HasTime: true, calendar);
    }

    /// <summary>Converts an Umm al-Qura Hijri date to the Gregorian calendar; null when out of range.</summary>
    public static DateTime? MakeHijriDate(int year, int month, int day)
    {
        if (month is < 1 or > 12 || day is < 1 or > 30)
            return null;
        try
        {
            if (day > UmAlQura.GetDaysInMonth(year, month))
                return null;
            return UmAlQura.ToDateTime(year, month, day, 0, 0, 0, 0);
        }
        catch (ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    private static DateTime? MakeDate(int year, int month, int day)
    {
        if (year is < 1000 or > 9999 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
            return null;
        return new DateTime(year, month, day, 0, 0, 0, DateTimeKind.Unspecified);
    }

    private static DateTime? MakeTime(DateTime date, int h, int mi, int s) =>
        h is < 0 or > 23 || mi is < 0 or > 59 || s is < 0 or > 60 ? null : date.AddHours(h).AddMinutes(mi).AddSeconds(Math.Min(s, 59));

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private static TimeSpan? ParseOffset(string z)
    {
        var sign = z[0] == '-' ? -1 : 1;
        var digits = z[1..].Replace(":", "", StringComparison.Ordinal);
        if (digits.Length != 4 || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var hhmm))
            return null;
        var offset = new TimeSpan(hhmm / 100, hhmm % 100, 0);
        return offset > TimeSpan.FromHours(14) ? null : sign * offset;
    }

    private static TimeSpan? ParseZone(string z) => z.ToUpperInvariant() switch
    {
        "GMT" or "UT" or "UTC" or "Z" => TimeSpan.Zero,
        "EST" => TimeSpan.FromHours(-5),
        "EDT" => TimeSpan.FromHours(-4),
        "CST" => TimeSpan.FromHours(-6),
        "CDT" => TimeSpan.FromHours(-5),
        "MST" => TimeSpan.FromHours(-7),
        "MDT" => TimeSpan.FromHours(-6),
        "PST" => TimeSpan.FromHours(-8),
        "PDT" => TimeSpan.FromHours(-7),
        var other when other.Length > 0 && other[0] is '+' or '-' => ParseOffset(other),
        _ => null,
    };

    private static int EnglishMonth(string mon) => mon[..3].ToLowerInvariant() switch
    {
        "jan" => 1, "feb" => 2, "mar" => 3, "apr" => 4, "may" => 5, "jun" => 6,
        "jul" => 7, "aug" => 8, "sep" => 9, "oct" => 10, "nov" => 11, "dec" => 12,
        _ => 0,
    };

    [GeneratedRegex(@"^(?<y>\d{4})-(?<mo>\d{1,2})-(?<d>\d{1,2})(?:[Tt ](?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2})(?:[.,]\d{1,7})?)?\s*(?<z>[Zz]|[+-]\d{2}:?\d{2})?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex IsoRegex();

    [GeneratedRegex(@"^(?:[A-Za-z]{3,9},?\s+)?(?<d>\d{1,2})\s+(?<mon>[A-Za-z]{3,9})\.?\s+(?<y>\d{2,4})(?:\s+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?(?:\s+(?<z>[A-Za-z]{1,5}|[+-]\d{4}))?)?\s*$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex RfcRegex();

    [GeneratedRegex(@"^(?<a>\d{1,4})\s*[/.\-]\s*(?<b>\d{1,2})\s*[/.\-]\s*(?<c>\d{2,4})(?:\s*(?:هـ|ه|م))?(?:[\sT,\-]+(?<h>\d{1,2}):(?<mi>\d{2})(?::(?<s>\d{2}))?\s*(?<ampm>am|pm|ص|م|صباحا|مساء)?)?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex NumericRegex();

    [GeneratedRegex(@"(?<d>\d{1,2})\s+(?<mon>[\u0621-\u064A]+(?:\s+(?:الاول|الثاني|الاخر|الاخره|الاولي|الثانيه|القعده|الحجه|اول|ثاني))?)(?:\s*[/(]\s*[\u0621-\u064A]+(?:\s+[\u0621-\u064A]+)?\s*\)?)?\s*,?\s+(?<y>\d{4})(?:\s*(?:هـ|ه|م))?(?:[\s,\-]+(?:الساعه\s+)?(?<h>\d{1,2}):(?<mi>\d{2}))?", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex MonthNameRegex();
}
