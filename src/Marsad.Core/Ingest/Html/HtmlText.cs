using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Marsad.Ingest.Html;

/// <summary>
/// HTML → paragraphs of text. Block elements and &lt;br&gt; break paragraphs; script, style and
/// other non-text elements are skipped; whitespace is collapsed. The walk is iterative with a depth
/// bound, so a page nested 10,000 deep cannot overflow the stack.
/// </summary>
public static class HtmlText
{
    private static readonly HashSet<string> Skipped = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "noscript", "template", "iframe", "svg", "math", "object", "embed", "canvas", "video", "audio", "select", "button", "head",
    };

    private static readonly HashSet<string> Blocks = new(StringComparer.OrdinalIgnoreCase)
    {
        "p", "div", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr", "td", "th", "table",
        "blockquote", "section", "article", "header", "footer", "aside", "nav", "figure", "figcaption", "pre", "address", "main", "form", "fieldset", "details", "summary",
    };

    /// <summary>Paragraphs of an HTML fragment or document; throws <see cref="InvalidInputException"/> when it nests deeper than <paramref name="maxDepth"/>.</summary>
    public static List<string> Paragraphs(string html, int maxDepth = 512)
    {
        if (html.AsSpan().IndexOfAny('<', '&') < 0)
            return [.. html.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0)];
        HtmlNesting.Check(html, maxDepth);
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var doc = parser.ParseDocument(html);
        return Paragraphs(doc.Body ?? (INode)doc.DocumentElement, maxDepth);
    }

    /// <summary>Paragraphs of the subtree under <paramref name="root"/>.</summary>
    public static List<string> Paragraphs(INode root, int maxDepth = 512)
    {
        var result = new List<string>();
        var current = new StringBuilder();
        var stack = new Stack<(INode Node, int Depth, bool Exit)>();
        stack.Push((root, 0, false));
        while (stack.Count > 0)
        {
            var (node, depth, exit) = stack.Pop();
            if (exit)
            {
                Flush(current, result);
                continue;
            }
            switch (node)
            {
                case IText text:
                    AppendCollapsed(current, text.Data);
                    break;
                case IElement element:
                    if (Skipped.Contains(element.LocalName) || depth >= maxDepth)
                        break;
                    var block = Blocks.Contains(element.LocalName);
                    if (block)
                    {
                        Flush(current, result);
                        stack.Push((element, depth, true));
                    }
                    PushChildren(stack, element, depth + 1);
                    break;
                case IDocument or IDocumentFragment:
                    PushChildren(stack, node, depth + 1);
                    break;
            }
        }
        Flush(current, result);
        return result;
    }

    private static void PushChildren(Stack<(INode, int, bool)> stack, INode node, int depth)
    {
        var children = node.ChildNodes;
        for (var i = children.Length - 1; i >= 0; i--)
            stack.Push((children[i], depth, false));
    }

    private static void AppendCollapsed(StringBuilder sb, string text)
    {
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                    sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }
    }

    private static void Flush(StringBuilder sb, List<string> result)
    {
        var s = sb.ToString().Trim();
        if (s.Length > 0)
            result.Add(s);
        sb.Clear();
    }
}
