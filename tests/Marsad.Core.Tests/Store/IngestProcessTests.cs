using System.Diagnostics;
using System.IO.Compression;
using System.Text;
using Marsad.Index;
using Marsad.Ingest;
using Marsad.Store;
using Marsad.Testing;

namespace Marsad.Tests.Store;

/// <summary>
/// The real <c>marsad</c> command as child processes (dotnet marsad.dll from the build output):
/// a kill -9 in the middle of an ingest and a rerun leave exactly the input's articles, once each;
/// three workers on one queue process every page exactly once.
/// </summary>
public sealed class IngestProcessTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(10);

    public static TheoryData<string> Kinds() => TestStores.Kinds();


    /// <summary>The first <paramref name="count"/> records of a shared corpus file, as a JSONL input in <paramref name="folder"/>.</summary>
    private static string CorpusSample(string folder, int count)
    {
        var path = Path.Combine(folder, "sample.jsonl");
        using var gz = new GZipStream(File.OpenRead(SharedData.Path("data/news/corpus/ant-multisource-v2.1/part-002.jsonl.gz")), CompressionMode.Decompress);
        using var reader = new StreamReader(gz, Encoding.UTF8);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        for (var i = 0; i < count && reader.ReadLine() is { } line; i++)
            writer.WriteLine(line);
        return path;
    }

    /// <summary>Distinct article ids and sources of the Arabic articles in <paramref name="path"/>.</summary>
    private static (int Ids, int Sources) Expected(string path)
    {
        var ok = new ArticleReader().ReadPath(path).OfType<ReadResult.Ok>().Select(r => r.Article).ToList();
        return (ok.Select(a => a.Id).Distinct(StringComparer.Ordinal).Count(), ok.Select(a => a.Source).Distinct(StringComparer.Ordinal).Count());
    }

    private static Process Start(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "marsad.dll");
        Assert.True(File.Exists(dll), $"{dll} is missing: the test project must reference Marsad.Cli");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        var p = Process.Start(psi)!;
        p.BeginOutputReadLine();
        p.BeginErrorReadLine();
        return p;
    }

    private static (int ExitCode, string Output) Run(params string[] args)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "marsad.dll");
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true, UseShellExecute = false };
        psi.ArgumentList.Add(dll);
        foreach (var a in args)
            psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        Assert.True(p.WaitForExit(Timeout), $"marsad {string.Join(' ', args)} did not finish in {Timeout}");
        return (p.ExitCode, stdout.Result + stderr.Result);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Kill_9_during_ingest_then_rerun_stores_every_article_exactly_once(string kind)
    {
        using var t = TestStores.Create(kind);
        var input = CorpusSample(t.Scratch, 300);
        var (ids, sources) = Expected(input);
        var indexPath = Path.Combine(t.Scratch, "index");
        var archive = t.Open();

        // Kill the ingest as soon as its first batches are committed.
        using (var first = Start("ingest", input, "--store", t.Store, "--index", indexPath, "--batch", "20", "--quiet"))
        {
            var clock = Stopwatch.StartNew();
            while (archive.CountArticles() < 40 && !first.HasExited && clock.Elapsed < Timeout)
                Thread.Sleep(50);
            Assert.False(first.HasExited, "the ingest finished before it could be killed; the sample is too small");
            first.Kill(entireProcessTree: true); // SIGKILL
            first.WaitForExit();
        }
        var afterKill = archive.CountArticles();
        Assert.InRange(afterKill, 40, ids - 1);

        var (code, output) = Run("ingest", input, "--store", t.Store, "--index", indexPath, "--batch", "20", "--quiet");

        Assert.True(code == 0, output);
        Assert.Contains("already stored (skipped)", output, StringComparison.Ordinal);
        var stats = archive.Stats();
        Assert.Equal(ids, stats.Articles);
        Assert.Equal(sources, stats.Sources);
        Assert.Equal(ids, archive.ListArticles(new ArticleQuery { Limit = 200 }).Total);
        using var index = SearchIndex.Open(indexPath);
        Assert.Equal(ids, index.Count);

        // A third run changes nothing.
        var (again, againOutput) = Run("ingest", input, "--store", t.Store, "--index", indexPath, "--quiet");
        Assert.True(again == 0, againOutput);
        Assert.Equal(ids, archive.CountArticles());
    }

    [TestStores.PostgresFact]
    public void Three_workers_process_every_queued_page_exactly_once()
    {
        using var t = TestStores.Create(TestStores.Postgres);
        var input = CorpusSample(t.Scratch, 150);
        var (ids, sources) = Expected(input);
        var archive = (PostgresArchive)t.Open();
        var (read, queued) = Ingestor.Enqueue(archive, [input]);
        Assert.Equal(sources, queued);
        Assert.Equal(0, Ingestor.Enqueue(archive, [input]).Queued); // enqueuing again adds nothing

        var workers = Enumerable.Range(1, 3).Select(i => Start("worker", "--store", t.Store, "--batch", "10", "--threads", "1", "--quiet", "--name", $"w{i}")).ToList();
        foreach (var w in workers)
        {
            Assert.True(w.WaitForExit(Timeout), "a worker did not finish");
            w.WaitForExit();
            Assert.Equal(0, w.ExitCode);
            w.Dispose();
        }

        var rows = archive.QueueRows();
        Assert.Equal(sources, rows.Count);
        Assert.All(rows, r =>
        {
            Assert.Equal("done", r.State);
            Assert.Equal(1, r.Attempts);
            Assert.Matches("^w[123]$", r.Worker);
        });
        Assert.Equal(ids, archive.CountArticles());
        Assert.Equal(sources, archive.Stats().Sources);
        Assert.True(read >= sources);
    }
}
