using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Output;
using Marsad.Pipeline;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad analyze</c>: read inputs, analyse every article, write JSON, JSONL or text.</summary>
internal static class AnalyzeCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Files or directories (read recursively) to analyse; '-' reads standard input.",
            Arity = ArgumentArity.OneOrMore,
        };
        var format = new Option<string?>("--format", "-f")
        {
            Description = "Output format: json (one article; an array if several), jsonl (one article per line), text (for reading). Default: json for one file, jsonl otherwise.",
        };
        format.AcceptOnlyFromAmong("json", "jsonl", "text");
        var output = new Option<FileInfo?>("--output", "-o") { Description = "Write to this file instead of standard output." };
        var tokens = new Option<bool>("--tokens") { Description = "Also output tokens with their proclitics (و، ب، ال …)." };
        var quiet = new Option<bool>("--quiet", "-q") { Description = "No progress bar and no summary on standard error (errors are still reported)." };

        var command = new Command("analyze", """
            Analyse news articles and print the result with character offsets into each body.
            Inputs are recognised by content: scraped-text pages, HTML pages, RSS/Atom feeds, JSONL (plain or .gz).
            A file or record that cannot be read is reported on standard error with its name, line and reason;
            the rest of the batch goes on, and the exit code is 1 if anything failed.

            Examples:
              marsad analyze ../shared/seed/000_2bf1e917491ed886.txt
              marsad analyze ../shared/data/news/corpus/ant-multisource-v2.1 -f jsonl -o ant.jsonl
              marsad analyze page.html --format text --tokens
            """)
        {
            paths, format, output, tokens, quiet,
        };
        command.SetAction((parse, ct) =>
        {
            var inputs = parse.GetValue(paths) ?? [];
            var fmt = parse.GetValue(format) ?? (inputs.Length == 1 && !Directory.Exists(inputs[0]) ? "json" : "jsonl");
            return Task.FromResult(Run(inputs, fmt, parse.GetValue(output), parse.GetValue(tokens), parse.GetValue(quiet), ct));
        });
        return command;
    }

    internal static int Run(string[] inputs, string format, FileInfo? outputFile, bool includeTokens, bool quiet, CancellationToken ct)
    {
        var reader = new ArticleReader();
        var pipeline = AnalysisPipeline.Default;
        var files = ArticleReader.ExpandPaths(inputs).ToList();
        using var outStream = outputFile is null ? Console.OpenStandardOutput() : outputFile.Create();
        using var sink = new OutputSink(outStream, format, includeTokens);
        var summary = new BatchSummary();
        using var progress = quiet ? null : Progress.Start(files.Count, "analyze");
        foreach (var file in files)
        {
            foreach (var result in reader.ReadPath(file, ct))
            {
                switch (result)
                {
                    case ReadResult.Ok ok:
                        Document doc;
                        try
                        {
                            doc = pipeline.Analyze(ok.Article, ct);
                        }
                        catch (Exception ex) when (ex is not OperationCanceledException)
                        {
                            summary.Fail($"{ok.Article.Source}: analysis failed: {ex.GetType().Name}: {ex.Message}");
                            continue;
                        }
                        sink.Write(doc);
                        summary.Articles++;
                        break;
                    case ReadResult.Failed failed:
                        summary.Fail(failed.ToString());
                        break;
                    case ReadResult.Skipped skipped:
                        summary.Skip(skipped.ToString(), quiet);
                        break;
                }
            }
            summary.Files++;
            progress?.Advance(summary);
        }
        sink.Complete();
        progress?.Dispose();
        if (!quiet || summary.Errors > 0)
            summary.Print();
        return summary.Errors > 0 ? 1 : 0;
    }

    /// <summary>Writes documents in the chosen format; json wraps several in an array.</summary>
    private sealed class OutputSink : IDisposable
    {
        private readonly Stream _stream;
        private readonly string _format;
        private readonly bool _tokens;
        private readonly Utf8JsonWriter _json;
        private readonly StreamWriter _text;
        private Document? _pending;
        private int _count;

        public OutputSink(Stream stream, string format, bool tokens)
        {
            _stream = new BufferedStream(stream, 1 << 16);
            _format = format;
            _tokens = tokens;
            _json = new Utf8JsonWriter(_stream, DocumentJson.WriterOptions with { Indented = format == "json" });
            _text = new StreamWriter(_stream, new UTF8Encoding(false), 1 << 14, leaveOpen: true);
        }

        public void Write(Document doc)
        {
            _count++;
            switch (_format)
            {
                case "jsonl":
                    DocumentJson.Write(_json, doc, _tokens);
                    _json.Flush();
                    _json.Reset();
                    _stream.WriteByte((byte)'\n');
                    break;
                case "text":
                    TextOutput.Write(_text, doc, _tokens);
                    _text.Flush();
                    break;
                default:
                    // json: hold the first document; open an array only if a second one comes.
                    if (_count == 1)
                    {
                        _pending = doc;
                        return;
                    }
                    if (_count == 2)
                    {
                        _json.WriteStartArray();
                        DocumentJson.Write(_json, _pending!, _tokens);
                        _pending = null;
                    }
                    DocumentJson.Write(_json, doc, _tokens);
                    break;
            }
        }

        public void Complete()
        {
            if (_format == "json")
            {
                if (_pending is not null)
                    DocumentJson.Write(_json, _pending, _tokens);
                else if (_count >= 2)
                    _json.WriteEndArray();
                _json.Flush();
                if (_count > 0)
                    _stream.WriteByte((byte)'\n');
            }
            _text.Flush();
            _stream.Flush();
        }

        public void Dispose()
        {
            _json.Dispose();
            _text.Dispose();
            _stream.Dispose();
        }
    }
}

/// <summary>Counts of a batch and its error lines, printed at the end on standard error.</summary>
internal sealed class BatchSummary
{
    public int Files { get; set; }
    public int Articles { get; set; }
    public int Errors { get; private set; }
    public int Skipped { get; private set; }

    public void Fail(string message)
    {
        Errors++;
        Progress.WriteLineAbove($"error: {message}");
    }

    public void Skip(string message, bool quiet)
    {
        Skipped++;
        if (!quiet)
            Progress.WriteLineAbove($"skipped: {message}");
    }

    public void Print() => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"{Files:N0} file(s): {Articles:N0} article(s) analysed, {Skipped:N0} skipped, {Errors:N0} error(s)"));
}
