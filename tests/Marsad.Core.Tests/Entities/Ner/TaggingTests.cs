using Marsad.Entities;
using Marsad.Entities.Ner;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Entities.Ner;

/// <summary>The shipped model on short sentences written for these tests, through the default pipeline.</summary>
public sealed class TaggingTests
{
    public static TheoryData<string, string, EntityType> Mentions => new()
    {
        { "قال الرئيس الأمريكي باراك أوباما في واشنطن إن المحادثات كانت مثمرة.", "باراك أوباما", EntityType.PER },
        { "قال الرئيس الأمريكي باراك أوباما في واشنطن إن المحادثات كانت مثمرة.", "واشنطن", EntityType.LOC },
        { "وصل وزير الخارجية الفرنسي إلى القاهرة أمس في زيارة رسمية تستمر يومين.", "القاهرة", EntityType.LOC },
        { "التقى الملك عبدالله الثاني رئيس الوزراء البريطاني توني بلير في عمان.", "توني بلير", EntityType.PER },
        { "ذكرت وكالة «رويترز» أن الاجتماع عقد في لندن بحضور ممثلين عن الاتحاد الأوروبي.", "الاتحاد الأوروبي", EntityType.ORG },
    };

    [Theory]
    [MemberData(nameof(Mentions))]
    public void The_shipped_model_finds_the_name(string body, string name, EntityType type)
    {
        var doc = Analyzer.AnalyzeText(body);
        Assert.Contains(doc.Mentions, m => doc.Slice(m).SequenceEqual(name) && m.Type == type);
    }

    [Theory]
    [InlineData("ذكرت وكالة «رويترز» أن الاجتماع عقد في لندن.", "رويترز", EntityType.ORG)]
    [InlineData("أعلنت شركة «تويوتا» اليابانية عن طراز جديد في معرض طوكيو للسيارات.", "تويوتا", EntityType.ORG)]
    public void A_name_inside_guillemets_is_found_without_the_guillemets(string body, string name, EntityType type)
    {
        var doc = Analyzer.AnalyzeText(body);
        var m = Assert.Single(doc.Mentions, m => m.By == NerResources.ModelName && m.Type == type && doc.Slice(m).SequenceEqual(name));
        Assert.Equal('«', body[m.Start - 1]);
        Assert.Equal('»', body[m.End]);
    }

    [Fact]
    public void Mentions_point_into_the_body_and_name_the_model()
    {
        var body = "وقال المتحدث باسم الشرطة إن انفجارا وقع في بغداد صباح اليوم. وزار الوزير دمشق.";
        var doc = Analyzer.AnalyzeText(body);
        // The default pipeline also runs lexicon mentions; these are the tagger's.
        var tagged = doc.Mentions.Where(m => m.By == NerResources.ModelName).ToArray();
        Assert.NotEmpty(tagged);
        Assert.All(tagged, m =>
        {
            Assert.InRange(m.Start, 0, m.End - 1);
            Assert.InRange(m.End, m.Start + 1, body.Length);
            Assert.InRange(m.Confidence, 0.0, 1.0);
            Assert.False(char.IsWhiteSpace(body[m.Start]) || char.IsWhiteSpace(body[m.End - 1]));
        });
        Assert.Contains(tagged, m => doc.Slice(m).SequenceEqual("بغداد") && m.Type == EntityType.LOC);
    }

    [Theory]
    [InlineData("وبغداد", "بغداد")]
    public void A_mention_starts_after_a_conjunction_proclitic(string token, string name)
    {
        const string body = "انتقل الوفد من الموصل وبغداد والبصرة في اليوم التالي.";
        var doc = Analyzer.AnalyzeText(body);
        var end = body.IndexOf(token, StringComparison.Ordinal) + token.Length;
        var m = Assert.Single(doc.Mentions, m => m.By == NerResources.ModelName && m.End == end);
        Assert.Equal(name, doc.Slice(m).ToString());
    }

    [Fact]
    public void The_mention_stage_without_tokens_leaves_the_document_as_it_is()
    {
        var doc = new Document(new Article { Id = "x", Source = "test", Format = "text", Body = "زار الوزير بغداد." });
        Assert.Same(doc, new MentionStage().Process(doc, CancellationToken.None));
    }

    [Fact]
    public void The_default_pipeline_runs_mentions_after_tokens()
    {
        var names = AnalysisPipeline.Default.Stages.Select(s => s.Name).ToList();
        Assert.True(names.IndexOf("mentions") > names.IndexOf("tokens"));
    }

    [Fact]
    public void Tagging_a_CoNLL_sentence_keeps_its_tokens_as_given()
    {
        var tagger = NerResources.DefaultTagger;
        string[] tokens = ["وقال", "وزير", "الخارجية", "الفرنسي", "في", "باريس", "(", "أ", "ف", "ب", ")"];
        var labels = tagger.Tag(tokens);
        Assert.Equal(tokens.Length, labels.Length);
        Assert.Equal(NerLabels.Begin(EntityType.LOC), labels[5]);
    }
}
