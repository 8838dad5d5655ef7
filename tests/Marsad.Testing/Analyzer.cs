using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Testing;

/// <summary>One-call helpers: read a file or a string and analyse it with the default pipeline.</summary>
public static class Analyzer
{
    public static IReadOnlyList<ReadResult> ReadAll(string path) => [.. new ArticleReader().ReadPath(path)];

    /// <summary>Every result of every file under <paramref name="paths"/> (directories recursively), in batch order.</summary>
    public static IReadOnlyList<ReadResult> ReadBatch(IEnumerable<string> paths, ReaderOptions? options = null)
    {
        var reader = new ArticleReader(options);
        return [.. ArticleReader.ExpandPaths(paths).SelectMany(p => reader.ReadPath(p))];
    }

    public static IReadOnlyList<ReadResult> ReadBytes(byte[] bytes, string name = "test-input") => ReadBytes(bytes, name, null);

    public static IReadOnlyList<ReadResult> ReadBytes(byte[] bytes, string name, ReaderOptions? options)
    {
        using var stream = new MemoryStream(bytes);
        return [.. new ArticleReader(options).ReadStream(stream, name, name)];
    }

    /// <summary>Reads <paramref name="text"/> as a UTF-8 file named <paramref name="name"/>.</summary>
    public static IReadOnlyList<ReadResult> ReadText(string text, string name = "test-input.txt", ReaderOptions? options = null) =>
        ReadBytes(new System.Text.UTF8Encoding(false).GetBytes(text), name, options);

    public static Article ReadSingle(string path)
    {
        var results = ReadAll(path);
        var ok = results.OfType<ReadResult.Ok>().ToList();
        if (ok.Count != 1)
            throw new InvalidOperationException($"{path}: expected one article, got {ok.Count} ({string.Join("; ", results.Where(r => r is not ReadResult.Ok))})");
        return ok[0].Article;
    }

    public static Document Analyze(string path) => AnalysisPipeline.Default.Analyze(ReadSingle(path));

    public static Document AnalyzeText(string body, string source = "inline") =>
        AnalysisPipeline.Default.Analyze(new Article { Id = ArticleId.Compute(body), Source = source, Format = "text", Body = body });
}
