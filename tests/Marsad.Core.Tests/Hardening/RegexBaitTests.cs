using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using Marsad.Pipeline;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Hardening;

/// <summary>
/// Backtracking bait for every <c>[GeneratedRegex]</c> in Marsad (issue 7). The regexes are found by
/// reflection, so a new one is covered without editing this test. Each runs under
/// <see cref="RegexLimits"/>, and on long runs of the characters its pattern looks for (50,000 repeats,
/// with and without a character that makes the match fail at the end) it must finish without reaching
/// the timeout; the same bait as article text must go through reading and the whole pipeline.
/// </summary>
public sealed class RegexBaitTests
{
    private const int BaitLength = 50_000;

    /// <summary>Every generated regex of the Marsad assemblies: (declaring type.member, instance).</summary>
    internal static IReadOnlyList<(string Name, Regex Regex)> GeneratedRegexes()
    {
        var found = new List<(string, Regex)>();
        Assembly[] assemblies = [typeof(AnalysisPipeline).Assembly, typeof(Marsad.Cli.Commands.SearchCommand).Assembly];
        const BindingFlags Flags = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static | BindingFlags.Instance | BindingFlags.DeclaredOnly;
        foreach (var type in assemblies.SelectMany(a => a.GetTypes()))
        {
            foreach (var m in type.GetMethods(Flags))
            {
                if (m.GetCustomAttribute<GeneratedRegexAttribute>() is null)
                    continue;
                Assert.True(m.IsStatic && m.GetParameters().Length == 0, $"{type.Name}.{m.Name}: an instance or parameterised generated regex; this test only knows static ones");
                found.Add(($"{type.Name}.{m.Name}", (Regex)m.Invoke(null, null)!));
            }
            foreach (var p in type.GetProperties(Flags))
            {
                if (p.GetCustomAttribute<GeneratedRegexAttribute>() is null)
                    continue;
                found.Add(($"{type.Name}.{p.Name}", (Regex)p.GetValue(null)!));
            }
        }
        return found;
    }

    public static TheoryData<string> RegexNames() => new(GeneratedRegexes().Select(r => r.Name));

    /// <summary>The characters a pattern is after: its literals, the ends of its classes, and a representative of each escape class.</summary>
    internal static IReadOnlyList<char> Alphabet(string pattern)
    {
        var chars = new SortedSet<char>();
        for (var i = 0; i < pattern.Length; i++)
        {
            var c = pattern[i];
            if (c == '\\' && i + 1 < pattern.Length)
            {
                var e = pattern[++i];
                switch (e)
                {
                    case 'u' when i + 4 < pattern.Length:
                        chars.Add((char)int.Parse(pattern.AsSpan(i + 1, 4), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                        i += 4;
                        break;
                    case 's':
                        chars.UnionWith(" \t\n\u00A0");
                        break;
                    case 'd':
                        chars.UnionWith("7٧۷");
                        break;
                    case 'w' or 'p' or 'b':
                        chars.UnionWith("aـبة_");
                        break;
                    case 'S' or 'W' or 'D' or 'P' or 'B':
                        chars.UnionWith("a،!");
                        break;
                    case 'n':
                        chars.Add('\n');
                        break;
                    case 't':
                        chars.Add('\t');
                        break;
                    default:
                        chars.Add(e);
                        break;
                }
                continue;
            }
            if (c == '(' && i + 2 < pattern.Length && pattern[i + 1] == '?' && pattern[i + 2] == '<' && i + 3 < pattern.Length && char.IsLetter(pattern[i + 3]))
            {
                i = pattern.IndexOf('>', i);
                continue;
            }
            if ("()[]{}?*+|^$".Contains(c, StringComparison.Ordinal))
                continue;
            chars.Add(c);
        }
        chars.UnionWith(" .ا1");
        return [.. chars];
    }

    /// <summary>Bait strings for <paramref name="pattern"/>: runs of each character, alternations, and the pattern's literals repeated.</summary>
    internal static IEnumerable<(string Kind, string Text)> Bait(string pattern)
    {
        var alphabet = Alphabet(pattern);
        foreach (var c in alphabet)
        {
            var run = new string(c, BaitLength);
            yield return ($"U+{(int)c:X4} ×{BaitLength}", run);
            yield return ($"U+{(int)c:X4} ×{BaitLength} then «!»", run + "!\u0000");
            yield return ($"(U+{(int)c:X4} space) ×{BaitLength / 2}", string.Concat(Enumerable.Repeat(c + " ", BaitLength / 2)));
        }
        var literals = new string([.. alphabet]);
        yield return ("all pattern characters, repeated", Repeat(literals, BaitLength));
        yield return ("all pattern characters, repeated, then «!»", Repeat(literals, BaitLength) + "!");
        var reversed = new string([.. alphabet.Reverse()]);
        yield return ("all pattern characters reversed, repeated", Repeat(reversed, BaitLength));
    }

    private static string Repeat(string unit, int length)
    {
        var sb = new StringBuilder(length + unit.Length);
        while (sb.Length < length)
            sb.Append(unit);
        return sb.ToString();
    }

    [Fact]
    public void The_reflection_finds_the_generated_regexes()
    {
        var names = GeneratedRegexes().Select(r => r.Name).ToList();
        Assert.True(names.Count >= 20, string.Join(", ", names));
        Assert.Contains("PublishedDateParser.IsoRegex", names);
        Assert.Contains("DatelineExtractor.PlaceSourceRegex", names);
    }

    [Theory]
    [MemberData(nameof(RegexNames))]
    public void Generated_regex_runs_under_the_shared_limit_and_finishes_on_bait(string name)
    {
        var regex = GeneratedRegexes().Single(r => r.Name == name).Regex;
        Assert.True(regex.MatchTimeout == RegexLimits.Timeout, $"{name} has timeout {regex.MatchTimeout}, not RegexLimits.Timeout");
        var timedOut = new List<string>();
        foreach (var (kind, text) in Bait(regex.ToString()))
        {
            try
            {
                for (var m = regex.Match(text); m.Success; m = m.NextMatch())
                {
                    Assert.InRange(m.Index, 0, text.Length);
                }
            }
            catch (RegexMatchTimeoutException)
            {
                timedOut.Add(kind);
            }
        }
        Assert.True(timedOut.Count == 0, $"{name} reached the {RegexLimits.TimeoutMilliseconds} ms limit on: {string.Join("; ", timedOut)}");
    }

    [Fact]
    public void Bait_for_every_regex_as_article_text_goes_through_reading_and_the_pipeline()
    {
        // One page whose lines are short bait runs for each regex (lines, because most patterns are line-anchored).
        var lines = new List<string> { "مرصد يختبر النصوص العدائية - اختبار", "  • 3/7/2024", "عمّان - مرصد - بدأ الاختبار اليوم." };
        foreach (var (_, regex) in GeneratedRegexes())
        {
            foreach (var (_, text) in Bait(regex.ToString()).Where((_, i) => i % 7 == 0))
                lines.Add(text[..Math.Min(text.Length, 600)].Replace('\u0000', ' '));
        }
        lines.Add("وقال المتحدث إن الاختبار انتهى بنجاح.");
        var results = Analyzer.ReadText(string.Join('\n', lines), "bait.txt");
        var ok = Assert.IsType<Marsad.Ingest.ReadResult.Ok>(Assert.Single(results));
        var doc = AnalysisPipeline.Default.Analyze(ok.Article);
        Hostile.AssertOffsetsValid(doc);
        Assert.NotEmpty(doc.Sentences);
    }
}
