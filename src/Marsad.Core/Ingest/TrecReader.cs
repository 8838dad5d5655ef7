using System.Globalization;
using Marsad.Cleaning;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>
/// Reads TREC-style article files, the raw shape of corpora such as ANT:
/// <code>
/// &lt;DOC&gt;
/// &lt;DOCNO&gt;CN-economy-154-20180809&lt;/DOCNO&gt;
/// &lt;URL&gt;…&lt;/URL&gt; &lt;SRC&gt;CNN&lt;/SRC&gt; &lt;CAT&gt;economy&lt;/CAT&gt;
/// &lt;TITLE&gt;…&lt;/TITLE&gt; &lt;TIME&gt;Thu, 09 Aug 2018 12:10:10 +0000&lt;/TIME&gt; &lt;AUTHOR&gt;&lt;/AUTHOR&gt;
/// &lt;ABSTRACT&gt;…&lt;/ABSTRACT&gt; &lt;TEXT&gt;…&lt;/TEXT&gt;
/// &lt;/DOC&gt;
/// </code>
/// The files are not well-formed XML (<c>&amp;</c> and <c>&lt;</c> are not escaped), so they are read tag by
/// tag, never with an XML parser. A file may hold several documents; each is its own unit of failure.
/// The body is TEXT (ABSTRACT when TEXT is empty); TIME is parsed by <see cref="PublishedDateParser"/>.
/// </summary>
public sealed class TrecReader
{
    private readonly ReaderOptions _options;

    public TrecReader(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    public IEnumerable<ReadResult> Read(string text, string source)
    {
        var pos = 0;
        var n = 0;
        while (true)
        {
            var start = text.IndexOf("<DOC>", pos, StringComparison.OrdinalIgnoreCase);
            if (start < 0)
                break;
            n++;
            var location = string.Create(CultureInfo.InvariantCulture, $"doc {n}");
            var end = text.IndexOf("</DOC>", start, StringComparison.OrdinalIgnoreCase);
            if (end < 0)
            {
                yield return new ReadResult.Failed(source, location, "truncated: <DOC> is never closed by </DOC>");
                yield break;
            }
            yield return ReadDoc(text.AsSpan(start + 5, end - start - 5), source, location);
            pos = end + 6;
        }
        if (n == 0)
            yield return new ReadResult.Failed(source, null, "no <DOC> element: not a TREC-style article file");
    }

    private ReadResult ReadDoc(ReadOnlySpan<char> doc, string source, string location)
    {
        var id = Field(doc, "DOCNO");
        var where = id is null ? location : $"{location} (id {id})";
        var body = Field(doc, "TEXT") ?? Field(doc, "ABSTRACT");
        if (body is null)
            return new ReadResult.Skipped(source, where, "empty body: the document has no TEXT or ABSTRACT");
        if (body.Length > _options.MaxBodyChars)
            return new ReadResult.Failed(source, where, string.Create(CultureInfo.InvariantCulture, $"article body is {body.Length:N0} characters, over the {_options.MaxBodyChars:N0} limit"));
        var author = Field(doc, "AUTHOR");
        var clean = BodyCleaner.Clean(body.Split('\n'), byline: author);
        if (clean.Body.Length == 0)
            return new ReadResult.Skipped(source, where, "empty body after removing boilerplate lines");
        return new ReadResult.Ok(new Article
        {
            Id = ArticleId.Compute(clean.Body),
            Source = id is null ? $"{source}#{location.Replace(' ', '-')}" : $"{source}#{id}",
            Format = "trec",
            Title = Field(doc, "TITLE"),
            Section = Field(doc, "CAT"),
            Published = PublishedDateParser.TryParse(Field(doc, "TIME")),
            Dateline = clean.Dateline,
            Url = Field(doc, "URL"),
            Author = author,
            HasPicture = clean.HasPicture,
            Body = clean.Body,
        });
    }

    /// <summary>The trimmed text between <c>&lt;NAME&gt;</c> and <c>&lt;/NAME&gt;</c>; null when absent or blank.</summary>
    private static string? Field(ReadOnlySpan<char> doc, string name)
    {
        var open = $"<{name}>";
        var at = doc.IndexOf(open, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
            return null;
        var rest = doc[(at + open.Length)..];
        var close = rest.IndexOf($"</{name}>", StringComparison.OrdinalIgnoreCase);
        var value = (close < 0 ? rest : rest[..close]).Trim();
        return value.IsEmpty ? null : new string(value);
    }
}
