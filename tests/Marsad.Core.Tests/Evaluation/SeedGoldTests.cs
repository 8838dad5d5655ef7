using Marsad.Evaluation;
using Marsad.Testing;

namespace Marsad.Tests.Evaluation;

/// <summary>
/// The seed gold's quotes, times and places through the same scorer as the dev set. Done means
/// 13/13 quotes with the right speaker, kind and via; 6/6 times with the right date; every place
/// within its tolerance, the two neighbourhoods resolved to Mosul.
/// </summary>
public sealed class SeedGoldTests
{
    private static readonly Lazy<ArticleScore> Seed = new(() =>
    {
        var gold = GoldReader.Read(SharedData.Path("seed/000_2bf1e917491ed886.gold.json"));
        // The spec says «neighbourhood of Mosul» in English; the scorer needs the gold place to measure from.
        gold = gold with { Places = [.. gold.Places.Select(p => p.Kind == "neighbourhood of Mosul" ? p with { Within = "الموصل" } : p)] };
        var report = new AnalysisEvaluation().Run([gold], [SharedData.Path("")]);
        Assert.Empty(report.Failures);
        return Assert.Single(report.Articles);
    });

    private static IEnumerable<QuoteOutcome> Required => Seed.Value.Quotes.Where(o => o.Gold is not null);

    [Fact]
    public void Seed_gold_strings_are_all_in_the_body() => Assert.Empty(Seed.Value.Problems);

    [Fact]
    public void Seed_quotes_are_all_found_and_nothing_else()
    {
        var t = Seed.Value.QuoteTally;
        Assert.True(t is { Gold: 13, Matched: 13, System: 13 },
            $"{t.Matched}/13 matched, {t.System - t.Matched} spurious; missed: {string.Join(" | ", Required.Where(o => o.System is null).Select(o => o.Gold!.Starts))}");
    }

    [Fact]
    public void Seed_quotes_have_the_gold_kind() =>
        Assert.All(Required.Where(o => o.Matched), o => Assert.True(o.Judgement.Kind, $"«{o.Gold!.Starts}»: gold {o.Gold.Kind}, system {o.System!.Kind}"));

    [Fact]
    public void Seed_quotes_have_the_gold_via() =>
        Assert.All(Required.Where(o => o.Matched), o => Assert.True(o.Judgement.Via, $"«{o.Gold!.Starts}»: gold via «{o.Gold.Via ?? "none"}», system «{o.System!.ViaText ?? "none"}»"));

    [Fact]
    public void Seed_quote_speakers_name_the_gold_speaker_at_least_in_part() =>
        Assert.All(Required.Where(o => o.Matched), o => Assert.True(o.Judgement.SpeakerPartial, $"«{o.Gold!.Starts}»: gold «{o.Gold.Speaker}», system «{o.System!.SpeakerText ?? "none"}»"));

    [Fact]
    public void Seed_quote_speakers_are_the_canonical_names() =>
        Assert.All(Required.Where(o => o.Matched), o => Assert.True(o.Judgement.Speaker, $"«{o.Gold!.Starts}»: gold «{o.Gold.Speaker}», system «{o.System!.SpeakerText ?? "none"}»"));

    [Fact]
    public void Seed_times_have_the_gold_dates()
    {
        var t = Seed.Value.TimeTally;
        Assert.True(t is { Gold: 6, Matched: 6, ValueCorrect: 6 },
            string.Join(" | ", Seed.Value.Times.Where(o => o.Gold is not null && !o.ValueCorrect).Select(o => $"«{o.Gold!.Text}» gold {o.Gold.Value}, system {o.System?.Value ?? "missed"}")));
    }

    [Fact]
    public void Seed_places_are_within_their_tolerance()
    {
        var places = Seed.Value.Places.Where(o => o.Gold is not null).ToList();
        Assert.All(places, o => Assert.True(o.Within == true, $"«{o.Gold!.Canonical}»: {(o.System is null ? "not found" : o.DistanceKm is { } d ? $"{d:F0} km off" : "no coordinates")}"));
    }

    [Fact]
    public void Seed_neighbourhoods_resolve_to_Mosul()
    {
        var hoods = Seed.Value.Places.Where(o => o.Gold?.Within == "الموصل").ToList();
        Assert.Equal(2, hoods.Count);
        Assert.All(hoods, o => Assert.True(o.Within == true, $"«{o.Gold!.Canonical}»: {(o.System is null ? "not found" : o.DistanceKm is { } d ? $"{d:F0} km from Mosul" : "no coordinates")}"));
    }
}
