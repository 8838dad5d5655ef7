using System.Text;
using Marsad.Ingest;
using Marsad.Testing;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Ingest;

/// <summary>
/// JSONL and JSON records: field mapping, and the per-line bad-input catalogue. Each bad line is a
/// failure naming the file and the line; the lines before and after it are still read.
/// </summary>
public sealed class JsonlReaderTests
{
    private static IReadOnlyList<ReadResult> Read(string text, string name = "records.jsonl", ReaderOptions? options = null) =>
        Analyzer.ReadBytes(Utf8(text), name, options);

    /// <summary>Good line 1, <paramref name="bad"/> on line 2, good line 3: one failure on line 2, both good records read.</summary>
    private static ReadResult.Failed BadMiddleLine(string bad, params string[] reasonParts)
    {
        var results = Read(GoodRecord("first") + "\n" + bad + "\n" + GoodRecord("last") + "\n");
        var ok = results.OfType<ReadResult.Ok>().Select(r => r.Article.Source).ToList();
        Assert.Equal(["records.jsonl#first", "records.jsonl#last"], ok);
        var f = SingleFailure(results);
        Assert.Equal("records.jsonl", f.Source);
        Assert.StartsWith("line 2", f.Location, StringComparison.Ordinal);
        foreach (var part in reasonParts)
            Assert.Contains(part, f.Reason, StringComparison.OrdinalIgnoreCase);
        return f;
    }

    [Fact]
    public void Record_fields_map_to_the_article()
    {
        var line = Record(("id", "x1"), ("title", "عنوان"), ("text", "الرياض - واس - أعلنت الوزارة اليوم خطة جديدة."),
            ("url", "https://example.org/1"), ("category", "محليات"), ("author", "فريق مرصد"), ("pubDate", "Mon, 26 Feb 2018 02:20:10 GMT"));
        var a = SingleArticle(Read(line));
        Assert.Equal("records.jsonl#x1", a.Source);
        Assert.Equal("jsonl", a.Format);
        Assert.Equal("عنوان", a.Title);
        Assert.Equal("محليات", a.Section);
        Assert.Equal("https://example.org/1", a.Url);
        Assert.Equal("فريق مرصد", a.Author);
        Assert.Equal("2018-02-26T02:20:10+00:00", a.Published?.ToString());
        Assert.Equal(new Model.Dateline("الرياض", "واس"), a.Dateline);
        Assert.Equal("أعلنت الوزارة اليوم خطة جديدة.", a.Body);
    }

    [Theory]
    [InlineData("date_extracted", "2015-08-02 22:52:01", "2015-08-02T22:52:01")]
    [InlineData("time", "Mon, 26 Feb 2018 02:20:10 +0000", "2018-02-26T02:20:10+00:00")]
    [InlineData("date", "27/05/2017", "2017-05-27")]
    [InlineData("date", "4/5/2017", "2017-05-04")]
    [InlineData("published", "2025-02-14", "2025-02-14")]
    [InlineData("date", "15/8/1446", "2025-02-14")]
    public void Date_fields_of_the_common_corpora(string field, string value, string expected)
    {
        var line = Record(("id", "d"), (field, value), ("text", "وصلت القافلة إلى المدينة صباح اليوم."));
        var a = SingleArticle(Read(line));
        Assert.Equal(expected, a.Published?.ToString());
    }

    [Fact]
    public void Hijri_record_date_is_marked_as_converted_from_hijri()
    {
        var a = SingleArticle(Read(Record(("date", "15/8/1446"), ("text", "افتتح أمير المنطقة مستشفى جديداً."))));
        Assert.Equal("hijri-umalqura", a.Published?.Calendar);
    }

    [Fact]
    public void By_line_opening_the_body_is_split_off_as_the_dateline()
    {
        var line = Record(("author", "مرصد- جرش:"), ("text", "مرصد- جرش: افتتح المهرجان دورته الجديدة مساء أمس."));
        var a = SingleArticle(Read(line));
        Assert.Equal("افتتح المهرجان دورته الجديدة مساء أمس.", a.Body);
        Assert.Equal(new Model.Dateline("جرش", "مرصد"), a.Dateline);
    }

    [Fact]
    public void Author_field_entities_are_decoded()
    {
        var a = SingleArticle(Read(Record(("author", "&nbsp;سامر الحديدي (الموصل)"), ("text", "افتتح المهرجان دورته الجديدة."))));
        Assert.Equal("سامر الحديدي (الموصل)", a.Author);
    }

    [Fact]
    public void Author_guid_is_no_author()
    {
        var a = SingleArticle(Read(Record(("author", "d104a54b-f4be-4550-86b3-6bca1edb295e"), ("text", "افتتح المهرجان دورته الجديدة."))));
        Assert.Null(a.Author);
    }

    [Fact]
    public void Wire_dateline_kept_in_the_author_field_becomes_the_dateline()
    {
        var a = SingleArticle(Read(Record(("author", "عمّان – رويترز"), ("text", "افتتح المهرجان دورته الجديدة مساء أمس."))));
        Assert.Equal(new Model.Dateline("عمّان", "رويترز"), a.Dateline);
        Assert.Equal("افتتح المهرجان دورته الجديدة مساء أمس.", a.Body);
    }

    [Fact]
    public void Author_field_credit_then_reporter_gives_no_dateline()
    {
        Assert.Null(SingleArticle(Read(Record(("author", "رويترز – سامر الحديدي"), ("text", "افتتح المهرجان دورته الجديدة."))) ).Dateline);
    }

    [Fact]
    public void Author_field_of_a_reporter_alone_gives_no_dateline()
    {
        Assert.Null(SingleArticle(Read(Record(("author", "عمّان: سامر الحديدي"), ("text", "افتتح المهرجان دورته الجديدة."))) ).Dateline);
    }

    [Fact]
    public void Site_rule_spa_desk_prefix_becomes_the_section()
    {
        var a = SingleArticle(Read(Record(("title", "عام / افتتاح معرض للكتاب في الرياض"), ("url", "http://www.spa.gov.sa/details.php?id=1"), ("text", "افتتح المعرض دورته الجديدة."))));
        Assert.Equal("افتتاح معرض للكتاب في الرياض", a.Title);
        Assert.Equal("عام", a.Section);
    }

    [Fact]
    public void Slash_in_a_title_of_another_site_is_kept()
    {
        var a = SingleArticle(Read(Record(("title", "عام / افتتاح معرض للكتاب في الرياض"), ("url", "https://example.org/1"), ("text", "افتتح المعرض دورته الجديدة."))));
        Assert.Equal("عام / افتتاح معرض للكتاب في الرياض", a.Title);
        Assert.Null(a.Section);
    }

    [Fact]
    public void Non_object_line_fails_naming_its_type() => BadMiddleLine("[1, 2, 3]", "json array", "expected an object");

    [Fact]
    public void String_line_fails_naming_its_type() => BadMiddleLine("\"نص\"", "json string", "expected an object");

    [Fact]
    public void Invalid_json_line_fails() => BadMiddleLine("{\"text\": \"بلا نهاية", "invalid json");

    [Fact]
    public void Invalid_utf8_line_fails_with_the_byte()
    {
        var results = Analyzer.ReadBytes([.. Utf8(GoodRecord("first") + "\n{\"text\": \""), 0xC3, 0x28, .. Utf8("\"}\n" + GoodRecord("last") + "\n")], "records.jsonl");
        Assert.Equal(2, results.OfType<ReadResult.Ok>().Count());
        var f = SingleFailure(results);
        Assert.Equal("line 2", f.Location);
        Assert.Contains("invalid utf-8 at byte 10", f.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Over_long_line_is_skipped_with_the_limit()
    {
        var options = new ReaderOptions { MaxLineBytes = 4096 };
        var longLine = Record(("id", "long"), ("text", new string('ن', 5000)));
        var results = Read(GoodRecord("first") + "\n" + longLine + "\n" + GoodRecord("last") + "\n", options: options);
        Assert.Equal(2, results.OfType<ReadResult.Ok>().Count());
        var f = SingleFailure(results);
        Assert.Equal("line 2", f.Location);
        Assert.Contains("longer than 4,096 bytes", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Fifty_megabyte_line_is_skipped_and_reading_goes_on()
    {
        var sb = new StringBuilder(GoodRecord("first")).Append("\n{\"id\": \"huge\", \"text\": \"");
        sb.Append('x', 50 * 1024 * 1024).Append("\"}\n").Append(GoodRecord("last")).Append('\n');
        var results = Read(sb.ToString());
        Assert.Equal(2, results.OfType<ReadResult.Ok>().Count());
        var f = SingleFailure(results);
        Assert.Equal("line 2", f.Location);
        Assert.Contains("longer than 16,777,216 bytes", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Record_without_a_body_is_skipped_with_the_reason()
    {
        var results = Read(GoodRecord("first") + "\n" + Record(("id", "nobody"), ("title", "عنوان فقط")) + "\n" + GoodRecord("last") + "\n");
        Assert.Equal(2, results.OfType<ReadResult.Ok>().Count());
        var s = Assert.Single(results.OfType<ReadResult.Skipped>());
        Assert.Equal("line 2 (id nobody)", s.Location);
        Assert.Contains("empty body", s.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Body_as_array_of_strings_is_read_as_paragraphs()
    {
        var a = SingleArticle(Read(Record(("id", "p"), ("text", new[] { "الفقرة الأولى من الخبر.", "الفقرة الثانية من الخبر." }))));
        Assert.Equal("الفقرة الأولى من الخبر.\nالفقرة الثانية من الخبر.", a.Body);
    }

    [Fact]
    public void Body_as_array_of_numbers_fails_naming_the_field() =>
        BadMiddleLine(Record(("id", "n"), ("text", new[] { 1, 2 })), "field \"text\"", "array", "non-string");

    [Fact]
    public void Body_as_object_fails_naming_the_field() =>
        BadMiddleLine(Record(("id", "o"), ("content", new Dictionary<string, string> { ["ar"] = "نص" })), "field \"content\"", "json object");

    [Fact]
    public void Body_over_the_limit_fails_with_the_limit()
    {
        var options = new ReaderOptions { MaxBodyChars = 50 };
        var results = Read(Record(("id", "big"), ("text", new string('ن', 60))), options: options);
        var f = SingleFailure(results);
        Assert.Contains("over the 50 limit", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Blank_lines_crlf_and_bom_are_tolerated()
    {
        var text = "\uFEFF" + GoodRecord("a") + "\r\n\r\n   \r\n" + GoodRecord("b") + "\r\n";
        var results = Read(text);
        Assert.Equal(["records.jsonl#a", "records.jsonl#b"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
        Assert.Equal(2, results.Count);
    }

    [Fact]
    public void Broken_first_line_is_a_line_error_not_a_broken_document()
    {
        var results = Read("{oops\n" + GoodRecord("a") + "\n" + GoodRecord("b") + "\n");
        Assert.Equal(2, results.OfType<ReadResult.Ok>().Count());
        Assert.Equal("line 1", SingleFailure(results).Location);
    }

    [Fact]
    public void Last_line_without_newline_is_read()
    {
        Assert.Equal(2, Read(GoodRecord("a") + "\n" + GoodRecord("b")).OfType<ReadResult.Ok>().Count());
    }

    [Fact]
    public void Json_array_file_reads_each_record()
    {
        var results = Read("[\n" + GoodRecord("a") + ",\n" + GoodRecord("b") + "\n]\n", "records.json");
        Assert.Equal(["records.json#a", "records.json#b"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
    }

    [Fact]
    public void Pretty_printed_record_is_one_document_not_lines()
    {
        var results = Read("{\n  \"id\": \"pp\",\n  \"text\": \"وصلت القافلة إلى المدينة صباح اليوم.\"\n}\n", "record.json");
        Assert.Equal("record.json#pp", SingleArticle(results).Source);
    }

    [Fact]
    public void Pretty_printed_object_that_is_not_a_record_is_one_clear_error()
    {
        var results = Read("{\n  \"glued_sentence\": [\n    \"a\",\n    \"b\"\n  ]\n}\n", "index.json");
        var f = AssertFails(results, "index.json", "not an article record");
        Assert.Null(f.Location);
    }

    [Fact]
    public void Truncated_json_array_fails_as_invalid_json()
    {
        AssertFails(Read("[\n" + GoodRecord("a") + ",\n" + GoodRecord("b"), "records.json"), "records.json", "invalid json");
    }

    [Fact]
    public void Gzip_jsonl_reads_records()
    {
        var gz = BadInputTests.Gzip(Utf8(GoodRecord("a") + "\n" + GoodRecord("b") + "\n"));
        var results = Analyzer.ReadBytes(gz, "part.jsonl.gz");
        Assert.Equal(["part.jsonl.gz#a", "part.jsonl.gz#b"], results.OfType<ReadResult.Ok>().Select(r => r.Article.Source));
    }
}
