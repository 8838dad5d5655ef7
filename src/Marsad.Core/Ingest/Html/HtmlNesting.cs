using System.Collections.Frozen;
using System.Globalization;

namespace Marsad.Ingest.Html;

/// <summary>
/// Measures how deep the elements of an HTML page nest, by scanning its tags, before the page is
/// parsed. AngleSharp survives deep nesting (it flattens elements past ~512 levels) but its tree
/// builder is quadratic in the depth: 10,000 nested &lt;div&gt; take seconds and 100,000 take minutes.
/// Pages nested past <see cref="ReaderOptions.MaxHtmlDepth"/> are refused instead.
/// The scan follows the HTML rules that matter for depth: void elements (&lt;br&gt;, &lt;img&gt;…) and
/// self-closed tags do not nest; an end tag closes every element opened after its start tag; &lt;p&gt;,
/// &lt;li&gt;, &lt;td&gt;… close an open element of their own kind; comments, script, style and
/// other raw-text elements are skipped. Linear time, no allocation per tag.
/// </summary>
public static class HtmlNesting
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> VoidElements = Set(
        ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr", "keygen", "basefont", "bgsound", "frame", "image", "command"]);

    /// <summary>Elements whose start tag implicitly closes an open element of the same kind.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SelfClosingSiblings = Set(
        ["p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "tbody", "thead", "tfoot", "rb", "rt", "rp"]);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> RawText = Set(
        ["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"]);

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(string[] names) =>
        names.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The deepest element nesting of <paramref name="html"/>, or the position where it first passes
    /// <paramref name="limit"/> (the scan stops there).
    /// </summary>
    public static (int Depth, int ExceededAt) MaxDepth(ReadOnlySpan<char> html, int limit)
    {
        // Each open element is kept as (start, length) of its name in html, so no strings are made.
        var stack = new (int Start, int Length)[Math.Min(limit + 2, 4096)];
        var depth = 0;
        var max = 0;
        var i = 0;
        while (i < html.Length)
        {
            var lt = html[i..].IndexOf('<');
            if (lt < 0)
                break;
            i += lt + 1;
            if (i >= html.Length)
                break;
            var c = html[i];
            if (c == '!')
            {
                // Comment, doctype or CDATA: skip to its end.
                var end = html[i..].StartsWith("!--", StringComparison.Ordinal)
                    ? html[i..].IndexOf("-->", StringComparison.Ordinal)
                    : html[i..].IndexOf('>');
                if (end < 0)
                    break;
                i += end + 1;
                continue;
            }
            var closing = c == '/';
            var nameStart = closing ? i + 1 : i;
            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or ':' or '_'))
                nameEnd++;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]))
                continue; // "<" in text, "</ >", "<?xml": not a tag
            var name = html[nameStart..nameEnd];
            var gt = TagEnd(html, nameEnd);
            if (gt < 0)
                break;
            var selfClosed = gt > 0 && html[gt - 1] == '/';
            i = gt + 1;
            if (closing)
            {
                // Close the nearest open element of this name and everything opened after it.
                for (var k = depth - 1; k >= 0 && k >= depth - 64; k--)
                {
                    if (html.Slice(stack[k].Start, stack[k].Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                    {
                        depth = k;
                        break;
                    }
                }
                continue;
            }
            if (VoidElements.Contains(name) || selfClosed)
                continue;
            if (RawText.Contains(name))
            {
                var close = IndexOfEndTag(html, i, name);
                if (close < 0)
                    break;
                i = close;
                continue;
            }
            if (depth > 0 && SelfClosingSiblings.Contains(name)
                && html.Slice(stack[depth - 1].Start, stack[depth - 1].Length).Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                depth--;
            }
            if (depth == stack.Length)
                return (depth + 1, nameStart - 1);
            stack[depth++] = (nameStart, nameEnd - nameStart);
            if (depth > max)
            {
                max = depth;
                if (max > limit)
                    return (max, nameStart - 1);
            }
        }
        return (max, -1);
    }

    /// <summary>Throws <see cref="InvalidInputException"/> when <paramref name="html"/> nests deeper than <paramref name="limit"/>.</summary>
    public static void Check(ReadOnlySpan<char> html, int limit)
    {
        var (depth, at) = MaxDepth(html, limit);
        if (at >= 0)
        {
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"HTML nests elements more than {limit} levels deep (level {depth} at character {at}); refused (real pages nest a few dozen levels)"));
        }
    }

    /// <summary>Index of the '&gt;' ending a tag whose name ends at <paramref name="from"/>, honouring quoted attribute values; -1 when none.</summary>
    private static int TagEnd(ReadOnlySpan<char> html, int from)
    {
        char quote = '\0';
        for (var k = from; k < html.Length; k++)
        {
            var c = html[k];
            if (quote != '\0')
            {
                if (c == quote)
                    quote = '\0';
            }
            else if (c is '"' or '\'')
            {
                // A quote opens a value only after '='; a stray quote elsewhere is text.
                var p = k - 1;
                while (p > from && html[p] is ' ' or '\t' or '\n' or '\r')
                    p--;
                if (html[p] == '=')
                    quote = c;
            }
            else if (c == '>')
            {
                return k;
            }
        }
        return -1;
    }

    private static int IndexOfEndTag(ReadOnlySpan<char> html, int from, ReadOnlySpan<char> name)
    {
        var k = from;
        while (k < html.Length)
        {
            var at = html[k..].IndexOf("</", StringComparison.Ordinal);
            if (at < 0)
                return -1;
            k += at + 2;
            if (k + name.Length <= html.Length && html.Slice(k, name.Length).Equals(name, StringComparison.OrdinalIgnoreCase))
                return k + name.Length;
        }
        return -1;
    }
}
