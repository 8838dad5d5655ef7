using System.Collections.Immutable;
using System.Text.Json;
using Marsad.Evaluation;
using Marsad.Testing;

namespace Marsad.Tests.Evaluation;

/// <summary>The scorer's matching on small documents written for the tests, with hand-built system output.</summary>
public sealed class AnalysisScorerTests
{
    private const string Body =
        "قال الوزير سامي ناصر إن المحادثات ستستأنف الأحد في عمان. وأضاف: «لن نتراجع عن موقفنا». " +
        "وذكرت مصادر أمنية لوكالة رويترز أن الهجوم وقع أمس في محافظة الأنبار. وقال ناصر أمس إن المحادثات ستستأنف قريبا.";

    private static (int Start, int End) Span(string text, int nth = 1)
    {
        var at = -1;
        for (var i = 0; i < nth; i++)
            at = Body.IndexOf(text, at + 1, StringComparison.Ordinal);
        Assert.True(at >= 0, text);
        return (at, at + text.Length);
    }

    private static SystemQuote Quote(string content, string kind, string? speaker, string? via = null, int nth = 1)
    {
        var (s, e) = Span(content, nth);
        return new SystemQuote(s, e, content, kind) { SpeakerText = speaker, ViaText = via };
    }

    private static SystemTime Time(string text, string? value, int nth = 1)
    {
        var (s, e) = Span(text, nth);
        return new SystemTime(s, e, text, value);
    }

    private static SystemOutput Output(IEnumerable<SystemQuote>? quotes = null, IEnumerable<SystemTime>? times = null, IEnumerable<SystemEntity>? entities = null) => new()
    {
        Body = Body,
        Quotes = [.. quotes ?? []],
        Times = [.. times ?? []],
        Entities = [.. entities ?? []],
    };

    private static GoldArticle Gold(IEnumerable<GoldQuote>? quotes = null, IEnumerable<GoldTime>? times = null, IEnumerable<GoldPlace>? places = null) => new()
    {
        GoldPath = "synthetic.json",
        Quotes = [.. quotes ?? []],
        Times = [.. times ?? []],
        Places = [.. places ?? []],
    };

    [Fact]
    public void Quote_matches_when_the_content_starts_alike()
    {
        var score = AnalysisScorer.Score(
            Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف")]),
            Output([Quote("إن المحادثات ستستأنف الأحد في عمان", "indirect", "الوزير سامي ناصر")]));
        var t = score.QuoteTally;
        Assert.Equal((1, 1, 1, 1, 1, 1), (t.Gold, t.System, t.Matched, t.Speaker, t.Kind, t.Via));
    }

    [Fact]
    public void Quote_with_other_first_words_is_a_miss_and_a_false_positive()
    {
        var score = AnalysisScorer.Score(
            Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف")]),
            Output([Quote("الأحد في عمان", "indirect", "الوزير سامي ناصر")]));
        Assert.Equal((1, 1, 0), (score.QuoteTally.Gold, score.QuoteTally.System, score.QuoteTally.Matched));
        Assert.Equal(0, score.QuoteTally.Precision);
    }

    [Fact]
    public void Quote_located_by_nth_occurrence()
    {
        var gold = Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف") { Nth = 2 }]);
        Assert.Equal(0, AnalysisScorer.Score(gold, Output([Quote("إن المحادثات ستستأنف الأحد", "indirect", "الوزير سامي ناصر")])).QuoteTally.Matched);
        Assert.Equal(1, AnalysisScorer.Score(gold, Output([Quote("إن المحادثات ستستأنف قريبا", "indirect", "ناصر")])).QuoteTally.Matched);
    }

    [Fact]
    public void Partial_name_counts_only_for_the_partial_speaker_accuracy()
    {
        var score = AnalysisScorer.Score(
            Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف قريبا")]),
            Output([Quote("إن المحادثات ستستأنف قريبا", "indirect", "ناصر")]));
        Assert.Equal(0, score.QuoteTally.Speaker);
        Assert.Equal(1, score.QuoteTally.SpeakerPartial);
    }

    [Fact]
    public void Speaker_entity_canonical_counts_as_the_speaker()
    {
        var entity = new SystemEntity("e1", "سامي ناصر", "PER");
        var quote = Quote("إن المحادثات ستستأنف قريبا", "indirect", "ناصر") with { SpeakerId = "e1" };
        var score = AnalysisScorer.Score(Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف قريبا")]), Output([quote], entities: [entity]));
        Assert.Equal(1, score.QuoteTally.Speaker);
    }

    [Fact]
    public void Unnamed_source_matches_by_its_head_word()
    {
        var gold = Gold([new GoldQuote("مصدر أمني (unnamed)", "indirect", "أن الهجوم وقع") { Via = "رويترز" }]);
        var score = AnalysisScorer.Score(gold, Output([Quote("أن الهجوم وقع أمس", "indirect", "المصدر", via: "وكالة رويترز")]));
        Assert.Equal((1, 1), (score.QuoteTally.Speaker, score.QuoteTally.Via));
    }

    [Fact]
    public void Missing_or_extra_channel_is_a_via_error()
    {
        var withVia = Gold([new GoldQuote("مصادر أمنية (unnamed)", "indirect", "أن الهجوم وقع") { Via = "رويترز" }]);
        Assert.Equal(0, AnalysisScorer.Score(withVia, Output([Quote("أن الهجوم وقع", "indirect", "مصادر أمنية")])).QuoteTally.Via);
        var without = Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف قريبا")]);
        Assert.Equal(0, AnalysisScorer.Score(without, Output([Quote("إن المحادثات ستستأنف قريبا", "indirect", "ناصر", via: "وكالة رويترز")])).QuoteTally.Via);
    }

    [Fact]
    public void Kind_must_agree()
    {
        var score = AnalysisScorer.Score(
            Gold([new GoldQuote("سامي ناصر", "direct", "لن نتراجع عن")]),
            Output([Quote("لن نتراجع عن موقفنا", "indirect", "سامي ناصر")]));
        Assert.Equal((1, 0), (score.QuoteTally.Matched, score.QuoteTally.Kind));
    }

    [Fact]
    public void Optional_quote_neither_hits_nor_counts_as_false_positive()
    {
        var score = AnalysisScorer.Score(
            Gold([new GoldQuote("سامي ناصر", "direct", "لن نتراجع عن") { Optional = true }]),
            Output([Quote("لن نتراجع عن موقفنا", "direct", "سامي ناصر")]));
        Assert.Equal((0, 0, 0), (score.QuoteTally.Gold, score.QuoteTally.System, score.QuoteTally.Matched));
    }

    [Fact]
    public void One_system_quote_matches_one_gold_quote()
    {
        var score = AnalysisScorer.Score(
            Gold([new GoldQuote("سامي ناصر", "indirect", "إن المحادثات ستستأنف"), new GoldQuote("سامي ناصر", "indirect", "المحادثات ستستأنف الأحد")]),
            Output([Quote("إن المحادثات ستستأنف الأحد", "indirect", "سامي ناصر")]));
        Assert.Equal((2, 1), (score.QuoteTally.Gold, score.QuoteTally.Matched));
    }

    [Fact]
    public void Gold_string_absent_from_the_body_is_reported()
    {
        var score = AnalysisScorer.Score(Gold([new GoldQuote("سامي ناصر", "indirect", "إن الطقس معتدل")]), Output());
        Assert.Contains(score.Problems, p => p.Contains("إن الطقس معتدل", StringComparison.Ordinal));
    }

    [Fact]
    public void Time_matches_by_overlap_and_scores_its_value()
    {
        var gold = Gold(times: [new GoldTime("الأحد", "2018-03-11"), new GoldTime("أمس", "2018-03-12") { Nth = 2 }]);
        var score = AnalysisScorer.Score(gold, Output(times: [Time("الأحد", "2018-03-11"), Time("أمس", "2018-03-11", nth: 2), Time("قريبا", null)]));
        var t = score.TimeTally;
        Assert.Equal((2, 3, 2, 1), (t.Gold, t.System, t.Matched, t.ValueCorrect));
    }

    [Fact]
    public void Time_at_another_occurrence_does_not_match()
    {
        var score = AnalysisScorer.Score(Gold(times: [new GoldTime("أمس", "2018-03-12") { Nth = 2 }]), Output(times: [Time("أمس", "2018-03-12")]));
        Assert.Equal(0, score.TimeTally.Matched);
    }

    [Fact]
    public void Time_located_inside_a_sentence_in_the_seed_format()
    {
        var last = Body.IndexOf("وقال ناصر", StringComparison.Ordinal);
        var sentences = ImmutableArray.Create((0, last), (last, Body.Length));
        var output = Output(times: [Time("أمس", "2018-03-12", nth: 2)]) with { Sentences = sentences };
        var score = AnalysisScorer.Score(Gold(times: [new GoldTime("أمس", "2018-03-12") { Sentence = 2 }]), output);
        Assert.Equal((1, 1), (score.TimeTally.Matched, score.TimeTally.ValueCorrect));
    }

    [Fact]
    public void Place_matches_through_its_descriptor_and_is_within_tolerance()
    {
        var gold = Gold(places: [new GoldPlace("الأنبار") { Mentions = ["محافظة الأنبار"], Lat = 32.8, Lon = 42.0, ToleranceKm = 250 }]);
        var anbar = new SystemEntity("e1", "الأنبار", "LOC") { Mentions = [new SystemMention(0, 0, "محافظة الأنبار")], Place = new GeoPoint(33.05, 41.66) };
        var p = AnalysisScorer.Score(gold, Output(entities: [anbar])).PlaceTally;
        Assert.Equal((1, 1, 1, 1), (p.Matched, p.WithGoldCoordinates, p.Located, p.Within));
        Assert.Equal(1, p.WithinTolerance);
    }

    [Fact]
    public void City_point_outside_the_default_25_km_is_far()
    {
        var gold = Gold(places: [new GoldPlace("عمان") { Mentions = ["عمان"], Lat = 31.95, Lon = 35.93 }]);
        var oman = new SystemEntity("e1", "عمان", "LOC") { Place = new GeoPoint(21.0, 57.0) };
        var score = AnalysisScorer.Score(gold, Output(entities: [oman]));
        Assert.Equal(0, score.PlaceTally.Within);
        Assert.True(score.Places[0].DistanceKm > 2000);
    }

    [Fact]
    public void Places_without_system_coordinates_report_no_coordinates()
    {
        var gold = Gold(places: [new GoldPlace("عمان") { Mentions = ["عمان"], Lat = 31.95, Lon = 35.93 }]);
        var p = AnalysisScorer.Score(gold, Output(entities: [new SystemEntity("e1", "عمان", "LOC"), new SystemEntity("e2", "سامي ناصر", "PER")])).PlaceTally;
        Assert.Equal((1, 1, 0), (p.System, p.Matched, p.Located));
        Assert.Null(p.WithinTolerance);
    }

    [Fact]
    public void Neighbourhood_is_scored_against_its_enclosing_place()
    {
        var gold = Gold(places:
        [
            new GoldPlace("الموصل") { Mentions = ["الموصل"], Lat = 36.34, Lon = 43.13 },
            new GoldPlace("حي التنك") { Mentions = ["حيي التنك"], Within = "الموصل" },
        ]);
        var tanak = new SystemEntity("e1", "حي التنك", "LOC") { Place = new GeoPoint(36.36, 43.05) };
        var score = AnalysisScorer.Score(gold, Output(entities: [tanak]));
        var outcome = Assert.Single(score.Places, o => o.Gold?.Canonical == "حي التنك");
        Assert.True(outcome.Within);
    }

    [Fact]
    public void Place_coordinates_are_read_from_the_output_contract()
    {
        using var json = JsonDocument.Parse("""
            {"article": {"body": "زار الوفد أربيل."}, "sentences": [], "quotes": [], "times": [],
             "entities": [{"id": "e1", "canonical": "أربيل", "type": "LOC", "aliases": [], "mentions": [{"start": 10, "end": 15, "text": "أربيل", "by": "t"}],
                           "place": {"lat": 36.19, "lon": 44.01, "country": "IQ", "kind": "city"}},
                          {"id": "e2", "canonical": "دهوك", "type": "LOC", "lat": 36.87, "lon": 42.99}]}
            """);
        var output = SystemOutput.FromJson(json.RootElement);
        Assert.Equal(new GeoPoint(36.19, 44.01), output.Entities[0].Place);
        Assert.Equal(new GeoPoint(36.87, 42.99), output.Entities[1].Place);
        Assert.Equal("أربيل", output.Entities[0].Mentions[0].Text);
    }

    [Fact]
    public void Haversine_distance_between_two_cities()
    {
        var baghdad = new GeoPoint(33.34, 44.40);
        var mosul = new GeoPoint(36.34, 43.13);
        Assert.InRange(baghdad.DistanceKm(mosul), 350, 365);
        Assert.Equal(0, baghdad.DistanceKm(baghdad), 6);
    }

    [Fact]
    public void System_output_of_a_real_analysis_keeps_quotes_and_times()
    {
        var doc = Analyzer.AnalyzeText("أكد وزير الخارجية سامي الجابري أمس أن المفاوضات ستستأنف.");
        var output = SystemOutput.FromDocument(doc);
        Assert.Equal(doc.Quotes.Length, output.Quotes.Length);
        Assert.Equal(doc.Times.Length, output.Times.Length);
        Assert.Equal(doc.Quotes[0].SpeakerText, output.Quotes[0].SpeakerText);
        Assert.Equal(doc.Article.Body, output.Body);
    }
}
