using System.Buffers;
using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Model;
using Marsad.Output;

namespace Marsad.Store;

/// <summary>
/// An <see cref="Article"/> as the <c>article</c> object of the output contract, and back: the
/// payload of a queued page (<c>marsad ingest --enqueue</c> → <c>marsad worker</c>).
/// The round trip keeps every field the contract carries (the publication calendar is not in the contract).
/// </summary>
public static class ArticleJson
{
    public static string Write(Article article)
    {
        var buffer = new ArrayBufferWriter<byte>(article.Body.Length * 2 + 256);
        using (var w = new Utf8JsonWriter(buffer, DocumentJson.WriterOptions))
            DocumentJson.WriteArticle(w, article);
        return Encoding.UTF8.GetString(buffer.WrittenSpan);
    }

    /// <summary>Reads an article object; throws <see cref="JsonException"/> or <see cref="FormatException"/> on a malformed one.</summary>
    public static Article Read(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var o = doc.RootElement;
        if (o.ValueKind != JsonValueKind.Object)
            throw new JsonException("article payload is not a JSON object");
        Dateline? dateline = null;
        if (o.TryGetProperty("dateline", out var d) && d.ValueKind == JsonValueKind.Object)
            dateline = new Dateline(Str(d, "place"), Str(d, "source"));
        var counters = ImmutableArray<int>.Empty;
        if (o.TryGetProperty("counters", out var c) && c.ValueKind == JsonValueKind.Array)
            counters = [.. c.EnumerateArray().Select(x => x.GetInt32())];
        return new Article
        {
            Id = Str(o, "id") ?? throw new JsonException("article payload has no id"),
            Source = Str(o, "source") ?? throw new JsonException("article payload has no source"),
            Format = Str(o, "format") ?? "text",
            Title = Str(o, "title"),
            Section = Str(o, "section"),
            Published = Str(o, "published") is { } p ? ParsePublished(p) : null,
            Dateline = dateline,
            Counters = counters,
            Url = Str(o, "url"),
            Author = Str(o, "author"),
            Language = Str(o, "language"),
            HasPicture = o.TryGetProperty("has_picture", out var hp) && hp.ValueKind == JsonValueKind.True,
            Body = Str(o, "body") ?? throw new JsonException("article payload has no body"),
        };
    }

    /// <summary>Parses what <see cref="PublishedTime.ToString"/> writes: <c>yyyy-MM-dd</c>, <c>yyyy-MM-ddTHH:mm[:ss]</c>, with an optional <c>±hh:mm</c>.</summary>
    public static PublishedTime ParsePublished(string text)
    {
        var inv = CultureInfo.InvariantCulture;
        if (text.Length == 10)
            return new PublishedTime(DateTime.ParseExact(text, "yyyy-MM-dd", inv), null, HasTime: false);
        TimeSpan? offset = null;
        var local = text;
        if (text.Length > 16 && text[^6] is '+' or '-' && text[^3] == ':')
        {
            var sign = text[^6] == '-' ? -1 : 1;
            offset = sign * new TimeSpan(int.Parse(text.AsSpan(text.Length - 5, 2), inv), int.Parse(text.AsSpan(text.Length - 2, 2), inv), 0);
            local = text[..^6];
        }
        var value = DateTime.ParseExact(local, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss"], inv, DateTimeStyles.None);
        return new PublishedTime(value, offset, HasTime: true);
    }

    private static string? Str(JsonElement o, string name) =>
        o.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
