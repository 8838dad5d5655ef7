using System.Text.Encodings.Web;
using System.Text.Json;
using Marsad.Model;

namespace Marsad.Output;

/// <summary>
/// Writes the analysis output contract:
/// <code>
/// { "article": {"id","source","format","title","section","published","dateline":{"place","source"}|null,
///               "counters":[…],"url","author","language","has_picture","body"},
///   "sentences": [{"start","end","by"}], "tokens": [...] (on request),
///   "entities": [], "quotes": [], "times": [], "events": [] }
/// </code>
/// Offsets are UTF-16 code units into <c>article.body</c>, as JavaScript indexes strings.
/// </summary>
public static class DocumentJson
{
    /// <summary>Arabic stays readable in the output; JSON-significant characters are still escaped.</summary>
    public static readonly JsonWriterOptions WriterOptions = new()
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Indented = false,
    };

    public static void Write(Utf8JsonWriter w, Document doc, bool includeTokens = false)
    {
        w.WriteStartObject();
        w.WritePropertyName("article");
        WriteArticle(w, doc.Article);

        w.WriteStartArray("sentences");
        foreach (var s in doc.Sentences)
        {
            w.WriteStartObject();
            w.WriteNumber("start", s.Start);
            w.WriteNumber("end", s.End);
            w.WriteString("by", s.By);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        if (includeTokens)
        {
            w.WriteStartArray("tokens");
            foreach (var t in doc.Tokens)
            {
                w.WriteStartObject();
                w.WriteNumber("start", t.Start);
                w.WriteNumber("end", t.End);
                w.WriteString("kind", t.Kind.ToString().ToLowerInvariant());
                w.WriteString("text", doc.Article.Body.AsSpan(t.Start, t.End - t.Start));
                if (t.Proclitics.Count > 0)
                {
                    w.WriteNumber("stem_start", t.StemStart);
                    w.WriteStartArray("proclitics");
                    foreach (var c in t.Proclitics)
                    {
                        w.WriteStartObject();
                        w.WriteNumber("start", c.Start);
                        w.WriteNumber("end", c.End);
                        w.WriteString("form", c.Form);
                        w.WriteEndObject();
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }

        w.WriteStartArray("entities");
        foreach (var e in doc.Entities)
            WriteEntity(w, e);
        w.WriteEndArray();

        w.WriteStartArray("times");
        foreach (var t in doc.Times)
        {
            w.WriteStartObject();
            w.WriteNumber("start", t.Start);
            w.WriteNumber("end", t.End);
            w.WriteString("text", t.Text);
            WriteNullable(w, "value", t.Value);
            w.WriteString("granularity", t.Granularity);
            WriteNullable(w, "part_of_day", t.PartOfDay);
            w.WriteString("anchor", t.Anchor);
            w.WriteString("calendar", t.Calendar);
            w.WriteString("by", t.By);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("quotes");
        foreach (var q in doc.Quotes)
        {
            w.WriteStartObject();
            WriteNullable(w, "speaker", q.Speaker);
            WriteNullable(w, "speaker_text", q.SpeakerText);
            w.WriteString("verb", q.Verb);
            w.WriteString("kind", q.Kind);
            w.WriteNumber("start", q.Start);
            w.WriteNumber("end", q.End);
            w.WriteString("text", q.Text);
            WriteNullable(w, "via", q.Via);
            WriteNullable(w, "via_text", q.ViaText);
            WriteNullable(w, "via_kind", q.ViaKind);
            w.WriteNumber("verb_start", q.VerbStart);
            w.WriteNumber("verb_end", q.VerbEnd);
            if (q.SpeakerStart is { } ss && q.SpeakerEnd is { } se)
            {
                w.WriteNumber("speaker_start", ss);
                w.WriteNumber("speaker_end", se);
            }
            w.WriteString("by", q.By);
            w.WriteEndObject();
        }
        w.WriteEndArray();

        w.WriteStartArray("events");
        foreach (var e in doc.Events)
            Events.EventJson.Write(w, e);
        w.WriteEndArray();
        w.WriteEndObject();
    }

    public static void WriteEntity(Utf8JsonWriter w, Entity e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        w.WriteString("canonical", e.Canonical);
        w.WriteString("type", e.Type.ToString());
        WriteNullable(w, "kind", e.Kind);
        WriteNullable(w, "role", e.Role);
        WriteNullable(w, "title", e.Title);
        WriteNullable(w, "country", e.Country);
        WriteNullable(w, "link_id", e.LinkId);
        WritePlace(w, e.Place);
        w.WriteStartArray("aliases");
        foreach (var alias in e.Aliases)
            w.WriteStringValue(alias);
        w.WriteEndArray();
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteString("text", m.Text);
            w.WriteString("by", m.By);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary><c>"place": {lat, lon, country, admin1, kind, precision, gazetteer_id, by}</c>, or null for an entity not placed.</summary>
    public static void WritePlace(Utf8JsonWriter w, Place? p)
    {
        if (p is null)
        {
            w.WriteNull("place");
            return;
        }
        w.WriteStartObject("place");
        w.WriteNumber("lat", p.Lat);
        w.WriteNumber("lon", p.Lon);
        WriteNullable(w, "country", p.Country);
        WriteNullable(w, "admin1", p.Admin1);
        w.WriteString("kind", p.Kind);
        w.WriteString("precision", p.Precision);
        WriteNullable(w, "gazetteer_id", p.GazetteerId);
        w.WriteString("by", p.By);
        w.WriteEndObject();
    }

    public static void WriteArticle(Utf8JsonWriter w, Article a)
    {
        w.WriteStartObject();
        w.WriteString("id", a.Id);
        w.WriteString("source", a.Source);
        w.WriteString("format", a.Format);
        WriteNullable(w, "title", a.Title);
        WriteNullable(w, "section", a.Section);
        WriteNullable(w, "published", a.Published?.ToString());
        if (a.Dateline is { } d)
        {
            w.WriteStartObject("dateline");
            WriteNullable(w, "place", d.Place);
            WriteNullable(w, "source", d.Source);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("dateline");
        }
        w.WriteStartArray("counters");
        foreach (var c in a.Counters)
            w.WriteNumberValue(c);
        w.WriteEndArray();
        WriteNullable(w, "url", a.Url);
        WriteNullable(w, "author", a.Author);
        WriteNullable(w, "language", a.Language);
        w.WriteBoolean("has_picture", a.HasPicture);
        w.WriteString("body", a.Body);
        w.WriteEndObject();
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
