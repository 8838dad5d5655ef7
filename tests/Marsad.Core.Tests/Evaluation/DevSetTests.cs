using Marsad.Evaluation;
using Marsad.Testing;

namespace Marsad.Tests.Evaluation;

/// <summary>Runs the scorer once over the hand-annotated dev set (tests/annotations/analysis).</summary>
public sealed class DevSetFixture
{
    public DevSetFixture()
    {
        GoldDir = Path.Combine(SharedData.RepoRoot, "tests", "annotations", "analysis");
        Report = new AnalysisEvaluation().Run(GoldDir, SharedData.Path(""));
    }

    public string GoldDir { get; }
    public EvaluationReport Report { get; }
}

/// <summary>
/// Regression floors on the dev set, a little below what main measured when the set was annotated
/// (quotes: speaker 0.560, partial 0.802, kind 0.989, via 0.934, F1 0.719; times: value 0.970, F1 0.945), raised
/// with entity linking in the pipeline (2026-11-29: speaker 0.855, partial 0.884, F1 0.852; times value 0.976, F1 0.981;
/// places when geocoding landed: recall 0.907, within tolerance 0.943, geocoded end to end 0.862).
/// Raise them as the stages improve; the issue's targets are speaker ≥ 0.90, time values ≥ 0.95, places ≥ 0.90 within 25 km.
/// </summary>
public sealed class DevSetTests(DevSetFixture fixture) : IClassFixture<DevSetFixture>
{
    private EvaluationReport Report => fixture.Report;

    [Fact]
    public void Every_annotation_is_scored()
    {
        Assert.Empty(Report.Failures);
        Assert.True(Report.Articles.Length >= 30, $"{Report.Articles.Length} articles");
        Assert.All(Report.Articles, a => Assert.True(a.Problems.IsEmpty, $"{a.Name}: {string.Join("; ", a.Problems)}"));
    }

    [Fact]
    public void Annotated_publication_dates_are_the_ones_ingest_reads()
    {
        var golds = GoldReader.ReadAll(fixture.GoldDir).ToDictionary(g => g.Name, StringComparer.Ordinal);
        Assert.All(Report.Articles, a => Assert.Equal(golds[a.Name].Published, a.Published));
    }

    [Fact]
    public void Quote_speaker_accuracy_does_not_regress()
    {
        var q = Report.Quotes;
        Assert.True(q.SpeakerAccuracy >= 0.82, $"speaker accuracy {q.SpeakerAccuracy:F3} ({q.Speaker}/{q.Matched})");
        Assert.True(q.SpeakerPartialAccuracy >= 0.86, $"partial speaker accuracy {q.SpeakerPartialAccuracy:F3} ({q.SpeakerPartial}/{q.Matched})");
    }

    [Fact]
    public void Quote_kind_and_via_accuracy_do_not_regress()
    {
        var q = Report.Quotes;
        Assert.True(q.KindAccuracy >= 0.96, $"kind accuracy {q.KindAccuracy:F3}");
        Assert.True(q.ViaAccuracy >= 0.90, $"via accuracy {q.ViaAccuracy:F3}");
    }

    [Fact]
    public void Quote_detection_does_not_regress()
    {
        var q = Report.Quotes;
        Assert.True(q.F1 >= 0.82, $"quotes P {q.Precision:F3} R {q.Recall:F3} F1 {q.F1:F3}");
    }

    [Fact]
    public void Time_value_accuracy_does_not_regress()
    {
        var t = Report.Times;
        Assert.True(t.ValueAccuracy >= 0.95, $"time value accuracy {t.ValueAccuracy:F3} ({t.ValueCorrect}/{t.Matched})");
        Assert.True(t.F1 >= 0.96, $"times P {t.Precision:F3} R {t.Recall:F3} F1 {t.F1:F3}");
    }

    [Fact]
    public void Places_are_found_and_geocoded_within_tolerance()
    {
        var p = Report.Places;
        Assert.True(p.Recall >= 0.88, $"places recall {p.Recall:F3} ({p.Matched}/{p.Gold})");
        Assert.True(p.Geocoded >= 0.84, $"geocoded {p.Geocoded:F3} ({p.Within}/{p.GoldWithCoordinates})");
        Assert.True(p.WithinTolerance >= 0.92, $"within tolerance {p.WithinTolerance:F3} ({p.Within}/{p.WithGoldCoordinates}); geocoded {p.Geocoded:F3} ({p.Within}/{p.GoldWithCoordinates})");
    }
}
