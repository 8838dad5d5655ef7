using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Ingest.Html;

/// <summary>
/// Finds the article in an HTML page. Metadata comes from the sources publishers fill for search
/// engines, in order of trust: JSON-LD (NewsArticle), Open Graph / article: meta tags, other meta,
/// <c>&lt;time datetime&gt;</c>, then the visible page (h1, breadcrumbs, &lt;title&gt;). The main text is the
/// element whose paragraphs carry the most text with the fewest links, after page furniture
/// (nav, header, footer, aside, forms, comments, share widgets) is removed.
/// </summary>
public sealed class HtmlArticleExtractor
{
    private readonly ReaderOptions _options;

    public HtmlArticleExtractor(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    public HtmlPage Extract(string html)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var doc = parser.ParseDocument(html);
        var jsonLd = ReadJsonLd(doc);
        var page = new HtmlPage
        {
            Title = Title(doc, jsonLd),
            Section = Meta(doc, "article:section") ?? JsonLdString(jsonLd, "articleSection") ?? Breadcrumb(doc),
            Published = Published(doc, jsonLd),
            Url = Meta(doc, "og:url") ?? doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href"),
            Author = JsonLdAuthor(jsonLd) ?? Meta(doc, "author") ?? Meta(doc, "article:author"),
            DeclaredLanguage = doc.DocumentElement?.GetAttribute("lang") ?? Meta(doc, "og:locale") ?? Meta(doc, "content-language"),
            HasPicture = Meta(doc, "og:image") is not null,
            Paragraphs = [],
            By = "html:none",
        };
        var (paragraphs, by) = MainText(doc);
        return page with { Paragraphs = paragraphs, By = by };
    }

    private (List<string> Paragraphs, string By) MainText(IHtmlDocument doc)
    {
        var body = doc.Body;
        if (body is null)
            return ([], "html:no-body");
        RemoveFurniture(body);
        // Score each element by the text of its direct <p>-like children, discounted by link text.
        IElement? best = null;
        double bestScore = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((body, 0));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            if (depth >= _options.MaxHtmlDepth)
                continue;
            double score = 0;
            foreach (var child in element.Children)
            {
                stack.Push((child, depth + 1));
                if (child.LocalName is "p" or "h2" or "h3" or "blockquote" or "li" || (child.LocalName is "div" or "span" && child.ChildElementCount == 0))
                    score += ParagraphScore(child);
            }
            // Bare text directly in the element (pages that separate paragraphs with <br>).
            foreach (var node in element.ChildNodes)
            {
                if (node is IText t)
                    score += ArabicLetters(t.Data) * 0.8;
            }
            if (score > bestScore)
            {
                bestScore = score;
                best = element;
            }
        }
        if (best is null || bestScore < 50)
            return ([.. HtmlText.Paragraphs(body, _options.MaxHtmlDepth).Where(p => p.Length > 40)], "html:all-text");
        return (HtmlText.Paragraphs(best, _options.MaxHtmlDepth), "html:densest-paragraphs");
    }

    private static double ParagraphScore(IElement p)
    {
        var text = p.TextContent;
        var letters = ArabicLetters(text) + LatinLetters(text) * 0.3;
        if (letters < 20)
            return 0;
        var linkChars = p.QuerySelectorAll("a").Sum(a => a.TextContent.Length);
        var linkDensity = text.Length == 0 ? 0 : (double)linkChars / text.Length;
        return letters * (1 - linkDensity) * (text.Contains('،', StringComparison.Ordinal) || text.Contains('.', StringComparison.Ordinal) ? 1.0 : 0.6);
    }

    private static int ArabicLetters(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (ArabicChars.IsArabicLetter(c))
                n++;
        }
        return n;
    }

    private static int LatinLetters(string s)
    {
        var n = 0;
        foreach (var c in s)
        {
            if (c is >= 'a' and <= 'z' or >= 'A' and <= 'Z')
                n++;
        }
        return n;
    }

    private static readonly string[] FurnitureTags = ["script", "style", "noscript", "template", "iframe", "nav", "header", "footer", "aside", "form", "button", "select", "svg", "figure"];
    private static readonly string[] FurnitureHints = ["comment", "share", "social", "related", "breadcrumb", "menu", "footer", "header", "sidebar", "widget", "advert", "ads", "promo", "newsletter", "tags", "most-read", "mostread", "popular", "navbar", "cookie"];

    private static void RemoveFurniture(IElement body)
    {
        foreach (var tag in FurnitureTags)
        {
            foreach (var e in body.QuerySelectorAll(tag).ToList())
                e.Remove();
        }
        foreach (var e in body.QuerySelectorAll("[class],[id]").ToList())
        {
            if (e.LocalName is "body" or "html" or "article" or "main")
                continue;
            var key = $"{e.ClassName} {e.Id}".ToLowerInvariant();
            foreach (var hint in FurnitureHints)
            {
                if (key.Contains(hint, StringComparison.Ordinal) && !key.Contains("article", StringComparison.Ordinal) && !key.Contains("content", StringComparison.Ordinal))
                {
                    e.Remove();
                    break;
                }
            }
        }
    }

    private static string? Title(IHtmlDocument doc, List<JsonElement> jsonLd)
    {
        var t = Meta(doc, "og:title") ?? JsonLdString(jsonLd, "headline") ?? doc.QuerySelector("h1")?.TextContent ?? doc.Title;
        if (string.IsNullOrWhiteSpace(t))
            return null;
        t = string.Join(' ', t.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        // «… - Sputnik Arabic», «… | CNN»: drop a short site suffix.
        foreach (var sep in (ReadOnlySpan<string>)[" | ", " - ", " – ", " — "])
        {
            var at = t.LastIndexOf(sep, StringComparison.Ordinal);
            if (at > 10 && t.Length - at - sep.Length <= 30)
                return t[..at].Trim();
        }
        return t.Trim();
    }

    private static PublishedTime? Published(IHtmlDocument doc, List<JsonElement> jsonLd)
    {
        string?[] candidates =
        [
            JsonLdString(jsonLd, "datePublished"),
            Meta(doc, "article:published_time"),
            Meta(doc, "og:published_time"),
            Meta(doc, "datePublished"),
            Meta(doc, "pubdate"),
            Meta(doc, "publish-date"),
            Meta(doc, "date"),
            Meta(doc, "dc.date"),
            Meta(doc, "dc.date.issued"),
            doc.QuerySelector("time[datetime]")?.GetAttribute("datetime"),
            doc.QuerySelector("[itemprop=datePublished]")?.GetAttribute("content") ?? doc.QuerySelector("[itemprop=datePublished]")?.TextContent,
            JsonLdString(jsonLd, "dateModified"),
            Meta(doc, "article:modified_time"),
        ];
        foreach (var c in candidates)
        {
            if (PublishedDateParser.TryParse(c) is { } p)
                return p;
        }
        return null;
    }

    private static string? Breadcrumb(IHtmlDocument doc)
    {
        var crumbs = doc.QuerySelector("[class*=breadcrumb], [id*=breadcrumb], nav[aria-label*=bread]");
        if (crumbs is null)
            return null;
        var items = crumbs.QuerySelectorAll("a").Select(a => a.TextContent.Trim()).Where(s => s.Length is > 0 and < 40).ToList();
        // The first crumb is usually «الرئيسية» (home); the section is the last link.
        return items.Count >= 2 ? items[^1] : items.Count == 1 ? items[0] : null;
    }

    private static string? Meta(IHtmlDocument doc, string name)
    {
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                var content = m.GetAttribute("content");
                if (!string.IsNullOrWhiteSpace(content))
                    return content.Trim();
            }
        }
        return null;
    }

    private static List<JsonElement> ReadJsonLd(IHtmlDocument doc)
    {
        var list = new List<JsonElement>();
        foreach (var script in doc.QuerySelectorAll("script[type='application/ld+json']"))
        {
            var text = script.TextContent;
            if (text.Length > 1_000_000)
                continue;
            try
            {
                using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
                Collect(json.RootElement.Clone(), list, 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata sources remain.
            }
        }
        return list;
    }

    private static void Collect(JsonElement e, List<JsonElement> list, int depth)
    {
        if (depth > 4)
            return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
                Collect(x, list, depth + 1);
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            list.Add(e);
            if (e.TryGetProperty("@graph", out var graph))
                Collect(graph, list, depth + 1);
        }
    }

    private static string? JsonLdString(List<JsonElement> items, string name)
    {
        foreach (var item in items)
        {
            if (item.TryGetProperty(name, out var v))
            {
                if (v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                    return v.GetString()!.Trim();
                if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0 && v[0].ValueKind == JsonValueKind.String)
                    return v[0].GetString();
            }
        }
        return null;
    }

    private static string? JsonLdAuthor(List<JsonElement> items)
    {
        foreach (var item in items)
        {
            if (!item.TryGetProperty("author", out var a))
                continue;
            if (a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0)
                a = a[0];
            if (a.ValueKind == JsonValueKind.String)
                return a.GetString();
            if (a.ValueKind == JsonValueKind.Object && a.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String)
                return n.GetString();
        }
        return null;
    }
}
