using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Marsad.Tests.Text;
using Marsad.Text;

namespace Marsad.Tools;

/// <summary>
/// Generators and evaluations for the text core. Run from the repository root:
/// <code>
/// dotnet run --project tools/Marsad.Tools -c Release -- lexicon        # rebuild Text/Resources/ant-words.tsv.gz
/// dotnet run --project tools/Marsad.Tools -c Release -- eval-pud       # sentence and proclitic figures on UD Arabic-PUD
/// dotnet run --project tools/Marsad.Tools -c Release -- glued-sample   # the SaudiNewsNet cases behind the hand-checked table
/// </code>
/// </summary>
public static partial class Program
{
    public static int Main(string[] args)
    {
        if (args.Length == 0 || args[0] is "-h" or "--help")
        {
            Console.WriteLine("""
                usage: Marsad.Tools <command> [options]
                  lexicon [--corpus DIR] [--out FILE] [--min-count N]
                      Count normalised Arabic word forms in the ANT corpus (title + text of every record) and write
                      the lexicon the clitic segmenter ships (default: src/Marsad.Core/Text/Resources/ant-words.tsv.gz,
                      forms seen at least --min-count times, default 2).
                  eval-pud [--conllu FILE] [--errors N] [--half 0|1]
                      Sentence-boundary P/R and proclitic segmentation figures on UD Arabic-PUD.
                  time-text [--limit N] [--rounds N]
                      Process CPU time of the text core (split, tokenise + segment) over corpus bodies, single thread:
                      robust to a busy machine, unlike wall-clock figures. Compare branches with it.
                  inspect-sentences [--corpus saudinewsnet|ant-multisource-v2.1] [--kind long|short|rule] [--limit N] [--seed N]
                      Print sentences worth a look (longest, shortest, or by splitter rule) from corpus bodies.
                  dump-sentences [--corpus NAME] [--limit N]
                      Print id, start, end and rule of every sentence of the first N bodies (to diff two versions).
                  split
                      Read text from stdin and print each sentence with its offsets and rule, then the tokens.
                  eval-glued
                      Split accuracy on the hand-checked SaudiNewsNet cases (tests/…/Text/GluedSentenceCases.cs).
                  glued-sample [--per-source N] [--per-article N] [--seed N]
                      Print a seeded sample of SaudiNewsNet `[ء-ي]{2}\.[ء-ي]{2}` cases for hand-checking.
                """);
            return 0;
        }
        var options = ParseOptions(args.AsSpan(1));
        return args[0] switch
        {
            "lexicon" => Lexicon(options),
            "eval-pud" => EvalPud(options),
            "glued-sample" => GluedSample(options),
            "eval-glued" => EvalGlued(),
            "time-text" => TimeText(options),
            "inspect-sentences" => InspectSentences(options),
            "split" => SplitStdin(),
            "dump-sentences" => DumpSentences(options),
            _ => Fail($"unknown command {args[0]}"),
        };
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine("error: " + message);
        return 2;
    }

    private static Dictionary<string, string> ParseOptions(ReadOnlySpan<string> args)
    {
        var options = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            options[args[i].TrimStart('-')] = args[i + 1];
        return options;
    }

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(Directory.GetCurrentDirectory());
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("run from inside the repository (Marsad.slnx not found)");
    }

    private static string Shared(string relative)
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        var root = !string.IsNullOrEmpty(env) ? env : Path.Combine(RepoRoot(), "..", "shared");
        return Path.GetFullPath(Path.Combine(root, relative));
    }

    private static IEnumerable<JsonElement> JsonlRecords(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var reader = new StreamReader(gz, Encoding.UTF8);
            while (reader.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                yield return doc.RootElement.Clone();
            }
        }
    }

    // ------------------------------------------------------------------ lexicon

    private static int Lexicon(Dictionary<string, string> options)
    {
        var corpus = options.GetValueOrDefault("corpus") ?? Shared("data/news/corpus/ant-multisource-v2.1");
        var output = options.GetValueOrDefault("out") ?? Path.Combine(RepoRoot(), "src/Marsad.Core/Text/Resources/ant-words.tsv.gz");
        var minCount = int.Parse(options.GetValueOrDefault("min-count") ?? "2", CultureInfo.InvariantCulture);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = counts.GetAlternateLookup<ReadOnlySpan<char>>();
        var initials = new Dictionary<string, int>(StringComparer.Ordinal);
        var initialLookup = initials.GetAlternateLookup<ReadOnlySpan<char>>();
        long records = 0, tokens = 0;
        var buffer = new char[1 << 16];
        foreach (var record in JsonlRecords(corpus))
        {
            records++;
            foreach (var field in (string[])["title", "text"])
            {
                if (!record.TryGetProperty(field, out var value) || value.GetString() is not { } text)
                    continue;
                foreach (var t in Tokenizer.Enumerate(text))
                {
                    if (t.Kind != Marsad.Model.TokenKind.Arabic || t.Length * ArabicNormalizer.MaxExpansion > buffer.Length)
                        continue;
                    var n = ArabicNormalizer.Normalize(text.AsSpan(t.Start, t.Length), buffer);
                    var key = buffer.AsSpan(0, n);
                    if (n == 0 || !IsLetters(key))
                        continue;
                    tokens++;
                    lookup[key] = lookup.TryGetValue(key, out var c) ? c + 1 : 1;
                }
                if (field != "text")
                    continue;
                // The first word of each sentence: sentence openers (وقال، وأضاف) tell a glued sub-heading from a typo.
                foreach (var sentence in SentenceSplitter.Split(text))
                {
                    var span = text.AsSpan(sentence.Start, sentence.End - sentence.Start);
                    var e = Tokenizer.Enumerate(span);
                    if (!e.MoveNext() || e.Current.Kind != Marsad.Model.TokenKind.Arabic || e.Current.Length * ArabicNormalizer.MaxExpansion > buffer.Length)
                        continue;
                    var n = ArabicNormalizer.Normalize(span.Slice(e.Current.Start, e.Current.Length), buffer);
                    var key = buffer.AsSpan(0, n);
                    if (n > 0 && IsLetters(key))
                        initialLookup[key] = initialLookup.TryGetValue(key, out var c) ? c + 1 : 1;
                }
            }
        }
        var kept = counts.Where(kv => kv.Value >= minCount).OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();
        Directory.CreateDirectory(Path.GetDirectoryName(output)!);
        using (var file = File.Create(output))
        using (var gz = new GZipStream(file, CompressionLevel.SmallestSize))
        using (var writer = new StreamWriter(gz, new UTF8Encoding(false)) { NewLine = "\n" })
        {
            writer.WriteLine("# Arabic word forms (normalised by Marsad.Text.ArabicNormalizer) and their counts in the title and text");
            writer.WriteLine("# of the ANT corpus v2.1 (Chouigui, Ben Khiroun & Elayeb, \"ANT Corpus: An Arabic News Text Collection");
            writer.WriteLine("# for Textual Classification\", AICCSA 2017). Generated by: dotnet run --project tools/Marsad.Tools -- lexicon");
            writer.WriteLine(string.Create(CultureInfo.InvariantCulture, $"# records {records}, Arabic tokens {tokens}, distinct forms {counts.Count}, kept (count >= {minCount}) {kept.Count}"));
            writer.WriteLine("# columns: form, count, count as the first word of a sentence of the text (when not 0)");
            foreach (var (form, count) in kept)
            {
                var initial = initials.GetValueOrDefault(form);
                writer.WriteLine(initial > 0
                    ? string.Create(CultureInfo.InvariantCulture, $"{form}\t{count}\t{initial}")
                    : string.Create(CultureInfo.InvariantCulture, $"{form}\t{count}"));
            }
        }
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{records:N0} records, {tokens:N0} Arabic tokens, {counts.Count:N0} distinct forms; wrote {kept.Count:N0} forms (count >= {minCount}) to {output} ({new FileInfo(output).Length:N0} bytes)"));
        return 0;
    }

    private static bool IsLetters(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!ArabicChars.IsArabicLetter(c))
                return false;
        }
        return true;
    }

    // ------------------------------------------------------------------ UD Arabic-PUD

    private static int EvalPud(Dictionary<string, string> options)
    {
        var path = options.GetValueOrDefault("conllu") ?? Shared(UdPud.ConlluPath);
        var show = int.Parse(options.GetValueOrDefault("errors") ?? "0", CultureInfo.InvariantCulture);
        var sentences = UdPud.Read(path);
        var sentenceErrors = new List<string>();
        var boundaries = UdPud.ScoreSentences(sentences, sentenceErrors);
        Console.WriteLine($"UD Arabic-PUD sentences ({sentences.Count}, joined per document): {boundaries}");
        foreach (var e in sentenceErrors.Take(show))
            Console.WriteLine("  " + e);
        var words = UdPud.GoldWords(sentences);
        if (options.GetValueOrDefault("half") is { } half)
            words = words.Where(w => (w.SentId[^1] - '0') % 2 == int.Parse(half, CultureInfo.InvariantCulture)).ToList();
        var cliticErrors = new List<string>();
        var clitics = UdPud.ScoreClitics(words, UdPud.Segment, cliticErrors);
        Console.WriteLine("UD Arabic-PUD proclitics: " + clitics.Report());
        foreach (var e in cliticErrors.GroupBy(e => e, StringComparer.Ordinal).OrderByDescending(g => g.Count()).Take(show))
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Count(),3} {e.Key}"));
        return 0;
    }

    // ------------------------------------------------------------------ timing

    private static int TimeText(Dictionary<string, string> options)
    {
        var limit = int.Parse(options.GetValueOrDefault("limit") ?? "20000", CultureInfo.InvariantCulture);
        var rounds = int.Parse(options.GetValueOrDefault("rounds") ?? "3", CultureInfo.InvariantCulture);
        var bodies = new List<string>();
        foreach (var folder in (string[])["data/news/corpus/saudinewsnet", "data/news/corpus/ant-multisource-v2.1"])
        {
            foreach (var r in JsonlRecords(Shared(folder)).Take(limit / 2))
            {
                var body = (r.TryGetProperty("content", out var c) ? c : r.GetProperty("text")).GetString();
                if (!string.IsNullOrEmpty(body))
                    bodies.Add(body);
            }
        }
        var sentences = bodies.Select(b => SentenceSplitter.Split(b)).ToList();
        _ = Tokenizer.Tokenize(bodies[0], 0, bodies[0].Length); // loads the lexicon
        var inv = CultureInfo.InvariantCulture;
        for (var round = 0; round < rounds; round++)
        {
            var split = Cpu(() =>
            {
                var n = 0;
                foreach (var b in bodies)
                    n += SentenceSplitter.Split(b).Count;
                return n;
            });
            var tokens = Cpu(() =>
            {
                var n = 0;
                for (var i = 0; i < bodies.Count; i++)
                {
                    foreach (var s in sentences[i])
                        n += Tokenizer.Tokenize(bodies[i], s.Start, s.End).Count;
                }
                return n;
            });
            var segment = Cpu(() =>
            {
                var n = 0;
                foreach (var b in bodies)
                {
                    foreach (var t in Tokenizer.Enumerate(b))
                    {
                        if (t.Kind == Marsad.Model.TokenKind.Arabic)
                            n += CliticSegmenter.Segment(b.AsSpan(t.Start, t.Length)).Count;
                    }
                }
                return n;
            });
            Console.WriteLine(string.Create(inv,
                $"round {round + 1}: {bodies.Count:N0} bodies; segment alone {segment.Seconds:N2} s CPU ({segment.Result:N0} clitics); split {split.Seconds:N2} s CPU ({bodies.Count / split.Seconds:N0}/s), tokenise+segment {tokens.Seconds:N2} s CPU ({bodies.Count / tokens.Seconds:N0}/s, {tokens.Result:N0} tokens)"));
        }
        return 0;

        static (double Seconds, int Result) Cpu(Func<int> work)
        {
            var process = System.Diagnostics.Process.GetCurrentProcess();
            var start = process.TotalProcessorTime;
            var result = work();
            process.Refresh();
            return ((process.TotalProcessorTime - start).TotalSeconds, result);
        }
    }

    // ------------------------------------------------------------------ inspection

    private static int DumpSentences(Dictionary<string, string> options)
    {
        var corpus = options.GetValueOrDefault("corpus") ?? "saudinewsnet";
        var limit = int.Parse(options.GetValueOrDefault("limit") ?? "5000", CultureInfo.InvariantCulture);
        using var output = new StreamWriter(Console.OpenStandardOutput(), new UTF8Encoding(false));
        foreach (var r in JsonlRecords(Shared("data/news/corpus/" + corpus)).Take(limit))
        {
            var body = (r.TryGetProperty("content", out var c) ? c : r.GetProperty("text")).GetString() ?? "";
            var id = r.GetProperty("id").GetString()!;
            foreach (var s in SentenceSplitter.Split(body))
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{id}\t{s.Start}\t{s.End}\t{s.By}"));
        }
        return 0;
    }

    private static int SplitStdin()
    {
        Console.OutputEncoding = Encoding.UTF8;
        var text = Console.In.ReadToEnd();
        foreach (var s in SentenceSplitter.Split(text))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{s.Start},{s.End}) {s.By}: {text[s.Start..s.End]}"));
            var tokens = Tokenizer.Tokenize(text, s.Start, s.End);
            Console.WriteLine("    " + string.Join(' ', tokens.Select(t => t.Proclitics.Count == 0
                ? text[t.Start..t.End]
                : string.Join('+', t.Proclitics.Select(c => c.Form)) + "+" + text[t.StemStart..t.End])));
        }
        return 0;
    }

    private static int InspectSentences(Dictionary<string, string> options)
    {
        var corpus = options.GetValueOrDefault("corpus") ?? "saudinewsnet";
        var kind = options.GetValueOrDefault("kind") ?? "long";
        var limit = int.Parse(options.GetValueOrDefault("limit") ?? "40", CultureInfo.InvariantCulture);
        var random = new Random(int.Parse(options.GetValueOrDefault("seed") ?? "1", CultureInfo.InvariantCulture));
        var found = new List<(string Id, string Rule, string Text)>();
        foreach (var r in JsonlRecords(Shared("data/news/corpus/" + corpus)))
        {
            var body = (r.TryGetProperty("content", out var c) ? c : r.GetProperty("text")).GetString() ?? "";
            var id = r.GetProperty("id").GetString()!;
            foreach (var s in SentenceSplitter.Split(body))
                found.Add((id, s.By, body[s.Start..s.End]));
        }
        IEnumerable<(string Id, string Rule, string Text)> shown = kind switch
        {
            "long" => found.OrderByDescending(f => f.Text.Length),
            "short" => found.Where(f => f.Text.Length < 25).OrderBy(_ => random.Next()),
            _ => found.Where(f => f.Rule.EndsWith(kind, StringComparison.Ordinal)).OrderBy(_ => random.Next()),
        };
        foreach (var (id, rule, text) in shown.Take(limit))
            Console.WriteLine($"{id}\t{rule}\t{text.Length}\t{(text.Length > 300 ? text[..150] + " … " + text[^150..] : text)}");
        return 0;
    }

    // ------------------------------------------------------------------ hand-check sample

    private static int EvalGlued()
    {
        var ids = GluedSentenceCases.All.Select(r => (string)r[0]).ToHashSet(StringComparer.Ordinal);
        var bodies = new Dictionary<string, string>(StringComparer.Ordinal);
        var reader = new Marsad.Ingest.ArticleReader();
        foreach (var file in Directory.EnumerateFiles(Shared("data/news/corpus/saudinewsnet"), "*.jsonl.gz").Order(StringComparer.Ordinal))
        {
            using var gz = new GZipStream(File.OpenRead(file), CompressionMode.Decompress);
            using var lines = new StreamReader(gz, Encoding.UTF8);
            while (lines.ReadLine() is { } line)
            {
                using var doc = JsonDocument.Parse(line);
                var id = doc.RootElement.GetProperty("id").GetString()!;
                if (!ids.Contains(id))
                    continue;
                using var stream = new MemoryStream(Encoding.UTF8.GetBytes(line));
                bodies[id] = reader.ReadStream(stream, id, id + ".jsonl").OfType<Marsad.Ingest.ReadResult.Ok>().Single().Article.Body;
            }
        }
        Score("development sample (rules written while reading it)", GluedSentenceCases.Rows, bodies);
        Score("held-out sample (judged before the splitter ran on it)", GluedSentenceCases.HeldOutRows, bodies);
        return 0;
    }

    private static void Score(string name, object[][] rows, Dictionary<string, string> bodies)
    {
        int right = 0, boundaries = 0, splits = 0, correctSplits = 0;
        foreach (var row in rows)
        {
            var (id, before, after, boundary) = ((string)row[0], (string)row[1], (string)row[2], (bool)row[3]);
            var body = bodies[id];
            var at = body.IndexOf(before + "." + after, StringComparison.Ordinal);
            var dot = at + before.Length;
            var split = at >= 0 && SentenceSplitter.Split(body).Exists(s => s.End == dot + 1);
            boundaries += boundary ? 1 : 0;
            splits += split ? 1 : 0;
            correctSplits += split && boundary ? 1 : 0;
            if (split == boundary)
                right++;
            else
                Console.WriteLine($"  wrong: {id} «{before}.{after}» expected {(boundary ? "split" : "no split")}");
        }
        var n = rows.Length;
        var articles = rows.Select(r => (string)r[0]).Distinct(StringComparer.Ordinal).Count();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {n} cases in {articles} articles ({boundaries} boundaries, {n - boundaries} not); right {right} ({(double)right / n:P1}); boundary P {(double)correctSplits / Math.Max(1, splits):P1} R {(double)correctSplits / Math.Max(1, boundaries):P1}"));
    }

    [GeneratedRegex(@"[ء-ي]{2}\.[ء-ي]{2}", RegexOptions.None, matchTimeoutMilliseconds: Marsad.Text.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex GluedPattern();

    private static int GluedSample(Dictionary<string, string> options)
    {
        var perSource = int.Parse(options.GetValueOrDefault("per-source") ?? "6", CultureInfo.InvariantCulture);
        var perArticle = int.Parse(options.GetValueOrDefault("per-article") ?? "2", CultureInfo.InvariantCulture);
        var seed = int.Parse(options.GetValueOrDefault("seed") ?? "20240601", CultureInfo.InvariantCulture);
        var folder = Shared("data/news/corpus/saudinewsnet");
        using var index = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "robustness-index.json")));
        var ids = index.RootElement.GetProperty("glued_sentence").EnumerateArray().Select(e => e.GetString()!).ToHashSet(StringComparer.Ordinal);
        var bySource = new SortedDictionary<string, List<(string Id, string Body)>>(StringComparer.Ordinal);
        foreach (var r in JsonlRecords(folder))
        {
            var id = r.GetProperty("id").GetString()!;
            if (!ids.Contains(id))
                continue;
            var source = r.GetProperty("source").GetString()!;
            if (!bySource.TryGetValue(source, out var list))
                bySource[source] = list = [];
            list.Add((id, r.GetProperty("content").GetString() ?? ""));
        }
        var random = new Random(seed);
        foreach (var (source, list) in bySource)
        {
            var chosen = list.OrderBy(_ => random.Next()).Take(perSource).OrderBy(x => x.Id, StringComparer.Ordinal);
            foreach (var (id, body) in chosen)
            {
                var dots = GluedPattern().Matches(body).Select(m => m.Index + 2).ToList();
                var picked = dots.Count <= perArticle ? dots : dots.OrderBy(_ => random.Next()).Take(perArticle).Order().ToList();
                foreach (var dot in picked)
                {
                    var before = body[Math.Max(0, dot - 40)..dot].Replace('\n', '⏎');
                    var after = body[(dot + 1)..Math.Min(body.Length, dot + 41)].Replace('\n', '⏎');
                    Console.WriteLine($"{id}\t{source}\t…{before}【.】{after}…");
                }
            }
        }
        return 0;
    }
}
