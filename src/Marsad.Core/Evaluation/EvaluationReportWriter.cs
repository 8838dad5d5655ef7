using System.Globalization;
using System.Text.Json;

namespace Marsad.Evaluation;

/// <summary>Prints an <see cref="EvaluationReport"/> as a table (optionally with every error per article) or as JSON.</summary>
public static class EvaluationReportWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void WriteTable(TextWriter w, EvaluationReport report, bool verbose)
    {
        var q = report.Quotes;
        var t = report.Times;
        var p = report.Places;
        w.WriteLine(string.Create(Inv, $"analysis evaluation: {report.Articles.Length} article(s){(report.GoldPath is null ? "" : $" from {report.GoldPath}")}; optional gold items are not counted"));
        w.WriteLine(string.Create(Inv, $"{"",-8} {"gold",6} {"system",7} {"matched",8} {"precision",10} {"recall",7} {"F1",6}"));
        w.WriteLine(string.Create(Inv, $"{"quotes",-8} {q.Gold,6} {q.System,7} {q.Matched,8} {F(q.Precision),10} {F(q.Recall),7} {F(q.F1),6}   speaker {F(q.SpeakerAccuracy)} (partial names {F(q.SpeakerPartialAccuracy)})  kind {F(q.KindAccuracy)}  via {F(q.ViaAccuracy)}"));
        w.WriteLine(string.Create(Inv, $"{"times",-8} {t.Gold,6} {t.System,7} {t.Matched,8} {F(t.Precision),10} {F(t.Recall),7} {F(t.F1),6}   value {F(t.ValueAccuracy)}"));
        var within = p.WithinTolerance is { } wt
            ? string.Create(Inv, $"within tolerance {F(wt)} ({p.Within} of {p.WithGoldCoordinates} matched places with gold coordinates; {p.Located} have system coordinates); geocoded {F(p.Geocoded)} ({p.Within} of all {p.GoldWithCoordinates} gold places with coordinates)")
            : string.Create(Inv, $"within tolerance: no coordinates (none of {p.WithGoldCoordinates} matched places has system coordinates)");
        w.WriteLine(string.Create(Inv, $"{"places",-8} {p.Gold,6} {p.System,7} {p.Matched,8} {F(p.Precision),10} {F(p.Recall),7} {F(p.F1),6}   {within}"));
        foreach (var failure in report.Failures)
            w.WriteLine($"not scored: {failure}");
        if (!verbose)
            return;
        foreach (var a in report.Articles)
            WriteArticle(w, a);
    }

    private static void WriteArticle(TextWriter w, ArticleScore a)
    {
        var q = a.QuoteTally;
        var t = a.TimeTally;
        var p = a.PlaceTally;
        w.WriteLine();
        w.WriteLine(string.Create(Inv, $"== {a.Name} (published {a.Published ?? "?"}): quotes {q.Matched}/{q.Gold} matched, {q.System - q.Matched} spurious, speaker {q.Speaker}/{q.Matched}; times {t.Matched}/{t.Gold}, {t.System - t.Matched} spurious, value {t.ValueCorrect}/{t.Matched}; places {p.Matched}/{p.Gold}, {p.System - p.SystemMatched} spurious"));
        foreach (var problem in a.Problems)
            w.WriteLine($"  ? {problem}");
        foreach (var o in a.Quotes)
        {
            if (o.Gold is { Optional: true })
                continue;
            if (o.Gold is { } g && o.System is null)
                w.WriteLine($"  - quote missed: «{g.Starts}» ({g.Speaker}, {g.Kind})");
            else if (o.Gold is null && o.System is { } s)
                w.WriteLine($"  + quote spurious: «{Head(s.Text)}» ({s.SpeakerText ?? "no speaker"}, {s.Kind}, {s.Verb})");
            else if (o.Gold is { } gold && o.System is { } sys)
            {
                if (!o.Judgement.Speaker)
                    w.WriteLine($"  ! speaker: «{gold.Starts}» gold «{gold.Speaker}», system «{sys.SpeakerText ?? "none"}»{(sys.SpeakerId is null ? "" : $" ({sys.SpeakerId})")}");
                if (!o.Judgement.Kind)
                    w.WriteLine($"  ! kind: «{gold.Starts}» gold {gold.Kind}, system {sys.Kind}");
                if (!o.Judgement.Via)
                    w.WriteLine($"  ! via: «{gold.Starts}» gold «{gold.Via ?? "none"}», system «{sys.ViaText ?? sys.ViaId ?? "none"}»");
            }
        }
        foreach (var o in a.Times)
        {
            if (o.Gold is { Optional: true })
                continue;
            if (o.Gold is { } g && o.System is null)
                w.WriteLine($"  - time missed: «{g.Text}» = {g.Value}");
            else if (o.Gold is null && o.System is { } s)
                w.WriteLine($"  + time spurious: «{s.Text}» = {s.Value ?? "null"}");
            else if (o is { Gold: { } gold, System: { } sys, ValueCorrect: false })
                w.WriteLine($"  ! time value: «{gold.Text}» gold {gold.Value}, system «{sys.Text}» = {sys.Value ?? "null"}");
        }
        foreach (var o in a.Places)
        {
            if (o.Gold is { } g && o.System is null)
                w.WriteLine($"  - place missed: «{g.Canonical}» ({g.Kind})");
            else if (o.Gold is null && o.System is { } s)
                w.WriteLine($"  + place spurious: «{s.Canonical}»");
            else if (o is { Gold: { } gold, Within: false, DistanceKm: { } d })
                w.WriteLine(string.Create(Inv, $"  ! place far: «{gold.Canonical}» {d:F0} km off (tolerance {gold.ToleranceKm ?? GoldPlace.DefaultToleranceKm:F0} km), system «{o.System!.Canonical}» at {o.System.Place!.Value.Lat:F2},{o.System.Place.Value.Lon:F2}"));
            else if (o is { Gold: { } ungeo, System: { Place: null } unplaced, HasGoldCoordinates: true })
                w.WriteLine($"  ! place without coordinates: «{ungeo.Canonical}» (system «{unplaced.Canonical}»)");
        }
    }

    public static void WriteJson(Utf8JsonWriter w, EvaluationReport report, bool verbose)
    {
        w.WriteStartObject();
        w.WriteNumber("articles", report.Articles.Length);
        w.WriteStartArray("failures");
        foreach (var f in report.Failures)
            w.WriteStringValue(f);
        w.WriteEndArray();
        WriteTallies(w, report.Quotes, report.Times, report.Places);
        if (verbose)
        {
            w.WriteStartArray("per_article");
            foreach (var a in report.Articles)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Name);
                WriteTallies(w, a.QuoteTally, a.TimeTally, a.PlaceTally);
                w.WriteStartArray("problems");
                foreach (var problem in a.Problems)
                    w.WriteStringValue(problem);
                w.WriteEndArray();
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    private static void WriteTallies(Utf8JsonWriter w, QuoteTally q, TimeTally t, PlaceTally p)
    {
        w.WriteStartObject("quotes");
        Counts(w, q.Gold, q.System, q.Matched, q.Precision, q.Recall, q.F1);
        Number(w, "speaker_accuracy", q.SpeakerAccuracy);
        Number(w, "speaker_partial_accuracy", q.SpeakerPartialAccuracy);
        Number(w, "kind_accuracy", q.KindAccuracy);
        Number(w, "via_accuracy", q.ViaAccuracy);
        w.WriteEndObject();
        w.WriteStartObject("times");
        Counts(w, t.Gold, t.System, t.Matched, t.Precision, t.Recall, t.F1);
        Number(w, "value_accuracy", t.ValueAccuracy);
        w.WriteEndObject();
        w.WriteStartObject("places");
        Counts(w, p.Gold, p.System, p.Matched, p.Precision, p.Recall, p.F1);
        Number(w, "within_tolerance", p.WithinTolerance);
        w.WriteNumber("with_gold_coordinates", p.WithGoldCoordinates);
        w.WriteNumber("located", p.Located);
        w.WriteNumber("within", p.Within);
        Number(w, "geocoded", p.Geocoded);
        w.WriteNumber("gold_with_coordinates", p.GoldWithCoordinates);
        if (p.WithinTolerance is null)
            w.WriteString("note", "no coordinates: no matched system place carries coordinates");
        w.WriteEndObject();
    }

    private static void Counts(Utf8JsonWriter w, int gold, int system, int matched, double? precision, double? recall, double? f1)
    {
        Number(w, "precision", precision);
        Number(w, "recall", recall);
        Number(w, "f1", f1);
        w.WriteNumber("n", gold);
        w.WriteNumber("system", system);
        w.WriteNumber("matched", matched);
    }

    private static void Number(Utf8JsonWriter w, string name, double? value)
    {
        if (value is { } v)
            w.WriteNumber(name, Math.Round(v, 4));
        else
            w.WriteNull(name);
    }

    private static string F(double? v) => v is { } x ? x.ToString("0.000", Inv) : "-";

    private static string Head(string text)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return string.Join(' ', words.Take(6)) + (words.Length > 6 ? " …" : "");
    }
}
