using System.Collections.Frozen;
using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>What an element's tag, class, id and ARIA role say about its part of the page.</summary>
[Flags]
internal enum Hint
{
    None = 0,
    /// <summary>Article text likely: article, content, body, story, entry, post, text, main.</summary>
    Content = 1,
    /// <summary>Page furniture likely: comments, share bars, related links, menus, sidebars, ads, tags.</summary>
    Furniture = 2,
    /// <summary>Not rendered: hidden attribute, display:none, d-none, sr-only…</summary>
    Hidden = 4,
}

/// <summary>
/// Reads hints from class and id names. Names are split into words at '-', '_', spaces, digits and
/// camelCase humps, so <c>articleBody</c> is {article, body} and <c>selectionShareable</c> is
/// {selection, shareable} (not "share"): a hint matches a whole word, never part of one.
/// An element with both kinds of word (<c>article-comments</c>, <c>related-articles</c>) is furniture:
/// the content word names what the furniture belongs to.
/// </summary>
internal static class ClassHints
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContentWords = Set(
        "article", "articles", "articlebody", "content", "contents", "body", "story", "entry", "post", "text", "main", "detail", "details",
        "blog", "news", "single", "column", "readable", "maincontent", "storybody", "postbody", "entrycontent");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FurnitureWords = Set(
        "comment", "comments", "commentlist", "disqus", "reply", "replies", "respond",
        "share", "sharing", "sharer", "social", "socials", "addthis", "sociallinks",
        "related", "relateds", "recommended", "recommendations", "more", "also", "readmore", "outbrain", "taboola", "mgid",
        "breadcrumb", "breadcrumbs", "menu", "menus", "nav", "navbar", "navigation", "topbar", "toolbar", "submenu",
        "footer", "sidebar", "aside", "widget", "widgets", "sidebox",
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "banner", "sponsor", "sponsored", "promo", "promotion", "dfp", "gpt",
        "newsletter", "subscribe", "subscription", "signup", "login", "register",
        "tag", "tags", "tagcloud", "keywords", "topics",
        "popular", "most", "mostread", "mostviewed", "trending", "latest", "ticker", "breaking", "marquee",
        "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay",
        "pagination", "pager", "prev", "next", "previous",
        "byline", "by", "author", "authors", "writer", "meta", "masthead", "copyright", "rss", "weather", "prayer", "currency",
        "slider", "carousel", "gallery", "video", "player", "poll", "survey", "rating", "rate");

    /// <summary>Whole class names that hide an element (Bootstrap, WordPress, common utilities).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HiddenClasses = Set(
        "hidden", "hide", "d-none", "u-hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible", "is-hidden", "display-none");

    private static readonly FrozenSet<string> FurnitureRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog", "alert", "toolbar");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(params string[] words) =>
        words.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The hints of one element (not inherited from its ancestors).</summary>
    public static Hint Of(IElement e)
    {
        if (e.HasAttribute("hidden"))
            return Hint.Hidden;
        var style = e.GetAttribute("style");
        if (style is not null && IsHiddenStyle(style))
            return Hint.Hidden;
        var cls = e.GetAttribute("class");
        var id = e.GetAttribute("id");
        if (cls is not null)
        {
            foreach (var range in cls.AsSpan().Split(' '))
            {
                if (HiddenClasses.Contains(cls.AsSpan()[range].Trim()))
                    return Hint.Hidden;
            }
        }
        var hint = Hint.None;
        Words(cls, ref hint);
        Words(id, ref hint);
        var itemprop = e.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            hint |= Hint.Content;
        var role = e.GetAttribute("role");
        if (role is not null && FurnitureRoles.Contains(role.Trim()))
            hint |= Hint.Furniture;
        if (role is "main" or "article")
            hint |= Hint.Content;
        switch (e.LocalName)
        {
            case "article" or "main":
                hint |= Hint.Content;
                break;
            case "nav" or "aside" or "footer" or "menu" or "dialog":
                hint |= Hint.Furniture;
                break;
        }
        // A furniture word wins: article-comments, article_details_tags, related-articles are furniture.
        // (The extractor ignores a furniture hint on an element that holds most of the page's text.)
        return (hint & Hint.Furniture) != 0 ? Hint.Furniture : hint;
    }

    private static void Words(string? name, ref Hint hint)
    {
        if (string.IsNullOrEmpty(name) || name.Length > 512)
            return;
        var s = name.AsSpan();
        var start = -1;
        for (var i = 0; i <= s.Length; i++)
        {
            var boundary = i == s.Length || !char.IsAsciiLetter(s[i])
                || (i > start && start >= 0 && char.IsAsciiLetterUpper(s[i]) && char.IsAsciiLetterLower(s[i - 1]));
            if (boundary && start >= 0)
            {
                var word = s[start..i];
                if (ContentWords.Contains(word))
                    hint |= Hint.Content;
                else if (FurnitureWords.Contains(word))
                    hint |= Hint.Furniture;
                start = -1;
            }
            if (start < 0 && i < s.Length && char.IsAsciiLetter(s[i]))
                start = i;
        }
    }

    private static bool IsHiddenStyle(string style)
    {
        var s = style.AsSpan();
        return Has(s, "display", "none") || Has(s, "visibility", "hidden");

        static bool Has(ReadOnlySpan<char> s, string property, string value)
        {
            var at = s.IndexOf(property, StringComparison.OrdinalIgnoreCase);
            if (at < 0)
                return false;
            var rest = s[(at + property.Length)..].TrimStart();
            if (rest.IsEmpty || rest[0] != ':')
                return false;
            return rest[1..].TrimStart().StartsWith(value, StringComparison.OrdinalIgnoreCase);
        }
    }
}
