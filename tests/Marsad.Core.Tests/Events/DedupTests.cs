using System.Text.Json;
using Marsad.Cli.Commands;
using Marsad.Events;
using Marsad.Events.Dedup;
using Marsad.Model;
using Marsad.Pipeline;

namespace Marsad.Tests.Events;

/// <summary>Near-duplicate stories, event de-duplication across articles and the export formats, on articles written for these tests.</summary>
public sealed class DedupTests
{
    // One story as two outlets tell it (the second rewrites the first), and an unrelated story.
    private const string OutletOne = "تظاهر آلاف المواطنين أمس أمام مبنى البرلمان في عمّان احتجاجاً على رفع أسعار الوقود، وطالب المتظاهرون الحكومة بالتراجع عن القرار. وقالت مصادر أمنية إن قوات الشرطة فرّقت المتظاهرين بالغاز المسيل للدموع بعد ساعات من التجمع. وأضافت المصادر أن عشرة أشخاص أصيبوا بجروح طفيفة خلال المواجهات.";
    private const string OutletTwo = "تظاهر آلاف المواطنين الأربعاء أمام مبنى البرلمان في عمّان احتجاجاً على رفع أسعار الوقود. وطالب المتظاهرون الحكومة بالتراجع عن القرار فوراً. وذكرت مصادر أمنية أن قوات الشرطة فرّقت المتظاهرين بالغاز المسيل للدموع بعد ساعات من التجمع، مشيرة إلى أن عشرة أشخاص أصيبوا بجروح طفيفة.";
    private const string Other = "وقّع وزير الخارجية المغربي ونظيره الموريتاني في الرباط أمس اتفاقية للتعاون في مجال الصيد البحري، وقال الوزيران إن الاتفاقية تفتح صفحة جديدة في العلاقات بين البلدين.";

    private static readonly Lazy<IReadOnlyList<ArticleEvents>> Articles = new(() =>
    [
        Analyze("one-1", OutletOne, "https://www.outlet-one.example/news/1", new DateTime(2024, 3, 6)),
        Analyze("two-77", OutletTwo, "https://outlet-two.example/a/77", new DateTime(2024, 3, 7)),
        Analyze("one-2", Other, "https://outlet-one.example/news/2", new DateTime(2024, 3, 6)),
    ]);

    private static ArticleEvents Analyze(string id, string body, string url, DateTime published) =>
        EventExport.FromDocument(AnalysisPipeline.Default.Analyze(new Article
        {
            Id = id,
            Source = id + ".txt",
            Format = "text",
            Body = body,
            Url = url,
            Published = new PublishedTime(published, null, false),
        }));

    private static readonly DateTime Added = new(2024, 3, 8, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Shingles_ignore_hamza_diacritics_and_the_article()
    {
        var a = MinHash.Shingles("أعلنت الحكومةُ العراقية إغلاق المعابر");
        var b = MinHash.Shingles("اعلنت حكومة العراقيه اغلاق معابر");
        Assert.Equal(1.0, MinHash.Jaccard(a, b));
    }

    [Fact]
    public void Minhash_estimate_is_near_the_exact_jaccard()
    {
        var a = MinHash.Shingles(OutletOne);
        var b = MinHash.Shingles(OutletTwo);
        var exact = MinHash.Jaccard(a, b);
        var estimate = MinHash.Estimate(MinHash.Signature(a), MinHash.Signature(b));
        Assert.InRange(exact, 0.3, 0.9);
        Assert.InRange(Math.Abs(estimate - exact), 0, 0.2);
    }

    [Fact]
    public void Two_outlets_versions_of_one_story_are_one_story()
    {
        var result = new StoryClusterer().Cluster([.. Articles.Value.Select(a => new StoryInput(a.ArticleId, a.Body, a.Published))]);
        Assert.Equal("one-1", result.StoryOf["two-77"]);
        Assert.Equal("one-2", result.StoryOf["one-2"]);
        var group = Assert.Single(result.Groups());
        Assert.Equal(["one-1", "two-77"], group.Value);
    }

    [Fact]
    public void Same_text_ten_days_apart_is_not_the_same_story()
    {
        var result = new StoryClusterer().Cluster([new StoryInput("a", OutletOne, new DateOnly(2024, 3, 6)), new StoryInput("b", OutletTwo, new DateOnly(2024, 3, 16))]);
        Assert.NotEqual(result.StoryOf["a"], result.StoryOf["b"]);
    }

    [Fact]
    public void Reports_of_one_event_in_two_outlets_merge_into_one_event_with_two_mentions()
    {
        var result = new EventDeduplicator().Run(Articles.Value);
        var protest = Assert.Single(result.Events, e => e.Event.Root == "14");
        Assert.Equal(2, protest.NumArticles);
        Assert.Equal(2, protest.NumSources);
        Assert.Equal(["one-1", "two-77"], protest.Occurrences.Select(o => o.Article.ArticleId));
        var dispersal = Assert.Single(result.Events, e => e.Event.Root == "17");
        Assert.Equal(2, dispersal.NumArticles);
        // Nothing of the unrelated story is merged with the protest story.
        Assert.All(result.Events.Where(e => e.Occurrences.Any(o => o.Article.ArticleId == "one-2")), e => Assert.Equal(1, e.NumArticles));
    }

    [Fact]
    public void Same_root_and_actors_on_days_far_apart_are_two_events()
    {
        var a = Articles.Value[0];
        var later = a with { ArticleId = "later", Published = new DateOnly(2024, 3, 20), Events = [.. a.Events.Select(e => e with { Date = "2024-03-19" })] };
        var result = new EventDeduplicator().Run([a, later]);
        Assert.All(result.Events, e => Assert.Equal(1, e.NumArticles));
    }

    [Fact]
    public void Gdelt_row_has_the_61_columns_in_gdelt_order_with_the_event_values()
    {
        Assert.Equal(61, GdeltEvents.Columns.Count);
        Assert.Equal("GLOBALEVENTID", GdeltEvents.Columns[0]);
        Assert.Equal("EventRootCode", GdeltEvents.Columns[28]);
        Assert.Equal("ActionGeo_FullName", GdeltEvents.Columns[52]);
        Assert.Equal("SOURCEURL", GdeltEvents.Columns[60]);
        var result = new EventDeduplicator().Run(Articles.Value);
        var protest = result.Events.Single(e => e.Event.Root == "14");
        var row = GdeltEvents.Row(protest, Added);
        Assert.Equal(61, row.Length);
        string Col(string name) => row[GdeltEvents.Columns.ToList().IndexOf(name)];
        Assert.Equal("20240305", Col("SQLDATE")); // «أمس» in the first report, published 2024-03-06
        Assert.Equal("202403", Col("MonthYear"));
        Assert.Equal("14", Col("EventRootCode"));
        Assert.Equal(protest.Event.Cameo, Col("EventCode"));
        Assert.Equal("3", Col("QuadClass"));
        Assert.Equal("2", Col("NumArticles"));
        Assert.Equal("2", Col("NumSources"));
        Assert.Equal("20240308120000", Col("DATEADDED"));
        Assert.Equal("https://www.outlet-one.example/news/1", Col("SOURCEURL"));
    }

    [Fact]
    public void Tsv_csv_and_jsonl_write_one_row_per_merged_event()
    {
        var result = new EventDeduplicator().Run(Articles.Value);
        var tsv = new StringWriter();
        Assert.Equal(result.Events.Count, EventExport.Write(tsv, result, ExportFormat.GdeltEvents, Added));
        var lines = tsv.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.Events.Count, lines.Length);
        Assert.All(lines, l => Assert.Equal(61, l.Split('\t').Length));

        var csv = new StringWriter();
        EventExport.Write(csv, result, ExportFormat.Csv, Added);
        var csvLines = csv.ToString().Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(result.Events.Count + 1, csvLines.Length);
        Assert.StartsWith("GLOBALEVENTID,SQLDATE,MonthYear,Year,FractionDate,Actor1Code", csvLines[0], StringComparison.Ordinal);

        var jsonl = new StringWriter();
        EventExport.Write(jsonl, result, ExportFormat.Jsonl, Added);
        var objects = jsonl.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var protest = Assert.Single(objects, o => o.GetProperty("event").GetProperty("root").GetString() == "14");
        Assert.Equal(2, protest.GetProperty("reports").GetArrayLength());
        Assert.Equal("one-1", protest.GetProperty("story").GetString());
    }

    [Fact]
    public void Event_json_reads_back_what_it_writes()
    {
        var original = Articles.Value[0].Events.First(e => e.Actor1 is not null);
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
            EventJson.Write(w, original);
        var read = EventJson.Read(JsonDocument.Parse(stream.ToArray()).RootElement);
        Assert.Equal(original.Cameo, read.Cameo);
        Assert.Equal(original.Actor1, read.Actor1);
        Assert.Equal(original.Actor2, read.Actor2);
        Assert.Equal(original.Place, read.Place);
        Assert.Equal(original.Date, read.Date);
        Assert.Equal(original.Modality, read.Modality);
        Assert.Equal(original.Trigger, read.Trigger);
        Assert.Equal((original.TriggerStart, original.TriggerEnd, original.Sentence), (read.TriggerStart, read.TriggerEnd, read.Sentence));
    }

    [Fact]
    public void Export_command_reads_files_and_writes_gdelt_rows()
    {
        var dir = Directory.CreateTempSubdirectory("marsad-export-");
        try
        {
            static string Line(string id, string text, string date, string url) =>
                JsonSerializer.Serialize(new { id, text, published = date, url });
            File.WriteAllText(Path.Combine(dir.FullName, "one.jsonl"), Line("1", OutletOne, "2024-03-06", "https://www.outlet-one.example/news/1") + "\n" + Line("2", Other, "2024-03-06", "https://outlet-one.example/news/2") + "\n");
            File.WriteAllText(Path.Combine(dir.FullName, "two.jsonl"), Line("77", OutletTwo, "2024-03-07", "https://outlet-two.example/a/77") + "\n");
            var output = new FileInfo(Path.Combine(dir.FullName, "events.tsv"));
            var code = ExportCommand.Run([Path.Combine(dir.FullName, "one.jsonl"), Path.Combine(dir.FullName, "two.jsonl")], "gdelt-events", null, output, false, 1, null, true, Added, default);
            Assert.Equal(0, code);
            var rows = File.ReadAllLines(output.FullName).Select(l => l.Split('\t')).ToList();
            Assert.NotEmpty(rows);
            Assert.All(rows, r => Assert.Equal(61, r.Length));
            var protest = Assert.Single(rows, r => r[28] == "14"); // EventRootCode
            Assert.Equal("2", protest[33]); // NumArticles
        }
        finally
        {
            dir.Delete(true);
        }
    }
}
