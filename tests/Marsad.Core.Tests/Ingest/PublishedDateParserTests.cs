using System.IO.Compression;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Ingest;
using Marsad.Testing;

namespace Marsad.Tests.Ingest;

/// <summary>
/// Publication dates in every form the issue names: ISO 8601, RFC-822, day-first numeric, two-digit
/// years, Arabic-Indic digits, month names of every family, numeric and named Hijri dates (converted
/// with Umm al-Qura, never read as Gregorian); impossible dates give null, never an exception.
/// </summary>
public sealed partial class PublishedDateParserTests
{
    public static TheoryData<string, string> Parsed() => new()
    {
        // ISO 8601
        { "2017-05-27", "2017-05-27" },
        { "2017-05-27T14:30", "2017-05-27T14:30" },
        { "2017-05-27T14:30:15Z", "2017-05-27T14:30:15+00:00" },
        { "2017-05-27T14:30:15.123+03:00", "2017-05-27T14:30:15+03:00" },
        { "2017-05-27T14:30:15-0500", "2017-05-27T14:30:15-05:00" },
        { "2015-08-02 22:52:01", "2015-08-02T22:52:01" },
        // RFC-822 / RFC-1123
        { "Mon, 26 Feb 2018 02:20:10 GMT", "2018-02-26T02:20:10+00:00" },
        { "Mon, 26 Feb 2018 02:20:10 +0000", "2018-02-26T02:20:10+00:00" },
        { "Sun, 13 May 2018 16:06:02 +0400", "2018-05-13T16:06:02+04:00" },
        { "26 Feb 2018 02:20 EST", "2018-02-26T02:20-05:00" },
        { "26 Feb 18 02:20:10 GMT", "2018-02-26T02:20:10+00:00" },
        { "Tue, 5 June 2018", "2018-06-05" },
        // Day-first numeric, separators, two-digit years
        { "27/05/2017", "2017-05-27" },
        { "27.05.2017", "2017-05-27" },
        { "27-05-2017", "2017-05-27" },
        { "27/05/17", "2017-05-27" },
        { "27/05/98", "1998-05-27" },
        { "4/5/2017", "2017-05-04" },
        { "5/27/2017", "2017-05-27" },
        { "4/ 8 / 2015", "2015-08-04" },
        { "27/05/2017 02:30 م", "2017-05-27T14:30" },
        { "27/05/2017 12:10 ص", "2017-05-27T00:10" },
        { "2017/05/27", "2017-05-27" },
        // Arabic-Indic and Persian digits
        { "٢٧/٠٥/٢٠١٧", "2017-05-27" },
        { "۲۷/۰۵/۲۰۱۷", "2017-05-27" },
        { "٢٠١٧-٠٥-٢٧", "2017-05-27" },
        // Month names: Egyptian/Gulf, Levantine/Iraqi, Maghrebi, Moroccan, double names
        { "27 مايو 2017", "2017-05-27" },
        { "27 أيار 2017", "2017-05-27" },
        { "27 ماي 2017", "2017-05-27" },
        { "5 جوان 2017", "2017-06-05" },
        { "14 جويلية 2017", "2017-07-14" },
        { "3 أوت 2017", "2017-08-03" },
        { "3 غشت 2017", "2017-08-03" },
        { "10 شتنبر 2017", "2017-09-10" },
        { "5 نونبر 2017", "2017-11-05" },
        { "5 دجنبر 2017", "2017-12-05" },
        { "2 فيفري 2017", "2017-02-02" },
        { "9 أفريل 2017", "2017-04-09" },
        { "1 كانون الثاني 2018", "2018-01-01" },
        { "12 تشرين الأول 2017", "2017-10-12" },
        { "25 كانون الأول/ديسمبر 2017", "2017-12-25" },
        { "3 يناير/كانون الثاني 2018", "2018-01-03" },
        { "الخميس 27 مايو 2017 - 14:05", "2017-05-27T14:05" },
        { "٢٧ مايو ٢٠١٧", "2017-05-27" },
        // Hijri: numeric (by the year) and named; 25 Shawwal 1436 is 10 August 2015 (the SPA datelines say so)
        { "25/10/1436", "2015-08-10" },
        { "26/10/1436 هـ", "2015-08-11" },
        { "1436/10/25", "2015-08-10" },
        { "1436/10/25هـ", "2015-08-10" },
        { "25 / 10 /1436هـ", "2015-08-10" },
        { "١٥/٨/١٤٤٦", "2025-02-14" },
        { "15/8/1446", "2025-02-14" },
        { "25 شوال 1436 هـ", "2015-08-10" },
        { "1 رمضان 1436", "2015-06-18" },
    };

    [Theory]
    [InlineData("5 جمادى الأولى 1440 هـ")]
    [InlineData("12 ربيع الأول 1440")]
    [InlineData("3 ربيع الآخر 1440")]
    [InlineData("7 جمادى الآخرة 1440")]
    [InlineData("15 ذو القعدة 1439")]
    [InlineData("1 محرم 1440")]
    public void Hijri_month_names_of_two_words_are_read_as_hijri(string text)
    {
        var p = PublishedDateParser.TryParse(text);
        Assert.NotNull(p);
        Assert.Equal("hijri-umalqura", p.Value.Calendar);
        Assert.InRange(p.Value.Date.Year, 2018, 2019);
    }

    [Theory]
    [MemberData(nameof(Parsed))]
    public void Parses(string text, string expected)
    {
        Assert.Equal(expected, PublishedDateParser.TryParse(text)?.ToString());
    }

    [Theory]
    [InlineData("4/5/2017", NumericDateOrder.DayFirst, "2017-05-04")]
    [InlineData("4/5/2017", NumericDateOrder.MonthFirst, "2017-04-05")]
    [InlineData("4/19/2017", NumericDateOrder.DayFirst, "2017-04-19")]
    [InlineData("19/4/2017", NumericDateOrder.MonthFirst, "2017-04-19")]
    [InlineData("4/19/17", NumericDateOrder.MonthFirst, "2017-04-19")]
    public void Ambiguous_numeric_dates_follow_the_order_unless_a_part_is_over_12(string text, NumericDateOrder order, string expected)
    {
        Assert.Equal(expected, PublishedDateParser.TryParse(text, order)?.ToString());
    }

    [Theory]
    [InlineData("10/1/1436")]
    [InlineData("1/12/1436")]
    [InlineData("8/ 2/ 1433هـ")]
    [InlineData("1436/10/17هـ")]
    [InlineData("22/3/1385 ه")]
    public void Numeric_hijri_dates_are_recognised_and_converted(string text)
    {
        var p = PublishedDateParser.TryParse(text);
        Assert.NotNull(p);
        Assert.Equal("hijri-umalqura", p.Value.Calendar);
        Assert.InRange(p.Value.Date.Year, 1960, 2020);
    }

    [Fact]
    public void Gregorian_numeric_date_is_marked_gregorian()
    {
        Assert.Equal("gregorian", PublishedDateParser.TryParse("27/05/2017")?.Calendar);
    }

    [Theory]
    [InlineData("31/02/2017")]
    [InlineData("29/02/2017")]
    [InlineData("32/01/2017")]
    [InlineData("13/13/2017")]
    [InlineData("0/5/2017")]
    [InlineData("2017-13-01")]
    [InlineData("2017-02-30T10:00")]
    [InlineData("2017-05-27T25:00")]
    [InlineData("Mon, 31 Feb 2018 02:20:10 GMT")]
    [InlineData("31 Foo 2018")]
    [InlineData("31/1/1436")]
    [InlineData("1437/1436هـ")]
    [InlineData("31 حزيران 2017")]
    [InlineData("12:30")]
    [InlineData("غداً")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Impossible_or_non_dates_give_null_not_an_exception(string? text)
    {
        Assert.Null(PublishedDateParser.TryParse(text));
    }

    [Fact]
    public void Over_long_input_gives_null()
    {
        Assert.Null(PublishedDateParser.TryParse("27/05/2017 " + new string('x', 300)));
    }

    [Fact]
    public void Leap_day_is_accepted_in_a_leap_year()
    {
        Assert.Equal("2016-02-29", PublishedDateParser.TryParse("29/02/2016")?.ToString());
    }

    /// <summary>
    /// The SaudiNewsNet articles the robustness index lists for numeric Hijri dates: every d/m/yyyy date in
    /// their bodies with a year from 1300 to 1600 is read as Hijri (or refused), never as a Gregorian year 14xx.
    /// </summary>
    [Fact]
    public void Numeric_hijri_dates_of_the_robustness_index_are_never_read_as_gregorian()
    {
        using var index = JsonDocument.Parse(File.ReadAllText(SharedData.Path("data/news/corpus/saudinewsnet/robustness-index.json")));
        var ids = index.RootElement.GetProperty("hijri_numeric_date").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        Assert.Equal(59, ids.Count);
        var lines = Corpus.Lines("data/news/corpus/saudinewsnet", ids);
        Assert.Equal(ids.Count, lines.Count);
        int hijri = 0, gregorian = 0;
        foreach (var line in lines.Values)
        {
            var body = Corpus.Field(line, "content")!;
            foreach (Match m in NumericDate().Matches(body))
            {
                var year = int.Parse(m.Groups["y"].Value, System.Globalization.CultureInfo.InvariantCulture);
                var p = PublishedDateParser.TryParse(m.Value);
                if (year is >= 1300 and <= 1600)
                {
                    if (p is null)
                        continue; // an impossible Hijri day (31/…) is refused, not misread
                    Assert.True(p.Value.Calendar == "hijri-umalqura", $"{m.Value} read as {p.Value.Calendar}");
                    Assert.InRange(p.Value.Date.Year, 1880, 2180);
                    hijri++;
                }
                else if (year >= 1900 && p is { } g)
                {
                    Assert.Equal("gregorian", g.Calendar);
                    gregorian++;
                }
            }
        }
        Assert.True(hijri >= 59, $"only {hijri} Hijri dates read");
        Assert.True(gregorian > 0);
    }

    /// <summary>
    /// The Saudi Press Agency datelines state both calendars («أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس»):
    /// the Hijri half converted with Umm al-Qura must give the Gregorian half, for all but the odd slip in the corpus.
    /// </summary>
    [Fact]
    public void Spa_dateline_hijri_and_gregorian_halves_agree()
    {
        var checkedLines = 0;
        var mismatches = new List<string>();
        foreach (var file in Directory.EnumerateFiles(SharedData.Path("data/news/corpus/saudinewsnet"), "*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gz);
            while (reader.ReadLine() is { } line)
            {
                if (!line.Contains("\"source\": \"was\"", StringComparison.Ordinal))
                    continue;
                var m = SpaDateline().Match(Corpus.Field(line, "content") ?? "");
                if (!m.Success)
                    continue;
                var h = PublishedDateParser.TryParse(m.Groups["h"].Value);
                var g = PublishedDateParser.TryParse(m.Groups["g"].Value);
                Assert.True(h is not null && g is not null, m.Value);
                Assert.Equal("hijri-umalqura", h.Value.Calendar);
                if (h.Value.Date == g.Value.Date)
                    checkedLines++;
                else
                    mismatches.Add($"{m.Value}: {h} ≠ {g}");
            }
        }
        Assert.True(checkedLines >= 300, $"only {checkedLines} SPA datelines agree");
        // The agency's own lines carry the odd slip (a day off); more than 1% would be the converter.
        Assert.True(mismatches.Count * 100 <= checkedLines, string.Join("; ", mismatches));
    }

    [GeneratedRegex(@"\d{1,2}\s*/\s*\d{1,2}\s*/\s*(?<y>\d{4})\s*(?:هـ|ه)?", RegexOptions.CultureInvariant)]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<h>\d{1,2}\s+\p{L}+(?:\s+\p{L}+)?\s+14\d\d)\s*هـ?\s+الموافق\s+(?<g>\d{1,2}\s+\p{L}+\s+20\d\d)", RegexOptions.CultureInvariant)]
    private static partial Regex SpaDateline();
}
