using AngleSharp.Html.Parser;

namespace Marsad.Ingest.Html;

/// <summary>
/// Finds the article in an HTML page: metadata from <see cref="HtmlMetadata"/> (JSON-LD, Open Graph,
/// meta, <c>&lt;time&gt;</c>, breadcrumbs, h1, &lt;title&gt;) and the main text from
/// <see cref="MainTextFinder"/> (the element subtree whose prose outweighs its furniture).
/// Pages nested deeper than <see cref="ReaderOptions.MaxHtmlDepth"/> are refused before parsing
/// (<see cref="HtmlNesting"/>). Thread-safe: each call parses its own document.
/// </summary>
public sealed class HtmlArticleExtractor
{
    private static readonly HtmlParserOptions ParserOptions = new() { IsScripting = false };
    private readonly ReaderOptions _options;

    public HtmlArticleExtractor(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    /// <summary>Extracts <paramref name="html"/>; throws <see cref="InvalidInputException"/> when the page nests too deep.</summary>
    public HtmlPage Extract(string html)
    {
        ArgumentNullException.ThrowIfNull(html);
        HtmlNesting.Check(html, _options.MaxHtmlDepth);
        var doc = new HtmlParser(ParserOptions).ParseDocument(html);
        var meta = new HtmlMetadata(doc);
        var title = meta.Title();
        var page = new HtmlPage
        {
            Title = title,
            Section = meta.Section(title),
            Published = meta.Published(),
            Url = meta.Url,
            Author = meta.Author(),
            DeclaredLanguage = meta.DeclaredLanguage,
            HasPicture = meta.HasPicture,
            Paragraphs = [],
            By = "html:no-body",
        };
        if (doc.Body is not { } body)
            return page;
        var (paragraphs, by) = MainTextFinder.Find(body, _options.MaxHtmlDepth);
        return page with { Paragraphs = paragraphs, By = by };
    }
}
