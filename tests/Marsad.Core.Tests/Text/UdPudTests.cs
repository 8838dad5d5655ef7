using Marsad.Testing;

namespace Marsad.Tests.Text;

/// <summary>
/// The text core against UD Arabic-PUD (CC BY-SA 3.0, read from ../shared at run time). The floors sit a little
/// under the figures measured when this was written (sentence boundaries P 99.8 %, R 99.7 %; proclitics 98.6 % of
/// words exactly right, boundary P 98.0 %, R 97.7 %; the article-only segmenter before the lexicon scored 91.5 %),
/// so a regression fails here; <c>tools/Marsad.Tools eval-pud</c> prints the full figures and the errors.
/// </summary>
public sealed class UdPudTests
{
    private static readonly Lazy<List<UdPud.UdSentence>> Sentences = new(() => UdPud.Read(SharedData.Path(UdPud.ConlluPath)));

    [Fact]
    public void Sentence_boundaries_of_joined_PUD_documents()
    {
        var score = UdPud.ScoreSentences(Sentences.Value);
        Assert.True(score.Gold > 500, score.ToString());
        Assert.True(score.Precision >= 0.99 && score.Recall >= 0.99, score.ToString());
    }

    [Fact]
    public void Proclitic_segmentation_of_PUD_words()
    {
        var words = UdPud.GoldWords(Sentences.Value);
        var score = UdPud.ScoreClitics(words, UdPud.Segment);
        Assert.True(score.Words > 15_000, score.Report());
        Assert.True(score.Accuracy >= 0.98, score.Report());
        Assert.True(score.Precision >= 0.97 && score.Recall >= 0.97, score.Report());
    }

    [Fact]
    public void Gold_reading_finds_conjunction_preposition_and_article()
    {
        var words = UdPud.GoldWords(Sentences.Value);
        Assert.Contains(words, w => w.Surface == "بالنسبة" && w.Proclitics.SequenceEqual(["ب", "ال"]));
        Assert.Contains(words, w => w.Surface == "للسلطة" && w.Proclitics.SequenceEqual(["ل", "ال"]));
        Assert.Contains(words, w => w.Surface == "التي" && w.Proclitics.Count == 0);
    }
}
