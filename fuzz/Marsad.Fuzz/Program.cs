using System.Text;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Text;
using SharpFuzz;

namespace Marsad.Fuzz;

/// <summary>
/// SharpFuzz targets, one per reader and one for the sentence splitter and tokeniser. A target throws
/// only on a defect: an exception other than the reader's own refusal (<see cref="InvalidInputException"/>),
/// or an annotation outside its text. Run under afl-fuzz (fuzz/run.sh), or with
/// <c>--replay FILE…</c> to run inputs once without AFL (how crashes become regression tests).
/// </summary>
public static class Program
{
    // A property, not a static field: instrumented Marsad code must not run before Fuzzer.Run has attached AFL's
    // shared memory (a static initialiser touching it dies with an access violation).
    private static ReaderOptions Options => ReaderOptions.Default;

    public static readonly IReadOnlyDictionary<string, Action<byte[]>> Targets = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["text"] = ScrapedText,
        ["html"] = Html,
        ["feed"] = Feed,
        ["jsonl"] = Jsonl,
        ["sentences"] = SentencesAndTokens,
    };

    public static int Main(string[] args)
    {
        if (args.Length == 0 || !Targets.TryGetValue(args[0], out var target))
        {
            Console.Error.WriteLine($"usage: Marsad.Fuzz <{string.Join('|', Targets.Keys)}> [--replay FILE…]");
            return 2;
        }
        if (args.Length > 1 && args[1] == "--replay")
        {
            foreach (var file in args.Skip(2))
            {
                target(File.ReadAllBytes(file));
                Console.WriteLine($"ok: {file}");
            }
            return 0;
        }
        Fuzzer.Run(stream =>
        {
            using var ms = new MemoryStream();
            stream.CopyTo(ms);
            target(ms.ToArray());
        });
        return 0;
    }

    private static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    private static void ScrapedText(byte[] bytes)
    {
        try
        {
            Check(new ScrapedTextReader(Options).Read(Text(bytes), "fuzz.txt"));
        }
        catch (InvalidInputException)
        {
        }
    }

    private static void Html(byte[] bytes)
    {
        try
        {
            if (new HtmlReader(Options).Read(Text(bytes), "fuzz.html") is ReadResult.Ok ok)
                Check(ok.Article);
        }
        catch (InvalidInputException)
        {
        }
    }

    private static void Feed(byte[] bytes)
    {
        foreach (var r in new FeedReader(Options).Read(Text(bytes), "fuzz.xml"))
        {
            if (r is ReadResult.Ok ok)
                Check(ok.Article);
        }
    }

    private static void Jsonl(byte[] bytes)
    {
        using var ms = new MemoryStream(bytes);
        foreach (var r in new JsonlReader(Options).Read(ms, "fuzz.jsonl"))
        {
            if (r is ReadResult.Ok ok)
                Check(ok.Article);
        }
    }

    private static void SentencesAndTokens(byte[] bytes)
    {
        var text = Text(bytes);
        var previousEnd = 0;
        foreach (var s in SentenceSplitter.Split(text))
        {
            Ensure(s.Start >= previousEnd && s.Start < s.End && s.End <= text.Length, "sentence offsets");
            previousEnd = s.End;
            var tokenEnd = s.Start;
            foreach (var t in Tokenizer.Tokenize(text, s.Start, s.End))
            {
                Ensure(t.Start >= tokenEnd && t.Start < t.End && t.End <= s.End, "token offsets");
                Ensure(t.StemStart >= t.Start && t.StemStart <= t.End, "stem offset");
                foreach (var c in t.Proclitics)
                    Ensure(c.Start >= t.Start && c.Start < c.End && c.End <= t.StemStart, "proclitic offsets");
                tokenEnd = t.End;
            }
        }
        var normalized = ArabicNormalizer.Normalize(text);
        Ensure(ArabicNormalizer.Normalize(normalized) == normalized, "normalisation is not idempotent");
    }

    /// <summary>What every article a reader returns must satisfy.</summary>
    private static void Check(Article a)
    {
        Ensure(a.Body.Length > 0 && a.Body.Length <= Options.MaxBodyChars, "body length");
        Ensure(a.Id.Length == 16, "id");
        if (a.Published is { } p)
            Ensure(p.ToString().Length >= 10, "published");
    }

    private static void Ensure(bool condition, string what)
    {
        if (!condition)
            throw new InvalidOperationException("invariant broken: " + what);
    }
}
