using System.Text;
using System.Text.Json;
using Marsad.Ingest;

namespace Marsad.Tests.Ingest;

/// <summary>
/// Short inputs written by the Marsad team for reader tests (no third-party text), and assertions on
/// read results shared by the bad-input catalogue.
/// </summary>
internal static class Fixtures
{
    public const string Title = "أمطار غزيرة في عمّان: إغلاق طرق رئيسية";
    public const string Section = "محليات";
    public const string BodyStart = "أغلقت السلطات عدة طرق رئيسية";
    public const string BodyEnd = "أجلت عشرات العائلات.";

    /// <summary>A scraped-text page in the seed's shape, joined with <paramref name="newline"/>.</summary>
    public static string Page(string newline = "\n") => string.Join(newline,
    [
        Title + " - " + Section,
        "",
        "  • 3/7/2024",
        "  • 10:30",
        "  • 12",
        "  • 0",
        "news-picture",
        "",
        "عمّان - مرصد - " + BodyStart + " في العاصمة بعد أمطار غزيرة.وقال متحدث باسم الدفاع المدني إن الفرق " + BodyEnd,
        "",
        "مشاركة :",
        "",
    ]);

    /// <summary>A second, different page, used as the good file beside a bad one.</summary>
    public static string OtherPage() => string.Join('\n',
    [
        "افتتاح مكتبة عامة في الزرقاء - ثقافة",
        "  • 5/2/2024",
        "الزرقاء - مرصد - افتتحت البلدية مكتبة عامة جديدة تضم عشرة آلاف كتاب.وقال رئيس البلدية إن المكتبة مفتوحة للجميع.",
    ]);

    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);

    /// <summary>One JSONL line of a record with the given fields (values serialised as JSON).</summary>
    public static string Record(params (string Key, object? Value)[] fields)
    {
        var d = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var (k, v) in fields)
            d[k] = v;
        return JsonSerializer.Serialize(d, new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
    }

    /// <summary>A good JSONL record with id <paramref name="id"/>.</summary>
    public static string GoodRecord(string id) => Record(
        ("id", id),
        ("title", "وصول قافلة مساعدات إلى المدينة"),
        ("date", "27/05/2017"),
        ("text", "وصلت قافلة مساعدات غذائية إلى المدينة صباح اليوم.\nوقال مسؤول محلي إن القافلة تضم عشرين شاحنة."));

    public static ReadResult.Failed SingleFailure(IReadOnlyList<ReadResult> results)
    {
        var failed = results.OfType<ReadResult.Failed>().ToList();
        Assert.True(failed.Count == 1, $"expected one failure, got: {Describe(results)}");
        return failed[0];
    }

    public static Marsad.Model.Article SingleArticle(IReadOnlyList<ReadResult> results)
    {
        var ok = results.OfType<ReadResult.Ok>().ToList();
        Assert.True(ok.Count == 1, $"expected one article, got: {Describe(results)}");
        return ok[0].Article;
    }

    /// <summary>Asserts one failure whose reason contains every one of <paramref name="reasonParts"/> (ignoring case).</summary>
    public static ReadResult.Failed AssertFails(IReadOnlyList<ReadResult> results, string source, params string[] reasonParts)
    {
        var f = SingleFailure(results);
        Assert.Equal(source, f.Source);
        foreach (var part in reasonParts)
            Assert.Contains(part, f.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(results, r => r is ReadResult.Ok);
        return f;
    }

    public static string Describe(IEnumerable<ReadResult> results) => string.Join(" | ", results.Select(r => r switch
    {
        ReadResult.Ok ok => $"ok {ok.Article.Source} «{ok.Article.Title}»",
        _ => r.ToString() ?? "",
    }));
}
