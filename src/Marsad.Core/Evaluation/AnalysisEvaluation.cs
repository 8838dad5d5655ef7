using System.Collections.Immutable;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Evaluation;

/// <summary>
/// Runs the analysis on every annotated article and scores it: reads each article from its source
/// (a corpus file under the shared data root, picked by record id, or a one-article file) with the normal
/// <see cref="ArticleReader"/>, analyses it with the pipeline, and scores the output contract.
/// Each source file is read once; from JSONL files only the wanted records are parsed.
/// </summary>
public sealed class AnalysisEvaluation
{
    private readonly AnalysisPipeline _pipeline;
    private readonly ArticleReader _reader;

    public AnalysisEvaluation(AnalysisPipeline? pipeline = null, ArticleReader? reader = null)
    {
        _pipeline = pipeline ?? AnalysisPipeline.Default;
        _reader = reader ?? new ArticleReader();
    }

    /// <summary>Scores every annotation under <paramref name="goldPath"/> (a file or a directory).</summary>
    public EvaluationReport Run(string goldPath, string? sharedRoot = null, CancellationToken cancellationToken = default) =>
        Run(GoldReader.ReadAll(goldPath), SharedRoots(goldPath, sharedRoot), cancellationToken) with { GoldPath = goldPath };

    public EvaluationReport Run(IReadOnlyList<GoldArticle> golds, IReadOnlyList<string> sharedRoots, CancellationToken cancellationToken = default)
    {
        var failures = new List<string>();
        var resolved = new List<(GoldArticle Gold, string Path)>();
        foreach (var g in golds)
        {
            if (ResolveSource(g, sharedRoots) is { } path)
                resolved.Add((g, path));
            else
                failures.Add($"{g.GoldPath}: source {(g.Source is null ? "missing" : $"«{g.Source}» not found under {string.Join(", ", sharedRoots)}")}");
        }
        var scores = new List<ArticleScore>();
        foreach (var group in resolved.GroupBy(r => r.Path, StringComparer.Ordinal))
        {
            var articles = ReadArticles(group.Key, group.Select(r => r.Gold.RecordId).OfType<string>().ToHashSet(StringComparer.Ordinal), cancellationToken);
            foreach (var (gold, path) in group)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var article = gold.RecordId is { } id ? articles.GetValueOrDefault(id) : articles.Count == 1 ? articles.Values.First() : null;
                if (article is null)
                {
                    failures.Add(gold.RecordId is null
                        ? $"{gold.GoldPath}: {path} does not hold exactly one readable article"
                        : $"{gold.GoldPath}: record «{gold.RecordId}» not found or not readable in {path}");
                    continue;
                }
                var doc = _pipeline.Analyze(article, cancellationToken);
                scores.Add(AnalysisScorer.Score(gold, SystemOutput.FromDocument(doc)));
            }
        }
        var order = golds.Select((g, i) => (g.Name, i)).GroupBy(x => x.Name, StringComparer.Ordinal).ToDictionary(x => x.Key, x => x.First().i, StringComparer.Ordinal);
        return new EvaluationReport([.. scores.OrderBy(s => order.GetValueOrDefault(s.Name))], [.. failures]);
    }

    /// <summary>
    /// Where relative sources are looked up, in order: <paramref name="explicitRoot"/>; <c>MARSAD_SHARED</c>;
    /// then, walking up from the gold path, each ancestor's <c>shared</c> folder.
    /// </summary>
    public static IReadOnlyList<string> SharedRoots(string goldPath, string? explicitRoot = null)
    {
        var roots = new List<string>();
        if (!string.IsNullOrEmpty(explicitRoot))
            roots.Add(Path.GetFullPath(explicitRoot));
        if (Environment.GetEnvironmentVariable("MARSAD_SHARED") is { Length: > 0 } env && Directory.Exists(env))
            roots.Add(Path.GetFullPath(env));
        var full = Path.GetFullPath(goldPath);
        for (var dir = new DirectoryInfo(Directory.Exists(full) ? full : Path.GetDirectoryName(full) ?? "."); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared");
            if (Directory.Exists(candidate) && !roots.Contains(candidate, StringComparer.Ordinal))
                roots.Add(candidate);
        }
        return roots;
    }

    private static string? ResolveSource(GoldArticle gold, IReadOnlyList<string> roots)
    {
        if (gold.Source is not { } source)
            return null;
        if (Path.IsPathRooted(source))
            return File.Exists(source) ? source : null;
        foreach (var root in roots)
        {
            var candidate = Path.GetFullPath(Path.Combine(root, source));
            if (File.Exists(candidate))
                return candidate;
        }
        var besideGold = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(gold.GoldPath)) ?? ".", source));
        return File.Exists(besideGold) ? besideGold : null;
    }

    /// <summary>The readable articles of a file, keyed by record id (JSONL) or by source for a single-article file.</summary>
    private Dictionary<string, Article> ReadArticles(string path, IReadOnlySet<string> ids, CancellationToken cancellationToken)
    {
        var articles = new Dictionary<string, Article>(StringComparer.Ordinal);
        IEnumerable<ReadResult> results;
        if (ids.Count > 0 && IsJsonLines(path))
        {
            using var subset = new MemoryStream(Encoding.UTF8.GetBytes(SelectLines(path, ids)));
            results = [.. _reader.ReadStream(subset, path, null, cancellationToken)];
        }
        else
        {
            results = _reader.ReadPath(path, cancellationToken);
        }
        foreach (var r in results)
        {
            if (r is not ReadResult.Ok ok)
                continue;
            var hash = ok.Article.Source.LastIndexOf('#');
            var key = hash >= 0 && ids.Count > 0 ? ok.Article.Source[(hash + 1)..] : ok.Article.Source;
            articles.TryAdd(key, ok.Article);
        }
        return articles;
    }

    private static bool IsJsonLines(string path)
    {
        var name = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? path[..^3] : path;
        return name.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || name.EndsWith(".ndjson", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The lines of a (gzip) JSONL file whose <c>id</c> is one of <paramref name="ids"/>, joined by newlines.</summary>
    private static string SelectLines(string path, IReadOnlySet<string> ids)
    {
        using var file = File.OpenRead(path);
        using Stream input = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        using var reader = new StreamReader(input, Encoding.UTF8);
        var sb = new StringBuilder();
        var found = new HashSet<string>(StringComparer.Ordinal);
        while (reader.ReadLine() is { } line && found.Count < ids.Count)
        {
            if (!ids.Any(id => line.Contains(id, StringComparison.Ordinal)))
                continue;
            try
            {
                using var doc = JsonDocument.Parse(line);
                if (doc.RootElement.ValueKind == JsonValueKind.Object && doc.RootElement.TryGetProperty("id", out var idElement)
                    && idElement.GetString() is { } id && ids.Contains(id) && found.Add(id))
                    sb.Append(line).Append('\n');
            }
            catch (JsonException)
            {
                // Not a record: the reader would report it; here it only cannot be a wanted one.
            }
        }
        return sb.ToString();
    }
}

/// <summary>The scores of every article, their totals, and the annotations that could not be run.</summary>
public sealed record EvaluationReport(ImmutableArray<ArticleScore> Articles, ImmutableArray<string> Failures)
{
    public string? GoldPath { get; init; }

    public QuoteTally Quotes => Articles.Aggregate(default(QuoteTally), (t, a) => t + a.QuoteTally);
    public TimeTally Times => Articles.Aggregate(default(TimeTally), (t, a) => t + a.TimeTally);
    public PlaceTally Places => Articles.Aggregate(default(PlaceTally), (t, a) => t + a.PlaceTally);
}
