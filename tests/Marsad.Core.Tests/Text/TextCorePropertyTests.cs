using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Marsad.Model;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>Random text for the property tests: Arabic words and clitic chains, marks, stops, quotes, digits of
/// several scripts, bidi and format controls, combining marks, presentation forms, lone and paired surrogates,
/// and any BMP character.</summary>
public sealed record MixedText(string Value)
{
    public override string ToString() => string.Concat(Value.Select(c => c < 0x80 && !char.IsControl(c) ? c.ToString() : $"\\u{(int)c:X4}"));
}

public static class TextArbitraries
{
    private static readonly string[] Pieces =
    [
        "قال", "الموصل", "وأوضح", "والرئيس", "للسلطة", "بالنسبة", "لـ", "الـ", "وللـ", "ة", "ى", "وقال", "مُحَمَّدٌ", "الســلام",
        "ان.بي.سي", "إم.تي.في", "د.", "م.", "هـ.", "أ.ف.ب", "بي. بي.", "3.5", "1.000.000", "10/1/1436", "٢٠١٧", "۲۰۱۷", "४२", "３",
        ".", "..", "...", "…", "!", "?", "؟", "؟!", "۔", "،", ";", ":", "«", "»", "“", "”", "\"", "'", "(", ")", "[", "]", "-", "/", "@",
        "www.example.com", "info@example.com", " ", " ", " ", "\n", "\r\n", "\t", "\u2029", "\u00A0",
        "\u200E", "\u200F", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2066", "\u2067", "\u2068", "\u2069", "\u200C", "\u200D", "\uFEFF", "\u061C",
        "\u0300", "\u0301", "\u064B", "\u0651", "\u0670", "\u06D6", "ﻻ", "ﷲ", "ﷺ", "ﻣﺤﻤﺪ", "\uFDFD",
        "\uD83D", "\uDE00", "\uD83D\uDE00", "\uD835\uDFCE", "CNN", "א", "中", "1.", "2-", "***",
    ];

    private static readonly Gen<string> Piece = Gen.Frequency(
        (6, Gen.Elements(Pieces)),
        (2, Gen.Choose(0x0600, 0x06FF).Select(c => ((char)c).ToString())),
        (1, Gen.Choose(0, 0xFFFF).Select(c => ((char)c).ToString())));

    public static Arbitrary<MixedText> Mixed() =>
        Arb.From(Gen.Sized(size => Gen.ArrayOf(Piece, Math.Min(size, 80)).Select(p => new MixedText(string.Concat(p)))));
}

/// <summary>Invariants of the text core on random text (Lucene <c>CheckRandomData</c> style).</summary>
[Properties(Arbitrary = [typeof(TextArbitraries)], MaxTest = 400)]
public sealed class TextCorePropertyTests
{
    [Property]
    public void Normalizer_is_idempotent(MixedText text)
    {
        var once = ArabicNormalizer.Normalize(text.Value);
        Assert.Equal(once, ArabicNormalizer.Normalize(once));
        Assert.True(ArabicNormalizer.IsNormalized(once));
        Assert.Equal(once, ArabicNormalizer.Normalize(text.Value.AsSpan()));
    }

    [Property]
    public void Sentences_are_in_bounds_ordered_and_trimmed(MixedText text)
    {
        var s = text.Value;
        var previousEnd = 0;
        foreach (var sentence in SentenceSplitter.Split(s))
        {
            Assert.InRange(sentence.Start, previousEnd, s.Length);
            Assert.InRange(sentence.End, sentence.Start + 1, s.Length);
            Assert.False(char.IsWhiteSpace(s[sentence.Start]));
            Assert.False(char.IsWhiteSpace(s[sentence.End - 1]));
            Assert.True(sentence.End - sentence.Start <= SentenceSplitter.MaxSentenceLength);
            Assert.StartsWith("sentence-splitter:", sentence.By, StringComparison.Ordinal);
            previousEnd = sentence.End;
        }
    }

    [Property]
    public void Tokens_are_in_bounds_ordered_and_never_hold_whitespace(MixedText text)
    {
        var s = text.Value;
        var previousEnd = 0;
        foreach (var t in Tokenizer.Enumerate(s))
        {
            Assert.InRange(t.Start, previousEnd, s.Length - 1);
            Assert.InRange(t.End, t.Start + 1, s.Length);
            for (var i = t.Start; i < t.End; i++)
                Assert.False(char.IsWhiteSpace(s[i]), $"whitespace inside token [{t.Start},{t.End})");
            previousEnd = t.End;
        }
    }

    [Property]
    public void Proclitics_lie_inside_their_token_before_the_stem(MixedText text)
    {
        var s = text.Value;
        foreach (var t in Tokenizer.Tokenize(s, 0, s.Length))
        {
            Assert.InRange(t.StemStart, t.Start, t.End);
            var at = -1;
            foreach (var c in t.Proclitics)
            {
                // Contiguous from the first clitic letter (a leading tatweel or mark is not part of a clitic).
                if (at < 0)
                    Assert.InRange(c.Start, t.Start, t.End - 1);
                else
                    Assert.Equal(at, c.Start);
                Assert.InRange(c.End, c.Start + 1, t.StemStart);
                at = c.End;
            }
            Assert.Equal(t.Proclitics.Count == 0 ? t.Start : at, t.StemStart);
        }
    }

    [Property]
    public void Segmenter_spans_stay_inside_the_word(MixedText text)
    {
        var s = text.Value;
        var seg = CliticSegmenter.Segment(s);
        Assert.InRange(seg.StemStart, 0, s.Length);
        var at = 0;
        for (var i = 0; i < seg.Count; i++)
        {
            Assert.InRange(seg[i].Start, at, s.Length);
            Assert.InRange(seg[i].End, seg[i].Start + 1, seg.StemStart);
            at = seg[i].End;
        }
    }

    [Property(MaxTest = 150)]
    public void Pipeline_tokens_stay_inside_their_sentences(MixedText text)
    {
        var body = text.Value;
        if (body.Length == 0)
            return;
        var doc = Analyzer.AnalyzeText(body);
        if (doc.Sentences.IsEmpty)
            Assert.DoesNotContain(body, char.IsLetterOrDigit); // only separators: no sentence
        else
        {
            foreach (var t in doc.Tokens)
                Assert.Contains(doc.Sentences, s => s.Start <= t.Start && t.End <= s.End);
        }
        Assert.Equal(body, doc.Article.Body);
    }

    [Fact]
    public void Generator_covers_the_hard_characters()
    {
        var sample = string.Concat(Gen.Sample(TextArbitraries.Mixed().Generator, 200, 40).Select(m => m.Value));
        Assert.Contains('\u202E', sample);
        Assert.Contains('\uD83D', sample);
        Assert.Contains('\u0300', sample);
        Assert.Contains('«', sample);
    }
}
