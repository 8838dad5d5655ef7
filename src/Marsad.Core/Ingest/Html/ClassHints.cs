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
    /// <summary>
    /// Page layout that is usually furniture (nav, footer, sidebar, menu, pager, byline…) but is also
    /// found on wrappers of the whole page (<c>has-sidebar</c>, <c>footer-sticky-wrap</c>): the
    /// extractor ignores it on an element that holds most of the page's prose.
    /// </summary>
    Layout = 2,
    /// <summary>
    /// A self-contained widget that is never the article (comments, share bar, related stories,
    /// tags, ads, pop-up, newsletter, most-read list), however much text it holds.
    /// </summary>
    Widget = 4,
    /// <summary>Not rendered: hidden attribute, display:none, d-none, sr-only…</summary>
    Hidden = 8,

    Furniture = Layout | Widget,
}

/// <summary>
/// Reads hints from class and id names. Names are split into words at '-', '_', spaces, digits and
/// camelCase humps, so <c>articleBody</c> is {article, body} and <c>selectionShareable</c> is
/// {selection, shareable} (not "share"): a hint matches a whole word, never part of one. A word
/// after no/without/hide/disable is negated (<c>entry-content no-share</c> is content).
/// A widget word always wins (<c>article-comments</c>, <c>related-articles</c>,
/// <c>article_details_tags</c> are widgets: the content word names what they belong to).
/// </summary>
internal static class ClassHints
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ContentWords = Set(
        "article", "articles", "articlebody", "content", "contents", "body", "story", "entry", "post", "text", "main", "detail", "details",
        "blog", "news", "single", "column", "readable", "maincontent", "storybody", "postbody", "entrycontent");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> WidgetWords = Set(
        "comment", "comments", "commentlist", "disqus", "reply", "replies", "respond",
        "share", "sharing", "sharer", "social", "socials", "addthis", "sociallinks",
        "related", "relateds", "recommended", "recommendations", "readmore", "outbrain", "taboola", "mgid",
        "breadcrumb", "breadcrumbs",
        "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle", "banner", "sponsor", "sponsored", "promo", "promotion", "dfp", "gpt",
        "newsletter", "subscribe", "subscription", "signup", "login", "register",
        "tag", "tags", "tagcloud", "keywords", "topics",
        "popular", "most", "mostread", "mostviewed", "trending", "latest", "ticker", "breaking", "marquee",
        "cookie", "cookies", "consent", "gdpr", "popup", "modal", "overlay", "lightbox",
        "copyright", "rss", "weather", "prayer", "currency", "poll", "survey", "rating");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> LayoutWords = Set(
        "menu", "menus", "submenu", "nav", "navbar", "navigation", "topbar", "toolbar", "masthead",
        "footer", "sidebar", "aside", "widget", "widgets", "sidebox",
        "pagination", "pager", "prev", "next", "previous", "more", "also",
        "byline", "by", "author", "authors", "writer", "meta",
        "slider", "carousel", "gallery", "video", "player");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Negations = Set(
        "no", "not", "without", "hide", "hidden", "disable", "disabled", "off");

    /// <summary>Whole class names that hide an element (Bootstrap, WordPress, common utilities).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HiddenClasses = Set(
        "hidden", "hide", "d-none", "u-hide", "sr-only", "visually-hidden", "visuallyhidden", "screen-reader-text", "invisible", "is-hidden", "display-none");

    private static readonly FrozenSet<string> WidgetRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "banner", "search", "dialog", "alertdialog", "alert");

    private static readonly FrozenSet<string> LayoutRoles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "navigation", "contentinfo", "complementary", "menu", "menubar", "toolbar");

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
        Words(e.GetAttribute("id"), ref hint);
        var itemprop = e.GetAttribute("itemprop");
        if (itemprop is not null && itemprop.Contains("articleBody", StringComparison.OrdinalIgnoreCase))
            hint |= Hint.Content;
        var role = e.GetAttribute("role")?.Trim();
        if (role is not null)
        {
            if (WidgetRoles.Contains(role))
                hint |= Hint.Widget;
            else if (LayoutRoles.Contains(role))
                hint |= Hint.Layout;
            else if (role is "main" or "article")
                hint |= Hint.Content;
        }
        switch (e.LocalName)
        {
            case "article" or "main":
                hint |= Hint.Content;
                break;
            case "nav" or "aside" or "footer" or "menu":
                // The tag says what it is; «entry-footer» is still a footer.
                return (hint & Hint.Widget) != 0 ? Hint.Widget : Hint.Layout;
            case "dialog":
                hint |= Hint.Widget;
                break;
        }
        return Resolve(hint);
    }

    /// <summary>The hint of a class attribute value (exposed for tests).</summary>
    internal static Hint OfName(string names)
    {
        var hint = Hint.None;
        Words(names, ref hint);
        return Resolve(hint);
    }

    private static Hint Resolve(Hint hint) =>
        (hint & Hint.Widget) != 0 ? Hint.Widget : (hint & Hint.Content) != 0 ? Hint.Content : hint;

    /// <summary>
    /// Adds the hint of each space-separated name in <paramref name="names"/>. Within one name a widget
    /// word wins, then a layout word, then a content word (<c>article_details_prev_next</c>,
    /// <c>sidebar-content</c> and <c>entry-footer</c> are layout); across names a content name beats a
    /// layout name (<c>main-content has-sidebar</c> is content).
    /// </summary>
    private static void Words(string? names, ref Hint hint)
    {
        if (string.IsNullOrEmpty(names) || names.Length > 1024)
            return;
        foreach (var range in names.AsSpan().Split(' '))
        {
            var name = names.AsSpan()[range];
            var own = Hint.None;
            var start = -1;
            var negated = false;
            for (var i = 0; i <= name.Length; i++)
            {
                var boundary = i == name.Length || !char.IsAsciiLetter(name[i])
                    || (start >= 0 && i > start && char.IsAsciiLetterUpper(name[i]) && char.IsAsciiLetterLower(name[i - 1]));
                if (boundary && start >= 0)
                {
                    var word = name[start..i];
                    if (!negated)
                    {
                        if (ContentWords.Contains(word))
                            own |= Hint.Content;
                        else if (WidgetWords.Contains(word))
                            own |= Hint.Widget;
                        else if (LayoutWords.Contains(word))
                            own |= Hint.Layout;
                    }
                    negated = Negations.Contains(word);
                    start = -1;
                }
                if (start < 0 && i < name.Length && char.IsAsciiLetter(name[i]))
                    start = i;
            }
            hint |= (own & Hint.Widget) != 0 ? Hint.Widget : (own & Hint.Layout) != 0 ? Hint.Layout : own;
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
