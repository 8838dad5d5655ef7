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
        WriteAnalysis(w, doc);
        w.WriteLine();
    }

    /// <summary>Entities, quotes, times and events, one line each, after the sentences.</summary>
    private static void WriteAnalysis(TextWriter w, Document doc)
    {
        var inv = CultureInfo.InvariantCulture;
        var names = doc.Entities.ToDictionary(e => e.Id, e => e.Canonical, StringComparer.Ordinal);
        string Name(string? id, string? text) => id is not null && names.TryGetValue(id, out var n) ? $"{n} [{id}]" : text ?? "?";
        if (doc.Entities.Length > 0)
        {
            w.WriteLine();
            w.WriteLine("entities:");
            foreach (var e in doc.Entities)
            {
                var extra = string.Join("; ", new[] { e.Title, e.Role, e.Kind, e.Country }.Where(x => !string.IsNullOrEmpty(x)));
                var place = e.Place is { } p ? string.Create(inv, $" @ {p.Lat:F2},{p.Lon:F2} ({p.Precision})") : "";
                w.WriteLine(string.Create(inv, $"  {e.Id,-4} {e.Type,-4} {e.Canonical}{(extra.Length > 0 ? $" ({extra})" : "")} ×{e.Mentions.Length}{place}"));
            }
        }
        if (doc.Quotes.Length > 0)
        {
            w.WriteLine();
            w.WriteLine("quotes:");
            foreach (var q in doc.Quotes)
            {
                var via = q.Via is not null || q.ViaText is not null ? $" via {Name(q.Via, q.ViaText)}" : "";
                w.WriteLine(string.Create(inv, $"  {Name(q.Speaker, q.SpeakerText)} — {q.Verb} ({q.Kind}{via}): {Shorten(q.Text, 120)}"));
            }
        }
        if (doc.Times.Length > 0)
        {
            w.WriteLine();
            w.WriteLine("times:");
            foreach (var t in doc.Times)
                w.WriteLine(string.Create(inv, $"  {t.Text} → {t.Value ?? "?"} ({t.Granularity})"));
        }
        if (doc.Events.Length > 0)
        {
            w.WriteLine();
            w.WriteLine("events:");
            foreach (var e in doc.Events)
            {
                var actors = $"{e.Actor1?.Code ?? "-"} → {e.Actor2?.Code ?? "-"}";
                var place = e.Place is { } p ? $" @ {p.Name ?? p.Text}" : "";
                w.WriteLine(string.Create(inv, $"  CAMEO {e.Cameo} {e.Trigger}: {actors}{place} {e.Date ?? ""} [{e.Modality.ToString().ToLowerInvariant()}]"));
            }
        }
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    private static string Render(string body, Token t)
    {
        if (t.Proclitics.Count == 0)
            return body[t.Start..t.End];
        return string.Join("+", t.Proclitics.Select(c => c.Form)) + "+" + body[t.StemStart..t.End];
    }
}
