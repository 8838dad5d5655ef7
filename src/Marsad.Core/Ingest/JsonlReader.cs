using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Marsad.Ingest;

/// <summary>
/// Streams JSON Lines (one record per line) from a plain or gzip stream. Each line is its own unit
/// of failure: an over-long line, invalid UTF-8 or invalid JSON becomes an error for that line and
/// reading goes on with the next; a truncated gzip stream ends the file with one error.
/// </summary>
public sealed class JsonlReader
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);
    private static readonly JsonDocumentOptions JsonOptions = new() { MaxDepth = 64, AllowTrailingCommas = true };
    private readonly ReaderOptions _options;

    public JsonlReader(ReaderOptions? options = null) => _options = options ?? ReaderOptions.Default;

    public IEnumerable<ReadResult> Read(Stream stream, string source, CancellationToken cancellationToken = default)
    {
        var lines = new BoundedLineReader(stream, _options.MaxLineBytes);
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            BoundedLineReader.Line line;
            string? streamError = null;
            try
            {
                if (!lines.TryReadLine(out line))
                    yield break;
            }
            catch (Exception ex) when (ex is InvalidDataException or EndOfStreamException or IOException or InvalidInputException)
            {
                line = default;
                streamError = ex is InvalidInputException ? ex.Message : $"the stream is truncated or corrupt after line {lines.LineNumber}: {ex.Message}";
            }
            if (streamError is not null)
            {
                yield return new ReadResult.Failed(source, null, streamError);
                yield break;
            }
            var location = string.Create(CultureInfo.InvariantCulture, $"line {line.Number}");
            if (line.TooLong)
            {
                yield return new ReadResult.Failed(source, location, string.Create(CultureInfo.InvariantCulture, $"record line is longer than {_options.MaxLineBytes:N0} bytes; skipped"));
                continue;
            }
            var bytes = line.Bytes.Span;
            if (line.Number == 1 && bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
                bytes = bytes[3..];
            if (bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']).IsEmpty)
                continue;
            yield return ReadLine(bytes, source, location);
        }
    }

    private ReadResult ReadLine(ReadOnlySpan<byte> bytes, string source, string location)
    {
        try
        {
            StrictUtf8.GetCharCount(bytes);
        }
        catch (DecoderFallbackException ex)
        {
            return new ReadResult.Failed(source, location, string.Create(CultureInfo.InvariantCulture, $"invalid UTF-8 at byte {Math.Max(ex.Index, 0)} of the line"));
        }
        try
        {
            using var doc = JsonDocument.Parse(bytes.ToArray(), JsonOptions);
            return JsonRecordReader.Read(doc.RootElement, source, location, _options);
        }
        catch (JsonException ex)
        {
            return new ReadResult.Failed(source, location, $"invalid JSON: {ex.Message}");
        }
    }
}

/// <summary>Reads '\n'-terminated lines of bytes, never buffering more than a bound; longer lines are reported and skipped.</summary>
internal sealed class BoundedLineReader(Stream stream, int maxLineBytes)
{
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start, _end;
    private bool _eof;
    private readonly MemoryStream _line = new();

    public int LineNumber { get; private set; }

    public readonly record struct Line(int Number, ReadOnlyMemory<byte> Bytes, bool TooLong);

    public bool TryReadLine(out Line line)
    {
        _line.SetLength(0);
        var tooLong = false;
        var sawAny = false;
        while (true)
        {
            if (_start == _end)
            {
                if (_eof)
                    break;
                _start = 0;
                _end = stream.Read(_buffer, 0, _buffer.Length);
                if (_end == 0)
                {
                    _eof = true;
                    break;
                }
            }
            sawAny = true;
            var span = _buffer.AsSpan(_start, _end - _start);
            var nl = span.IndexOf((byte)'\n');
            var chunk = nl < 0 ? span : span[..nl];
            if (!tooLong)
            {
                if (_line.Length + chunk.Length > maxLineBytes)
                {
                    tooLong = true;
                    _line.SetLength(0);
                }
                else
                {
                    _line.Write(chunk);
                }
            }
            _start += nl < 0 ? span.Length : nl + 1;
            if (nl >= 0)
            {
                LineNumber++;
                line = new Line(LineNumber, _line.GetBuffer().AsMemory(0, (int)_line.Length), tooLong);
                return true;
            }
        }
        if (sawAny && (_line.Length > 0 || tooLong))
        {
            LineNumber++;
            line = new Line(LineNumber, _line.GetBuffer().AsMemory(0, (int)_line.Length), tooLong);
            return true;
        }
        line = default;
        return false;
    }
}
