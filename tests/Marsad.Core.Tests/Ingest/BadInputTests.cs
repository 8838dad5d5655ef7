using System.IO.Compression;
using System.Text;
using Marsad.Ingest;
using Marsad.Testing;
using static Marsad.Tests.Ingest.Fixtures;

namespace Marsad.Tests.Ingest;

/// <summary>
/// The bad-input catalogue shared by every reader: what arrives before a reader is chosen (empty,
/// binary, broken or unusual encodings, huge files, broken gzip). Each case asserts the exact kind of
/// result — a failure that names the file and the problem — and, in a batch, that the good file
/// beside the bad one is still read.
/// </summary>
public sealed class BadInputTests
{
    private static readonly byte[] PngHeader = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00];

    [Fact]
    public void Empty_file_is_refused_as_empty()
    {
        AssertFails(ReadBytes([], "empty.txt"), "empty.txt", "empty");
    }

    [Fact]
    public void Whitespace_only_file_is_refused_as_empty()
    {
        AssertFails(ReadBytes(Utf8(" \n\t\r\n   \n"), "blank.txt"), "blank.txt", "empty");
    }

    [Fact]
    public void Png_header_is_refused_as_binary()
    {
        AssertFails(ReadBytes(PngHeader, "picture.txt"), "picture.txt", "binary");
    }

    [Fact]
    public void Random_bytes_are_refused_not_guessed()
    {
        var bytes = new byte[4096];
        new Random(20240307).NextBytes(bytes);
        bytes[0] = 0x41; // not a gzip or UTF-16 signature
        bytes[1] = 0x42;
        var f = AssertFails(ReadBytes(bytes, "noise.bin"), "noise.bin");
        Assert.True(f.Reason.Contains("invalid utf-8", StringComparison.OrdinalIgnoreCase) || f.Reason.Contains("binary", StringComparison.OrdinalIgnoreCase), f.Reason);
    }

    [Fact]
    public void Utf8_truncated_mid_character_is_refused_with_the_byte_offset()
    {
        var bytes = Utf8(Page());
        var cut = bytes.Length - 2; // «:» and «\n» end the page; cut inside the last Arabic letter before them
        while (cut > 0 && (bytes[cut] & 0xC0) != 0x80)
            cut--;
        var truncated = bytes[..cut];
        var f = AssertFails(ReadBytes(truncated, "cut.txt"), "cut.txt", "invalid utf-8", "truncated");
        Assert.Contains("byte", f.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_the_middle_is_refused_with_the_byte_offset()
    {
        var good = Utf8(Page());
        var at = good.Length / 2;
        while ((good[at] & 0xC0) == 0x80)
            at++;
        byte[] bytes = [.. good[..at], 0xC3, 0x28, .. good[at..]];
        var f = AssertFails(ReadBytes(bytes, "broken.txt"), "broken.txt", "invalid utf-8");
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"byte {at}"), f.Reason, StringComparison.Ordinal);
    }

    public static TheoryData<string, byte[]> Utf16Pages() => new()
    {
        { "utf-16 LE with BOM", [.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(Page())] },
        { "utf-16 BE with BOM", [.. new UnicodeEncoding(true, true).GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(Page())] },
        { "utf-16 LE without BOM", Encoding.Unicode.GetBytes(Page()) },
        { "utf-16 BE without BOM", Encoding.BigEndianUnicode.GetBytes(Page()) },
        { "utf-8 with BOM", [0xEF, 0xBB, 0xBF, .. Utf8(Page())] },
    };

    [Theory]
    [MemberData(nameof(Utf16Pages))]
    public void Unicode_encodings_are_read_not_refused(string encoding, byte[] bytes)
    {
        var a = SingleArticle(ReadBytes(bytes, "page.txt"));
        Assert.True(Title == a.Title, encoding);
        Assert.Equal(Section, a.Section);
        Assert.StartsWith(BodyStart, a.Body, StringComparison.Ordinal);
        Assert.Equal("2024-03-07T10:30", a.Published?.ToString());
    }

    [Fact]
    public void Utf16_jsonl_is_read_record_by_record()
    {
        var text = GoodRecord("r1") + "\n" + GoodRecord("r2") + "\n";
        var results = ReadBytes([.. new UnicodeEncoding(false, true).GetPreamble(), .. Encoding.Unicode.GetBytes(text)], "records.jsonl");
        Assert.Equal(2, results.OfType<ReadResult.Ok>().Count());
    }

    [Fact]
    public void Fifty_megabyte_single_line_is_refused_without_reading_it_as_an_article()
    {
        using var dir = new TempDir();
        var line = new StringBuilder(30_000_016);
        while (line.Length < 30_000_000) // «كلمة » is 9 bytes of UTF-8 for 5 characters: 54 MB
            line.Append("كلمة ");
        var huge = dir.Write("huge.txt", line.ToString());
        line.Clear();
        var good = dir.Write("ok.txt", Page());
        Assert.True(new FileInfo(huge).Length >= 50L * 1024 * 1024);

        var results = ReadBatch([dir.Path]);
        AssertFailsIn(results, huge, "line 1 is", "characters long", "limit");
        Assert.Contains(results, r => r is ReadResult.Ok ok && ok.Article.Source == good);
    }

    [Fact]
    public void File_over_the_size_limit_is_refused_with_the_limit()
    {
        var options = new ReaderOptions { MaxFileBytes = 1000 };
        var bytes = Utf8(string.Concat(Enumerable.Repeat(Page(), 20)));
        AssertFails(ReadBytes(bytes, "big.txt", options), "big.txt", "larger than", "1,000");
    }

    [Fact]
    public void Truncated_gzip_reports_the_stream_and_keeps_the_lines_before_it()
    {
        var lines = string.Join('\n', Enumerable.Range(1, 400).Select(i => GoodRecord("r" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))) + "\n";
        var gz = Gzip(Utf8(lines));
        var truncated = gz[..(gz.Length * 2 / 3)];
        var results = ReadBytes(truncated, "part.jsonl.gz");
        var f = SingleFailure(results);
        Assert.Equal("part.jsonl.gz", f.Source);
        Assert.Contains("truncated or corrupt", f.Reason, StringComparison.Ordinal);
        Assert.True(results.OfType<ReadResult.Ok>().Count() > 100, Describe(results.Take(3)));
        Assert.IsType<ReadResult.Failed>(results[^1]);
    }

    [Fact]
    public void Gzip_bomb_stops_at_the_decompressed_bound()
    {
        var bomb = Gzip(new byte[8 * 1024 * 1024]); // 8 MB of zeros compress to a few KB
        Assert.True(bomb.Length < 64 * 1024);
        var options = new ReaderOptions { MaxDecompressedBytes = 1024 * 1024 };
        AssertFails(ReadBytes(bomb, "bomb.txt.gz", options), "bomb.txt.gz", "decompressed size exceeds", "1,048,576");
    }

    [Fact]
    public void Gzip_of_a_text_page_is_read_transparently()
    {
        var a = SingleArticle(ReadBytes(Gzip(Utf8(Page())), "page.txt.gz"));
        Assert.Equal(Title, a.Title);
    }

    [Fact]
    public void Missing_file_is_reported_by_name()
    {
        using var dir = new TempDir();
        var missing = Path.Combine(dir.Path, "nowhere.txt");
        AssertFails(Analyzer.ReadAll(missing), missing, "no such file");
    }

    [Fact]
    public void A_directory_with_every_bad_file_still_yields_the_good_articles()
    {
        using var dir = new TempDir();
        dir.Write("01-empty.txt", []);
        dir.Write("02-binary.png", PngHeader);
        dir.Write("03-invalid.txt", [.. Utf8("عنوان - قسم\n"), 0xFF, 0xFE, 0xFD, .. Utf8("نص")]);
        var good1 = dir.Write("04-good.txt", Page());
        dir.Write("05-feed.xml", Utf8("<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"x\">]><rss version=\"2.0\"><channel><title>t</title></channel></rss>"));
        dir.Write("06-deep.html", Utf8("<html><body>" + string.Concat(Enumerable.Repeat("<div>", 10_000)) + "<p>نص قصير</p>" + string.Concat(Enumerable.Repeat("</div>", 10_000)) + "</body></html>"));
        var jsonl = dir.Write("07-records.jsonl", GoodRecord("a") + "\n{oops\n" + GoodRecord("b") + "\n");
        var good2 = dir.Write("sub/08-good.txt", OtherPage());

        var results = ReadBatch([dir.Path]);

        var ok = results.OfType<ReadResult.Ok>().Select(r => r.Article.Source).ToList();
        Assert.Contains(good1, ok);
        Assert.Contains(good2, ok);
        Assert.Contains(jsonl + "#a", ok);
        Assert.Contains(jsonl + "#b", ok);
        var failedSources = results.OfType<ReadResult.Failed>().Select(f => f.Source).ToList();
        foreach (var bad in new[] { "01-empty.txt", "02-binary.png", "03-invalid.txt", "05-feed.xml" })
            Assert.Contains(Path.Combine(dir.Path, bad), failedSources);
        Assert.Contains(results.OfType<ReadResult.Failed>(), f => f.Source == jsonl && f.Location == "line 2");
        // The deeply nested page is either read or refused, never a crash of the batch.
        Assert.Contains(results, r => r switch
        {
            ReadResult.Ok o => o.Article.Source.EndsWith("06-deep.html", StringComparison.Ordinal),
            ReadResult.Failed f => f.Source.EndsWith("06-deep.html", StringComparison.Ordinal) && !f.Reason.StartsWith("reader failed", StringComparison.Ordinal),
            ReadResult.Skipped s => s.Source.EndsWith("06-deep.html", StringComparison.Ordinal),
            _ => false,
        });
    }

    private static IReadOnlyList<ReadResult> ReadBytes(byte[] bytes, string name, ReaderOptions? options = null) => Analyzer.ReadBytes(bytes, name, options);

    private static IReadOnlyList<ReadResult> ReadBatch(string[] paths) => Analyzer.ReadBatch(paths);

    private static ReadResult.Failed AssertFailsIn(IReadOnlyList<ReadResult> results, string source, params string[] reasonParts)
    {
        var f = Assert.Single(results.OfType<ReadResult.Failed>(), r => r.Source == source);
        foreach (var part in reasonParts)
            Assert.Contains(part, f.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(results, r => r is ReadResult.Ok ok && ok.Article.Source == source);
        return f;
    }

    internal static byte[] Gzip(byte[] bytes)
    {
        using var ms = new MemoryStream();
        using (var gz = new GZipStream(ms, CompressionLevel.Optimal, leaveOpen: true))
            gz.Write(bytes);
        return ms.ToArray();
    }
}
