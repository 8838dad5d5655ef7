using Marsad.Cleaning;
using Marsad.Model;

namespace Marsad.Tests.Cleaning;

/// <summary>One row per dateline rule, with the shapes seen in the Arab press (texts written for the tests).</summary>
public sealed class DatelineExtractorTests
{
    public static TheoryData<string, string?, string?, string> Openers() => new()
    {
        // PLACE - SOURCE - body
        { "بغداد - وكالات - أعلنت الحكومة خطة جديدة.", "بغداد", "وكالات", "أعلنت الحكومة" },
        // SOURCE - PLACE - body: the credit is recognised whichever side it stands
        { "رويترز - بغداد - أعلنت الحكومة خطة جديدة.", "بغداد", "رويترز", "أعلنت الحكومة" },
        // PLACE، COUNTRY (SOURCE) -- body
        { "دبي، الإمارات العربية المتحدة (CNN)-- أعلنت الشركة نتائجها.", "دبي، الإمارات العربية المتحدة", "CNN", "أعلنت الشركة" },
        // (SOURCE) -- body, no place
        { "(CNN)-- أعلنت الشركة نتائجها الفصلية.", null, "CNN", "أعلنت الشركة" },
        // by-line opener with glued dashes and a colon
        { "مرصد- جرش: افتتح المهرجان دورته الجديدة.", "جرش", "مرصد", "افتتح المهرجان" },
        { "سامر الحديدي- مرصد- الموصل: افتتح المحافظ الجسر.", "الموصل", "سامر الحديدي - مرصد", "افتتح المحافظ" },
        // label + writer: the label is dropped, the writer is the source
        { "كتب - سامر الحديدي: افتتح المحافظ الجسر الجديد.", null, "سامر الحديدي", "افتتح المحافظ" },
        // PLACE - body (one word)
        { "القاهرة - أعلنت الحكومة خطة جديدة.", "القاهرة", null, "أعلنت الحكومة" },
        // agency as the only part
        { "واس - أعلنت الوزارة خطة جديدة.", null, "واس", "أعلنت الوزارة" },
    };

    [Theory]
    [MemberData(nameof(Openers))]
    public void Opener_is_split_off(string text, string? place, string? source, string bodyStart)
    {
        var r = DatelineExtractor.Extract(text);
        Assert.NotNull(r);
        Assert.Equal(new Dateline(place, source), r.Value.Dateline);
        Assert.StartsWith(bodyStart, text[r.Value.BodyStart..], StringComparison.Ordinal);
    }

    [Theory]
    // Paired dashes around a parenthetical clause are not a dateline.
    [InlineData("تمكنت – بفضل الله تعالى – فرق الإطفاء من إخماد الحريق.")]
    [InlineData("وصل - بحفظ الله ورعايته - الوفد إلى العاصمة.")]
    [InlineData("الحدث الذي - ربما - كان الأبرز هذا العام هو افتتاح الجسر.")]
    [InlineData("تكاد المدينة - والقرى المحيطة بها - أن تغرق في المياه.")]
    // Several words before a single dash are a heading or a clause, not a place.
    [InlineData("أدت اتفاقية سايكس - بيكو إلى تقسيم المنطقة.")]
    // «PLACE: body» is too often a speaker.
    [InlineData("علاوي: البغدادي والظواهري يتفاوضان.")]
    // A weekday is never the place.
    [InlineData("الخميس - افتتح المحافظ الجسر الجديد.")]
    public void Not_a_dateline(string text)
    {
        var r = DatelineExtractor.Extract(text);
        Assert.True(r is null || r.Value.Dateline.Place is not ("الخميس"), text);
        if (!text.StartsWith("الخميس", StringComparison.Ordinal))
            Assert.Null(r);
    }

    public static TheoryData<string, string?, string?> Lines() => new()
    {
        { "مرصد – عمّان", "عمّان", "مرصد" },
        { "الأحساء ـ سامر الحديدي", "الأحساء", "سامر الحديدي" },
        { "سامر الحديدي ـ جدة", "جدة", "سامر الحديدي" },
        { "مرصد – متابعات", null, "مرصد - متابعات" },
        { "الرياض - واس", "الرياض", "واس" },
        { "رويترز- بنغازي (ليبيا):", "بنغازي (ليبيا)", "رويترز" },
        { "إعداد وترجمة - سامر الحديدي", null, "سامر الحديدي" },
        { "أبها 25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "أبها", "واس" },
        { "جيزان 25 شوال 1436هـ الموافق 10 أغسطس 2015م واس", "جيزان", "واس" },
        { "الدمام25 شوال 1436 هـ الموافق 10 أغسطس 2015 م واس", "الدمام", "واس" },
    };

    [Theory]
    [MemberData(nameof(Lines))]
    public void Standalone_line_is_a_dateline(string line, string? place, string? source)
    {
        Assert.Equal(new Dateline(place, source), DatelineExtractor.ExtractLine(line));
    }

    [Theory]
    [InlineData("صورة جماعية بعد الافتتاح")]
    [InlineData("1-محمد صلاح")]
    [InlineData("وقفة :")]
    [InlineData("قال الوزير إن المشروع سيبدأ - كما وعد - الشهر المقبل في محطتين شمال المدينة")]
    [InlineData("الملك عبدالعزيز - رحمه الله -")]
    public void Standalone_line_that_is_not_a_dateline(string line)
    {
        Assert.Null(DatelineExtractor.ExtractLine(line));
    }

    [Theory]
    [InlineData("سبق- أبها:", "أبها", "سبق")]
    [InlineData("محمود وهبي ـ جدة", "جدة", "محمود وهبي")]
    [InlineData("عبدالله الراجحي- سبق- جدة: تصوير مشعل الزهراني:", "جدة", "عبدالله الراجحي - سبق")]
    [InlineData("الرياض:", "الرياض", null)]
    public void By_line_gives_the_dateline(string byline, string? place, string? source)
    {
        Assert.Equal(new Dateline(place, source), DatelineExtractor.FromByline(byline));
    }

    [Theory]
    [InlineData("سامر الحديدي")]
    [InlineData("د. عبد الحفيظ خوجة")]
    public void By_line_that_is_only_a_name_gives_no_dateline(string byline)
    {
        Assert.Null(DatelineExtractor.FromByline(byline));
    }
}
