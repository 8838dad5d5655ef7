using Marsad.Cleaning;
using Marsad.Model;

namespace Marsad.Tests.Cleaning;

/// <summary>One test per cleaning rule, each with a short Arabic text written for it.</summary>
public sealed class BodyCleanerTests
{
    private const string P1 = "افتتح المحافظ جسراً جديداً يربط ضفتي النهر.";
    private const string P2 = "وقال إن المشروع كلف ثلاثة ملايين دولار.";

    private static string Clean(params string[] lines) => BodyCleaner.Clean(lines).Body;

    [Theory]
    [InlineData("مشاركة :")]
    [InlineData("شارك الخبر:")]
    [InlineData("الكلمات الدالة: جسر، النهر")]
    [InlineData("سمات جسر النهر المحافظ")]
    [InlineData("اقرأ أيضا:")]
    [InlineData("رابط الخبر بصحيفة مرصد: افتتاح جسر جديد")]
    [InlineData("مقالات أخرى للكاتبعنوان أول!عنوان ثان")]
    [InlineData("للتواصل مع الكاتب ارسل رسالة قصيرة")]
    [InlineData("writer@example.orgللتواصل مع الكاتب")]
    [InlineData("تويتر: @marsad_news")]
    [InlineData("** جميع المقالات المنشورة تمثل رأي كتابها فقط.")]
    [InlineData("جميع الحقوق محفوظة لمرصد 2024")]
    [InlineData("// انتهى //")]
    [InlineData("-------------------------")]
    [InlineData("يمكنكم تسلم إشعارات بأهم الموضوعات بعد تحميل التطبيق.")]
    public void Tail_line_and_what_follows_are_dropped(string tail)
    {
        Assert.Equal(P1 + "\n" + P2, Clean(P1, P2, tail, "14:23 ت م"));
    }

    [Fact]
    public void Tail_line_followed_by_a_long_text_is_kept()
    {
        var longText = string.Concat(Enumerable.Repeat(P2 + " ", 30));
        var body = Clean(P1, "سمات الجسر النهر", longText);
        Assert.Contains("سمات الجسر النهر", body, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_of_only_tail_lines_has_no_body()
    {
        Assert.Equal("", Clean("مشاركة :", "سمات جسر"));
    }

    [Theory]
    [InlineData(" سمات جسر النهر المحافظ")]
    [InlineData(" رابط الخبر بصحيفة مرصد: افتتاح جسر جديد بكلفة 3.5 مليون")]
    public void Trailer_glued_to_the_last_sentence_is_cut(string trailer)
    {
        Assert.Equal(P1 + "\n" + P2, Clean(P1, P2 + trailer));
    }

    [Fact]
    public void Tag_word_inside_a_sentence_is_kept()
    {
        Assert.Equal(P1 + "\nومن سمات الجسر أنه يتحمل الزلازل.", Clean(P1, "ومن سمات الجسر أنه يتحمل الزلازل."));
    }

    [Theory]
    [InlineData("فرانس24/ أ ف ب")]
    [InlineData("(رويترز)")]
    [InlineData("* نقلا عن صحيفة مرصد")]
    public void Closing_credit_line_is_dropped(string credit)
    {
        Assert.Equal(P1 + "\n" + P2, Clean(P1, P2, credit));
    }

    [Theory]
    [InlineData("https://example.org/news/1")]
    [InlineData("news@example.org")]
    [InlineData("تعليقات ()")]
    [InlineData("قد يهمك.. افتتاح جسر آخر في المدينة")]
    [InlineData("لقراءة الحوار كاملا أنقر هنــا")]
    [InlineData("Next Previous")]
    [InlineData("news-picture")]
    public void Furniture_line_in_the_middle_is_dropped(string furniture)
    {
        Assert.Equal(P1 + "\n" + P2, Clean(P1, furniture, P2));
    }

    [Fact]
    public void Read_also_line_in_a_long_article_is_dropped_alone()
    {
        var longText = string.Concat(Enumerable.Repeat(P2 + " ", 30)).Trim();
        Assert.Equal(P1 + "\n" + longText, Clean(P1, "اقرأ أيضا: افتتاح جسر آخر في المدينة", longText));
    }

    [Fact]
    public void Picture_placeholder_sets_has_picture()
    {
        Assert.True(BodyCleaner.Clean([P1, "news-picture", P2]).HasPicture);
    }

    [Fact]
    public void Gallery_navigation_before_the_dateline_is_removed()
    {
        var c = BodyCleaner.Clean(["Next Previous مرصد – الموصل", P1]);
        Assert.Equal(P1, c.Body);
        Assert.Equal(new Dateline("الموصل", "مرصد"), c.Dateline);
    }

    [Fact]
    public void Standalone_dateline_line_is_removed_and_kept()
    {
        var c = BodyCleaner.Clean(["مرصد – الموصل", P1, P2]);
        Assert.Equal(P1 + "\n" + P2, c.Body);
        Assert.Equal(new Dateline("الموصل", "مرصد"), c.Dateline);
    }

    [Fact]
    public void Single_line_body_is_never_taken_for_a_standalone_dateline()
    {
        Assert.Equal("مرصد – الموصل", BodyCleaner.Clean(["مرصد – الموصل"]).Body);
    }

    [Fact]
    public void By_line_opening_the_body_is_split_off()
    {
        var c = BodyCleaner.Clean(["سامر الحديدي ـ الموصل", P1], byline: "سامر الحديدي ـ الموصل");
        Assert.Equal(P1, c.Body);
        Assert.Equal(new Dateline("الموصل", "سامر الحديدي"), c.Dateline);
    }

    [Fact]
    public void By_line_prefix_is_matched_across_no_break_spaces()
    {
        var c = BodyCleaner.Clean(["مرصد-\u00A0الموصل: " + P1], byline: "مرصد- الموصل:");
        Assert.Equal(P1, c.Body);
    }

    [Fact]
    public void Highlight_in_the_author_field_is_not_taken_as_a_by_line()
    {
        var highlight = "- المشروع سيبدأ الشهر المقبل في محطتين شمال المدينة.";
        Assert.Equal(highlight + "\n" + P1, BodyCleaner.Clean([highlight, P1], byline: highlight).Body);
    }

    [Fact]
    public void Author_name_that_only_starts_the_first_word_is_not_a_by_line()
    {
        Assert.Equal("سامرة الحديدية " + P1, BodyCleaner.Clean(["سامرة الحديدية " + P1], byline: "سامر").Body);
    }

    [Fact]
    public void Invisible_marks_at_line_edges_are_trimmed()
    {
        Assert.Equal(P1, Clean("\u200F" + P1 + "\u200B"));
    }

    [Fact]
    public void Inner_no_break_and_repeated_spaces_collapse()
    {
        Assert.Equal("افتتح المحافظ جسراً", Clean("افتتح\u00A0\u00A0المحافظ   جسراً"));
    }
}
