using System.CommandLine;
using System.Text.Json;
using Marsad.Testing;

namespace Marsad.Tests.Cli;

/// <summary>Tests that swap the process-wide standard error run alone.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ConsoleCollection
{
    public const string Name = "console";
}

/// <summary>
/// <c>marsad analyze</c> run in-process through the real command tree (Program.BuildRoot), with the
/// output written to a file (<c>-o</c>) and standard error captured.
/// </summary>
[Collection(ConsoleCollection.Name)]
public sealed class AnalyzeCommandTests
{
    /// <summary>Runs the CLI with <paramref name="args"/>; returns the exit code, standard output (help, parse errors) and standard error.</summary>
    internal static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var saved = Console.Error;
        Console.SetError(error);
        try
        {
            var code = Marsad.Cli.Program.BuildRoot().Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
            return (code, output.ToString(), error.ToString());
        }
        finally
        {
            Console.SetError(saved);
        }
    }

    [Fact]
    public void Seed_as_json_gives_the_gold_metadata_and_eleven_sentences_that_slice_the_body()
    {
        using var dir = new TempDir();
        var outFile = Path.Combine(dir.Path, "seed.json");
        var (code, _, err) = Run("analyze", SharedData.Path("seed/000_2bf1e917491ed886.txt"), "--format", "json", "-o", outFile);
        Assert.True(code == 0, err);

        using var gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("seed/000_2bf1e917491ed886.gold.json")));
        using var doc = JsonDocument.Parse(File.ReadAllText(outFile));
        var g = gold.RootElement.GetProperty("article");
        var a = doc.RootElement.GetProperty("article");
        foreach (var field in new[] { "title", "section", "published" })
            Assert.Equal(g.GetProperty(field).GetString(), a.GetProperty(field).GetString());
        Assert.Equal(g.GetProperty("counters").EnumerateArray().Select(c => c.GetInt32()), a.GetProperty("counters").EnumerateArray().Select(c => c.GetInt32()));
        Assert.Equal(g.GetProperty("dateline").GetProperty("place").GetString(), a.GetProperty("dateline").GetProperty("place").GetString());
        Assert.Equal(g.GetProperty("dateline").GetProperty("source").GetString(), a.GetProperty("dateline").GetProperty("source").GetString());
        Assert.True(a.GetProperty("has_picture").GetBoolean());

        var body = a.GetProperty("body").GetString()!;
        var starts = gold.RootElement.GetProperty("sentence_starts").EnumerateArray().Select(e => e.GetString()!).ToList();
        var sentences = doc.RootElement.GetProperty("sentences").EnumerateArray().ToList();
        Assert.Equal(11, sentences.Count);
        for (var i = 0; i < sentences.Count; i++)
        {
            var start = sentences[i].GetProperty("start").GetInt32();
            var end = sentences[i].GetProperty("end").GetInt32();
            Assert.InRange(start, 0, end);
            Assert.InRange(end, start, body.Length);
            Assert.StartsWith(starts[i], body[start..end], StringComparison.Ordinal);
            Assert.False(string.IsNullOrEmpty(sentences[i].GetProperty("by").GetString()));
        }
    }

    [Fact]
    public void Directory_with_a_bad_file_exits_1_names_the_file_and_still_writes_the_good_articles()
    {
        using var dir = new TempDir();
        var bad = dir.Write("b-broken.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00]);
        dir.Write("a-page.txt", "افتتاح مكتبة عامة في الزرقاء - ثقافة\n  • 5/2/2024\nالزرقاء - مرصد - افتتحت البلدية مكتبة عامة جديدة تضم عشرة آلاف كتاب.وقال رئيس البلدية إن المكتبة مفتوحة للجميع.\n");
        dir.Write("c-records.jsonl", "{\"id\": \"r1\", \"title\": \"وصول قافلة\", \"text\": \"وصلت قافلة مساعدات غذائية إلى المدينة صباح اليوم.\"}\n{\"id\": \"r2\", \"text\": \"وقال مسؤول محلي إن القافلة تضم عشرين شاحنة.\"}\n");
        var outFile = Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path) + ".out.jsonl");
        try
        {
            var (code, _, err) = Run("analyze", dir.Path, "-o", outFile);

            Assert.Equal(1, code);
            Assert.Contains($"error: {bad}: binary content", err, StringComparison.Ordinal);
            Assert.Contains("3 file(s): 3 article(s) analysed, 0 skipped, 1 error(s)", err, StringComparison.Ordinal);
            var lines = File.ReadAllLines(outFile);
            Assert.Equal(3, lines.Length); // a directory defaults to JSONL: one article per line
            var sources = lines.Select(l => JsonDocument.Parse(l).RootElement.GetProperty("article").GetProperty("source").GetString()).ToList();
            Assert.Contains(Path.Combine(dir.Path, "a-page.txt"), sources);
            Assert.Contains(Path.Combine(dir.Path, "c-records.jsonl") + "#r2", sources);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Fact]
    public void Bad_record_in_jsonl_is_reported_with_its_line()
    {
        using var dir = new TempDir();
        var file = dir.Write("records.jsonl", "{\"id\": \"r1\", \"text\": \"وصلت قافلة مساعدات غذائية إلى المدينة صباح اليوم.\"}\n{broken\n");
        var (code, _, err) = Run("analyze", file, "-o", Path.Combine(dir.Path, "out.json"));
        Assert.Equal(1, code);
        Assert.Contains($"error: {file}:line 2: invalid JSON", err, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(dir.Path, "out.json")));
    }

    [Fact]
    public void Missing_input_exits_1_with_its_name()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nowhere.txt");
        var (code, _, err) = Run("analyze", missing, "-o", Path.Combine(dir.Path, "out.json"));
        Assert.Equal(1, code);
        Assert.Contains($"error: {missing}: no such file or directory", err, StringComparison.Ordinal);
    }

    [Fact]
    public void Clean_batch_exits_0()
    {
        using var dir = new TempDir();
        var file = dir.Write("page.txt", "افتتاح مكتبة عامة في الزرقاء - ثقافة\n  • 5/2/2024\nالزرقاء - مرصد - افتتحت البلدية مكتبة عامة جديدة تضم عشرة آلاف كتاب.\n");
        var (code, _, err) = Run("analyze", file, "-q", "-o", Path.Combine(dir.Path, "out.json"));
        Assert.True(code == 0, err);
        Assert.Equal("", err);
    }

    [Fact]
    public void Unknown_format_is_a_usage_error()
    {
        var (code, _, err) = Run("analyze", "x.txt", "--format", "xml");
        Assert.NotEqual(0, code);
        Assert.Contains("xml", err, StringComparison.Ordinal);
    }
}
