using System.Globalization;
using System.Text;
using System.Text.Json;
using Marsad.Text;

namespace Marsad.Tests.Ingest.Html;

/// <summary>What a page's ground truth is, as the shared manifest names it.</summary>
public enum GoldKind
{
    /// <summary>The full main text (newspaper, fundus, magic-html): scored by token F1.</summary>
    FullText,
    /// <summary>Snippets that must / must not be in the main text (trafilatura): scored by the share satisfied.</summary>
    Snippets,
    /// <summary>The start of the main text (goose3); the same article's full text exists in another file.</summary>
    Prefix,
    /// <summary>Only the publication date (htmldate).</summary>
    DateOnly,
}

/// <summary>One page of <c>../shared/data/news/html</c> with its ground truth.</summary>
public sealed record GoldPage
{
    /// <summary>File-name-safe id: <c>dir__file</c> with '/' replaced.</summary>
    public required string Id { get; init; }
    /// <summary>Short name for tables.</summary>
    public required string Name { get; init; }
    public required string HtmlPath { get; init; }
    public required string Url { get; init; }
    public required string Site { get; init; }
    public required string Language { get; init; }
    public required GoldKind Kind { get; init; }
    /// <summary>Full main text, for <see cref="GoldKind.FullText"/>, and for <see cref="GoldKind.Prefix"/> the same URL's full text when the folder has it.</summary>
    public string? Text { get; init; }
    public IReadOnlyList<string> With { get; init; } = [];
    public IReadOnlyList<string> Without { get; init; } = [];
    public string? Prefix { get; init; }
    /// <summary>Publication date <c>yyyy-MM-dd</c> when the ground truth gives one.</summary>
    public string? Date { get; init; }
    /// <summary>Title when the ground truth gives one.</summary>
    public string? Title { get; init; }
}

/// <summary>Per-page score of one extractor's text.</summary>
public sealed record GoldScore(double Value, string Detail)
{
    /// <summary>For full text: precision, recall; for snippets: with-found, without-absent.</summary>
    public double A { get; init; }
    public double B { get; init; }
}

/// <summary>
/// Reads the manifest of the HTML test pages and scores extracted text against each page's ground
/// truth. Token F1: the extracted text and the gold text are normalised with
/// <see cref="ArabicNormalizer"/>, split into word tokens (maximal runs of letters, digits and
/// combining marks; punctuation and whitespace separate tokens and are dropped), and compared as
/// bags of tokens (multiset intersection): precision = common / extracted, recall = common / gold.
/// Shared by the golden tests and the peer comparison in bench/html-peers.
/// </summary>
public static class HtmlGold
{
    /// <summary>All pages of the manifest under <paramref name="folder"/> (the <c>data/news/html</c> directory).</summary>
    public static IReadOnlyList<GoldPage> Load(string folder)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "manifest.json")));
        var entries = manifest.RootElement.EnumerateArray().ToList();
        var pages = new List<GoldPage>();
        foreach (var e in entries)
        {
            var dir = e.GetProperty("dir").GetString()!;
            var html = e.GetProperty("html").GetString()!;
            var gt = e.GetProperty("ground_truth").GetString()!;
            var kindText = e.GetProperty("ground_truth_kind").GetString()!;
            var url = e.GetProperty("url").GetString()!;
            var page = new GoldPage
            {
                Id = (dir + "__" + Path.GetFileNameWithoutExtension(html)).Replace('/', '_'),
                Name = ShortName(dir, html),
                HtmlPath = Path.Combine(folder, dir, html),
                Url = url,
                Site = e.GetProperty("site").GetString()!,
                Language = e.GetProperty("language").GetString()!,
                Kind = GoldKind.DateOnly,
                Date = e.TryGetProperty("publication_date", out var d) ? d.GetString() : null,
            };
            var gtPath = Path.Combine(folder, dir, gt);
            if (kindText.StartsWith("publication date only", StringComparison.Ordinal))
            {
                pages.Add(page);
            }
            else if (gt.EndsWith(".txt", StringComparison.Ordinal))
            {
                pages.Add(page with { Kind = GoldKind.FullText, Text = File.ReadAllText(gtPath) });
            }
            else if (gt.StartsWith("fundus_", StringComparison.Ordinal))
            {
                using var f = JsonDocument.Parse(File.ReadAllText(gtPath));
                var v = f.RootElement.EnumerateObject().First().Value;
                var paragraphs = new List<string>();
                foreach (var section in v.GetProperty("body").GetProperty("sections").EnumerateArray())
                {
                    foreach (var p in section.GetProperty("paragraphs").EnumerateArray())
                        paragraphs.Add(p.GetString()!);
                }
                var published = v.GetProperty("publishing_date").GetString();
                pages.Add(page with
                {
                    Kind = GoldKind.FullText,
                    Text = string.Join('\n', paragraphs),
                    Title = v.GetProperty("title").GetString(),
                    Date = published?[..10],
                });
            }
            else if (gt.StartsWith("trafilatura_", StringComparison.Ordinal))
            {
                using var f = JsonDocument.Parse(File.ReadAllText(gtPath));
                var v = f.RootElement.EnumerateObject().First().Value;
                pages.Add(page with
                {
                    Kind = GoldKind.Snippets,
                    With = [.. v.GetProperty("with").EnumerateArray().Select(x => x.GetString()!)],
                    Without = [.. v.GetProperty("without").EnumerateArray().Select(x => x.GetString()!)],
                    Title = v.GetProperty("title").GetString(),
                });
            }
            else if (gt.StartsWith("goose3_", StringComparison.Ordinal))
            {
                using var f = JsonDocument.Parse(File.ReadAllText(gtPath));
                var prefix = f.RootElement.GetProperty("expected").GetProperty("cleaned_text").GetString();
                // The same article (same URL) saved by another project has full-text gold.
                var sibling = entries.FirstOrDefault(o => o.GetProperty("url").GetString() == url
                    && o.GetProperty("ground_truth").GetString()!.EndsWith(".txt", StringComparison.Ordinal));
                var text = sibling.ValueKind == JsonValueKind.Object
                    ? File.ReadAllText(Path.Combine(folder, sibling.GetProperty("dir").GetString()!, sibling.GetProperty("ground_truth").GetString()!))
                    : null;
                pages.Add(page with { Kind = GoldKind.Prefix, Prefix = prefix, Text = text });
            }
            else
            {
                throw new InvalidDataException($"{dir}/{html}: unknown ground truth {gt}");
            }
        }
        return pages;
    }

    private static string ShortName(string dir, string html)
    {
        var d = dir.Replace("arabic-script-other/", "", StringComparison.Ordinal);
        var f = Path.GetFileNameWithoutExtension(html);
        return d + "/" + (f.Length > 10 ? f[..10] : f);
    }

    /// <summary>
    /// The text of an HTML article as scored: the body, with the dateline the reader split off put
    /// back in front (the gold texts keep it: «دمشق، سوريا (CNN) --»).
    /// </summary>
    public static string ArticleText(Marsad.Model.Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return article.Dateline is { } d ? $"{d.Place} - {d.Source} -\n{article.Body}" : article.Body;
    }

    /// <summary>Scores <paramref name="extracted"/> (null when the extractor gave nothing) against the page's text ground truth; null for date-only pages.</summary>
    public static GoldScore? Score(GoldPage page, string? extracted)
    {
        extracted ??= "";
        switch (page.Kind)
        {
            case GoldKind.FullText:
            case GoldKind.Prefix when page.Text is not null:
            {
                var (p, r, f1) = TokenF1(extracted, page.Text!);
                return new GoldScore(f1, string.Create(CultureInfo.InvariantCulture, $"P {p:0.000} R {r:0.000}")) { A = p, B = r };
            }
            case GoldKind.Snippets:
            {
                var norm = NormalizeForMatch(extracted);
                var found = page.With.Count(s => norm.Contains(NormalizeForMatch(s), StringComparison.Ordinal));
                var absent = page.Without.Count(s => !norm.Contains(NormalizeForMatch(s), StringComparison.Ordinal));
                var total = page.With.Count + page.Without.Count;
                return new GoldScore((double)(found + absent) / total, $"with {found}/{page.With.Count} without-absent {absent}/{page.Without.Count}")
                {
                    A = (double)found / page.With.Count,
                    B = (double)absent / page.Without.Count,
                };
            }
            default:
                return null;
        }
    }

    /// <summary>
    /// goose3's assertion on word tokens: the extracted text starts with the prefix's tokens (the
    /// last one may be cut mid-word). Punctuation is ignored, so «دمشق، سوريا (CNN) --» matches
    /// «دمشق، سوريا - CNN -».
    /// </summary>
    public static bool StartsWithPrefix(GoldPage page, string? extracted)
    {
        if (page.Prefix is null)
            return false;
        var p = Tokens(page.Prefix);
        var e = Tokens(extracted ?? "");
        if (p.Count == 0 || e.Count < p.Count)
            return false;
        for (var i = 0; i < p.Count - 1; i++)
        {
            if (!string.Equals(p[i], e[i], StringComparison.Ordinal))
                return false;
        }
        return e[p.Count - 1].StartsWith(p[^1], StringComparison.Ordinal);
    }

    /// <summary>Bag-of-tokens precision, recall and F1 of <paramref name="extracted"/> against <paramref name="gold"/>.</summary>
    public static (double Precision, double Recall, double F1) TokenF1(string extracted, string gold)
    {
        var e = Tokens(extracted);
        var g = Tokens(gold);
        if (e.Count == 0 || g.Count == 0)
            return (0, 0, 0);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in g)
            counts[t] = counts.GetValueOrDefault(t) + 1;
        var common = 0;
        foreach (var t in e)
        {
            if (counts.TryGetValue(t, out var n) && n > 0)
            {
                counts[t] = n - 1;
                common++;
            }
        }
        var precision = (double)common / e.Count;
        var recall = (double)common / g.Count;
        var f1 = common == 0 ? 0 : 2 * precision * recall / (precision + recall);
        return (precision, recall, f1);
    }

    /// <summary>Word tokens of <paramref name="text"/> after Arabic normalisation.</summary>
    public static List<string> Tokens(string text)
    {
        var norm = ArabicNormalizer.Normalize(text);
        var tokens = new List<string>();
        var sb = new StringBuilder();
        foreach (var c in norm)
        {
            if (char.IsLetterOrDigit(c) || CharUnicodeInfo.GetUnicodeCategory(c) is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark)
            {
                sb.Append(c);
            }
            else if (sb.Length > 0)
            {
                tokens.Add(sb.ToString());
                sb.Clear();
            }
        }
        if (sb.Length > 0)
            tokens.Add(sb.ToString());
        return tokens;
    }

    /// <summary>Normalised text with runs of whitespace as one space, for snippet matching.</summary>
    public static string NormalizeForMatch(string text) =>
        string.Join(' ', ArabicNormalizer.Normalize(text).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
