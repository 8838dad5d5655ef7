using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Text;

namespace Marsad.Events.Evaluation;

/// <summary>One hand-annotated event: acceptable actor labels (codes or names separated by « / »), CAMEO root, date.</summary>
public sealed record GoldEvent(string? Actor1, string? Actor2, string Root, string? Date, string Trigger, int Nth, bool Optional, string? Note);

/// <summary>A hand-annotated article: where to read it and the events an analyst codes from it.</summary>
public sealed record GoldEventArticle(string GoldPath, string? Source, string? RecordId, string? Region, string? Beat, IReadOnlyList<GoldEvent> Events)
{
    public string Name => RecordId ?? Path.GetFileNameWithoutExtension(GoldPath);
}

/// <summary>How one gold event fared.</summary>
public sealed record GoldEventOutcome(GoldEvent Gold, Event? System, bool Actor1, bool Actor2, bool Date, string? Problem);

/// <summary>The outcome of one article.</summary>
public sealed record ArticleEventScore(string Name, string? Region, string? Beat, IReadOnlyList<GoldEventOutcome> Outcomes, IReadOnlyList<Event> Spurious, int SystemHappened)
{
    public int Gold => Outcomes.Count(o => !o.Gold.Optional && o.Problem is null);
    public int Matched => Outcomes.Count(o => !o.Gold.Optional && o.System is not null);
    public int Strict => Outcomes.Count(o => !o.Gold.Optional && o.System is not null && o.Actor1 && o.Date);
}

/// <summary>The figures over all annotated articles.</summary>
public sealed record ArticleEventReport(IReadOnlyList<ArticleEventScore> Articles, IReadOnlyList<string> Failures)
{
    public int Gold => Articles.Sum(a => a.Gold);
    public int Matched => Articles.Sum(a => a.Matched);
    public int Strict => Articles.Sum(a => a.Strict);
    /// <summary>System events coded as happened, minus those matching an optional gold event.</summary>
    public int System => Articles.Sum(a => a.SystemHappened);
    public int Spurious => Articles.Sum(a => a.Spurious.Count);
    public double Precision => System == 0 ? 0 : (double)(System - Spurious) / System;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double StrictRecall => Gold == 0 ? 0 : (double)Strict / Gold;
    public double Actor1Accuracy => Ratio(o => o.Actor1);
    public double Actor2Accuracy => Ratio(o => o.Actor2);
    public double DateAccuracy => Ratio(o => o.Date);

    private double Ratio(Func<GoldEventOutcome, bool> ok)
    {
        var matched = Articles.SelectMany(a => a.Outcomes).Where(o => !o.Gold.Optional && o.System is not null).ToList();
        return matched.Count == 0 ? 0 : (double)matched.Count(ok) / matched.Count;
    }
}

/// <summary>
/// Scores events on hand-annotated real articles (<c>tests/annotations/events</c>). Each annotation names its
/// article (a corpus file under the shared data and a record id) and lists the events an analyst codes: actor1
/// and actor2 as acceptable codes or names, the CAMEO root, the date, and a short trigger string that locates
/// the sentence. A gold event is found when a happened system event of the same root has its trigger (or one of
/// its mentions) in that sentence; actor1, actor2 and date are then checked. Precision counts every happened
/// system event that matches no gold event (optional gold events excused) as spurious.
/// </summary>
public sealed class ArticleEventEvaluation
{
    private readonly AnalysisPipeline _pipeline;
    private readonly ArticleReader _reader = new();

    public ArticleEventEvaluation(AnalysisPipeline? pipeline = null) => _pipeline = pipeline ?? AnalysisPipeline.Default;

    public ArticleEventReport Run(string goldPath, string? sharedRoot = null, CancellationToken ct = default)
    {
        var golds = ReadAll(goldPath);
        var roots = Marsad.Evaluation.AnalysisEvaluation.SharedRoots(goldPath, sharedRoot);
        var failures = new List<string>();
        var scores = new List<ArticleEventScore>();
        foreach (var group in golds.GroupBy(g => g.Source ?? "", StringComparer.Ordinal))
        {
            var path = roots.Select(r => Path.Combine(r, group.Key)).FirstOrDefault(File.Exists);
            if (path is null)
            {
                failures.AddRange(group.Select(g => $"{g.GoldPath}: source «{g.Source}» not found"));
                continue;
            }
            var articles = Read(path, group.Select(g => g.RecordId).OfType<string>().ToHashSet(StringComparer.Ordinal), ct);
            foreach (var gold in group)
            {
                if (gold.RecordId is null || !articles.TryGetValue(gold.RecordId, out var article))
                {
                    failures.Add($"{gold.GoldPath}: record «{gold.RecordId}» not found in {path}");
                    continue;
                }
                scores.Add(Score(gold, _pipeline.Analyze(article, ct)));
            }
        }
        return new ArticleEventReport([.. scores.OrderBy(s => s.Name, StringComparer.Ordinal)], failures);
    }

    /// <summary>Scores one analysed article against its annotation.</summary>
    public static ArticleEventScore Score(GoldEventArticle gold, Document doc)
    {
        var body = doc.Article.Body;
        var norm = NormalizedView.Create(body, 0, body.Length);
        var happened = doc.Events.Where(e => e.Happened).ToList();
        var used = new HashSet<Event>();
        var outcomes = new List<GoldEventOutcome>();
        foreach (var g in gold.Events)
        {
            var at = Locate(norm, g.Trigger, g.Nth);
            if (at < 0)
            {
                outcomes.Add(new GoldEventOutcome(g, null, false, false, false, $"trigger «{g.Trigger}» not in the body"));
                continue;
            }
            var sentence = doc.Sentences.FirstOrDefault(s => s.Start <= at && at < s.End);
            var index = sentence is null ? -1 : doc.Sentences.IndexOf(sentence);
            var candidates = happened.Where(e => !used.Contains(e) && e.Root == g.Root && InSentence(e, index)).ToList();
            var best = candidates.OrderByDescending(e => Labels(g.Actor1).Any(l => ActorMatches(l, e.Actor1)) ? 1 : 0)
                .ThenBy(e => Math.Abs(e.TriggerStart - at)).FirstOrDefault();
            if (best is null)
            {
                outcomes.Add(new GoldEventOutcome(g, null, false, false, false, null));
                continue;
            }
            used.Add(best);
            outcomes.Add(new GoldEventOutcome(g, best, ActorOk(g.Actor1, best.Actor1), ActorOk(g.Actor2, best.Actor2), g.Date is null || g.Date == best.Date, null));
        }
        var spurious = happened.Where(e => !used.Contains(e)).ToList();
        return new ArticleEventScore(gold.Name, gold.Region, gold.Beat, outcomes, spurious, happened.Count);
    }

    private static bool InSentence(Event e, int index) => e.Sentence == index || e.Mentions.Any(m => m.Sentence == index);

    private static int Locate(NormalizedView norm, string text, int nth)
    {
        var needle = ArabicNormalizer.Normalize(text);
        var from = 0;
        for (var k = 1; ; k++)
        {
            var at = norm.Text.IndexOf(needle, from, StringComparison.Ordinal);
            if (at < 0)
                return -1;
            if (k == nth)
                return norm.MapIndex(at);
            from = at + 1;
        }
    }

    private static IEnumerable<string> Labels(string? labels) =>
        labels is null ? [] : labels.Split(" / ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Gold «null» wants no actor; otherwise one of the labels must match the code, or be contained in the actor's text or name.</summary>
    public static bool ActorOk(string? gold, EventActor? system) =>
        gold is null ? system is null : Labels(gold).Any(l => l == "*" || ActorMatches(l, system));

    public static bool ActorMatches(string label, EventActor? system)
    {
        if (system is null)
            return false;
        if (label.All(c => c is >= 'A' and <= 'Z'))
            return system.Code == label || (label.Length == 3 && system.Code.StartsWith(label, StringComparison.Ordinal) && system.Code.Length <= 6);
        var l = Key(label);
        return Key(system.Text).Contains(l, StringComparison.Ordinal) || (system.Name is { } n && (Key(n).Contains(l, StringComparison.Ordinal) || l.Contains(Key(n), StringComparison.Ordinal)));
    }

    /// <summary>A phrase as bare normalised words: «القوات «العراقية»» → قوات عراقيه.</summary>
    private static string Key(string s) =>
        string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(w => w.Trim('«', '»', '"', '(', ')', '،', ',', '.'))
            .Where(w => w.Length > 0)
            .Select(w => Lexicon.TriggerLexicon.BareWord(w.Length > 3 && w[0] is 'و' or 'ف' ? w[1..] : w)));

    // ---------------------------------------------------------------- reading

    public static IReadOnlyList<GoldEventArticle> ReadAll(string path)
    {
        var files = Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList() : [path];
        return [.. files.Select(Read)];
    }

    public static GoldEventArticle Read(string file)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(file));
        var root = doc.RootElement;
        var events = new List<GoldEvent>();
        if (root.TryGetProperty("events", out var list))
        {
            foreach (var e in list.EnumerateArray())
            {
                var rootCode = Str(e, "root") ?? Str(e, "cameo")?[..2] ?? throw new InvalidDataException($"{file}: event without root");
                events.Add(new GoldEvent(Str(e, "actor1"), Str(e, "actor2"), rootCode, Str(e, "date"), Str(e, "trigger") ?? throw new InvalidDataException($"{file}: event without trigger"),
                    e.TryGetProperty("nth", out var nth) ? nth.GetInt32() : 1, e.TryGetProperty("optional", out var opt) && opt.GetBoolean(), Str(e, "note")));
            }
        }
        return new GoldEventArticle(file, Str(root, "source"), Str(root, "id"), Str(root, "region"), Str(root, "beat"), events);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private Dictionary<string, Article> Read(string path, HashSet<string> ids, CancellationToken ct)
    {
        var sb = new StringBuilder();
        using (var file = File.OpenRead(path))
        using (Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file)
        using (var reader = new StreamReader(input, Encoding.UTF8))
        {
            while (reader.ReadLine() is { } line)
            {
                if (!ids.Any(id => line.Contains(id, StringComparison.Ordinal)))
                    continue;
                using var d = JsonDocument.Parse(line);
                if (d.RootElement.TryGetProperty("id", out var idElement) && idElement.GetString() is { } id && ids.Contains(id))
                    sb.Append(line).Append('\n');
            }
        }
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        using var subset = new MemoryStream(Encoding.UTF8.GetBytes(sb.ToString()));
        foreach (var r in _reader.ReadStream(subset, path, null, ct))
        {
            // The JSON reader names a record «path#id».
            if (r is ReadResult.Ok ok && ok.Article.Source.LastIndexOf('#') is var hash and >= 0)
                articles.TryAdd(ok.Article.Source[(hash + 1)..], ok.Article);
        }
        return articles;
    }
}

/// <summary>Text and JSON renderings of an <see cref="ArticleEventReport"/>.</summary>
public static class ArticleEventReportWriter
{
    public static void WriteText(TextWriter o, ArticleEventReport r, bool verbose)
    {
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Annotated articles: {r.Articles.Count}; gold events {r.Gold}; system happened events {r.System}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"events (root + sentence): precision {r.Precision:F3}  recall {r.Recall:F3}  f1 {r.F1:F3}"));
        o.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"among matches: actor1 {r.Actor1Accuracy:F3}  actor2 {r.Actor2Accuracy:F3}  date {r.DateAccuracy:F3}; strict recall (root, actor1, date) {r.StrictRecall:F3}"));
        foreach (var f in r.Failures)
            o.WriteLine("failure: " + f);
        if (!verbose)
            return;
        foreach (var a in r.Articles)
        {
            o.WriteLine($"— {a.Name} ({a.Region}, {a.Beat}): {a.Matched}/{a.Gold} found, {a.Spurious.Count} spurious of {a.SystemHappened}");
            foreach (var x in a.Outcomes)
            {
                var s = x.System;
                o.WriteLine(s is null
                    ? $"  MISS {x.Gold.Root} «{x.Gold.Trigger}» {x.Gold.Actor1} → {x.Gold.Actor2} {x.Gold.Date} {x.Problem}"
                    : $"  ok   {x.Gold.Root} «{x.Gold.Trigger}» a1 {(x.Actor1 ? "✓" : "✗ " + s.Actor1?.Code + " " + s.Actor1?.Text)} a2 {(x.Actor2 ? "✓" : "✗ " + s.Actor2?.Code + " " + s.Actor2?.Text)} date {(x.Date ? "✓" : "✗ " + s.Date)}");
            }
            foreach (var e in a.Spurious)
                o.WriteLine($"  SPUR {e.Cameo} «{e.Trigger}» {e.Actor1?.Code} {e.Actor1?.Text} → {e.Actor2?.Code} {e.Actor2?.Text} {e.Date} {e.By}");
        }
    }

    public static void WriteJson(Utf8JsonWriter w, ArticleEventReport r, bool verbose)
    {
        w.WriteStartObject();
        w.WriteNumber("articles", r.Articles.Count);
        w.WriteNumber("gold", r.Gold);
        w.WriteNumber("system", r.System);
        w.WriteNumber("precision", Math.Round(r.Precision, 4));
        w.WriteNumber("recall", Math.Round(r.Recall, 4));
        w.WriteNumber("f1", Math.Round(r.F1, 4));
        w.WriteNumber("strict_recall", Math.Round(r.StrictRecall, 4));
        w.WriteNumber("actor1_accuracy", Math.Round(r.Actor1Accuracy, 4));
        w.WriteNumber("actor2_accuracy", Math.Round(r.Actor2Accuracy, 4));
        w.WriteNumber("date_accuracy", Math.Round(r.DateAccuracy, 4));
        if (verbose)
        {
            w.WriteStartArray("per_article");
            foreach (var a in r.Articles)
            {
                w.WriteStartObject();
                w.WriteString("id", a.Name);
                w.WriteNumber("gold", a.Gold);
                w.WriteNumber("matched", a.Matched);
                w.WriteNumber("spurious", a.Spurious.Count);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("failures");
        foreach (var f in r.Failures)
            w.WriteStringValue(f);
        w.WriteEndArray();
        w.WriteEndObject();
    }
}
