using System.CommandLine;
using Marsad.Cli.Commands;

namespace Marsad.Cli;

public static class Program
{
    public static int Main(string[] args) => BuildRoot().Parse(args).Invoke();

    /// <summary>The command tree; tests parse against it.</summary>
    public static RootCommand BuildRoot()
    {
        var root = new RootCommand("""
            Marsad (مرصد) — an Arabic news-intelligence engine.
            Reads scraped-text pages, HTML article pages, RSS/Atom feeds and JSONL corpora; extracts the clean
            article; splits sentences and tokens; outputs JSON with character offsets into the body.

            Examples:
              marsad analyze page.txt --format json
              marsad analyze corpus/ --format jsonl -o out.jsonl
              cat page.html | marsad analyze - --format text
              marsad bench ../shared/data/news/corpus
            """);
        root.Subcommands.Add(AnalyzeCommand.Create());
        root.Subcommands.Add(BenchCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(WorkerCommand.Create());
        root.Subcommands.Add(SearchCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ReindexCommand.Create());
        root.Subcommands.Add(TrainCommand.Create());
        root.Subcommands.Add(EvalCommand.Create());
        root.Subcommands.Add(ExportCommand.Create());
        return root;
    }
}
