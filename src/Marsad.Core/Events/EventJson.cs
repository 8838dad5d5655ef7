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
