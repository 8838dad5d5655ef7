using System.Text.Json;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Events.Evaluation;

/// <summary>Precision, recall and F1 of a binary detection.</summary>
public sealed record DetectionScore(int TruePositives, int FalsePositives, int FalseNegatives, int TrueNegatives, int Skipped)
{
    public int N => TruePositives + FalsePositives + FalseNegatives + TrueNegatives;
    public double Precision => TruePositives + FalsePositives == 0 ? 0 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 0 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>Overlap of one argument (source actor, verb, target actor) with the annotators' span.</summary>
public sealed record SpanScore(int Gold, int Found, int Overlapping, double TokenF1Sum)
{
    /// <summary>Share of gold spans the system's span overlaps by at least one word.</summary>
    public double OverlapRate => Gold == 0 ? 0 : (double)Overlapping / Gold;
    /// <summary>Mean word-level F1 between the system's span and the gold span (0 when the system has none).</summary>
    public double MeanTokenF1 => Gold == 0 ? 0 : TokenF1Sum / Gold;
}

/// <summary>Span overlap of one event type.</summary>
public sealed record SpanScores(int Records, SpanScore Source, SpanScore Verb, SpanScore Target);

/// <summary>One sentence the system got wrong (for <c>--verbose</c>).</summary>
public sealed record GsrMiss(string Type, string Id, string Label, bool Predicted, string Text, string Why);

/// <summary>The figures of a GSR run.</summary>
public sealed record GsrReport(IReadOnlyDictionary<string, DetectionScore> Detection, IReadOnlyDictionary<string, SpanScores> Spans, IReadOnlyList<GsrMiss> Misses);

/// <summary>
/// Scores the event stage on the OEDA Arabic event gold standard (<c>protest_gsr.csv</c>, <c>assault_gsr.csv</c>,
/// and <c>*_spans.json</c> when present): sentence-level detection of PROTEST (CAMEO 14) and ASSAULT (CAMEO 18–20)
/// against the <c>label</c> column (<c>yes</c> positive; <c>easy no</c>, <c>difficult no</c> negative; <c>ambiguous</c>
/// skipped) — a sentence is detected when its lead event (<see cref="Lead"/>) is a happened event of that type, or with
/// <see cref="LeadOnly"/> false when it holds one anywhere — and word overlap of the
/// system's actor1, trigger and actor2 with the annotators' source, verb and target spans.
/// </summary>
public sealed class GsrEvaluation
{
    private readonly AnalysisPipeline _pipeline;

    public GsrEvaluation(AnalysisPipeline? pipeline = null) => _pipeline = pipeline ?? AnalysisPipeline.Default;

    /// <summary>The event types and the CAMEO roots that count for them.</summary>
    public static IReadOnlyDictionary<string, string[]> Types { get; } = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["PROTEST"] = ["14"],
        ["ASSAULT"] = ["18", "19", "20"],
    };

    public GsrReport Run(string folder, CancellationToken ct = default)
    {
        var detection = new Dictionary<string, DetectionScore>(StringComparer.Ordinal);
        var spans = new Dictionary<string, SpanScores>(StringComparer.Ordinal);
        var misses = new List<GsrMiss>();
        foreach (var (type, roots) in Types)
        {
            var csv = Path.Combine(folder, type.ToLowerInvariant() + "_gsr.csv");
            if (File.Exists(csv))
                detection[type] = Detect(csv, type, roots, misses, ct);
            var json = Path.Combine(folder, type.ToLowerInvariant() + "_spans.json");
            if (File.Exists(json))
                spans[type] = Overlap(json, roots, ct);
        }
        if (detection.Count == 0)
            throw new FileNotFoundException($"no protest_gsr.csv or assault_gsr.csv in {folder}");
        return new GsrReport(detection, spans, misses);
    }

    private DetectionScore Detect(string path, string type, string[] roots, List<GsrMiss> misses, CancellationToken ct)
    {
        using var reader = new StreamReader(path);
        using var rows = Csv.Read(reader).GetEnumerator();
        if (!rows.MoveNext())
            throw new InvalidDataException($"{path}: empty");
        var header = rows.Current;
        int label = header.IndexOf("label"), text = header.IndexOf("text"), id = header.IndexOf("id");
        if (label < 0 || text < 0)
            throw new InvalidDataException($"{path}: no label or text column");
        int tp = 0, fp = 0, fn = 0, tn = 0, skipped = 0;
        while (rows.MoveNext())
        {
            ct.ThrowIfCancellationRequested();
            var row = rows.Current;
            if (row.Count <= Math.Max(label, text))
                continue;
            var gold = row[label].Trim();
            if (gold is not ("yes" or "easy no" or "difficult no"))
            {
                skipped++;
                continue;
            }
            var doc = Analyze(row[text]);
            var events = doc?.Events ?? [];
            var hit = LeadOnly ? Lead(doc) is { } lead && roots.Contains(lead.Root) ? lead : null
                : events.FirstOrDefault(e => e.Happened && roots.Contains(e.Root));
            var positive = gold == "yes";
            if (hit is not null && positive)
                tp++;
            else if (hit is not null)
                fp++;
            else if (positive)
                fn++;
            else
                tn++;
            if ((hit is not null) != positive)
            {
                var why = hit is not null ? $"{hit.Cameo} {hit.By} «{hit.Trigger}»"
                    : string.Join("; ", events.Where(e => roots.Contains(e.Root)).Select(e => $"{e.Cameo} {JsonName(e.Modality)} {e.By} «{e.Trigger}»"));
                misses.Add(new GsrMiss(type, id >= 0 ? row[id] : "", gold, hit is not null, row[text], why));
            }
        }
        return new DetectionScore(tp, fp, fn, tn, skipped);
    }

    private static string JsonName(Modality m) => EventJson.ModalityName(m);

    private SpanScores Overlap(string path, string[] roots, CancellationToken ct)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        int records = 0;
        var acc = new[] { new Acc(), new Acc(), new Acc() };
        foreach (var rec in doc.RootElement.EnumerateArray())
        {
            ct.ThrowIfCancellationRequested();
            var text = Str(rec, "text");
            if (text.Length == 0)
                continue;
            records++;
            var golds = new[] { Str(rec, "source_gold"), Str(rec, "verb_gold"), Str(rec, "target_gold") };
            var goldWords = golds.Select(Words).ToArray();
            var events = Events(text).Where(e => roots.Contains(e.Root)).ToList();
            // The event that best matches the gold verb (then the first happened one).
            var best = events.OrderByDescending(e => TokenF1(Words(e.Trigger), goldWords[1])).ThenByDescending(e => e.Happened).FirstOrDefault();
            var system = new[] { best?.Actor1?.Text ?? "", best?.Trigger ?? "", best?.Actor2?.Text ?? "" };
            for (var k = 0; k < 3; k++)
            {
                if (goldWords[k].Count == 0)
                    continue;
                var sys = Words(system[k]);
                acc[k].Gold++;
                if (sys.Count > 0)
                    acc[k].Found++;
                var f1 = TokenF1(sys, goldWords[k]);
                if (sys.Overlaps(goldWords[k]))
                    acc[k].Overlapping++;
                acc[k].F1 += f1;
            }
        }
        return new SpanScores(records, acc[0].ToScore(), acc[1].ToScore(), acc[2].ToScore());
    }

    private sealed class Acc
    {
        public int Gold;
        public int Found;
        public int Overlapping;
        public double F1;

        public SpanScore ToScore() => new(Gold, Found, Overlapping, F1);
    }

    private static string Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : "";

    private IReadOnlyList<Event> Events(string text) => Analyze(text)?.Events ?? [];

    private Document? Analyze(string text)
    {
        var body = text.Trim();
        if (body.Length == 0)
            return null;
        var article = new Article { Id = "gsr", Source = "gsr", Format = "text", Body = body };
        return _pipeline.Analyze(article);
    }

    /// <summary>
    /// The event a sentence reports: its first happened event (by trigger position), when the trigger is among the
    /// first <see cref="LeadWords"/> words of its sentence. Arabic news sentences put the reported act first
    /// («تظاهر آلاف …»، «قتل ثلاثة …»); an event deep in a long sentence is usually its background or a side detail,
    /// and the GSR annotators did not count such sentences as reporting one.
    /// </summary>
    public static Event? Lead(Document? doc)
    {
        if (doc is null)
            return null;
        Event? first = null;
        foreach (var e in doc.Events)
        {
            if (e.Happened && (first is null || e.TriggerStart < first.TriggerStart))
                first = e;
        }
        if (first is null)
            return null;
        var sentenceStart = doc.Sentences.IsDefaultOrEmpty || first.Sentence >= doc.Sentences.Length ? 0 : doc.Sentences[first.Sentence].Start;
        var words = 0;
        foreach (var t in Tokenizer.Enumerate(doc.Article.Body.AsSpan(sentenceStart, Math.Max(0, first.TriggerStart - sentenceStart))))
        {
            if (t.Kind is TokenKind.Arabic or TokenKind.Latin or TokenKind.Number)
                words++;
        }
        return words < LeadWords ? first : null;
    }

    /// <summary>How far into its sentence the lead event's trigger may start, in words (see <see cref="Lead"/>).</summary>
    public const int LeadWords = 16;

    /// <summary>
    /// Detection counts only the sentence's lead event (<see cref="Lead"/>; the default), or any happened event of the
    /// type anywhere in the sentence (false: <c>eval events --any</c>).
    /// </summary>
    public bool LeadOnly { get; init; } = true;

    /// <summary>The words of a span for overlap: normalised, without و/ف and the article.</summary>
    public static HashSet<string> Words(string span)
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in Tokenizer.Enumerate(span))
        {
            if (t.Kind is not (TokenKind.Arabic or TokenKind.Latin or TokenKind.Number))
                continue;
            var w = ArabicNormalizer.Normalize(span.AsSpan(t.Start, t.Length));
            if (w.Length > 3 && w[0] is 'و' or 'ف')
                w = w[1..];
            w = Lexicon.TriggerLexicon.BareWord(w);
            if (w.Length > 0)
                set.Add(w);
        }
        return set;
    }

    public static double TokenF1(HashSet<string> system, HashSet<string> gold)
    {
        if (system.Count == 0 || gold.Count == 0)
            return 0;
        var common = system.Count(gold.Contains);
        if (common == 0)
            return 0;
        var p = (double)common / system.Count;
        var r = (double)common / gold.Count;
        return 2 * p * r / (p + r);
    }
}
