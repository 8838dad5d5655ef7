namespace Marsad.Ingest;

/// <summary>The input shapes Marsad reads.</summary>
public enum InputFormat
{
    /// <summary>A scraped plain-text page: title line, bullet metadata, body, share lines.</summary>
    Text,
    /// <summary>An HTML article page.</summary>
    Html,
    /// <summary>An RSS 2.0 or Atom feed.</summary>
    Feed,
    /// <summary>JSON Lines: one article record per line (plain or gzip).</summary>
    Jsonl,
    /// <summary>TREC-style article files (&lt;DOC&gt;&lt;DOCNO&gt;…&lt;TEXT&gt;…&lt;/DOC&gt;), read tag by tag.</summary>
    Trec,
    /// <summary>A JSON document over several lines: an array of article records, or one (pretty-printed) object.</summary>
    JsonArray,
}

/// <summary>
/// Chooses a reader by looking at the content first: JSON (<c>{</c>, <c>[{</c>), TREC (<c>&lt;DOC&gt;</c>), feeds
/// (<c>&lt;rss</c>, <c>&lt;feed</c>), HTML (<c>&lt;html</c>, <c>&lt;body</c>, <c>&lt;div</c>, <c>&lt;p</c>…), other XML; the
/// file name only settles markup the content probe cannot place. Anything else is a scraped-text page.
/// </summary>
public static class FormatSniffer
{
    /// <summary>The format of a file whose decoded start is <paramref name="head"/>.</summary>
    public static InputFormat Sniff(ReadOnlySpan<char> head, string? fileName)
    {
        var t = head.TrimStart();
        if (t.Length > 0 && t[0] == '\uFEFF')
            t = t[1..].TrimStart();
        if (t.StartsWith("{"))
        {
            // A JSON object spread over several lines («{\n  "key": …») is one document, not JSON Lines. Only a
            // first line that opens a structure counts: a broken first record («{oops») stays a JSONL line error.
            var nl = t.IndexOf('\n');
            var first = nl > 0 ? t[..nl].TrimEnd() : [];
            return first.Length > 0 && first[^1] is '{' or '[' or ',' ? InputFormat.JsonArray : InputFormat.Jsonl;
        }
        if (t.StartsWith("[") && t[1..].TrimStart().StartsWith("{"))
            return InputFormat.JsonArray;
        if (t.StartsWith("<DOC>", StringComparison.OrdinalIgnoreCase))
            return InputFormat.Trec;
        if (t.StartsWith("<"))
        {
            var probe = t[..Math.Min(t.Length, 4096)];
            if (LooksLikeFeed(probe))
                return InputFormat.Feed;
            if (probe.Contains("<html", StringComparison.OrdinalIgnoreCase) || probe.Contains("<!doctype html", StringComparison.OrdinalIgnoreCase)
                || probe.Contains("<head", StringComparison.OrdinalIgnoreCase) || probe.Contains("<body", StringComparison.OrdinalIgnoreCase)
                || probe.Contains("<div", StringComparison.OrdinalIgnoreCase) || probe.Contains("<p", StringComparison.OrdinalIgnoreCase)
                || probe.Contains("<article", StringComparison.OrdinalIgnoreCase) || probe.Contains("<meta", StringComparison.OrdinalIgnoreCase))
                return InputFormat.Html;
            if (probe.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase) || probe.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase))
                return InputFormat.Feed; // XML that is not HTML: let the feed reader name what is wrong with it
            // Markup the probe cannot place: the file name decides.
            var ext = Path.GetExtension(fileName ?? "").ToLowerInvariant();
            return ext switch
            {
                ".rss" or ".atom" or ".xml" => InputFormat.Feed,
                _ => InputFormat.Html,
            };
        }
        // Content that is not markup or JSON is a scraped-text page, whatever its name says (page.html holding plain text).
        return InputFormat.Text;
    }

    private static bool LooksLikeFeed(ReadOnlySpan<char> probe) =>
        probe.Contains("<rss", StringComparison.OrdinalIgnoreCase)
        || probe.Contains("<feed", StringComparison.OrdinalIgnoreCase) && !probe.Contains("<html", StringComparison.OrdinalIgnoreCase)
        || probe.Contains("<rdf:RDF", StringComparison.OrdinalIgnoreCase);
}
