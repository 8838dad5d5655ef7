using System.Buffers;
using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using Marsad.Index;
using Marsad.Ingest;
using Marsad.Output;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Testing;
using Marsad.Tests.Store;
using Xunit.Abstractions;

namespace Marsad.Tests.Hardening;

/// <summary>
/// Crash consistency (issue 7): <c>marsad ingest</c> of a JSONL corpus sample is killed with SIGKILL at 20
/// seeded random points and restarted after each kill; then it runs to the end. The archive must hold
/// exactly the input's articles, each once, each with its whole analysis (the same JSON a clean
/// in-process analysis gives, checked on a sample), and the search index the same count.
/// The full run is 10,000 articles (<c>MARSAD_CRASH_ARTICLES=10000</c>); CI runs 1,500 by default to
/// keep the suite short — the kill schedule (20 kills, spread over the run) is the same.
/// </summary>
public sealed class CrashConsistencyTests(ITestOutputHelper output)
{
    private const int Kills = 20;
    private const int Seed = 20260307;

    public static TheoryData<string> Kinds() => TestStores.Kinds();

    /// <summary>Articles in the run: <c>MARSAD_CRASH_ARTICLES</c> or 1,500.</summary>
    private static int ArticleCount =>
        Environment.GetEnvironmentVariable("MARSAD_CRASH_ARTICLES") is { Length: > 0 } s && int.TryParse(s, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 100 ? n : 1_500;

    /// <summary>The first <paramref name="count"/> records of the ANT corpus parts, in order, as one JSONL file.</summary>
    internal static string CorpusSample(string folder, int count)
    {
        var path = Path.Combine(folder, "sample.jsonl");
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        var written = 0;
        foreach (var part in Directory.GetFiles(SharedData.Path("data/news/corpus/ant-multisource-v2.1"), "part-*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(part), CompressionMode.Decompress);
            using var reader = new StreamReader(gz, Encoding.UTF8);
            while (written < count && reader.ReadLine() is { } line)
            {
                writer.WriteLine(line);
                written++;
            }
            if (written == count)
                break;
        }
        Assert.Equal(count, written);
        return path;
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Ingest_killed_twenty_times_then_finished_stores_every_article_once_with_its_whole_analysis(string kind)
    {
        using var t = TestStores.Create(kind);
        var input = CorpusSample(t.Scratch, ArticleCount);
        var articles = new ArticleReader().ReadPath(input).OfType<ReadResult.Ok>().Select(r => r.Article).ToList();
        var ids = articles.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count();
        var sources = articles.Select(a => a.Source).Distinct(StringComparer.Ordinal).Count();
        Assert.True(ids > ArticleCount * 9 / 10, $"only {ids} distinct articles in the sample");
        var indexPath = Path.Combine(t.Scratch, "index");
        var archive = t.Open();
        string[] ingest = ["ingest", input, "--store", t.Store, "--index", indexPath, "--batch", "50", "--threads", "2", "--quiet"];

        // Kill points: 20 sorted article counts over the first 80 % of the run, and a 0–300 ms delay after each is
        // reached, so kills land in analysis, in a store transaction, in an index sync and in start-up; the last
        // 20 % leaves an idle machine (≈ 250 articles/s) over a second to kill before the ingest could finish.
        var random = new Random(Seed);
        var thresholds = Enumerable.Range(0, Kills).Select(_ => random.Next(ids / 50, ids * 8 / 10)).Order().ToArray();
        var clock = Stopwatch.StartNew();
        var killedAt = new List<long>();
        foreach (var threshold in thresholds)
        {
            var delay = TimeSpan.FromMilliseconds(random.Next(0, 300));
            using var p = Cli.Start(ingest);
            while (!p.HasExited && archive.CountArticles() < threshold && clock.Elapsed < Cli.Timeout)
                Thread.Sleep(25);
            Thread.Sleep(delay);
            if (p.HasExited)
            {
                Assert.Fail($"ingest exited with {p.ExitCode} before kill {killedAt.Count + 1} (threshold {threshold} of {sources})");
            }
            p.Kill(entireProcessTree: true); // SIGKILL
            p.WaitForExit();
            killedAt.Add(archive.CountArticles());
        }
        var (code, _, stderr) = Cli.Run(ingest);
        Assert.True(code == 0, stderr);
        output.WriteLine($"{kind}: {sources} sources, {ids} articles; archive counts after each kill: {string.Join(' ', killedAt)}; total {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(killedAt[^1] < ids, "every kill came after the end of the ingest; nothing was interrupted");

        // Exact count, no duplicates.
        var stats = archive.Stats();
        Assert.Equal(ids, stats.Articles);
        Assert.Equal(sources, stats.Sources);
        var stored = new List<string>(ids);
        for (var offset = 0; offset < ids + 200; offset += 200)
            stored.AddRange(archive.ListArticles(new ArticleQuery { Offset = offset, Limit = 200 }).Items.Select(a => a.Id));
        Assert.Equal(ids, stored.Count);
        Assert.Equal(ids, stored.Distinct(StringComparer.Ordinal).Count());
        Assert.True(stored.ToHashSet(StringComparer.Ordinal).SetEquals(articles.Select(a => a.Id)), "the stored ids are not the input's ids");
        using (var index = SearchIndex.Open(indexPath))
            Assert.Equal(ids, index.Count);

        // Every article's analysis is complete: all layers present and sentences cover a non-empty body;
        // on a seeded sample, byte-for-byte the JSON of a clean analysis.
        var byId = articles.GroupBy(a => a.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        var sample = stored.Order(StringComparer.Ordinal).Where((_, i) => i % Math.Max(1, ids / 40) == 0).ToHashSet(StringComparer.Ordinal);
        foreach (var id in stored)
        {
            var a = archive.GetArticle(id);
            Assert.NotNull(a);
            using var json = JsonDocument.Parse(a.AnalysisJson);
            var root = json.RootElement;
            foreach (var layer in new[] { "article", "sentences", "entities", "quotes", "times", "events" })
                Assert.True(root.TryGetProperty(layer, out _), $"{id}: the stored analysis has no {layer}");
            Assert.True(root.GetProperty("sentences").GetArrayLength() > 0, $"{id}: no sentences");
            if (sample.Contains(id))
                Assert.True(CleanAnalysis(byId[id]) == a.AnalysisJson, $"{id}: the stored analysis differs from a clean one");
        }
    }

    private static string CleanAnalysis(Marsad.Model.Article article)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
            DocumentJson.Write(w, AnalysisPipeline.Default.Analyze(article));
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }
}
