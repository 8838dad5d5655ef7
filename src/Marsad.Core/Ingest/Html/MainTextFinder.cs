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
/// <item>Blocks under an element whose tag, class, id or role names furniture (nav, aside, footer,
/// comments, share, related, tags, sidebar, ads…, see <see cref="ClassHints"/>) score minus
/// <see cref="FurniturePenalty"/> of their letters, unless that element holds most of the page's
/// prose (a whole-page wrapper with an unlucky class name).</item>
/// <item>Each element scores the sum of its subtree's blocks; the best element is the container.
/// Its blocks are the text, less those under furniture, link lists and date lines.</item>
/// </list>
/// Unlike paragraph-parent scoring (Readability), the subtree sum needs no sibling merging: text split
/// over several containers is found by their common ancestor as long as what lies between them is
/// not mostly furniture. The walk is iterative and stops at <c>maxDepth</c>.
/// </summary>
internal static class MainTextFinder
{
    internal const int ProseWords = 8;
    internal const int ShortProseWords = 4;
    internal const double ShortPenalty = 0.3;
    internal const double FurniturePenalty = 0.5;

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
        public double Score { get; set; }
        public bool Furniture { get; set; }
        public bool UnderFurniture { get; set; }
    }

    private sealed record Block(int Owner, string Text, int Letters, int LinkLetters, int Words, bool Punctuated, bool Heading)
    {
        public double LinkDensity => Letters == 0 ? 0 : (double)LinkLetters / Letters;
        public bool IsProse => LinkDensity < 0.5 && (Words >= ProseWords || (Words >= ShortProseWords && Punctuated));
    }

    /// <summary>The paragraphs of the main text under <paramref name="root"/>, and the rule that found them.</summary>
    public static (List<string> Paragraphs, string By) Find(IElement root, int maxDepth)
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
        }
        if (totalProse == 0)
            return ([], "html:no-prose");
        for (var i = nodes.Count - 1; i > 0; i--)
            nodes[nodes[i].Parent].Prose += nodes[i].Prose;

        // A furniture hint on an element holding most of the prose is a wrapper's unlucky name.
        for (var i = 0; i < nodes.Count; i++)
        {
            var n = nodes[i];
            n.Furniture = (n.Hint & Hint.Furniture) != 0 && n.Prose < 0.5 * totalProse;
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
        if (nodes[best].Score <= 0)
            return ([], "html:no-article-block");

        var paragraphs = new List<string>();
        var keptHeadings = new List<bool>();
        foreach (var b in blocks)
        {
            if (b.Owner < best || b.Owner >= nodes[best].End)
                continue;
            if (b.LinkDensity >= 0.5 || IsFurnitureBelow(nodes, b.Owner, best) || IsDateLine(b))
                continue;
            paragraphs.Add(b.Text);
            keptHeadings.Add(b.Heading);
        }
        // A heading with no text after it introduces what follows the article (related stories).
        while (paragraphs.Count > 1 && keptHeadings[^1])
        {
            paragraphs.RemoveAt(paragraphs.Count - 1);
            keptHeadings.RemoveAt(keptHeadings.Count - 1);
        }
        return (paragraphs, "html:best-subtree");
    }

    private static double Value(Block b, bool underFurniture)
    {
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

    /// <summary>A short block that is only a date and time («الأحد، 04 آب/اغسطس 2013، آخر تحديث 02:21»).</summary>
    private static bool IsDateLine(Block b) =>
        b.Words <= 12 && b.Text[^1] is not ('.' or '!' or '؟' or '?') && ContainsYearOrTime(b.Text) && PublishedDateParser.TryParse(b.Text) is not null;

    private static bool ContainsYearOrTime(string text)
    {
        var digits = 0;
        foreach (var c in text)
        {
            if (char.IsDigit(c))
                digits++;
        }
        return digits >= 4;
    }

    private static (List<Node> Nodes, List<Block> Blocks) Walk(IElement root, int maxDepth)
    {
        var nodes = new List<Node>();
        var blocks = new List<Block>();
        var text = new StringBuilder();
        int letters = 0, linkLetters = 0, words = 0;
        bool punctuated = false, inWord = false;
        var owners = new Stack<int>();
        var headingDepth = 0;

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
                if (name.Length == 2 && name[0] == 'h' && name[1] is >= '1' and <= '6')
                    headingDepth--;
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
            if (tag.Length == 2 && tag[0] == 'h' && tag[1] is >= '1' and <= '6')
                headingDepth++;
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
                if (char.IsLetterOrDigit(c) && !inWord)
                {
                    words++;
                    inWord = true;
                }
                if (c is '.' or '،' or ',' or '؛' or ';' or ':' or '!' or '?' or '؟')
                    punctuated = true;
            }
        }

        void Flush()
        {
            var s = text.ToString().Trim();
            if (s.Length > 0 && owners.Count > 0)
                blocks.Add(new Block(owners.Peek(), s, letters, linkLetters, words, punctuated, headingDepth > 0));
            text.Clear();
            letters = linkLetters = words = 0;
            punctuated = inWord = false;
        }
    }
}
