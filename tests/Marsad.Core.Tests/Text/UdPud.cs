using System.Globalization;
using Marsad.Text;

namespace Marsad.Tests.Text;

/// <summary>
/// UD Arabic-PUD (CoNLL-U) as an evaluation set for the text core. Shared by the tests and by
/// <c>tools/Marsad.Tools eval-pud</c> (which links this file).
/// <list type="bullet">
/// <item>Sentences: the sentences of each document are joined with one space; the gold boundaries are the
/// sentence ends inside that paragraph.</item>
/// <item>Proclitics: a surface word is a run of tokens glued by <c>SpaceAfter=No</c>; its leading one-letter
/// tokens و ف ب ك ل are proclitics (the future س is not counted). PUD keeps the article on its word, so
/// the article is gold when the word form starts with bare «ال» and its lemma does not (or, after ل, the
/// fused «لل» of a definite word).</item>
/// </list>
/// </summary>
public static class UdPud
{
    public const string ConlluPath = "data/text/ud-arabic-pud/ar_pud-ud-test.conllu";

    public sealed record UdToken(string Form, string Lemma, string Feats, string Misc)
    {
        public bool SpaceAfter => !Misc.Contains("SpaceAfter=No", StringComparison.Ordinal);
    }

    public sealed record UdSentence(string DocId, string SentId, string Text, IReadOnlyList<UdToken> Tokens);

    /// <summary>A surface word and its gold proclitics (outermost first: و، ب، ال …).</summary>
    public sealed record GoldWord(string SentId, string Surface, IReadOnlyList<string> Proclitics);

    public static List<UdSentence> Read(string path)
    {
        var result = new List<UdSentence>();
        string doc = "", sentId = "", text = "";
        var tokens = new List<UdToken>();
        foreach (var line in File.ReadLines(path))
        {
            if (line.StartsWith("# newdoc id = ", StringComparison.Ordinal))
                doc = line["# newdoc id = ".Length..];
            else if (line.StartsWith("# sent_id = ", StringComparison.Ordinal))
                sentId = line["# sent_id = ".Length..];
            else if (line.StartsWith("# text = ", StringComparison.Ordinal))
                text = line["# text = ".Length..];
            else if (line.Length == 0)
            {
                if (tokens.Count > 0)
                    result.Add(new UdSentence(doc, sentId, text, tokens));
                tokens = [];
            }
            else if (line[0] != '#')
            {
                var f = line.Split('\t');
                if (f[0].Contains('-', StringComparison.Ordinal) || f[0].Contains('.', StringComparison.Ordinal))
                    continue;
                tokens.Add(new UdToken(f[1], f[2], f[5], f[9]));
            }
        }
        if (tokens.Count > 0)
            result.Add(new UdSentence(doc, sentId, text, tokens));
        return result;
    }

    // ---------------------------------------------------------------- sentences

    public readonly record struct BoundaryScore(int Gold, int Predicted, int Correct, int Paragraphs)
    {
        public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
        public double Recall => Gold == 0 ? 0 : (double)Correct / Gold;
        public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);

        public override string ToString() => string.Create(CultureInfo.InvariantCulture,
            $"paragraphs {Paragraphs}, gold boundaries {Gold}, predicted {Predicted}, correct {Correct}: P {Precision:P2} R {Recall:P2} F1 {F1:P2}");
    }

    /// <summary>Joins each document's sentences with a space and scores the inner boundaries the splitter finds.</summary>
    public static BoundaryScore ScoreSentences(IReadOnlyList<UdSentence> sentences, List<string>? errors = null)
    {
        int gold = 0, predicted = 0, correct = 0, paragraphs = 0;
        foreach (var group in sentences.GroupBy(s => s.DocId, StringComparer.Ordinal))
        {
            var parts = group.Select(s => s.Text.Trim()).ToList();
            var text = string.Join(' ', parts);
            var goldEnds = new HashSet<int>();
            var at = 0;
            for (var i = 0; i < parts.Count - 1; i++)
            {
                at += parts[i].Length;
                goldEnds.Add(at);
                at++;
            }
            paragraphs++;
            var found = SentenceSplitter.Split(text);
            var ends = new HashSet<int>();
            for (var i = 0; i < found.Count - 1; i++)
                ends.Add(found[i].End);
            gold += goldEnds.Count;
            predicted += ends.Count;
            foreach (var e in ends)
            {
                if (goldEnds.Contains(e))
                    correct++;
                else
                    errors?.Add("extra   …" + Context(text, e));
            }
            foreach (var g in goldEnds.Where(g => !ends.Contains(g)))
                errors?.Add("missed  …" + Context(text, g));
        }
        return new BoundaryScore(gold, predicted, correct, paragraphs);
    }

    private static string Context(string text, int at) =>
        text[Math.Max(0, at - 30)..at] + "‖" + text[at..Math.Min(text.Length, at + 30)] + "…";

    // ---------------------------------------------------------------- proclitics

    private static readonly string[] ProcliticTokens = ["و", "ف", "ب", "ك", "ل"];

    public static List<GoldWord> GoldWords(IReadOnlyList<UdSentence> sentences)
    {
        var words = new List<GoldWord>();
        foreach (var s in sentences)
        {
            var group = new List<UdToken>();
            foreach (var t in s.Tokens)
            {
                group.Add(t);
                if (!t.SpaceAfter)
                    continue;
                AddRuns(s.SentId, group, words);
                group = [];
            }
            if (group.Count > 0)
                AddRuns(s.SentId, group, words);
        }
        return words;
    }

    private static void AddRuns(string sentId, List<UdToken> group, List<GoldWord> words)
    {
        // Punctuation and digits glued to a word are not part of it: split the group into Arabic runs.
        var run = new List<UdToken>();
        foreach (var t in group)
        {
            if (IsArabicWord(t.Form))
            {
                run.Add(t);
                continue;
            }
            AddRun(sentId, run, words);
            run = [];
        }
        AddRun(sentId, run, words);
    }

    private static void AddRun(string sentId, List<UdToken> run, List<GoldWord> words)
    {
        if (run.Count == 0)
            return;
        var surface = string.Concat(run.Select(t => t.Form));
        var proclitics = new List<string>();
        var i = 0;
        while (i < run.Count - 1 && (ProcliticTokens.Contains(run[i].Form, StringComparer.Ordinal) || run[i].Form == "س"))
        {
            if (run[i].Form != "س")
                proclitics.Add(run[i].Form);
            i++;
        }
        var main = run[i];
        var form = Bare(main.Form);
        var lemma = Bare(main.Lemma);
        if (form.StartsWith("ال", StringComparison.Ordinal) && !lemma.StartsWith("ال", StringComparison.Ordinal))
            proclitics.Add("ال");
        else if (proclitics.Count > 0 && proclitics[^1] == "ل" && form.StartsWith('ل') && !lemma.StartsWith('ل') && main.Feats.Contains("Definite=Def", StringComparison.Ordinal))
            proclitics.Add("ال");
        words.Add(new GoldWord(sentId, surface, proclitics));
    }

    private static bool IsArabicWord(string form)
    {
        foreach (var c in form)
        {
            if (!ArabicChars.IsArabicWordChar(c))
                return false;
        }
        return form.Length > 0;
    }

    // Diacritics and tatweel removed, alef wasla as bare alef; hamza forms kept (أ is not the article's ا).
    private static string Bare(string s)
    {
        var chars = new List<char>(s.Length);
        foreach (var c in s)
        {
            if (ArabicChars.IsDiacritic(c) || c == ArabicChars.Tatweel)
                continue;
            chars.Add(c == ArabicChars.AlefWasla ? ArabicChars.Alef : c);
        }
        return new string([.. chars]);
    }

    public sealed class CliticScore
    {
        public int Words { get; set; }
        public int WordsCorrect { get; set; }
        public int CandidateWords { get; set; }
        public int CandidateCorrect { get; set; }
        public Dictionary<string, (int Tp, int Fp, int Fn)> PerForm { get; } = new(StringComparer.Ordinal);

        public double Accuracy => (double)WordsCorrect / Words;
        public double CandidateAccuracy => (double)CandidateCorrect / CandidateWords;
        public (int Tp, int Fp, int Fn) Total => PerForm.Values.Aggregate((0, 0, 0), (a, v) => (a.Item1 + v.Tp, a.Item2 + v.Fp, a.Item3 + v.Fn));
        public double Precision => (double)Total.Tp / (Total.Tp + Total.Fp);
        public double Recall => (double)Total.Tp / (Total.Tp + Total.Fn);

        public string Report()
        {
            var sb = new System.Text.StringBuilder();
            var inv = CultureInfo.InvariantCulture;
            sb.Append(inv, $"words {Words}: proclitics exactly right {WordsCorrect} ({Accuracy:P2}); words starting with و ف ب ك ل ا: {CandidateWords}, right {CandidateCorrect} ({CandidateAccuracy:P2})\n");
            sb.Append(inv, $"proclitic boundaries: P {Precision:P2} R {Recall:P2} (tp {Total.Tp}, fp {Total.Fp}, fn {Total.Fn})\n");
            foreach (var form in (string[])["و", "ف", "ب", "ك", "ل", "ال"])
            {
                var (tp, fp, fn) = PerForm.GetValueOrDefault(form);
                sb.Append(inv, $"  {form,-3} P {(tp + fp == 0 ? 0 : (double)tp / (tp + fp)):P1}  R {(tp + fn == 0 ? 0 : (double)tp / (tp + fn)):P1}  (tp {tp}, fp {fp}, fn {fn})\n");
            }
            return sb.ToString();
        }
    }

    /// <summary>Scores <paramref name="segment"/> (word → proclitic forms, outermost first) against the gold words.</summary>
    public static CliticScore ScoreClitics(IReadOnlyList<GoldWord> words, Func<string, IReadOnlyList<string>> segment, List<string>? errors = null)
    {
        var score = new CliticScore();
        foreach (var w in words)
        {
            var predicted = segment(w.Surface);
            var right = predicted.SequenceEqual(w.Proclitics, StringComparer.Ordinal);
            score.Words++;
            if (right)
                score.WordsCorrect++;
            if (w.Surface[0] is 'و' or 'ف' or 'ب' or 'ك' or 'ل' or 'ا')
            {
                score.CandidateWords++;
                if (right)
                    score.CandidateCorrect++;
            }
            for (var i = 0; i < Math.Max(predicted.Count, w.Proclitics.Count); i++)
            {
                var p = i < predicted.Count ? predicted[i] : null;
                var g = i < w.Proclitics.Count ? w.Proclitics[i] : null;
                if (p is not null && p == g)
                    Bump(score, p, tp: 1);
                else
                {
                    if (p is not null)
                        Bump(score, p, fp: 1);
                    if (g is not null)
                        Bump(score, g, fn: 1);
                }
            }
            if (!right)
                errors?.Add($"{w.Surface}\tgold {string.Join('+', w.Proclitics)}\tgot {string.Join('+', predicted)}");
        }
        return score;
    }

    private static void Bump(CliticScore score, string form, int tp = 0, int fp = 0, int fn = 0)
    {
        var (a, b, c) = score.PerForm.GetValueOrDefault(form);
        score.PerForm[form] = (a + tp, b + fp, c + fn);
    }

    /// <summary>The proclitic forms the shipped segmenter finds in <paramref name="word"/>.</summary>
    public static IReadOnlyList<string> Segment(string word)
    {
        var seg = CliticSegmenter.Segment(word);
        var forms = new string[seg.Count];
        for (var i = 0; i < seg.Count; i++)
            forms[i] = seg[i].Form;
        return forms;
    }
}
