using System.Collections.Immutable;
using System.Text.Json;

namespace Marsad.Events;

/// <summary>
/// The <c>events</c> list of the output contract, one object per event:
/// <code>
/// {"id","actor1":{"code","name","text","country","sector","entity","start","end","by"}|null,"actor2":…,
///  "cameo","root","quad_class","goldstein","place":{"entity","name","text","country","lat","lon","start","end"}|null,
///  "date","date_source","date_text","sentence","start","end","trigger":{"text","start","end"},
///  "source":{"speaker","speaker_text","via","via_text","outlet"}|null,"modality","happened","confidence","by",
///  "mentions":[{"start","end","trigger_start","trigger_end","sentence","by"}]}
/// </code>
/// </summary>
public static class EventJson
{
    public static void Write(Utf8JsonWriter w, Event e)
    {
        w.WriteStartObject();
        w.WriteString("id", e.Id);
        WriteActor(w, "actor1", e.Actor1);
        WriteActor(w, "actor2", e.Actor2);
        w.WriteString("cameo", e.Cameo);
        w.WriteString("root", e.Root);
        w.WriteNumber("quad_class", e.QuadClass);
        w.WriteNumber("goldstein", e.Goldstein);
        if (e.Place is { } p)
        {
            w.WriteStartObject("place");
            Nullable(w, "entity", p.Entity);
            Nullable(w, "name", p.Name);
            w.WriteString("text", p.Text);
            Nullable(w, "country", p.Country);
            if (p.Lat is { } lat && p.Lon is { } lon)
            {
                w.WriteNumber("lat", lat);
                w.WriteNumber("lon", lon);
            }
            else
            {
                w.WriteNull("lat");
                w.WriteNull("lon");
            }
            w.WriteNumber("start", p.Start);
            w.WriteNumber("end", p.End);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("place");
        }
        Nullable(w, "date", e.Date);
        Nullable(w, "date_source", e.DateSource);
        Nullable(w, "date_text", e.DateText);
        w.WriteNumber("sentence", e.Sentence);
        w.WriteNumber("start", e.Start);
        w.WriteNumber("end", e.End);
        w.WriteStartObject("trigger");
        w.WriteString("text", e.Trigger);
        w.WriteNumber("start", e.TriggerStart);
        w.WriteNumber("end", e.TriggerEnd);
        w.WriteEndObject();
        if (e.Source is { } s)
        {
            w.WriteStartObject("source");
            Nullable(w, "speaker", s.Speaker);
            Nullable(w, "speaker_text", s.SpeakerText);
            Nullable(w, "via", s.Via);
            Nullable(w, "via_text", s.ViaText);
            Nullable(w, "outlet", s.Outlet);
            w.WriteEndObject();
        }
        else
        {
            w.WriteNull("source");
        }
        w.WriteString("modality", ModalityName(e.Modality));
        w.WriteBoolean("happened", e.Happened);
        w.WriteNumber("confidence", e.Confidence);
        w.WriteString("by", e.By);
        w.WriteStartArray("mentions");
        foreach (var m in e.Mentions)
        {
            w.WriteStartObject();
            w.WriteNumber("start", m.Start);
            w.WriteNumber("end", m.End);
            w.WriteNumber("trigger_start", m.TriggerStart);
            w.WriteNumber("trigger_end", m.TriggerEnd);
            w.WriteNumber("sentence", m.Sentence);
            w.WriteString("by", m.By);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Reads an event object written by <see cref="Write"/> (an archived analysis); unknown fields are ignored.</summary>
    public static Event Read(JsonElement e)
    {
        var place = e.TryGetProperty("place", out var p) && p.ValueKind == JsonValueKind.Object
            ? new EventPlace(Int(p, "start"), Int(p, "end"), Str(p, "text") ?? "")
            {
                Entity = Str(p, "entity"),
                Name = Str(p, "name"),
                Country = Str(p, "country"),
                Lat = Dbl(p, "lat"),
                Lon = Dbl(p, "lon"),
            }
            : null;
        var source = e.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object
            ? new EventSource { Speaker = Str(s, "speaker"), SpeakerText = Str(s, "speaker_text"), Via = Str(s, "via"), ViaText = Str(s, "via_text"), Outlet = Str(s, "outlet") }
            : null;
        var trigger = e.TryGetProperty("trigger", out var t) && t.ValueKind == JsonValueKind.Object ? t : default;
        var mentions = ImmutableArray.CreateBuilder<EventMention>();
        if (e.TryGetProperty("mentions", out var ms) && ms.ValueKind == JsonValueKind.Array)
        {
            foreach (var m in ms.EnumerateArray())
                mentions.Add(new EventMention(Int(m, "start"), Int(m, "end"), Int(m, "trigger_start"), Int(m, "trigger_end"), Int(m, "sentence"), Str(m, "by") ?? ""));
        }
        return new Event
        {
            Id = Str(e, "id") ?? "",
            Start = Int(e, "start"),
            End = Int(e, "end"),
            TriggerStart = trigger.ValueKind == JsonValueKind.Object ? Int(trigger, "start") : 0,
            TriggerEnd = trigger.ValueKind == JsonValueKind.Object ? Int(trigger, "end") : 0,
            Trigger = trigger.ValueKind == JsonValueKind.Object ? Str(trigger, "text") ?? "" : "",
            Sentence = Int(e, "sentence"),
            Actor1 = ReadActor(e, "actor1"),
            Actor2 = ReadActor(e, "actor2"),
            Cameo = Str(e, "cameo") ?? "",
            QuadClass = Int(e, "quad_class"),
            Goldstein = Dbl(e, "goldstein") ?? 0,
            Place = place,
            Date = Str(e, "date"),
            DateSource = Str(e, "date_source"),
            DateText = Str(e, "date_text"),
            Source = source,
            Modality = ParseModality(Str(e, "modality")),
            Confidence = Dbl(e, "confidence") ?? 0,
            By = Str(e, "by") ?? "",
            Mentions = mentions.ToImmutable(),
        };
    }

    private static EventActor? ReadActor(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var a) || a.ValueKind != JsonValueKind.Object)
            return null;
        return new EventActor(Int(a, "start"), Int(a, "end"), Str(a, "text") ?? "")
        {
            Code = Str(a, "code") ?? "",
            Name = Str(a, "name"),
            Country = Str(a, "country"),
            Sector = Str(a, "sector"),
            Entity = Str(a, "entity"),
            By = Str(a, "by") ?? "",
        };
    }

    private static string? Str(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int Int(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var i) ? i : 0;

    private static double? Dbl(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number ? v.GetDouble() : null;

    /// <summary>The JSON name of a modality: <c>asserted</c>, <c>negated</c>, <c>future</c>, <c>hypothetical</c>, <c>alleged</c>, <c>background</c>.</summary>
    public static string ModalityName(Modality m) => m switch
    {
        Modality.Asserted => "asserted",
        Modality.Negated => "negated",
        Modality.Future => "future",
        Modality.Hypothetical => "hypothetical",
        Modality.Alleged => "alleged",
        _ => "background",
    };

    public static Modality ParseModality(string? s) => s switch
    {
        "negated" => Modality.Negated,
        "future" => Modality.Future,
        "hypothetical" => Modality.Hypothetical,
        "alleged" => Modality.Alleged,
        "background" => Modality.Background,
        _ => Modality.Asserted,
    };

    private static void WriteActor(Utf8JsonWriter w, string name, EventActor? a)
    {
        if (a is null)
        {
            w.WriteNull(name);
            return;
        }
        w.WriteStartObject(name);
        w.WriteString("code", a.Code);
        Nullable(w, "name", a.Name);
        w.WriteString("text", a.Text);
        Nullable(w, "country", a.Country);
        Nullable(w, "sector", a.Sector);
        Nullable(w, "entity", a.Entity);
        w.WriteNumber("start", a.Start);
        w.WriteNumber("end", a.End);
        w.WriteString("by", a.By);
        w.WriteEndObject();
    }

    private static void Nullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
            w.WriteNull(name);
        else
            w.WriteString(name, value);
    }
}
