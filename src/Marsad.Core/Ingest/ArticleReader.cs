using System.Globalization;
using System.IO.Compression;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Ingest;

/// <summary>
/// The front door of ingest: reads files, directories (recursively, in ordinal path order) and
/// streams, picks the reader by sniffing the content (then the file name), and yields one result
/// per article or failure. Nothing a single file does can stop the batch: every failure is a
/// <see cref="ReadResult.Failed"/> naming the file (and line or item) and the reason.
/// Articles that are not in Arabic are yielded as <see cref="ReadResult.Skipped"/>.
/// </summary>
public sealed class ArticleReader
{
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowTrailingCommas = true };
    private readonly ReaderOptions _options;
    private readonly ScrapedTextReader _text;
    private readonly HtmlReader _html;
    private readonly FeedReader _feed;
    private readonly JsonlReader _jsonl;
    private readonly TrecReader _trec;

    /// <summary>
    /// Turns on the runtime's strict gzip/deflate validation, so a truncated .gz input ends with
    /// <see cref="InvalidDataException"/> instead of a silent early end of stream. The switch is read once per
    /// process, at the first decompression: it must be set before then, which is why it is set here.
    /// </summary>
    static ArticleReader() => AppContext.SetSwitch("System.IO.Compression.UseStrictValidation", true);

    public ArticleReader(ReaderOptions? options = null)
    {
        _options = options ?? ReaderOptions.Default;
        _text = new ScrapedTextReader(_options);
        _html = new HtmlReader(_options);
        _feed = new FeedReader(_options);
        _jsonl = new JsonlReader(_options);
        _trec = new TrecReader(_options);
    }

    /// <summary>Files under <paramref name="paths"/>: a file is itself, a directory all files below it (hidden ones skipped), "-" is stdin.</summary>
    public static IEnumerable<string> ExpandPaths(IEnumerable<string> paths)
    {
        foreach (var path in paths)
        {
            if (path == "-" || File.Exists(path))
            {
                yield return path;
            }
            else if (Directory.Exists(path))
            {
                var files = Directory.EnumerateFiles(path, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = System.IO.FileAttributes.Hidden, IgnoreInaccessible = true })
                    .Where(f => !Path.GetFileName(f).StartsWith('.'))
                    .Order(StringComparer.Ordinal);
                foreach (var f in files)
                    yield return f;
            }
            else
            {
                yield return path; // ReadPath reports it as missing
            }
        }
    }

    /// <summary>Reads every article of one file ("-" for stdin).</summary>
    public IEnumerable<ReadResult> ReadPath(string path, CancellationToken cancellationToken = default)
    {
        if (path == "-")
        {
            var stdin = Console.OpenStandardInput();
            return Guard(() => ReadStreamCore(stdin, "<stdin>", null, cancellationToken), "<stdin>", stdin);
        }
        Stream stream;
        try
        {
            var info = new FileInfo(path);
            if (!info.Exists)
                return [new ReadResult.Failed(path, null, "no such file or directory")];
            stream = info.OpenRead();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
        {
            return [new ReadResult.Failed(path, null, $"cannot open: {ex.Message}")];
        }
        return Guard(() => ReadStreamCore(stream, path, path, cancellationToken), path, stream);
    }

    /// <summary>
    /// Reads every article of a stream; <paramref name="source"/> names it in results and errors. The
    /// caller keeps ownership of <paramref name="stream"/>. An unexpected reader fault ends this stream
    /// with one failure; it never escapes.
    /// </summary>
    public IEnumerable<ReadResult> ReadStream(Stream stream, string source, string? fileName, CancellationToken cancellationToken = default) =>
        Guard(() => ReadStreamCore(stream, source, fileName, cancellationToken), source, null);

    private IEnumerable<ReadResult> ReadStreamCore(Stream stream, string source, string? fileName, CancellationToken cancellationToken)
    {
        Stream input = stream;
        var head = new byte[4];
        var headLength = FillHead(stream, head);
        input = new PrefixedStream(head.AsMemory(0, headLength), stream);
        if (headLength >= 2 && head[0] == 0x1F && head[1] == 0x8B)
        {
            input = new BoundedStream(new GZipStream(input, CompressionMode.Decompress), _options.MaxDecompressedBytes, "decompressed");
            fileName = fileName is null ? null : Path.GetFileNameWithoutExtension(fileName);
        }

        // Sniff the first 8 KB of (decompressed) content.
        var sniff = new byte[8192];
        int sniffLength;
        try
        {
            sniffLength = FillHead(input, sniff);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidInputException)
        {
            return [new ReadResult.Failed(source, null, $"cannot read: {ex.Message}")];
        }
        if (sniffLength == 0)
            return [new ReadResult.Failed(source, null, "empty file: no bytes to read")];
        var (bomEncoding, _) = InputDecoder.DetectEncoding(sniff.AsSpan(0, sniffLength));
        // Sniffing decodes leniently: the head may end mid-character.
        var headText = System.Text.Encoding.GetEncoding(bomEncoding?.CodePage ?? 65001).GetString(sniff, 0, sniffLength);
        var format = FormatSniffer.Sniff(headText, fileName);
        var rest = new PrefixedStream(sniff.AsMemory(0, sniffLength), input);
        if (format == InputFormat.Jsonl && bomEncoding is null)
            return WithLanguage(_jsonl.Read(rest, source, cancellationToken));
        return ReadWhole(rest, source, format, cancellationToken);
    }

    private IEnumerable<ReadResult> ReadWhole(Stream stream, string source, InputFormat format, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = ReadAllBounded(stream, _options.MaxFileBytes);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or InvalidInputException)
        {
            return [new ReadResult.Failed(source, null, ex is InvalidInputException ? ex.Message : $"cannot read: {ex.Message}")];
        }
        string text;
        try
        {
            var declared = format == InputFormat.Html ? HtmlReader.DeclaredEncoding(bytes) : null;
            text = InputDecoder.Decode(bytes, declared);
        }
        catch (InvalidInputException ex)
        {
            return [new ReadResult.Failed(source, null, ex.Message)];
        }
        cancellationToken.ThrowIfCancellationRequested();
        // A UTF-16 or BOM'd file may only now show its real shape.
        format = FormatSniffer.Sniff(text.AsSpan(0, Math.Min(text.Length, 8192)), source);
        return WithLanguage(format switch
        {
            InputFormat.Html => [Try(() => _html.Read(text, source), source)],
            InputFormat.Feed => _feed.Read(text, source),
            InputFormat.Trec => _trec.Read(text, source),
            InputFormat.Jsonl => ReadJsonlText(text, source, cancellationToken),
            InputFormat.JsonArray => ReadJsonArray(text, source),
            _ => [Try(() => new ReadResult.Ok(_text.Read(text, source)), source)],
        });
    }

    private IEnumerable<ReadResult> ReadJsonlText(string text, string source, CancellationToken cancellationToken)
    {
        using var stream = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(text));
        foreach (var r in _jsonl.Read(stream, source, cancellationToken))
            yield return r;
    }

    private IEnumerable<ReadResult> ReadJsonArray(string text, string source)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, JsonOptions);
        }
        catch (JsonException ex)
        {
            return [new ReadResult.Failed(source, null, $"invalid JSON: {ex.Message}")];
        }
        if (doc.RootElement.ValueKind == JsonValueKind.Object)
        {
            using (doc)
            {
                // One pretty-printed record; an object with no body field is not an article (an index, a manifest…).
                return JsonRecordReader.HasBodyField(doc.RootElement)
                    ? [JsonRecordReader.Read(doc.RootElement, source, "record 0", _options)]
                    : [new ReadResult.Failed(source, null, "a JSON object that is not an article record (no text/content/body field) and not JSON Lines")];
            }
        }
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            doc.Dispose();
            return [new ReadResult.Failed(source, null, "a JSON document that is neither an array of article records nor one record")];
        }
        return Items(doc);

        IEnumerable<ReadResult> Items(JsonDocument d)
        {
            using (d)
            {
                var i = 0;
                foreach (var e in d.RootElement.EnumerateArray())
                    yield return JsonRecordReader.Read(e, source, string.Create(CultureInfo.InvariantCulture, $"record {i++}"), _options);
            }
        }
    }

    /// <summary>Marks each article with its language; non-Arabic ones become skips.</summary>
    private static IEnumerable<ReadResult> WithLanguage(IEnumerable<ReadResult> results)
    {
        foreach (var r in results)
        {
            if (r is ReadResult.Ok ok)
            {
                var body = ok.Article.Body;
                var sample = (ok.Article.Title ?? "") + " " + body[..Math.Min(body.Length, 4000)];
                var language = LanguageDetector.Detect(sample);
                var article = ok.Article with { Language = language };
                if (language is not null and not "ar")
                {
                    yield return new ReadResult.Skipped(article.Source, null,
                        $"not Arabic: the text is {LanguageDetector.Name(language)} ({language}); only Arabic articles are analysed");
                    continue;
                }
                yield return new ReadResult.Ok(article);
            }
            else
            {
                yield return r;
            }
        }
    }

    private static ReadResult Try(Func<ReadResult> read, string source)
    {
        try
        {
            return read();
        }
        catch (InvalidInputException ex)
        {
            return new ReadResult.Failed(source, null, ex.Message);
        }
    }

    /// <summary>Disposes the file when enumeration ends, and turns an unexpected reader fault into a failure for this file only.</summary>
    private static IEnumerable<ReadResult> Guard(Func<IEnumerable<ReadResult>> read, string source, Stream? owned)
    {
        using (owned)
        {
            IEnumerator<ReadResult> e;
            try
            {
                e = read().GetEnumerator();
            }
            catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
            {
                e = Enumerable.Repeat<ReadResult>(new ReadResult.Failed(source, null, $"reader failed: {ex.GetType().Name}: {ex.Message}"), 1).GetEnumerator();
            }
            using var _ = e;
            while (true)
            {
                ReadResult? current;
                string? fault = null;
                try
                {
                    current = e.MoveNext() ? e.Current : null;
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    current = null;
                    fault = $"reader failed: {ex.GetType().Name}: {ex.Message}";
                }
                if (fault is not null)
                {
                    yield return new ReadResult.Failed(source, null, fault);
                    yield break;
                }
                if (current is null)
                    yield break;
                yield return current;
            }
        }
    }

    private static int FillHead(Stream stream, byte[] buffer)
    {
        var n = 0;
        while (n < buffer.Length)
        {
            var r = stream.Read(buffer, n, buffer.Length - n);
            if (r == 0)
                break;
            n += r;
        }
        return n;
    }

    private static byte[] ReadAllBounded(Stream stream, long max)
    {
        using var ms = new MemoryStream();
        var buffer = new byte[81920];
        int r;
        while ((r = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            if (ms.Length + r > max)
                throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"file is larger than {max:N0} bytes; refused (JSONL files stream and have no such limit)"));
            ms.Write(buffer, 0, r);
        }
        return ms.ToArray();
    }
}
