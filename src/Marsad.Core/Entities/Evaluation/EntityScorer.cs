using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Entities.Evaluation;

/// <summary>A gold mention found in the body: the span of one occurrence of an annotated surface form.</summary>
public sealed record GoldMention(int Start, int End, EntityType Type, int Entity);

/// <summary>Counts of true positives, false positives and false negatives, with precision, recall and F1.</summary>
public readonly record struct Prf(int TruePositives, int FalsePositives, int FalseNegatives)
{
    public double Precision => TruePositives + FalsePositives == 0 ? 1 : (double)TruePositives / (TruePositives + FalsePositives);
    public double Recall => TruePositives + FalseNegatives == 0 ? 1 : (double)TruePositives / (TruePositives + FalseNegatives);
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

    public static Prf operator +(Prf a, Prf b) => new(a.TruePositives + b.TruePositives, a.FalsePositives + b.FalsePositives, a.FalseNegatives + b.FalseNegatives);

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"P {Precision:P1} R {Recall:P1} F1 {F1:P1} (tp {TruePositives}, fp {FalsePositives}, fn {FalseNegatives})");
}

/// <summary>Scores of one or more documents: mention level (strict span, lenient overlap) and entity level, overall and by type.</summary>
public sealed class EntityScore
{
    private readonly Dictionary<(string Level, EntityType? Type), Prf> _counts = [];

    /// <summary>Mention level, exact span and type.</summary>
    public Prf Strict(EntityType? type = null) => Get("strict", type);

    /// <summary>Mention level, overlapping span and same type.</summary>
    public Prf Lenient(EntityType? type = null) => Get("lenient", type);

    /// <summary>Entity level: a gold entity is found when one system entity of its type holds its mentions (one-to-one).</summary>
    public Prf Entities(EntityType? type = null) => Get("entity", type);

    internal void Add(string level, EntityType type, Prf prf)
    {
        _counts[(level, type)] = Get(level, type) + prf;
        _counts[(level, null)] = Get(level, null) + prf;
    }

    public void Add(EntityScore other)
    {
        foreach (var ((level, type), prf) in other._counts)
            _counts[(level, type)] = Get(level, type) + prf;
    }

    private Prf Get(string level, EntityType? type) => _counts.TryGetValue((level, type), out var p) ? p : default;

    /// <summary>A table of every level, overall and per type (PER, ORG, LOC).</summary>
    public string Report()
    {
        var sb = new StringBuilder();
        foreach (var (name, get) in new (string, Func<EntityType?, Prf>)[] { ("mentions (exact span)", Strict), ("mentions (overlap)", Lenient), ("entities", Entities) })
        {
            sb.Append(name).Append('\n');
            foreach (var type in new EntityType?[] { null, EntityType.PER, EntityType.ORG, EntityType.LOC })
                sb.Append("  ").Append(type?.ToString() ?? "all").Append(": ").Append(get(type)).Append('\n');
        }
        return sb.ToString();
    }
}

/// <summary>
/// Scores recognised entities against a hand annotation (<see cref="EntityAnnotationFile"/>), for the golden tests
/// and <c>marsad eval</c>. Each annotated surface form is looked up in the body after Arabic normalisation, at word
/// boundaries, with optional proclitics (و ف ب ك ل) before it; longer forms are placed first and occurrences never
/// overlap; every occurrence is a gold mention of its entity. Then:
/// <list type="bullet">
/// <item>mention level, strict: a system mention with the same span and type;</item>
/// <item>mention level, lenient: a system mention of the same type that overlaps it (each used once);</item>
/// <item>entity level: gold and system entities of one type are paired one-to-one, greedily by the number of gold
/// mentions the system entity overlaps; unpaired system entities are false positives, unpaired gold entities
/// (with at least one occurrence) false negatives. A gold entity split in two costs a false positive.</item>
/// </list>
/// Gold entities whose forms do not occur in the body (a dateline the reader removed) are left out.
/// </summary>
public static class EntityScorer
{
    public static EntityScore Score(Document document, EntityAnnotationFile gold)
    {
        var body = document.Article.Body;
        var goldMentions = FindGoldMentions(body, gold);
        var system = document.Entities.SelectMany((e, i) => e.Mentions.Select(m => (m.Start, m.End, e.Type, Entity: i))).ToList();
        var score = new EntityScore();
        foreach (var type in (ReadOnlySpan<EntityType>)[EntityType.PER, EntityType.ORG, EntityType.LOC, EntityType.MISC])
        {
            var g = goldMentions.Where(m => m.Type == type).ToList();
            var s = system.Where(m => m.Type == type).ToList();
            var exact = g.Count(m => s.Any(x => x.Start == m.Start && x.End == m.End));
            score.Add("strict", type, new Prf(exact, s.Count - exact, g.Count - exact));
            var used = new bool[s.Count];
            var overlap = 0;
            foreach (var m in g)
            {
                for (var k = 0; k < s.Count; k++)
                {
                    if (!used[k] && s[k].Start < m.End && m.Start < s[k].End)
                    {
                        used[k] = true;
                        overlap++;
                        break;
                    }
                }
            }
            score.Add("lenient", type, new Prf(overlap, s.Count - overlap, g.Count - overlap));

            var goldEntities = g.Select(m => m.Entity).Distinct().ToList();
            var systemEntities = s.Select(m => m.Entity).Distinct().ToList();
            var pairs = new List<(int Gold, int System, int Overlap)>();
            foreach (var ge in goldEntities)
            {
                foreach (var se in systemEntities)
                {
                    var n = g.Count(m => m.Entity == ge && s.Any(x => x.Entity == se && x.Start < m.End && m.Start < x.End));
                    if (n > 0)
                        pairs.Add((ge, se, n));
                }
            }
            var pairedGold = new HashSet<int>();
            var pairedSystem = new HashSet<int>();
            foreach (var (ge, se, _) in pairs.OrderByDescending(p => p.Overlap).ThenBy(p => p.Gold).ThenBy(p => p.System))
            {
                if (pairedGold.Contains(ge) || pairedSystem.Contains(se))
                    continue;
                pairedGold.Add(ge);
                pairedSystem.Add(se);
            }
            score.Add("entity", type, new Prf(pairedGold.Count, systemEntities.Count - pairedSystem.Count, goldEntities.Count - pairedGold.Count));
        }
        return score;
    }

    /// <summary>The gold mentions of <paramref name="gold"/> in <paramref name="body"/> (see the class remarks).</summary>
    public static ImmutableArray<GoldMention> FindGoldMentions(string body, EntityAnnotationFile gold)
    {
        var (norm, map) = NormalizeWithMap(body);
        var taken = new bool[norm.Length];
        var forms = gold.Entities
            .SelectMany((e, i) => e.Mentions.Select(f => (Form: NormalizeForm(f), e.Type, Entity: i)))
            .Where(f => f.Form.Length > 0)
            .OrderByDescending(f => f.Form.Length)
            .ThenBy(f => f.Entity)
            .ToList();
        var result = ImmutableArray.CreateBuilder<GoldMention>();
        foreach (var (form, type, entity) in forms)
        {
            for (var p = norm.IndexOf(form, StringComparison.Ordinal); p >= 0; p = norm.IndexOf(form, p + 1, StringComparison.Ordinal))
            {
                var q = p + form.Length;
                if (!LeftBoundary(norm, p) || (q < norm.Length && IsWordChar(norm[q])) || Any(taken, p, q))
                    continue;
                for (var k = p; k < q; k++)
                    taken[k] = true;
                result.Add(new GoldMention(map[p], map[q - 1] + 1, type, entity));
            }
        }
        result.Sort((a, b) => a.Start.CompareTo(b.Start));
        return result.ToImmutable();
    }

    private static bool Any(bool[] taken, int from, int to)
    {
        for (var k = from; k < to; k++)
        {
            if (taken[k])
                return true;
        }
        return false;
    }

    // At the start of a word, or after one or two proclitics (و ف ب ك ل) that start a word.
    private static bool LeftBoundary(string norm, int p)
    {
        if (p == 0 || !IsWordChar(norm[p - 1]))
            return true;
        for (var n = 1; n <= 2 && p - n >= 0; n++)
        {
            if (norm[p - n] is not ('و' or 'ف' or 'ب' or 'ك' or 'ل'))
                return false;
            if (p - n == 0 || !IsWordChar(norm[p - n - 1]))
                return true;
        }
        return false;
    }

    private static bool IsWordChar(char c) => char.IsLetterOrDigit(c);

    private static string NormalizeForm(string form)
    {
        var (norm, _) = NormalizeWithMap(form);
        return norm.Trim();
    }

    /// <summary>The normalised text (letters mapped one to one, removed marks dropped, whitespace runs as one space) and, per character, its offset in the input.</summary>
    private static (string Text, int[] Map) NormalizeWithMap(string text)
    {
        var sb = new StringBuilder(text.Length);
        var map = new List<int>(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                if (sb.Length > 0 && sb[^1] != ' ')
                {
                    sb.Append(' ');
                    map.Add(i);
                }
                continue;
            }
            var m = ArabicNormalizer.Map(c);
            if (m == '\0')
                continue;
            sb.Append(m);
            map.Add(i);
        }
        return (sb.ToString(), [.. map]);
    }
}
