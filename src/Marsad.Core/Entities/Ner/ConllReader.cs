using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>A sentence of a CoNLL file: tokens as given and their labels (<see cref="NerLabels"/>).</summary>
public sealed record ConllSentence(string[] Tokens, byte[] Labels)
{
    /// <summary>The tokens joined by single spaces, with each token's [start, end) in that text.</summary>
    public (string Text, TokenRange[] Ranges) Join()
    {
        var sb = new StringBuilder();
        var ranges = new TokenRange[Tokens.Length];
        for (var i = 0; i < Tokens.Length; i++)
        {
            if (i > 0)
                sb.Append(' ');
            ranges[i] = new TokenRange(sb.Length, sb.Length + Tokens[i].Length);
            sb.Append(Tokens[i]);
        }
        return (sb.ToString(), ranges);
    }
}

/// <summary>A CoNLL file's sentences and what the reader noticed.</summary>
public sealed record ConllCorpus(IReadOnlyList<ConllSentence> Sentences, bool UsesPers, int UnknownTags, IReadOnlyList<string> Files)
{
    public int TokenCount => Sentences.Sum(s => s.Tokens.Length);

    /// <summary>
    /// Splits off the last <paramref name="fraction"/> of sentences (<c>floor(n·fraction)</c>) as dev:
    /// ANERcorp is sequential newswire, so the tail mimics its official sequential split.
    /// </summary>
    public (ConllCorpus Head, ConllCorpus Tail) SplitTail(double fraction)
    {
        var tail = (int)Math.Floor(Sentences.Count * fraction);
        var cut = Sentences.Count - tail;
        return (this with { Sentences = Sentences.Take(cut).ToArray() }, this with { Sentences = Sentences.Skip(cut).ToArray() });
    }
}

/// <summary>
/// Reads CoNLL-style NER files: one <c>token tag</c> per line (space or tab; extra columns such as
/// Wojood's nested layers are ignored — the first tag wins), a blank line between sentences, the
/// final newline optional, LF or CRLF, a BOM and bidi marks (U+200E/U+200F) removed. A directory
/// is read file by file in ordinal name order (AQMAR dev is eight files). Tokens are kept as given.
/// </summary>
public static class ConllReader
{
    /// <summary>Reads a file, or every regular file of a directory (recursively, ordinal order; README*/LICENSE* skipped).</summary>
    public static ConllCorpus ReadPath(string path, TagMapping? mapping = null)
    {
        mapping ??= TagMapping.Default;
        var files = Directory.Exists(path)
            ? Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith("README", StringComparison.OrdinalIgnoreCase)
                         && !Path.GetFileName(f).Contains("LICENSE", StringComparison.OrdinalIgnoreCase)
                         && !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal).ToList()
            : File.Exists(path) ? [path] : throw new FileNotFoundException($"no such file or directory: {path}", path);
        var sentences = new List<ConllSentence>();
        var pers = false;
        var unknown = 0;
        foreach (var f in files)
        {
            using var reader = new StreamReader(f, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            var part = Read(reader, mapping);
            sentences.AddRange(part.Sentences);
            pers |= part.UsesPers;
            unknown += part.UnknownTags;
        }
        return new ConllCorpus(sentences, pers, unknown, files);
    }

    /// <summary>Reads CoNLL text.</summary>
    public static ConllCorpus Read(TextReader reader, TagMapping? mapping = null)
    {
        mapping ??= TagMapping.Default;
        var sentences = new List<ConllSentence>();
        var tokens = new List<string>();
        var labels = new List<byte>();
        var pers = false;
        var unknown = 0;
        while (reader.ReadLine() is { } raw)
        {
            var line = Clean(raw);
            if (line.Length == 0)
            {
                Flush();
                continue;
            }
            var span = line.AsSpan();
            var sep = span.IndexOfAny(' ', '\t');
            ReadOnlySpan<char> token, tag;
            if (sep < 0)
            {
                token = span;
                tag = "O";
            }
            else
            {
                token = span[..sep];
                var rest = span[(sep + 1)..].TrimStart(" \t");
                var end = rest.IndexOfAny(' ', '\t');
                tag = end < 0 ? rest : rest[..end];
            }
            if (token.Length == 0)
                continue;
            if (tag.EndsWith("PERS", StringComparison.Ordinal))
                pers = true;
            if (!mapping.TryMap(tag, out var label))
                unknown++;
            tokens.Add(token.ToString());
            labels.Add(label);
        }
        Flush();
        return new ConllCorpus(sentences, pers, unknown, []);

        void Flush()
        {
            if (tokens.Count == 0)
                return;
            sentences.Add(new ConllSentence([.. tokens], [.. labels]));
            tokens.Clear();
            labels.Clear();
        }
    }

    private static string Clean(string line)
    {
        if (line.AsSpan().IndexOfAny('\u200E', '\u200F', '\uFEFF') >= 0)
            line = line.Replace("\u200E", "", StringComparison.Ordinal).Replace("\u200F", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal);
        return line.Trim();
    }
}
