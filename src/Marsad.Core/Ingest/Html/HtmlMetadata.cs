using System.Net;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using Marsad.Model;

namespace Marsad.Ingest.Html;

/// <summary>
/// Page metadata from the sources publishers fill for search engines and social networks, in order
/// of trust: JSON-LD (NewsArticle and kin), Open Graph and <c>article:</c> meta tags, other meta
/// tags (Dublin Core, itemprop), then the visible page (<c>&lt;time&gt;</c>, h1, breadcrumbs, &lt;title&gt;).
/// </summary>
internal sealed class HtmlMetadata
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 32, AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip };
    private static readonly string[] PublishedMetaNames =
    [
        "article:published_time", "og:published_time", "datePublished", "publish-date", "publish_date", "pubdate",
        "publication_date", "date", "dc.date.issued", "dc.date", "dcterms.created", "sailthru.date", "parsely-pub-date",
    ];

    private static readonly string[] TitleSeparators = [" | ", " - ", " – ", " — ", " :: ", " « ", " » ", " ـ "];

    private readonly IHtmlDocument _doc;
    private readonly Dictionary<string, string> _meta = new(StringComparer.OrdinalIgnoreCase);
    private readonly List<JsonElement> _jsonLd = [];

    public HtmlMetadata(IHtmlDocument doc)
    {
        _doc = doc;
        foreach (var m in doc.QuerySelectorAll("meta"))
        {
            var key = m.GetAttribute("property") ?? m.GetAttribute("name") ?? m.GetAttribute("itemprop") ?? m.GetAttribute("http-equiv");
            var content = m.GetAttribute("content");
            if (key is not null && !string.IsNullOrWhiteSpace(content))
                _meta.TryAdd(key.Trim(), content.Trim());
        }
        ReadJsonLd();
    }

    /// <summary>A meta tag's content by property / name / itemprop / http-equiv.</summary>
    public string? Meta(string name) => _meta.TryGetValue(name, out var v) ? v : null;

    public string? SiteName => Meta("og:site_name") ?? JsonLdString("publisher", "name") ?? Meta("application-name");

    /// <summary>og:title, JSON-LD headline, the first h1, &lt;title&gt;; a site name before or after a separator is dropped.</summary>
    public string? Title()
    {
        string?[] candidates = [Meta("og:title"), JsonLdString("headline"), Meta("twitter:title"), FirstText("h1"), _doc.Title];
        foreach (var c in candidates)
        {
            var t = Collapse(c);
            if (t.Length > 0)
                return StripSiteName(t);
        }
        return null;
    }

    internal string StripSiteName(string title)
    {
        var site = Collapse(SiteName);
        foreach (var sep in TitleSeparators)
        {
            // «خبرگزاری آریا - …»: the site name in front.
            var at = title.IndexOf(sep, StringComparison.Ordinal);
            if (at > 0 && site.Length > 0 && SameName(title[..at].Trim(), site) && title.Length - at - sep.Length > 10)
                return title[(at + sep.Length)..].Trim();
            // «… - Sputnik Arabic», «… | CNN»: the site name, or a short tail shorter than the headline before it.
            at = title.LastIndexOf(sep, StringComparison.Ordinal);
            if (at > 10)
            {
                var tail = title[(at + sep.Length)..].Trim();
                if ((site.Length > 0 && SameName(tail, site)) || (tail.Length <= 30 && tail.Length < at))
                    return title[..at].Trim();
            }
        }
        return title;
    }

    private static bool SameName(string a, string b) =>
        string.Equals(Text.ArabicNormalizer.Normalize(a), Text.ArabicNormalizer.Normalize(b), StringComparison.OrdinalIgnoreCase)
        || a.Contains(b, StringComparison.OrdinalIgnoreCase) || b.Contains(a, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// The first parseable of: JSON-LD datePublished, article:published_time and its variants,
    /// itemprop=datePublished, a &lt;time&gt; marked as the publication time, the first &lt;time datetime&gt;
    /// inside the article, then modification dates.
    /// </summary>
    public PublishedTime? Published()
    {
        foreach (var c in PublishedCandidates())
        {
            if (PublishedDateParser.TryParse(c) is { } p)
                return p;
        }
        return null;
    }

    private IEnumerable<string?> PublishedCandidates()
    {
        yield return JsonLdString("datePublished");
        foreach (var name in PublishedMetaNames)
        {
            yield return Meta(name);
        }
        foreach (var e in _doc.QuerySelectorAll("[itemprop=datePublished]"))
            yield return e.GetAttribute("content") ?? e.GetAttribute("datetime") ?? e.TextContent;
        foreach (var e in _doc.QuerySelectorAll("time[pubdate], time[itemprop], time[class*=publish], time[class*=date]"))
            yield return e.GetAttribute("datetime") ?? e.TextContent;
        foreach (var e in _doc.QuerySelectorAll("article time[datetime], main time[datetime], time[datetime]"))
            yield return e.GetAttribute("datetime");
        yield return JsonLdString("dateCreated");
        yield return JsonLdString("dateModified");
        yield return Meta("article:modified_time");
        yield return Meta("og:updated_time");
    }

    /// <summary>article:section, JSON-LD articleSection, then the last breadcrumb that is not the headline.</summary>
    public string? Section(string? title)
    {
        var s = Meta("article:section") ?? JsonLdString("articleSection") ?? Meta("section") ?? Breadcrumb(title);
        s = Collapse(s);
        return s.Length is > 0 and <= 80 ? s : null;
    }

    private string? Breadcrumb(string? title)
    {
        var crumbs = _doc.QuerySelector("[class*=breadcrumb], [id*=breadcrumb], nav[aria-label*=bread], [itemtype*=BreadcrumbList]");
        if (crumbs is null)
            return JsonLdBreadcrumb(title);
        var items = new List<string>();
        foreach (var a in crumbs.QuerySelectorAll("a, [itemprop=name]"))
        {
            var t = Collapse(a.TextContent);
            if (t.Length is > 0 and < 60 && (items.Count == 0 || items[^1] != t))
                items.Add(t);
        }
        return LastCrumb(items, title);
    }

    private string? JsonLdBreadcrumb(string? title)
    {
        foreach (var item in _jsonLd)
        {
            if (!IsType(item, "BreadcrumbList") || !item.TryGetProperty("itemListElement", out var list) || list.ValueKind != JsonValueKind.Array)
                continue;
            var items = new List<string>();
            foreach (var li in list.EnumerateArray())
            {
                if (li.ValueKind != JsonValueKind.Object)
                    continue;
                var name = li.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()
                    : li.TryGetProperty("item", out var it) && it.ValueKind == JsonValueKind.Object && it.TryGetProperty("name", out var n2) && n2.ValueKind == JsonValueKind.String ? n2.GetString()
                    : null;
                var t = Collapse(name);
                if (t.Length > 0)
                    items.Add(t);
            }
            return LastCrumb(items, title);
        }
        return null;
    }

    /// <summary>The section is the last crumb, unless that is the article itself; the first («الرئيسية», home) never is.</summary>
    private static string? LastCrumb(List<string> items, string? title)
    {
        if (items.Count > 1 && title is not null && (title.StartsWith(items[^1], StringComparison.Ordinal) || items[^1].StartsWith(title, StringComparison.Ordinal) || items[^1].Length > 40))
            items.RemoveAt(items.Count - 1);
        return items.Count >= 2 ? items[^1] : null;
    }

    /// <summary>JSON-LD author name(s), meta author, article:author (when not a URL), rel=author / itemprop=author.</summary>
    public string? Author()
    {
        var a = JsonLdAuthor() ?? Meta("author") ?? Meta("article:author") ?? Meta("dc.creator") ?? Meta("sailthru.author")
            ?? FirstText("[itemprop=author] [itemprop=name]") ?? FirstText("[itemprop=author]") ?? FirstText("[rel=author]") ?? BylineElement();
        a = Collapse(a);
        a = HtmlReader.Byline(a) ?? a;
        if (a.Length == 0 || a.Length > 100 || a.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return null;
        return a;
    }

    /// <summary>The text of a short element whose class names a byline (byline, author, writer, writeBy).</summary>
    private string? BylineElement()
    {
        foreach (var e in _doc.QuerySelectorAll("[class*=byline i], [class*=author i], [class*=writer i], [class*=writeby i]"))
        {
            var t = Collapse(e.TextContent);
            if (t.Length is > 2 and <= 60)
                return t;
        }
        return null;
    }

    public string? DeclaredLanguage =>
        _doc.DocumentElement?.GetAttribute("lang") is { Length: > 0 } lang ? lang.Trim()
        : Meta("og:locale") ?? Meta("content-language") ?? Meta("language") ?? JsonLdString("inLanguage");

    public string? Url => Meta("og:url") ?? _doc.QuerySelector("link[rel=canonical]")?.GetAttribute("href") ?? JsonLdString("url");

    public bool HasPicture => Meta("og:image") is not null || JsonLdString("image") is not null;

    private string? FirstText(string selector)
    {
        var e = _doc.QuerySelector(selector);
        return e is null ? null : Collapse(e.TextContent);
    }

    /// <summary>Whitespace collapsed, HTML entities decoded (JSON-LD often carries <c>&amp;quot;</c>).</summary>
    internal static string Collapse(string? s)
    {
        if (string.IsNullOrWhiteSpace(s))
            return "";
        if (s.Contains('&', StringComparison.Ordinal))
            s = WebUtility.HtmlDecode(s);
        return string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }

    private void ReadJsonLd()
    {
        foreach (var script in _doc.QuerySelectorAll("script[type='application/ld+json' i]"))
        {
            var text = script.TextContent;
            if (text.Length > 1_000_000)
                continue;
            try
            {
                using var json = JsonDocument.Parse(text, JsonOptions);
                Collect(json.RootElement.Clone(), 0);
            }
            catch (JsonException)
            {
                // Broken JSON-LD is common; the other metadata sources remain.
            }
        }
        // Articles first: a page's JSON-LD also describes the site, the organisation and other stories.
        _jsonLd.Sort((a, b) => Rank(a).CompareTo(Rank(b)));

        static int Rank(JsonElement e) =>
            IsType(e, "NewsArticle") || IsType(e, "ReportageNewsArticle") || IsType(e, "AnalysisNewsArticle") ? 0
            : IsType(e, "Article") || IsType(e, "BlogPosting") || IsType(e, "OpinionNewsArticle") || IsType(e, "LiveBlogPosting") ? 1
            : IsType(e, "WebPage") || IsType(e, "ItemPage") ? 2
            : 3;
    }

    private void Collect(JsonElement e, int depth)
    {
        if (depth > 6)
            return;
        if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in e.EnumerateArray())
                Collect(x, depth + 1);
        }
        else if (e.ValueKind == JsonValueKind.Object)
        {
            _jsonLd.Add(e);
            if (e.TryGetProperty("@graph", out var graph))
                Collect(graph, depth + 1);
            if (e.TryGetProperty("mainEntity", out var main))
                Collect(main, depth + 1);
        }
    }

    private static bool IsType(JsonElement e, string type)
    {
        if (!e.TryGetProperty("@type", out var t))
            return false;
        if (t.ValueKind == JsonValueKind.String)
            return string.Equals(t.GetString(), type, StringComparison.OrdinalIgnoreCase);
        if (t.ValueKind == JsonValueKind.Array)
        {
            foreach (var x in t.EnumerateArray())
            {
                if (x.ValueKind == JsonValueKind.String && string.Equals(x.GetString(), type, StringComparison.OrdinalIgnoreCase))
                    return true;
            }
        }
        return false;
    }

    /// <summary>The first non-empty string value of <paramref name="name"/> (or of its <paramref name="inner"/> property) in the JSON-LD objects.</summary>
    private string? JsonLdString(string name, string? inner = null)
    {
        foreach (var item in _jsonLd)
        {
            if (!item.TryGetProperty(name, out var v))
                continue;
            if (v.ValueKind == JsonValueKind.Array && v.GetArrayLength() > 0)
                v = v[0];
            if (inner is not null || v.ValueKind == JsonValueKind.Object)
            {
                if (v.ValueKind != JsonValueKind.Object || !v.TryGetProperty(inner ?? "url", out v))
                    continue;
            }
            if (v.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(v.GetString()))
                return v.GetString()!.Trim();
        }
        return null;
    }

    private string? JsonLdAuthor()
    {
        foreach (var item in _jsonLd)
        {
            if (!item.TryGetProperty("author", out var a))
                continue;
            var names = new List<string>();
            foreach (var x in a.ValueKind == JsonValueKind.Array ? a.EnumerateArray().ToList() : [a])
            {
                var n = x.ValueKind == JsonValueKind.String ? x.GetString()
                    : x.ValueKind == JsonValueKind.Object && x.TryGetProperty("name", out var nm) && nm.ValueKind == JsonValueKind.String ? nm.GetString()
                    : null;
                n = Collapse(n);
                if (n.Length > 0 && !names.Contains(n))
                    names.Add(n);
            }
            if (names.Count > 0)
                return string.Join("، ", names);
        }
        return null;
    }
}
