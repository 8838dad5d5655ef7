using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using Marsad.Entities;
using Marsad.Entities.Linking;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Testing;

namespace Marsad.Tests.Entities.Linking;

/// <summary>The linking stage on mentions from another recogniser (a tagger's <c>ner:*</c> spans), and its merge rule.</summary>
public sealed class LinkingStageTests
{
    private static readonly AnalysisPipeline Tokens = new PipelineBuilder().UseSentences().UseTokens().Build();

    private static Document Tokenised(string body) =>
        Tokens.Analyze(new Article { Id = "t", Source = "test", Format = "text", Body = body });

    private static Mention At(string body, string text, EntityType type, string by, double confidence = 0.9, int occurrence = 0)
    {
        var start = -1;
        for (var i = 0; i <= occurrence; i++)
            start = body.IndexOf(text, start + 1, StringComparison.Ordinal);
        return new Mention(start, start + text.Length, type, by, confidence);
    }

    [Fact]
    public void Tagger_mentions_alone_are_grouped_and_linked()
    {
        const string body = "وصل الوزير رامي دوريان إلى بغداد، وقال دوريان إن الزيارة ناجحة.";
        var doc = Tokenised(body) with
        {
            Mentions = [At(body, "رامي دوريان", EntityType.PER, "ner:test"), At(body, "دوريان", EntityType.PER, "ner:test", occurrence: 1), At(body, "بغداد", EntityType.LOC, "ner:test")],
        };
        var entities = new EntityLinkingStage().Process(doc, default).Entities;
        var person = Assert.Single(entities, e => e.Type == EntityType.PER);
        Assert.Equal("رامي دوريان", person.Canonical);
        Assert.Equal(2, person.Mentions.Length);
        Assert.All(person.Mentions, m => Assert.Equal("ner:test", m.By));
        Assert.Equal("الوزير", person.Role);
        var place = Assert.Single(entities, e => e.Type == EntityType.LOC);
        Assert.StartsWith("wof:", place.LinkId, StringComparison.Ordinal);
    }

    public static TheoryData<string, string, double, string, string, string> Overlaps() => new()
    {
        // (first span, its provenance, its confidence, second span, its provenance, the provenance kept)
        // A confident tagger span containing a gazetteer name wins: it names the whole thing.
        { "جامعة بغداد", "ner:test", 0.9, "بغداد", "gazetteer:places", "ner:test" },
        // An unsure tagger span loses to the gazetteer name inside it.
        { "جامعة بغداد", "ner:test", 0.3, "بغداد", "gazetteer:places", "gazetteer:places" },
        // A pattern (a name with its context) beats an overlapping tagger span, even a longer one.
        { "في جامعة بغداد", "ner:test", 0.95, "جامعة بغداد", "pattern:org", "pattern:org" },
    };

    [Theory]
    [MemberData(nameof(Overlaps))]
    public void Overlapping_mentions_follow_the_merge_rule(string first, string firstBy, double confidence, string second, string secondBy, string kept)
    {
        const string body = "درس في جامعة بغداد سنوات.";
        var mentions = ImmutableArray.Create(At(body, first, EntityType.ORG, firstBy, confidence), At(body, second, EntityType.ORG, secondBy));
        Assert.Equal(kept, Assert.Single(MentionMerger.Resolve(mentions, body.Length)).By);
    }

    [Fact]
    public void Identical_spans_keep_the_lexicon_type()
    {
        const string body = "قال مسؤول في داعش إن الهجوم فشل.";
        var mentions = ImmutableArray.Create(At(body, "داعش", EntityType.LOC, "ner:test"), At(body, "داعش", EntityType.ORG, "gazetteer:orgs"));
        Assert.Equal(EntityType.ORG, Assert.Single(MentionMerger.Resolve(mentions, body.Length)).Type);
    }

    [Fact]
    public void Entities_have_document_ids_and_sorted_mentions()
    {
        var doc = Analyzer.AnalyzeText("زار الوزير القاهرة ثم بغداد، وعاد إلى القاهرة.");
        Assert.Equal(Enumerable.Range(1, doc.Entities.Length).Select(i => "e" + i), doc.Entities.Select(e => e.Id));
        Assert.All(doc.Entities, e => Assert.Equal(e.Mentions.OrderBy(m => m.Start), e.Mentions));
        Assert.True(doc.Entities[0].Mentions[0].Start < doc.Entities[1].Mentions[0].Start);
    }

    [Fact]
    public void Any_text_gives_in_bounds_non_overlapping_mentions()
    {
        var letters = "ابتثجحخدذرزسشصضطظعغفقكلمنهويءآأإؤئةى «»()،.".ToCharArray();
        var words = new[] { "بغداد", "داعش", "الرئيس", "محافظة", "حيي", "تنظيم", "وكالة", "العراقي", "علاوي", "جون", "قاعدة", "الفريق أول ركن", "«", "»", "(", ")", "،" };
        var gen = Gen.OneOf(
            Gen.Elements(letters).ArrayOf().Select(a => new string(a)),
            Gen.Elements(words).ListOf().Select(l => string.Join(' ', l)));
        Prop.ForAll(gen.ToArbitrary(), body =>
        {
            var doc = Analyzer.AnalyzeText(body);
            var all = doc.Entities.SelectMany(e => e.Mentions).OrderBy(m => m.Start).ToList();
            for (var i = 0; i < all.Count; i++)
            {
                var m = all[i];
                if (m.Start < 0 || m.End > body.Length || m.Start >= m.End || body[m.Start..m.End] != m.Text)
                    return false;
                if (i > 0 && all[i - 1].End > m.Start)
                    return false;
            }
            return true;
        }).QuickCheckThrowOnFailure();
    }
}
