using Marsad.Events;
using Marsad.Model;
using Marsad.Testing;

namespace Marsad.Tests.Events;

/// <summary>Rules of the event coder, one test each, on sentences written for these tests.</summary>
public sealed class EventRuleTests
{
    private static Document Code(string body) =>
        Marsad.Pipeline.AnalysisPipeline.Default.Analyze(new Article
        {
            Id = "t",
            Source = "test",
            Format = "text",
            Body = body,
            Published = new PublishedTime(new DateTime(2024, 3, 6), null, false),
        });

    [Fact]
    public void Purpose_noun_after_li_is_not_a_second_event()
    {
        var doc = Code("تظاهر مئات الطلاب أمس أمام وزارة التعليم في الرباط للمطالبة بزيادة المنح.");
        Assert.Contains(doc.Events, e => e.Root == "14" && e.Happened);
        var demand = Assert.Single(doc.Events, e => e.Trigger.Contains("مطالبة", StringComparison.Ordinal));
        Assert.False(demand.Happened);
        Assert.Contains("purpose:ل", demand.By, StringComparison.Ordinal);
    }

    [Fact]
    public void Protest_noun_of_purpose_is_the_reason_for_the_act_not_a_protest()
    {
        var doc = Code("وأضرب العمال عن العمل أمس في ميناء العقبة احتجاجاً على تأخر الرواتب.");
        Assert.Contains(doc.Events, e => e.Cameo == "143" && e.Happened);
        var reason = Assert.Single(doc.Events, e => e.Trigger == "احتجاجاً");
        Assert.False(reason.Happened);
        Assert.Contains("purpose", reason.By, StringComparison.Ordinal);
    }

    [Fact]
    public void Thousands_of_protesters_after_the_verb_is_the_subject()
    {
        // «آلاف» normalises to «الاف», which must not be read as the article + «اف».
        var doc = Code("وتجمع آلاف المتظاهرين أمس أمام مقر الحكومة في العاصمة.");
        var gather = Assert.Single(doc.Events, e => e.Root == "14");
        Assert.True(gather.Happened);
        Assert.NotNull(gather.Actor1);
        Assert.StartsWith("آلاف", gather.Actor1.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Actor_phrase_takes_the_entity_named_inside_it()
    {
        var doc = Code("وقال الناطق إن تنظيم «داعش» هاجم قرية شمال المدينة أمس.");
        var entity = Assert.Single(doc.Entities, e => e.Canonical == "داعش");
        var attack = Assert.Single(doc.Events, e => e.Root == "18");
        Assert.NotNull(attack.Actor1);
        Assert.Equal("IMGMUSISI", attack.Actor1.Code);
        Assert.Equal(entity.Id, attack.Actor1.Entity);
    }

    [Fact]
    public void Seed_actors_link_to_the_entities_of_the_document()
    {
        var doc = Analyzer.Analyze(SharedData.Path("seed/000_2bf1e917491ed886.txt"));
        var isis = doc.Entities.First(e => e.Canonical == "داعش" && e.Type == EntityType.ORG);
        var talks = Assert.Single(doc.Events, e => e.Cameo == "046");
        Assert.Equal(isis.Id, talks.Actor1?.Entity);
        // Every actor coded as the group carries an entity id.
        Assert.All(doc.Events.SelectMany(e => new[] { e.Actor1, e.Actor2 }).Where(a => a is { Code: "IMGMUSISI" }), a => Assert.NotNull(a!.Entity));
    }
}
