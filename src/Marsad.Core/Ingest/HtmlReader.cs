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

    /// <summary>Reads one page; a page that cannot give an article is a <see cref="ReadResult.Failed"/> saying why, never an exception.</summary>
    public ReadResult Read(string html, string source)
    {
        HtmlPage page;
        try
        {
            page = _extractor.Extract(html);
        }
        catch (InvalidInputException ex)
        {
            return new ReadResult.Failed(source, null, ex.Message);
        }
        // The headline often opens the main text too; it is the title, not body.
        var paragraphs = page.Paragraphs.ToList();
        if (paragraphs.Count > 1 && page.Title is { } title && Same(paragraphs[0], title))
            paragraphs.RemoveAt(0);
        // «كتب سيد الخلفاوى», «بقلم: …» near the top is the byline, not body.
        var author = page.Author;
        for (var i = 0; i < Math.Min(3, paragraphs.Count - 1); i++)
        {
            if (Byline(paragraphs[i]) is { } name)
            {
                author ??= name;
                paragraphs.RemoveAt(i);
                break;
            }
        }
        var clean = BodyCleaner.Clean(paragraphs);
        if (clean.Body.Length == 0)
            return new ReadResult.Failed(source, null, page.By switch
            {
                "html:no-body" => "no article text found: the page has no <body>",
                "html:no-text" => "no article text found: the page shows no text (only scripts, styles, media or hidden elements)",
                "html:no-prose" => "no article text found: the page has no paragraph of prose (only menus, links, labels or short lines)",
                _ => "no article text found: no part of the page has more article text than links and page furniture",
            });
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
            Author = author,
            HasPicture = page.HasPicture || clean.HasPicture,
            Body = clean.Body,
        });
    }

    /// <summary>The name in a byline paragraph («كتب سيد الخلفاوى», «بقلم: منى علي», «حوار: آسيا العتروس»), or null.</summary>
    internal static string? Byline(string paragraph)
    {
        if (paragraph.Length > 60)
            return null;
        var m = BylineRegex().Match(paragraph.Trim());
        return m.Success ? m.Groups["name"].Value.Trim() : null;
    }

    /// <summary>
    /// True when a paragraph is the headline: equal to the title after normalisation, or one a prefix
    /// of the other covering most of it (the h1 and og:title often differ by a tail or a site suffix).
    /// </summary>
    internal static bool Same(string paragraph, string title)
    {
        var a = HeadlineKey(paragraph);
        var b = HeadlineKey(title);
        if (a.Length == 0 || b.Length == 0)
            return false;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return longer.StartsWith(shorter, StringComparison.Ordinal) && shorter.Length >= 0.6 * longer.Length;
    }

    /// <summary>Normalised letters and digits only, for comparing headlines.</summary>
    private static string HeadlineKey(string s)
    {
        var n = Text.ArabicNormalizer.Normalize(s);
        var sb = new StringBuilder(n.Length);
        foreach (var c in n)
        {
            if (char.IsLetterOrDigit(c))
                sb.Append(c);
        }
        return sb.ToString();
    }

    [GeneratedRegex(@"^(?:كتب|كتبت|كتبه|كتبها|بقلم|إعداد|اعداد|تقرير|حوار|متابعة|تحرير|تصوير)\s*[:：\-–]?\s*(?<name>\p{L}+(?:[ .]\p{L}+){0,4})$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex BylineRegex();

    [GeneratedRegex(@"<meta[^>]{0,200}?charset\s*=\s*[""']?([A-Za-z0-9_\-]{2,40})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex CharsetRegex();
}
