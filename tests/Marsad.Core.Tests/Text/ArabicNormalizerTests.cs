using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>One row per normaliser rule (Lucene <c>TestArabicNormalizationFilter</c> style), each with a real Arabic literal.</summary>
public sealed class ArabicNormalizerTests
{
    public static TheoryData<string, string, string> Rules() => new()
    {
        { "harakat and tanween", "مُحَمَّدٌ", "محمد" },
        { "sukun and shadda", "مَدْرَسَةٌ", "مدرسه" },
        { "superscript alef", "هٰذا", "هذا" },
        { "Quranic annotation mark", "يعلمونۖ", "يعلمون" },
        { "tatweel", "الســلام", "السلام" },
        { "alef madda", "آمن", "امن" },
        { "alef with hamza above", "أحمد", "احمد" },
        { "alef with hamza below", "إبراهيم", "ابراهيم" },
        { "alef wasla", "ٱلكتاب", "الكتاب" },
        { "ta marbuta", "مدرسة", "مدرسه" },
        { "alef maqsura", "مستشفى", "مستشفي" },
        { "waw with hamza", "مسؤول", "مسءول" },
        { "yeh with hamza", "مسئول", "مسءول" },
        { "Persian keheh", "کتاب", "كتاب" },
        { "Persian yeh", "علی", "علي" },
        { "Arabic-Indic digits", "عام ٢٠١٧", "عام 2017" },
        { "Eastern Arabic-Indic digits", "عام ۲۰۱۷", "عام 2017" },
        { "Devanagari digits", "रु ४२", "रु 42" },
        { "fullwidth digits", "رقم ３٥", "رقم 35" },
        { "ASCII digits unchanged", "عام 2017", "عام 2017" },
        { "presentation form lam-alef", "ﻻ", "لا" },
        { "presentation form Allah", "ﷲ", "الله" },
        { "presentation form salla", "ﷺ", "صلي الله عليه وسلم" },
        { "presentation forms of a word", "ﻣﺤﻤﺪ", "محمد" },
        { "right-to-left mark", "\u200Fمرحبا\u200E", "مرحبا" },
        { "zero-width non-joiner", "می\u200Cخواهم", "ميخواهم" },
        { "byte order mark", "\uFEFFخبر", "خبر" },
        { "bidi isolate", "\u2067بغداد\u2069", "بغداد" },
        { "ASCII upper case", "شبكة CNN", "شبكه cnn" },
        { "no-break space", "كأس\u00A0العالم", "كاس العالم" },
    };

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_maps_as_specified(string rule, string input, string expected)
    {
        Assert.True(expected == ArabicNormalizer.Normalize(input), rule);
        Assert.True(expected == ArabicNormalizer.Normalize(input.AsSpan()), rule + " (span)");
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Rule_output_is_a_fixed_point(string rule, string input, string expected)
    {
        _ = expected;
        var once = ArabicNormalizer.Normalize(input);
        Assert.True(ArabicNormalizer.IsNormalized(once), rule);
        Assert.Equal(once, ArabicNormalizer.Normalize(once));
    }

    [Fact]
    public void Already_normal_text_is_returned_as_the_same_instance()
    {
        const string text = "وزير الخارجيه";
        Assert.Same(text, ArabicNormalizer.Normalize(text));
    }

    [Fact]
    public void Hamza_spellings_of_one_word_meet()
    {
        Assert.Equal(ArabicNormalizer.Normalize("مسؤول"), ArabicNormalizer.Normalize("مسئول"));
        Assert.Equal(ArabicNormalizer.Normalize("إسرائيل"), ArabicNormalizer.Normalize("اسرائيل"));
    }

    [Fact]
    public void Span_overload_reports_a_too_small_destination()
    {
        Span<char> small = stackalloc char[3];
        Assert.Equal(-1, ArabicNormalizer.Normalize("ﷺ", small));
        Span<char> enough = stackalloc char[ArabicNormalizer.MaxExpansion];
        var n = ArabicNormalizer.Normalize("ﷺ", enough);
        Assert.Equal("صلي الله عليه وسلم", enough[..n].ToString());
    }

    [Fact]
    public void Analysis_never_changes_the_stored_body()
    {
        const string body = "قالَ الوزيرُ إنّ «الاجتماعَ» انتهى.وأضافَ أنّ النتائجَ ٣ جيدة.";
        var doc = Analyzer.AnalyzeText(body);
        Assert.Equal(body, doc.Article.Body);
    }
}
