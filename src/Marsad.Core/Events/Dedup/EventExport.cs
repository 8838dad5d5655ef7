using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Output;

namespace Marsad.Events.Dedup;

/// <summary>The formats of <c>marsad export</c>.</summary>
public enum ExportFormat
{
    /// <summary>GDELT 2.0 event table rows: tab-separated, 61 columns, no header (GDELT's own files have none).</summary>
    GdeltEvents,
    /// <summary>The same 61 columns as comma-separated values with a header row (RFC 4180 quoting).</summary>
    Csv,
    /// <summary>One JSON object per merged event: the representative event record, its story and every report.</summary>
    Jsonl,
}

/// <summary>Reads analysed articles for export and writes merged events in an <see cref="ExportFormat"/>.</summary>
public static class EventExport
{
    public static ExportFormat ParseFormat(string name) => name switch
    {
        "gdelt-events" or "gdelt" => ExportFormat.GdeltEvents,
        "csv" => ExportFormat.Csv,
        "jsonl" => ExportFormat.Jsonl,
        _ => throw new ArgumentException($"unknown format '{name}' (gdelt-events, csv, jsonl)", nameof(name)),
    };

    /// <summary>An analysed document as export input.</summary>
    public static ArticleEvents FromDocument(Document doc)
    {
        var a = doc.Article;
        return new ArticleEvents
        {
            ArticleId = a.Id,
            Source = a.Source,
            Url = a.Url,
            Outlet = Outlet(a.Url, a.Dateline?.Source),
            Published = a.Published?.Date,
            Body = a.Body,
            Events = doc.Events,
        };
    }

    /// <summary>An article read back from its stored analysis (the <c>analyze</c> JSON object, as the archive keeps it).</summary>
    public static ArticleEvents FromJson(string analysisJson)
    {
        using var json = JsonDocument.Parse(analysisJson);
        var root = json.RootElement;
        var article = root.GetProperty("article");
        string? url = Str(article, "url");
        string? dateline = article.TryGetProperty("dateline", out var dl) && dl.ValueKind == JsonValueKind.Object ? Str(dl, "source") : null;
        var events = new List<Event>();
        if (root.TryGetProperty("events", out var evs) && evs.ValueKind == JsonValueKind.Array)
        {
            foreach (var e in evs.EnumerateArray())
                events.Add(EventJson.Read(e));
        }
        return new ArticleEvents
        {
            ArticleId = Str(article, "id") ?? "",
            Source = Str(article, "source") ?? "",
            Url = url,
            Outlet = Outlet(url, dateline),
            Published = EventDeduplicator.Day(Str(article, "published")),
            Body = Str(article, "body") ?? "",
            Events = events,
        };
    }

    /// <summary>Writes the merged events; returns the number of rows written.</summary>
    public static int Write(TextWriter output, DedupResult result, ExportFormat format, DateTime dateAdded)
    {
        var rows = 0;
        switch (format)
        {
            case ExportFormat.GdeltEvents:
                foreach (var m in result.Events)
                {
                    output.Write(string.Join('\t', GdeltEvents.Row(m, dateAdded).Select(Tsv)));
                    output.Write('\n');
                    rows++;
                }
                break;
            case ExportFormat.Csv:
                output.Write(string.Join(',', GdeltEvents.Columns));
                output.Write("\r\n");
                foreach (var m in result.Events)
                {
                    output.Write(string.Join(',', GdeltEvents.Row(m, dateAdded).Select(Csv)));
                    output.Write("\r\n");
                    rows++;
                }
                break;
            default:
                using (var stream = new MemoryStream())
                {
                    foreach (var m in result.Events)
                    {
                        stream.SetLength(0);
                        using (var w = new Utf8JsonWriter(stream, DocumentJson.WriterOptions))
                            WriteJson(w, m);
                        output.Write(Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length));
                        output.Write('\n');
                        rows++;
                    }
                }
                break;
        }
        return rows;
    }

    /// <summary>
    /// One merged event: <c>{"global_event_id","story","article","num_mentions","num_sources","num_articles",
    /// "event":{…the event record…},"reports":[{"article","source","url","outlet","published","event","sentence","start","end","trigger","confidence"}]}</c>.
    /// </summary>
    public static void WriteJson(Utf8JsonWriter w, MergedEvent m)
    {
        w.WriteStartObject();
        w.WriteNumber("global_event_id", m.GlobalId);
        w.WriteString("story", m.Story);
        w.WriteString("article", m.Representative.Article.ArticleId);
        w.WriteNumber("num_mentions", m.NumMentions);
        w.WriteNumber("num_sources", m.NumSources);
        w.WriteNumber("num_articles", m.NumArticles);
        w.WritePropertyName("event");
        EventJson.Write(w, m.Event);
        w.WriteStartArray("reports");
        foreach (var o in m.Occurrences)
        {
            w.WriteStartObject();
            w.WriteString("article", o.Article.ArticleId);
            w.WriteString("source", o.Article.Source);
            Nullable(w, "url", o.Article.Url);
            Nullable(w, "outlet", o.Article.Outlet);
            Nullable(w, "published", o.Article.Published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            w.WriteString("event", o.Event.Id);
            w.WriteNumber("sentence", o.Event.Sentence);
            w.WriteNumber("start", o.Event.Start);
            w.WriteNumber("end", o.Event.End);
            w.WriteString("trigger", o.Event.Trigger);
            w.WriteNumber("confidence", o.Event.Confidence);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static string? Outlet(string? url, string? dateline)
    {
        if (url is { Length: > 0 } && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
        return dateline;
    }

    /// <summary>A TSV field: tabs and line breaks become spaces (GDELT fields never hold them).</summary>
    private static string Tsv(string field) =>
        field.AsSpan().IndexOfAny('\t', '\n', '\r') < 0 ? field : field.Replace('\t', ' ').Replace('\n', ' ').Replace('\r', ' ');

    /// <summary>An RFC 4180 field: quoted when it holds a comma, a quote or a line break.</summary>
    private static string Csv(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
