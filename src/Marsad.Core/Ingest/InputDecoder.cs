using System.Globalization;
using System.Text;

namespace Marsad.Ingest;

/// <summary>
/// Turns raw bytes into text, refusing what is not text: empty files, binary data, invalid UTF-8.
/// Honours byte-order marks (UTF-8, UTF-16 LE/BE, UTF-32) and recognises BOM-less UTF-16 by the
/// pattern of its high bytes (0x00 for ASCII, 0x06 for Arabic).
/// </summary>
public static class InputDecoder
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    static InputDecoder() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Decodes <paramref name="bytes"/>; <paramref name="declared"/> is a charset the container named (HTML meta, XML declaration).</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, Encoding? declared = null)
    {
        var (encoding, bomLength) = DetectEncoding(bytes);
        if (encoding is null && BinaryKind(bytes) is { } kind)
            throw new InvalidInputException($"binary content: the file is {kind}, not a text, HTML, feed or JSONL file");
        if (encoding is null && declared is not null && declared.CodePage != Encoding.UTF8.CodePage)
            encoding = declared;
        encoding ??= StrictUtf8;
        string text;
        try
        {
            text = encoding.GetString(bytes[bomLength..]);
        }
        catch (DecoderFallbackException ex)
        {
            var at = bomLength + Math.Max(ex.Index, 0);
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture,
                $"invalid {encoding.WebName} at byte {at}: the file is not text in that encoding (or it was truncated mid-character)"));
        }
        if (text.Length == 0 || string.IsNullOrWhiteSpace(text))
            throw new InvalidInputException("empty file: no text to read");
        CheckNotBinary(text.AsSpan(0, Math.Min(text.Length, 64 * 1024)));
        return text;
    }

    /// <summary>An encoding by name (<c>utf-8</c>, <c>windows-1256</c>, <c>iso-8859-6</c>…), or null when unknown.</summary>
    public static Encoding? EncodingFromName(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
            return null;
        try
        {
            var e = Encoding.GetEncoding(name.Trim().Trim('"', '\''));
            // Decoders must throw on bad bytes rather than invent characters.
            return e.CodePage == Encoding.UTF8.CodePage ? StrictUtf8 : e;
        }
        catch (ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The encoding a BOM or a UTF-16 byte pattern names, and the BOM's length; null when neither.</summary>
    public static (Encoding? Encoding, int BomLength) DetectEncoding(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return (StrictUtf8, 3);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return (new UTF32Encoding(false, true, true), 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
            return (new UTF32Encoding(true, true, true), 4);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return (new UnicodeEncoding(false, false, true), 2);
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return (new UnicodeEncoding(true, false, true), 2);
        // BOM-less UTF-16: one byte of each pair is almost always 0x00 (Latin) or 0x06 (Arabic).
        var sample = bytes[..Math.Min(bytes.Length, 2048)];
        if (sample.Length >= 8)
        {
            int evenHigh = 0, oddHigh = 0, pairs = sample.Length / 2;
            for (var i = 0; i + 1 < sample.Length; i += 2)
            {
                if (sample[i] is 0x00 or 0x06)
                    evenHigh++;
                if (sample[i + 1] is 0x00 or 0x06)
                    oddHigh++;
            }
            var hasNul = sample.Contains((byte)0);
            if (hasNul && oddHigh > pairs * 0.7 && evenHigh < pairs * 0.3)
                return (new UnicodeEncoding(false, false, true), 0);
            if (hasNul && evenHigh > pairs * 0.7 && oddHigh < pairs * 0.3)
                return (new UnicodeEncoding(true, false, true), 0);
        }
        return (null, 0);
    }

    /// <summary>
    /// What binary format <paramref name="bytes"/> starts with (an image, an archive, a PDF…), or "binary data"
    /// when the head holds NUL bytes; null when it may be text. Call it only when no BOM or UTF-16 pattern was found.
    /// </summary>
    public static string? BinaryKind(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47]))
            return "a PNG image";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "a JPEG image";
        if (bytes.StartsWith("GIF8"u8))
            return "a GIF image";
        if (bytes.StartsWith("%PDF"u8))
            return "a PDF document";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x50, 0x4B, 0x03, 0x04]))
            return "a ZIP archive (or an Office document)";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C]))
            return "a 7-Zip archive";
        if (bytes.StartsWith("BZh"u8))
            return "a bzip2 archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFD, 0x37, 0x7A, 0x58, 0x5A, 0x00]))
            return "an xz archive";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x7F, 0x45, 0x4C, 0x46]))
            return "an executable (ELF)";
        if (bytes.StartsWith("MZ"u8) && bytes.Length > 64 && bytes[..Math.Min(bytes.Length, 512)].Contains((byte)0))
            return "an executable (PE)";
        return bytes[..Math.Min(bytes.Length, 8192)].Contains((byte)0) ? "binary data (it contains NUL bytes)" : null;
    }

    /// <summary>Throws when the text looks like binary data: NUL characters or many control characters.</summary>
    public static void CheckNotBinary(ReadOnlySpan<char> text)
    {
        var control = 0;
        foreach (var c in text)
        {
            if (c == '\0')
                throw new InvalidInputException("binary content: the file contains NUL bytes, it is not a text, HTML, feed or JSONL file");
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
                control++;
        }
        if (control > 8 && control > text.Length / 50)
            throw new InvalidInputException(string.Create(CultureInfo.InvariantCulture, $"binary content: {control} control characters in the first {text.Length} characters"));
    }
}
