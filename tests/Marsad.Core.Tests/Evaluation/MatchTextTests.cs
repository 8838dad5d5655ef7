using Marsad.Evaluation;

namespace Marsad.Tests.Evaluation;

/// <summary>The string rules of the scorer, one per rule, on short phrases written for the tests.</summary>
public sealed class MatchTextTests
{
    [Fact]
    public void Key_normalises_and_turns_hashtags_and_quotes_into_spaces()
    {
        Assert.Equal("حركه الشباب", MatchText.Key("#حركة_الشباب"));
        Assert.Equal("ان الوضع متوتر", MatchText.Key("أن «الوضع متوتر»"));
    }

    [Fact]
    public void Containment_is_by_whole_words()
    {
        Assert.True(MatchText.ContainsWords("نائب الرئيس العراقي إياد علاوي", "إياد علاوي"));
        Assert.False(MatchText.ContainsWords("العلاوي", "علاوي"));
    }

    [Fact]
    public void Content_words_skip_the_complementiser()
    {
        Assert.Equal(["القوات", "انسحبت"], MatchText.ContentWords("بأنه القوات انسحبت"));
        Assert.Equal(["تحقيق", "شامل"], MatchText.ContentWords("عن تحقيق شامل"));
    }

    [Theory]
    [InlineData("أن المفاوضات ستستأنف الأسبوع", "المفاوضات ستستأنف الأسبوع المقبل في الدوحة", true)]
    [InlineData("كما قُتل سبعة جنود", "قتل سبعة جنود في الهجوم", true)]
    [InlineData("وأكد أن الطريق سيفتح", "أكد أن الطريق سيفتح قريبا", true)]
    [InlineData("أن المفاوضات ستستأنف", "الطريق سيفتح قريبا", false)]
    public void Starts_agree_when_three_content_words_line_up(string gold, string system, bool agree) =>
        Assert.Equal(agree, MatchText.StartsAgree(gold, system));

    [Fact]
    public void Same_word_allows_a_glued_conjunction()
    {
        Assert.True(MatchText.SameWord("وقال", "قال"));
        Assert.False(MatchText.SameWord("قال", "قالت"));
    }

    [Fact]
    public void Place_keys_drop_descriptors_and_proclitics()
    {
        Assert.Contains("الانبار", MatchText.PlaceKeys("محافظة الأنبار"));
        Assert.Contains("لندن", MatchText.PlaceKeys("بلندن"));
        Assert.Contains("سيناء", MatchText.PlaceKeys("شبه جزيرة سيناء"));
        Assert.DoesNotContain("البصره", MatchText.PlaceKeys("مطار البصرة"));
    }

    [Fact]
    public void Names_agree_through_a_preposition_on_the_channel()
    {
        Assert.True(MatchText.NamesAgree("لإذاعة الجيش", "إذاعة الجيش"));
        Assert.True(MatchText.NamesAgree("وكالة «رويترز»", "رويترز"));
        Assert.False(MatchText.NamesAgree("وكالة الأناضول", "رويترز"));
    }
}
