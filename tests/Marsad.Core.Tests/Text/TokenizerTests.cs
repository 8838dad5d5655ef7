using Marsad.Model;
using Marsad.Text;

namespace Marsad.Tests.Text;

public sealed class TokenizerTests
{
    private static List<(string Text, TokenKind Kind)> Tokens(string text)
    {
        var list = new List<(string, TokenKind)>();
        foreach (var t in Tokenizer.Enumerate(text))
            list.Add((text[t.Start..t.End], t.Kind));
        return list;
    }

    [Fact]
    public void Words_numbers_punctuation_and_Latin_are_separate_tokens()
    {
        Assert.Equal(
            [("قال", TokenKind.Arabic), ("3.5", TokenKind.Number), ("مرة", TokenKind.Arabic), ("،", TokenKind.Punctuation), ("CNN", TokenKind.Latin), ("!", TokenKind.Punctuation)],
            Tokens("قال 3.5 مرة، CNN!"));
    }

    [Fact]
    public void Numbers_keep_separators_and_digit_families()
    {
        Assert.Equal([("1,000", TokenKind.Number), ("٢٠١٧", TokenKind.Number), ("10", TokenKind.Number), ("/", TokenKind.Punctuation)], Tokens("1,000 ٢٠١٧ 10/")[..4]);
    }

    [Fact]
    public void Tatweel_clitic_before_a_quote_is_its_own_token()
    {
        Assert.Equal([("لـ", TokenKind.Arabic), ("«", TokenKind.Punctuation), ("سكاي", TokenKind.Arabic)], Tokens("لـ«سكاي")[..3]);
    }

    [Fact]
    public void Diacritics_and_inner_joiners_stay_inside_the_word()
    {
        Assert.Equal([("مُحَمَّدٌ", TokenKind.Arabic)], Tokens("مُحَمَّدٌ"));
        Assert.Equal([("می\u200Cخواهم", TokenKind.Arabic)], Tokens("می\u200Cخواهم"));
    }

    [Fact]
    public void Glued_words_after_a_stop_split_at_the_stop()
    {
        Assert.Equal([("الموصل", TokenKind.Arabic), (".", TokenKind.Punctuation), ("وأوضح", TokenKind.Arabic)], Tokens("الموصل.وأوضح"));
    }

    [Fact]
    public void Runs_of_stops_are_one_token()
    {
        Assert.Equal([("انتظرنا", TokenKind.Arabic), ("...", TokenKind.Punctuation), ("؟!", TokenKind.Punctuation)], Tokens("انتظرنا... ؟!"));
    }

    [Fact]
    public void Tokenize_gives_offsets_into_the_text_with_a_range()
    {
        const string text = "أولا. ثانيا وثالثا";
        var tokens = Tokenizer.Tokenize(text, 6, text.Length);
        Assert.Equal(["ثانيا", "وثالثا"], tokens.Select(t => text[t.Start..t.End]));
        Assert.Equal("ثالثا", text[tokens[1].StemStart..tokens[1].End]);
        Assert.All(tokens, t => Assert.Equal("tokenizer", t.By));
    }
}
