using Marsad.Text;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Marsad.Cleaning;
using Marsad.Ingest.Html;
using Marsad.Model;

namespace Marsad.Ingest;

/// <summary>Reads one HTML article page into an article (see <see cref="HtmlArticleExtractor"/>).</summary>
public sealed partial class HtmlReader
{
    private readonly ReaderOptions _options;
    private readonly HtmlArticleExtractor _extractor;

    public HtmlReader(ReaderOptions? options = null)
    {
        _options = options ?? ReaderOptions.Default;
        _extractor = new HtmlArticleExtractor(_options);
    }

    /// <summary>The charset a page declares in its first bytes (meta charset / http-equiv), if any.</summary>
    public static Encoding? DeclaredEncoding(ReadOnlySpan<byte> head)
    {
        var ascii = Encoding.Latin1.GetString(head[..Math.Min(head.Length, 4096)]);
        var m = CharsetRegex().Match(ascii);
        return m.Success ? InputDecoder.EncodingFromName(m.Groups[1].Value) : null;
    }

    public ReadResult Read(string html, string source)
    {
        var page = _extractor.Extract(html);
        // The headline often opens the main text too; it is the title, not body.
        var paragraphs = page.Paragraphs;
        if (paragraphs.Count > 1 && page.Title is { } title && Same(paragraphs[0], title))
            paragraphs = [.. paragraphs.Skip(1)];
        var clean = BodyCleaner.Clean(paragraphs);
        if (clean.Body.Length == 0)
            return new ReadResult.Failed(source, null, "no article text found in the page (no element with paragraphs of text)");
        if (clean.Body.Length > _options.MaxBodyChars)
            return new ReadResult.Failed(source, null, string.Create(CultureInfo.InvariantCulture, $"article body is {clean.Body.Length:N0} characters, over the {_options.MaxBodyChars:N0} limit"));
        return new ReadResult.Ok(new Article
        {
            Id = ArticleId.Compute(clean.Body),
            Source = source,
            Format = "html",
            Title = page.Title,
            Section = page.Section,
            Published = page.Published,
            Dateline = clean.Dateline,
            Url = page.Url,
            Author = page.Author,
            HasPicture = page.HasPicture || clean.HasPicture,
            Body = clean.Body,
        });
    }

    private static bool Same(string a, string b) =>
        string.Equals(Text.ArabicNormalizer.Normalize(a.Trim()), Text.ArabicNormalizer.Normalize(b.Trim()), StringComparison.Ordinal);

    [GeneratedRegex(@"<meta[^>]{0,200}?charset\s*=\s*[""']?([A-Za-z0-9_\-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CharsetRegex();
}
