using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Testing;

/// <summary>One-call helpers: read a file or a string and analyse it with the default pipeline.</summary>
public static class Analyzer
{
    public static IReadOnlyList<ReadResult> ReadAll(string path) => [.. new ArticleReader().ReadPath(path)];

    public static IReadOnlyList<ReadResult> ReadBytes(byte[] bytes, string name = "test-input")
    {
        using var stream = new MemoryStream(bytes);
        return [.. new ArticleReader().ReadStream(stream, name, name)];
    }

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
