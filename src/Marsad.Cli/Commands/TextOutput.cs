using System.Globalization;
using Marsad.Model;

namespace Marsad.Cli.Commands;

/// <summary>The human-readable <c>--format text</c> rendering.</summary>
internal static class TextOutput
{
    public static void Write(TextWriter w, Document doc, bool tokens)
    {
        var a = doc.Article;
        var inv = CultureInfo.InvariantCulture;
        w.WriteLine($"# {a.Title ?? "(no title)"}");
        w.WriteLine(string.Create(inv, $"id: {a.Id}   format: {a.Format}   source: {a.Source}"));
        if (a.Section is not null)
            w.WriteLine($"section: {a.Section}");
        if (a.Published is { } p)
            w.WriteLine($"published: {p}");
        if (a.Dateline is { } d)
            w.WriteLine($"dateline: {d.Place} / {d.Source}");
        if (a.Counters.Length > 0)
            w.WriteLine($"counters: {string.Join(", ", a.Counters)}");
        if (a.Url is not null)
            w.WriteLine($"url: {a.Url}");
        w.WriteLine();
        var n = 0;
        foreach (var s in doc.Sentences)
        {
            n++;
            w.WriteLine(string.Create(inv, $"[{n}] ({s.Start}-{s.End}) {a.Body.AsSpan(s.Start, s.End - s.Start)}"));
            if (tokens)
            {
                var parts = doc.Tokens.Where(t => t.Start >= s.Start && t.End <= s.End).Select(t => Render(a.Body, t));
                w.WriteLine($"    {string.Join(" | ", parts)}");
            }
        }
        w.WriteLine();
    }

    private static string Render(string body, Token t)
    {
        if (t.Proclitics.Count == 0)
            return body[t.Start..t.End];
        return string.Join("+", t.Proclitics.Select(c => c.Form)) + "+" + body[t.StemStart..t.End];
    }
}
