using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Ingest;
using Marsad.Ingest.Html;
using Marsad.Tests.Ingest.Html;

namespace Marsad.HtmlPeers;

/// <summary>
/// Side-by-side HTML extraction comparison on ../shared/data/news/html (see ../README.md).
/// <c>list PAGES.tsv</c> writes the page list the peer runners read;
/// <c>report OUT_DIR [--repeats N]</c> runs Marsad and SmartReader in-process with the same timing
/// protocol as the peer runners (read every page into memory, one warm-up pass, then N timed passes),
/// reads the peers' outputs from OUT_DIR/&lt;peer&gt;/ and prints one table.
/// </summary>
public static class Program
{
    private static readonly string[] Peers = ["readability-js", "python-readability", "boilerpipe"];
    private static readonly string[] Columns = ["Marsad", "SmartReader", "Readability.js", "python-readab.", "boilerpipe"];

    public static int Main(string[] args)
    {
        CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        if (args.Length >= 2 && args[0] == "list")
            return List(args[1]);
        if (args.Length >= 2 && args[0] == "report")
        {
            var repeats = 3;
            var at = Array.IndexOf(args, "--repeats");
            if (at > 0 && at + 1 < args.Length)
                repeats = int.Parse(args[at + 1], CultureInfo.InvariantCulture);
            return Report(args[1], repeats);
        }
        Console.Error.WriteLine("usage: Marsad.HtmlPeers list PAGES.tsv | report OUT_DIR [--repeats N]");
        return 2;
    }

    private static string DataFolder()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env))
            return Path.Combine(env, "data", "news", "html");
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
            dir = dir.Parent;
        var shared = dir is null ? null : Path.GetFullPath(Path.Combine(dir.FullName, "..", "shared"));
        return shared is not null && Directory.Exists(shared)
            ? Path.Combine(shared, "data", "news", "html")
            : throw new DirectoryNotFoundException("../shared not found beside the repository; set MARSAD_SHARED");
    }

    private static int List(string output)
    {
        var pages = HtmlGold.Load(DataFolder());
        File.WriteAllLines(output, pages.Select(p => $"{p.Id}\t{p.HtmlPath}\t{p.Url}"));
        return 0;
    }

    private sealed record Extracted(string Text, string? Title, string? Published);

    private static int Report(string outDir, int repeats)
    {
        var pages = HtmlGold.Load(DataFolder());
        var htmls = pages.Select(p => File.ReadAllText(p.HtmlPath)).ToList();
        var results = new Dictionary<string, Dictionary<string, Extracted>>(StringComparer.Ordinal);
        var speed = new Dictionary<string, double>(StringComparer.Ordinal);

        var reader = new HtmlReader();
        (results["Marsad"], speed["Marsad"]) = Time(pages, htmls, repeats, (p, html) => Marsad(reader, p, html));
        (results["SmartReader"], speed["SmartReader"]) = Time(pages, htmls, repeats, SmartReaderExtract);
        foreach (var (name, texts) in results)
        {
            var dir = Path.Combine(outDir, name.ToLowerInvariant());
            Directory.CreateDirectory(dir);
            foreach (var (id, e) in texts)
                File.WriteAllText(Path.Combine(dir, id + ".txt"), e.Text);
        }
        for (var i = 0; i < Peers.Length; i++)
        {
            var dir = Path.Combine(outDir, Peers[i]);
            var timing = Path.Combine(dir, "timing.json");
            if (!File.Exists(timing))
                continue;
            using var t = JsonDocument.Parse(File.ReadAllText(timing));
            speed[Columns[i + 2]] = t.RootElement.GetProperty("pages").GetDouble() / t.RootElement.GetProperty("seconds").GetDouble();
            var texts = new Dictionary<string, Extracted>(StringComparer.Ordinal);
            foreach (var p in pages)
            {
                var file = Path.Combine(dir, p.Id + ".txt");
                if (!File.Exists(file))
                    continue;
                string? title = null, published = null;
                var meta = Path.Combine(dir, p.Id + ".meta.json");
                if (File.Exists(meta))
                {
                    using var m = JsonDocument.Parse(File.ReadAllText(meta));
                    title = m.RootElement.TryGetProperty("title", out var tt) && tt.ValueKind == JsonValueKind.String ? tt.GetString() : null;
                    published = m.RootElement.TryGetProperty("published", out var pp) && pp.ValueKind == JsonValueKind.String ? pp.GetString() : null;
                }
                texts[p.Id] = new Extracted(File.ReadAllText(file), title, published);
            }
            results[Columns[i + 2]] = texts;
        }

        Console.WriteLine(Table(pages, results, speed, repeats));
        return 0;
    }

    private static (Dictionary<string, Extracted>, double PagesPerSecond) Time(IReadOnlyList<GoldPage> pages, List<string> htmls, int repeats, Func<GoldPage, string, Extracted> extract)
    {
        for (var i = 0; i < pages.Count; i++)
            extract(pages[i], htmls[i]); // warm-up pass
        var result = new Dictionary<string, Extracted>(StringComparer.Ordinal);
        var sw = Stopwatch.StartNew();
        for (var r = 0; r < repeats; r++)
        {
            for (var i = 0; i < pages.Count; i++)
                result[pages[i].Id] = extract(pages[i], htmls[i]);
        }
        sw.Stop();
        return (result, pages.Count * repeats / sw.Elapsed.TotalSeconds);
    }

    /// <summary>Marsad's HTML reader; the dateline it splits off the body is put back for scoring (the gold texts keep it).</summary>
    private static Extracted Marsad(HtmlReader reader, GoldPage page, string html)
    {
        var result = reader.Read(html, page.Id);
        if (result is not ReadResult.Ok ok)
            return new Extracted("", null, null);
        var a = ok.Article;
        return new Extracted(HtmlGold.ArticleText(a), a.Title, a.Published?.ToString());
    }

    private static Extracted SmartReaderExtract(GoldPage page, string html)
    {
        try
        {
            using var r = new SmartReader.Reader(page.Url, html);
            var article = r.GetArticle();
            var text = string.IsNullOrEmpty(article.Content) ? "" : string.Join('\n', HtmlText.Paragraphs(article.Content));
            return new Extracted(text, article.Title, article.PublicationDate?.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            return new Extracted("", null, null);
        }
    }

    private static string Table(IReadOnlyList<GoldPage> pages, Dictionary<string, Dictionary<string, Extracted>> results, Dictionary<string, double> speed, int repeats)
    {
        var cols = Columns.Where(results.ContainsKey).ToList();
        var sb = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        sb.AppendLine(inv, $"HTML main-text extraction, {pages.Count} pages of ../shared/data/news/html, {repeats} timed passes after one warm-up, {Environment.ProcessorCount} cores");
        sb.AppendLine("Score: token F1 (full-text gold; cnn goose3 copy against the same article's newspaper text), or share of trafilatura with/without snippets satisfied (assabah)");
        sb.AppendLine();
        var header = $"| {"page",-28} | {"lang",4} | {"gold",-8} | " + string.Join(" | ", cols.Select(c => $"{c,14}")) + $" | {"Marsad/best peer",16} |";
        sb.AppendLine(header);
        sb.AppendLine(Separator(header));
        var ratios = new List<double>();
        foreach (var p in pages)
        {
            if (p.Kind == GoldKind.DateOnly)
                continue;
            var scores = cols.Select(c => results[c].TryGetValue(p.Id, out var e) ? HtmlGold.Score(p, e.Text)?.Value : null).ToList();
            var peerBest = scores.Skip(1).Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty(double.NaN).Max();
            var ratio = scores[0] is { } m && peerBest > 0 ? m / peerBest : double.NaN;
            if (!double.IsNaN(ratio))
                ratios.Add(ratio);
            var kind = p.Kind switch { GoldKind.FullText => "text", GoldKind.Snippets => "snippets", GoldKind.Prefix => "prefix*", _ => "" };
            sb.Append(inv, $"| {p.Name,-28} | {p.Language,4} | {kind,-8} | ").AppendLine(string.Join(" | ", scores.Select(s => s is null ? $"{"n/a",14}" : $"{s.Value,14:0.000}")) + $" | {ratio,16:0.000} |");
        }
        var arabic = pages.Where(p => p.Kind != GoldKind.DateOnly && p.Language == "ar").ToList();
        sb.AppendLine($"| {"mean, Arabic pages",-28} | {"ar",4} | {"",-8} | " + string.Join(" | ", cols.Select(c => $"{Mean(arabic, results[c]),14:0.000}")) + $" | {"",16} |");
        sb.AppendLine($"| {"mean, all text pages",-28} | {"",4} | {"",-8} | " + string.Join(" | ", cols.Select(c => $"{Mean([.. pages.Where(p => p.Kind != GoldKind.DateOnly)], results[c]),14:0.000}")) + $" | {"",16} |");
        sb.AppendLine($"| {"pages/s (all 17 pages)",-28} | {"",4} | {"",-8} | " + string.Join(" | ", cols.Select(c => speed.TryGetValue(c, out var s) ? $"{s,14:0.0}" : $"{"n/a",14}")) + $" | {speed["Marsad"] / cols.Skip(1).Where(speed.ContainsKey).Select(c => speed[c]).DefaultIfEmpty(double.NaN).Max(),16:0.00} |");
        sb.AppendLine();
        sb.AppendLine("* prefix: goose3 asserts the text starts with its prefix; starts-with check:");
        foreach (var p in pages.Where(p => p.Kind == GoldKind.Prefix))
            sb.Append(inv, $"  {p.Name}: ").AppendLine(string.Join(", ", cols.Select(c => $"{c} {(results[c].TryGetValue(p.Id, out var e) && HtmlGold.StartsWithPrefix(p, e.Text) ? "yes" : "no")}")));
        sb.AppendLine();
        sb.AppendLine("Same pages, scoring title + main text (each extractor's own title field prepended; boilerpipe has none, its text keeps the headline):");
        var theader = $"| {"page",-28} | " + string.Join(" | ", cols.Select(c => $"{c,14}")) + $" | {"Marsad/best peer",16} |";
        sb.AppendLine(theader);
        sb.AppendLine(Separator(theader));
        foreach (var p in pages)
        {
            if (p.Kind is GoldKind.DateOnly or GoldKind.Snippets)
                continue;
            var scores = cols.Select(c => results[c].TryGetValue(p.Id, out var e) ? HtmlGold.Score(p, e.Title is null ? e.Text : e.Title + "\n" + e.Text)?.Value : null).ToList();
            var peerBest = scores.Skip(1).Where(s => s is not null).Select(s => s!.Value).DefaultIfEmpty(double.NaN).Max();
            var ratio = scores[0] is { } m && peerBest > 0 ? m / peerBest : double.NaN;
            sb.Append(inv, $"| {p.Name,-28} | ").AppendLine(string.Join(" | ", scores.Select(s => s is null ? $"{"n/a",14}" : $"{s.Value,14:0.000}")) + $" | {ratio,16:0.000} |");
        }
        sb.AppendLine();
        sb.AppendLine("Snippet detail (assabah):");
        foreach (var p in pages.Where(p => p.Kind == GoldKind.Snippets))
            sb.Append(inv, $"  {p.Name}: ").AppendLine(string.Join("; ", cols.Select(c => $"{c} {(results[c].TryGetValue(p.Id, out var e) ? HtmlGold.Score(p, e.Text)!.Detail : "n/a")}")));
        sb.AppendLine();

        sb.AppendLine("Published date (pages whose gold gives one; the peers without a date field are left out):");
        var dateCols = cols.Where(c => c is "Marsad" or "SmartReader" or "Readability.js").ToList();
        var dheader = $"| {"page",-28} | {"gold",-10} | " + string.Join(" | ", dateCols.Select(c => $"{c,-27}")) + " |";
        sb.AppendLine(dheader);
        sb.AppendLine(Separator(dheader));
        var correct = dateCols.ToDictionary(c => c, _ => 0);
        var withDate = pages.Where(p => p.Date is not null).ToList();
        foreach (var p in withDate)
        {
            var cells = new List<string>();
            foreach (var c in dateCols)
            {
                var got = results[c].TryGetValue(p.Id, out var e) ? e.Published : null;
                var ok = got is not null && got.StartsWith(p.Date!, StringComparison.Ordinal);
                if (ok)
                    correct[c]++;
                cells.Add($"{(ok ? "ok" : "WRONG")} {got ?? "-",-24}");
            }
            sb.Append(inv, $"| {p.Name,-28} | {p.Date,-10} | ").AppendLine(string.Join(" | ", cells.Select(x => $"{x,-27}")) + " |");
        }
        sb.AppendLine($"| {"correct",-28} | {"",-10} | " + string.Join(" | ", dateCols.Select(c => $"{correct[c] + "/" + withDate.Count,-27}")) + " |");
        sb.AppendLine();
        sb.AppendLine(inv, $"Marsad/best-peer F1 ratio: min {ratios.Min():0.000}, mean {ratios.Average():0.000} over {ratios.Count} pages with text gold.");
        return sb.ToString();
    }

    private static double Mean(List<GoldPage> pages, Dictionary<string, Extracted> texts) =>
        pages.Select(p => texts.TryGetValue(p.Id, out var e) ? HtmlGold.Score(p, e.Text)!.Value : 0).DefaultIfEmpty(0).Average();

    private static string Separator(string header) =>
        new([.. header.Select(c => c == '|' ? '|' : '-')]);
}
