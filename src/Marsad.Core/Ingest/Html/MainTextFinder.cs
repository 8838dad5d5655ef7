using System.Text;
using AngleSharp.Dom;

namespace Marsad.Ingest.Html;

/// <summary>
/// Finds the main text of a page as the element subtree whose text blocks add up to the highest
/// score, where article-like blocks count for and page furniture against:
/// <list type="number">
/// <item>The page is cut into text blocks: block elements and &lt;br&gt; end a block; script, style,
/// forms controls, media and hidden elements (hidden attribute, display:none, d-none…) are skipped.</item>
/// <item>A block is prose when it has at least <see cref="ProseWords"/> words, or
/// <see cref="ShortProseWords"/> with sentence punctuation. Prose scores its letters minus twice its
/// link letters; a block that is mostly link text scores minus its link letters; other short
/// blocks (labels, dates, menu items without links) score minus <see cref="ShortPenalty"/> of their
/// letters.</item>
/// <item>Blocks under an element whose tag, class, id or role names furniture (see
/// <see cref="ClassHints"/>) score minus <see cref="FurniturePenalty"/> of their letters: always for
/// widgets (comments, share, related, tags, ads, pop-ups…), and for layout (nav, aside, footer,
/// sidebar, menu…) unless that element holds most of the page's prose (a whole-page wrapper with an
/// unlucky class name).</item>
/// <item>Each element scores the sum of its subtree's blocks; the best element is the container.
/// Text split over several containers is found by their common ancestor as long as what lies
/// between them is not mostly furniture.</item>
/// <item>Siblings of the container join it when they score over <see cref="SiblingShare"/> of it, or
/// are clean prose (score at least <see cref="CleanProse"/> of their prose letters: a lead paragraph
/// in a box of its own), but never a box holding the h1. Inside the container, the box holding the
/// h1 (the article header: headline, subtitle, date, byline) is left out unless it holds most of the
/// prose.</item>
/// <item>The text is the blocks of the container and its joined siblings, less those under
/// furniture, link lists, date lines and bare URLs, and less a heading left with nothing after it.</item>
/// </list>
/// Constants were set on the pages of ../shared/data/news/html and checked against the peers
/// (bench/html-peers/README.md). The walk is iterative and stops at <c>maxDepth</c>.
/// </summary>
internal static class MainTextFinder
{
    internal const int ProseWords = 8;
    internal const int ShortProseWords = 4;
    internal const double ShortPenalty = 0.3;
    internal const double FurniturePenalty = 0.5;
    internal const double SiblingShare = 0.2;
    internal const double CleanProse = 0.75;
    internal const int MinSiblingProse = 50;

    private static readonly HashSet<string> Skipped = new(StringComparer.Ordinal)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas", "video", "audio",
        "select", "option", "button", "input", "textarea", "head", "title", "meta", "link", "img", "picture", "source", "map",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.Ordinal)
    {
        "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table", "tbody", "thead", "tfoot",
        "caption", "blockquote", "section", "article", "header", "footer", "aside", "nav", "figure", "figcaption", "pre", "address", "main",
        "form", "fieldset", "legend", "details", "summary", "center", "body", "html", "hr", "menu", "dialog",
    };

    private sealed class Node
    {
        public required IElement Element { get; init; }
        public int Parent { get; init; }
        public Hint Hint { get; set; }
        /// <summary>Index one past the last element of this element's subtree (elements are in pre-order).</summary>
        public int End { get; set; }
        public double Prose { get; set; }
        /// <summary>h1 blocks in the subtree.</summary>
        public int Headlines { get; set; }
        public double Score { get; set; }
        public bool Furniture { get; set; }
        public bool UnderFurniture { get; set; }
    }

    /// <summary>A run of text between block boundaries; <c>Heading</c> is 1–6 inside h1–h6, else 0.</summary>
    private sealed record Block(int Owner, string Text, int Letters, int LinkLetters, int Words, bool Punctuated, int Heading)
    {
        public double LinkDensity => Letters == 0 ? 0 : (double)LinkLetters / Letters;
        public bool IsProse => LinkDensity < 0.5 && (Words >= ProseWords || (Words >= ShortProseWords && Punctuated));
    }

    /// <summary>The paragraphs of the main text under <paramref name="root"/>, and the rule that found them.</summary>
    public static (List<string> Paragraphs, string By) Find(IElement root, int maxDepth) => Find(root, maxDepth, null);

    /// <summary>For debugging a page: the best-scoring elements and the blocks of the page with their values.</summary>
    internal static string Explain(IElement root, int maxDepth)
    {
        var sb = new StringBuilder();
        Find(root, maxDepth, sb);
        return sb.ToString();
    }

    private static (List<string> Paragraphs, string By) Find(IElement root, int maxDepth, StringBuilder? explain)
    {
        var (nodes, blocks) = Walk(root, maxDepth);
        if (blocks.Count == 0)
            return ([], "html:no-text");

        double totalProse = 0;
        foreach (var b in blocks)
        {
            if (b.IsProse)
            {
                nodes[b.Owner].Prose += b.Letters;
                totalProse += b.Letters;
            }
            if (b.Heading == 1)
                nodes[b.Owner].Headlines++;
        }
        if (totalProse == 0)
            return ([], "html:no-prose");
        for (var i = nodes.Count - 1; i > 0; i--)
        {
            nodes[nodes[i].Parent].Prose += nodes[i].Prose;
            nodes[nodes[i].Parent].Headlines += nodes[i].Headlines;
        }

        // A widget is furniture however much text it holds (a comment-rules pop-up can outweigh the
        // article); a layout hint on an element holding most of the prose is a wrapper's unlucky name.
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            n.Furniture = i > 0 && ((n.Hint & Hint.Widget) != 0 || ((n.Hint & Hint.Layout) != 0 && n.Prose < 0.5 * totalProse));
            n.UnderFurniture = n.Furniture || (i > 0 && nodes[n.Parent].UnderFurniture);
        }

        foreach (var b in blocks)
            nodes[b.Owner].Score += Value(b, nodes[b.Owner].UnderFurniture);
        for (var i = nodes.Count - 1; i > 0; i--)
            nodes[nodes[i].Parent].Score += nodes[i].Score;

        // Pre-order with >=: on a tie the deeper element (a descendant) wins.
        var best = 0;
        for (var i = 1; i < nodes.Count; i++)
        {
            if (nodes[i].Score >= nodes[best].Score)
                best = i;
        }
        if (explain is not null)
        {
            foreach (var i in Enumerable.Range(0, nodes.Count).OrderByDescending(i => nodes[i].Score).Take(12))
                explain.AppendLine(System.FormattableString.Invariant($"{nodes[i].Score,9:0.0} prose {nodes[i].Prose,7:0} {Path(nodes, i)}"));
            foreach (var b in blocks)
            {
                var text = b.Text.Length > 60 ? b.Text[..60] : b.Text;
                explain.AppendLine(System.FormattableString.Invariant($"  {Value(b, nodes[b.Owner].UnderFurniture),8:0.0} {(b.IsProse ? "P" : "-")}{(nodes[b.Owner].UnderFurniture ? "F" : "-")} w{b.Words} L{b.Letters} a{b.LinkLetters} [{Path(nodes, b.Owner)}] {text}"));
            }
        }
        if (nodes[best].Score <= 0)
            return ([], "html:no-article-block");

        // Siblings of the container join it when they score well on their own, or when they are clean
        // prose (a lead paragraph in its own box beside the body), as in Readability; link lists,
        // teasers (a headline link over a summary) and the article header (it holds the h1) do not.
        var ranges = new List<(int Start, int End)>();
        var parent = nodes[best].Parent;
        if (best > 0)
        {
            for (var c = parent + 1; c < nodes[parent].End; c = nodes[c].End)
            {
                if (c == best || (nodes[c].Headlines == 0 && (nodes[c].Score > SiblingShare * nodes[best].Score
                    || (nodes[c].Prose >= MinSiblingProse && nodes[c].Score >= CleanProse * nodes[c].Prose))))
                    ranges.Add((c, nodes[c].End));
            }
        }
        else
        {
            ranges.Add((0, nodes[0].End));
        }

        // The article header inside the container (the box holding the h1, with the subtitle, date and
        // byline) is not body, unless that box holds most of the container's prose.
        var header = (Start: -1, End: -1);
        if (nodes[best].Headlines > 0)
        {
            for (var c = best + 1; c < nodes[best].End; c = nodes[c].End)
            {
                if (nodes[c].Headlines > 0 && nodes[c].Prose < 0.5 * nodes[best].Prose)
                    header = (c, nodes[c].End);
            }
        }

        var paragraphs = new List<string>();
        var keptHeadings = new List<int>();
        var r = 0;
        foreach (var b in blocks)
        {
            while (r < ranges.Count && b.Owner >= ranges[r].End)
                r++;
            if (r == ranges.Count)
                break;
            if (b.Owner < ranges[r].Start)
                continue;
            if (b.Owner >= header.Start && b.Owner < header.End)
                continue;
            var top = b.Owner >= best && b.Owner < nodes[best].End ? best : ranges[r].Start;
            if (b.LinkDensity >= 0.5 || IsFurnitureBelow(nodes, b.Owner, top == best ? best : nodes[top].Parent) || (b.Words <= 12 && IsDateLine(b.Text)) || IsUrl(b.Text))
                continue;
            paragraphs.Add(b.Text);
            keptHeadings.Add(b.Heading);
        }
        // A heading with no text after it introduces what follows the article (related stories).
        while (paragraphs.Count > 1 && keptHeadings[^1] > 0)
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
            keptHeadings.RemoveAt(keptHeadings.Count - 1);
        }
        return (paragraphs, "html:best-subtree");
    }

    private static int HeadingLevel(string tag) =>
        tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6' ? tag[1] - '0' : 0;

    private static string Path(List<Node> nodes, int i)
    {
        var parts = new List<string>();
        for (var k = 0; k < 6 && i > 0; k++, i = nodes[i].Parent)
        {
            var e = nodes[i].Element;
            parts.Add(e.LocalName + (e.ClassName is { } c ? "." + c.Replace(' ', '.') : "") + (e.Id is { Length: > 0 } id ? "#" + id : "") + (nodes[i].Hint != Hint.None ? "{" + nodes[i].Hint + "}" : ""));
        }
        parts.Reverse();
        return string.Join(" > ", parts);
    }

    private static double Value(Block b, bool underFurniture)
    {
        if (IsUrl(b.Text))
            return 0; // microdata and link text printed as-is: neither article nor furniture
        if (underFurniture)
            return -FurniturePenalty * b.Letters;
        if (b.LinkDensity >= 0.5)
            return -b.LinkLetters;
        if (b.IsProse)
            return b.Letters - 2.0 * b.LinkLetters;
        return -ShortPenalty * b.Letters;
    }

    /// <summary>True when an element between <paramref name="owner"/> and the container <paramref name="top"/> (exclusive) is furniture.</summary>
    private static bool IsFurnitureBelow(List<Node> nodes, int owner, int top)
    {
        for (var i = owner; i > top; i = nodes[i].Parent)
        {
            if (nodes[i].Furniture)
                return true;
        }
        return false;
    }

    private static bool IsUrl(string text) =>
        text.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || text.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
        ? !text.AsSpan().ContainsAny(' ', '\u00A0') : false;

    /// <summary>Words of a timestamp line besides month and weekday names (normalised).</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string> TimestampWords = System.Collections.Frozen.FrozenSet.Create(StringComparer.Ordinal,
        [.. new[] { "اخر", "تحديث", "تاريخ", "نشر", "النشر", "منشور", "محدثه", "الساعه", "بتوقيت", "توقيت", "منذ", "في", "م", "ص", "هـ", "ه", "gmt", "utc", "am", "pm", "مساء", "صباحا" }.Select(Text.ArabicNormalizer.Normalize)]);

    /// <summary>
    /// A short block that is only a date and time («الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21»,
    /// «2024-05-13 06:00»): four digits or more, a month or weekday name or a clock time, and at most
    /// two other words. No regular expression: this runs on every short block.
    /// </summary>
    internal static bool IsDateLine(string text)
    {
        if (text.Length > 120 || text[^1] is '.' or '!' or '؟' or '?')
            return false;
        int digits = 0, other = 0;
        var named = false;
        var clock = false;
        var norm = Text.ArabicNormalizer.Normalize(text).ToLowerInvariant();
        for (var i = 0; i < norm.Length; i++)
        {
            if (char.IsDigit(norm[i]))
            {
                digits++;
                if (i + 2 < norm.Length && norm[i + 1] == ':' && char.IsDigit(norm[i + 2]))
                    clock = true;
            }
        }
        if (digits < 4)
            return false;
        foreach (var range in norm.AsSpan().SplitAny(" /()،,:-|+"))
        {
            var word = norm.AsSpan()[range].Trim();
            if (word.IsEmpty || !char.IsLetter(word[0]))
                continue;
            var w = word.ToString();
            if (Time.CalendarNames.GregorianMonths.ContainsKey(w) || Time.CalendarNames.HijriMonths.ContainsKey(w) || Time.CalendarNames.Weekdays.ContainsKey(w))
                named = true;
            else if (!TimestampWords.Contains(w))
                other++;
        }
        return (named || clock) && other <= 2;
    }

    private static (List<Node> Nodes, List<Block> Blocks) Walk(IElement root, int maxDepth)
    {
        var nodes = new List<Node>();
        var blocks = new List<Block>();
        var text = new StringBuilder();
        int letters = 0, linkLetters = 0, words = 0;
        bool punctuated = false, inWord = false;
        var owners = new Stack<int>();
        var heading = 0;

        // Frames: enter a node (with its parent element's index and whether it is inside a link), or leave an element.
        var stack = new Stack<(INode Node, int Parent, int Depth, bool InLink, int Leave)>();
        stack.Push((root, -1, 0, false, -1));
        while (stack.Count > 0)
        {
            var (node, parent, depth, inLink, leave) = stack.Pop();
            if (leave >= 0)
            {
                var n = nodes[leave];
                n.End = nodes.Count;
                var name = n.Element.LocalName;
                if (Blocks.Contains(name))
                {
                    Flush();
                    owners.Pop();
                }
                if (HeadingLevel(name) > 0)
                    heading = 0;
                continue;
            }
            if (node is IText t)
            {
                Append(t.Data, inLink);
                continue;
            }
            if (node is not IElement e)
                continue;
            var tag = e.LocalName;
            if (tag == "br")
            {
                Flush();
                continue;
            }
            if (Skipped.Contains(tag) || depth >= maxDepth)
                continue;
            var hint = ClassHints.Of(e);
            if ((hint & Hint.Hidden) != 0)
                continue;
            var index = nodes.Count;
            nodes.Add(new Node { Element = e, Parent = parent < 0 ? 0 : parent, Hint = hint });
            if (Blocks.Contains(tag) || index == 0)
            {
                Flush();
                owners.Push(index);
            }
            if (HeadingLevel(tag) is > 0 and var level)
                heading = level;
            stack.Push((e, parent, depth, inLink, index));
            var children = e.ChildNodes;
            var childInLink = inLink || tag == "a";
            for (var i = children.Length - 1; i >= 0; i--)
                stack.Push((children[i], index, depth + 1, childInLink, -1));
        }
        Flush();
        return (nodes, blocks);

        void Append(string data, bool link)
        {
            foreach (var c in data)
            {
                if (char.IsWhiteSpace(c))
                {
                    if (text.Length > 0 && text[^1] != ' ')
                        text.Append(' ');
                    inWord = false;
                    continue;
                }
                text.Append(c);
                if (char.IsLetter(c))
                {
                    letters++;
                    if (link)
                        linkLetters++;
                }
                if (char.IsLetter(c) && !inWord)
                {
                    words++; // a word has a letter: «2024» and «12:22» are not words
                    inWord = true;
                }
                // Sentence punctuation; «:» and «|» separate labels («کد خبر : 2022643 | …»), not clauses.
                if (c is '.' or '،' or ',' or '؛' or ';' or '!' or '?' or '؟')
                    punctuated = true;
            }
        }

        void Flush()
        {
            var s = text.ToString().Trim();
            if (s.Length > 0 && owners.Count > 0)
                blocks.Add(new Block(owners.Peek(), s, letters, linkLetters, words, punctuated, heading));
            text.Clear();
            letters = linkLetters = words = 0;
            punctuated = inWord = false;
        }
    }
}
