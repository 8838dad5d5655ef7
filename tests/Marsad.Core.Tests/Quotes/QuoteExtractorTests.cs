using Marsad.Testing;

namespace Marsad.Tests.Quotes;

/// <summary>Quote rules on sentences written for the tests (speakers by text; entity links are tested with the seed).</summary>
public sealed class QuoteExtractorTests
{
    [Fact]
    public void Indirect_quote_after_verb_and_subject()
    {
        var doc = Analyzer.AnalyzeText("أكد وزير الخارجية سامي الجابري أن المفاوضات ستستأنف الأسبوع المقبل.");
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("indirect", q.Kind);
        Assert.Equal("أكد", q.Verb);
        Assert.Equal("وزير الخارجية سامي الجابري", q.SpeakerText);
        Assert.StartsWith("أن المفاوضات", q.Text, StringComparison.Ordinal);
        Assert.Equal(q.Text, doc.Article.Body[q.Start..q.End]);
    }

    [Fact]
    public void Direct_quote_after_colon()
    {
        var doc = Analyzer.AnalyzeText("وقال المتحدث باسم الشرطة: «تم توقيف ثلاثة أشخاص في الحي الشرقي».");
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("direct", q.Kind);
        Assert.Equal("تم توقيف ثلاثة أشخاص في الحي الشرقي", q.Text);
        Assert.Equal("المتحدث باسم الشرطة", q.SpeakerText);
    }

    [Fact]
    public void Carry_over_keeps_the_previous_speaker()
    {
        var doc = Analyzer.AnalyzeText("وأوضح المحافظ خالد العمري أن المياه عادت إلى الأحياء.وأضاف «سنواصل العمل حتى نهاية الشهر».");
        Assert.Equal(2, doc.Quotes.Length);
        Assert.Equal("المحافظ خالد العمري", doc.Quotes[1].SpeakerText);
        Assert.Contains("carry-over", doc.Quotes[1].By, StringComparison.Ordinal);
    }

    [Fact]
    public void Feminine_verb_does_not_carry_a_masculine_speaker()
    {
        var doc = Analyzer.AnalyzeText("كشفت مصادر مطلعة أن الاتفاق بات وشيكاً.وقال الوزير إن الحكومة لم تتلق أي عرض.وأشارت إلى أن التوقيع سيتم في الدوحة.");
        Assert.Equal(3, doc.Quotes.Length);
        Assert.Equal("مصادر مطلعة", doc.Quotes[2].SpeakerText);
    }

    [Fact]
    public void Participle_continues_the_sentence_speaker()
    {
        var doc = Analyzer.AnalyzeText("وأكد رئيس البلدية أن الطريق سيفتح قريباً، مشيراً إلى أن «الأعمال تسير وفق الجدول المحدد».");
        Assert.Equal(2, doc.Quotes.Length);
        Assert.Equal("رئيس البلدية", doc.Quotes[1].SpeakerText);
        Assert.Equal("direct", doc.Quotes[1].Kind);
        Assert.False(doc.Quotes[0].Text.Contains("مشيراً", StringComparison.Ordinal));
    }

    [Fact]
    public void Channel_in_a_parenthetical_is_the_via()
    {
        var doc = Analyzer.AnalyzeText("وقال السفير، في تصريحات نقلتها وكالة «الأناضول»، إن العلاقات بين البلدين جيدة.");
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("السفير", q.SpeakerText);
        Assert.Contains("الأناضول", q.ViaText, StringComparison.Ordinal);
    }

    [Fact]
    public void Quoted_name_is_not_a_direct_quote()
    {
        var doc = Analyzer.AnalyzeText("وأكد القائد أن «الحركة» لن تشارك في الانتخابات المقبلة.");
        var q = Assert.Single(doc.Quotes);
        Assert.Equal("indirect", q.Kind);
        Assert.StartsWith("أن «الحركة»", q.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("في ظل نفي الحكومة وجود أي اتفاق مع المعارضة.")]
    [InlineData("ويرى البعض أن رأي الخبراء مهم، وهذا ما يفيد بأن الوضع معقد.")]
    public void Nouns_and_relative_clauses_are_not_claims(string text)
    {
        var doc = Analyzer.AnalyzeText(text);
        Assert.DoesNotContain(doc.Quotes, q => q.Verb is "نفي" or "رأي" or "يفيد");
    }
}
