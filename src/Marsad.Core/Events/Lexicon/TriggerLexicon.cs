using System.Collections.Frozen;
using System.Globalization;
using Marsad.Text;

namespace Marsad.Events.Lexicon;

/// <summary>Part of speech of a trigger entry.</summary>
public enum TriggerPos
{
    Verb,
    Noun,
    /// <summary>An adverbial or participle matched as written (احتجاجاً، مطالبين).</summary>
    Adverbial,
}

/// <summary>How a trigger's arguments map to actor1 (source) and actor2 (target).</summary>
public enum Frame
{
    /// <summary>Subject → actor1, object → actor2.</summary>
    SO,
    /// <summary>Subject → actor1, prepositional object → actor2.</summary>
    SP,
    /// <summary>Co-participants: X مع Y, بين X و Y.</summary>
    SYM,
    /// <summary>Noun whose genitive is actor2 (اغتيال X).</summary>
    NT,
    /// <summary>Noun whose genitive is actor1 (هجوم X على Y).</summary>
    NS,
    /// <summary>Passive: the subject is actor2.</summary>
    PASS,
}

/// <summary>What the source actor must be for the entry to apply.</summary>
public enum SourceRequirement
{
    None,
    /// <summary>Some actor must be found.</summary>
    Any,
    /// <summary>Armed: military, police, intelligence, rebels, militias, armed groups.</summary>
    Armed,
    /// <summary>State armed forces (MIL).</summary>
    Military,
    /// <summary>A state body (government, armed forces, police).</summary>
    State,
    /// <summary>Armed, or an attack noun in the clause (استهدف هجوم …).</summary>
    ArmedOrAttack,
    /// <summary>Armed or a crowd.</summary>
    ArmedOrCrowd,
    /// <summary>A crowd: protesters, citizens, students, workers, «آلاف …».</summary>
    Crowd,
}

/// <summary>When a recode applies.</summary>
public enum RecodeWhen
{
    /// <summary>The source is a political actor (government, parliament, party, person): «هاجم الوزير المعارضة» → 111.</summary>
    Political,
    /// <summary>The source is armed.</summary>
    Armed,
    /// <summary>The source is state armed forces or police: killings → 190.</summary>
    State,
    /// <summary>The source (or the other party) is a crowd of protesters.</summary>
    Crowd,
    /// <summary>Air words in the clause (جوي، طائرات): → 195.</summary>
    Air,
    /// <summary>Artillery words in the clause (مدفعي، قذائف): → 194.</summary>
    Artillery,
    /// <summary>The source is a country or capital standing for its state («احتجت مصر» → 114).</summary>
    Country,
}

/// <summary>One curated trigger: a verb, noun or adverbial with its CAMEO code, frame and conditions.</summary>
public sealed record TriggerEntry
{
    public required string Id { get; init; }
    public required TriggerPos Pos { get; init; }
    public required string Lemma { get; init; }
    public required string Cameo { get; init; }
    public required Frame Frame { get; init; }
    public required double Confidence { get; init; }
    /// <summary><c>hand</c> (written by the team) or <c>up</c> (a reviewed UniversalPetrarch candidate).</summary>
    public required string Provenance { get; init; }
    public string Gloss { get; init; } = "";
    /// <summary>One of these words must follow within <see cref="ThenWindow"/> tokens (four, or ten with <c>far:</c>).</summary>
    public FrozenSet<string>? Then { get; init; }
    public int ThenWindow { get; init; } = 4;
    /// <summary>The previous token must be one of these.</summary>
    public FrozenSet<string>? Prev { get; init; }
    /// <summary>
    /// A detail of a protest (chanting, banners, burning tyres, stones): with definite protesters as subject
    /// («ورفع المتظاهرون لافتات») it elaborates a protest reported before, not a new one.
    /// </summary>
    public bool Elaboration { get; init; }
    /// <summary>The next token must be one of these (a one-letter word means that proclitic: ب، ل).</summary>
    public FrozenSet<string>? Next { get; init; }
    /// <summary>None of these may follow within three tokens.</summary>
    public FrozenSet<string>? Not { get; init; }
    /// <summary>The previous token may not be one of these.</summary>
    public FrozenSet<string>? PrevNot { get; init; }
    public SourceRequirement Source { get; init; }
    /// <summary>The source must be a crowd, or a protest cue must be in the clause.</summary>
    public bool CrowdCue { get; init; }
    /// <summary>A noun that needs eventive evidence (a support verb, a time, casualties …) or it is a background reference.</summary>
    public bool NeedsEvidence { get; init; }
    public bool BlockedByAccident { get; init; }
    public bool BlockedBySport { get; init; }
    /// <summary>The object or genitive must be territory (a place or a word like أحياء، مدينة).</summary>
    public bool Territory { get; init; }
    /// <summary>The target must be an actor, a passive subject, or a vehicle (خطف طائرة) — not «خطف الأضواء».</summary>
    public bool AnimateTarget { get; init; }
    public IReadOnlyList<(RecodeWhen When, string Code)> Recodes { get; init; } = [];
    /// <summary>The line of triggers.tsv the entry came from.</summary>
    public int Line { get; init; }

    public bool HasLexicalCondition => Then is not null || Next is not null || Prev is not null;
}

/// <summary>The grammatical form a surface word has for its entry.</summary>
public enum FormKind
{
    /// <summary>Past tense (also the unvocalised passive).</summary>
    Past,
    /// <summary>The past third-person masculine singular: the form most likely to be read as a passive or a noun.</summary>
    Past3ms,
    Present,
    Noun,
    Adverbial,
}

/// <summary>A surface form of an entry: its first word is the dictionary key, <see cref="Rest"/> the words that must follow (bare, normalised).</summary>
public sealed record TriggerForm(TriggerEntry Entry, FormKind Kind, string[] Rest);

/// <summary>
/// The curated trigger lexicon (<c>Events/Data/triggers.tsv</c>) with every inflected form generated: verbs in
/// all persons, numbers and the unvocalised passive; nouns with accusative, dual and plural forms. Keyed by the
/// first word, normalised and without the article. Built once; thread-safe.
/// </summary>
public sealed class TriggerLexicon
{
    // Declared before Default: static initialisers run in order.
    private static readonly string[] PastSuffixes = ["ت", "وا", "ا", "تا", "نا", "ن", "تم", "و"];
    // No first person singular (ا): «أعذب»، «أقدم»، «اقتل» are far more often adjectives or imperatives in news.
    private static readonly char[] PresentPrefixes = ['ي', 'ت', 'ن'];

    private readonly FrozenDictionary<string, TriggerForm[]> _forms;
    private readonly FrozenDictionary<string, TriggerForm[]>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public static TriggerLexicon Default { get; } = new(Load());

    public TriggerLexicon(IReadOnlyList<TriggerEntry> entries)
    {
        Entries = entries;
        var d = new Dictionary<string, List<TriggerForm>>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            foreach (var (form, kind) in Forms(e))
            {
                var words = form.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(BareWord).ToArray();
                if (words.Length == 0 || words[0].Length < 2)
                    continue;
                if (!d.TryGetValue(words[0], out var list))
                    d[words[0]] = list = [];
                var rest = words[1..];
                if (!list.Exists(f => f.Entry == e && f.Kind == kind && f.Rest.AsSpan().SequenceEqual(rest)))
                    list.Add(new TriggerForm(e, kind, rest));
            }
        }
        // Longest phrases first, so that «هجوم انتحاري» is tried before «هجوم».
        _forms = d.ToFrozenDictionary(kv => kv.Key, kv => kv.Value.OrderByDescending(f => f.Rest.Length).ToArray(), StringComparer.Ordinal);
        _lookup = _forms.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public IReadOnlyList<TriggerEntry> Entries { get; }

    /// <summary>Every first word of a form (for the proclitic splitter's known words).</summary>
    public IEnumerable<string> FirstWords => _forms.Keys;

    /// <summary>Every word any form or condition mentions.</summary>
    public IEnumerable<string> AllWords()
    {
        foreach (var (k, forms) in _forms)
        {
            yield return k;
            foreach (var f in forms)
            {
                foreach (var r in f.Rest)
                    yield return r;
            }
        }
        foreach (var e in Entries)
        {
            foreach (var set in new[] { e.Then, e.Next, e.Not, e.PrevNot, e.Prev })
            {
                if (set is null)
                    continue;
                foreach (var w in set)
                    yield return w;
            }
        }
    }

    /// <summary>The forms whose first word is <paramref name="bareWord"/>, longest phrases first; empty when none.</summary>
    public TriggerForm[] Lookup(ReadOnlySpan<char> bareWord) =>
        _lookup.TryGetValue(bareWord, out var forms) ? forms : [];

    /// <summary>A normalised word without the article and the fused prepositions: «بالصمت» → صمت, «النار» → نار.</summary>
    public static string BareWord(string word)
    {
        var w = ArabicNormalizer.Normalize(word.Trim());
        if (w.Length > 4 && (w.StartsWith("بال", StringComparison.Ordinal) || w.StartsWith("وال", StringComparison.Ordinal) || w.StartsWith("فال", StringComparison.Ordinal) || w.StartsWith("كال", StringComparison.Ordinal)))
            return w[3..];
        if (w.Length > 3 && w.StartsWith("لل", StringComparison.Ordinal))
            return w[2..];
        if (w.Length > 3 && w.StartsWith("ال", StringComparison.Ordinal) && w != "الله" && w != "الذي" && w != "التي")
            return w[2..];
        return w;
    }

    /// <summary>Every surface form of <paramref name="e"/> with its kind.</summary>
    public static IEnumerable<(string Form, FormKind Kind)> Forms(TriggerEntry e)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var excluded = new HashSet<string>(StringComparer.Ordinal);
        foreach (var one in e.Lemma.Split('|'))
        {
            foreach (var extra in one.Split(';').Skip(2).SelectMany(p => p.Split(',')))
            {
                if (extra.StartsWith('!'))
                    excluded.Add(ArabicNormalizer.Normalize(extra[1..].Trim()));
            }
        }
        IEnumerable<(string, FormKind)> raw = e.Pos switch
        {
            TriggerPos.Verb => VerbForms(e.Lemma),
            TriggerPos.Noun => e.Lemma.Split(',').SelectMany(NounForms),
            _ => e.Lemma.Split(',').Select(f => (ArabicNormalizer.Normalize(f.Trim()), FormKind.Adverbial)),
        };
        foreach (var (form, kind) in raw)
        {
            if (form.Length > 0 && !excluded.Contains(form) && seen.Add(form + "|" + kind.ToString()))
                yield return (form, kind);
        }
    }

    private static IEnumerable<(string, FormKind)> VerbForms(string lemma)
    {
        // «past;present[;extra,extra,!excluded]», several lemmas separated by «|» (خطف;يخطف|اختطف;يختطف).
        foreach (var one in lemma.Split('|'))
        {
            var parts = one.Split(';');
            foreach (var f in Past(ArabicNormalizer.Normalize(parts[0].Trim())))
                yield return f;
            if (parts.Length > 1)
            {
                foreach (var f in Present(ArabicNormalizer.Normalize(parts[1].Trim())))
                    yield return (f, FormKind.Present);
            }
            foreach (var extra in parts.Skip(2).SelectMany(x => x.Split(',')))
            {
                var t = extra.Trim();
                if (t.Length > 0 && !t.StartsWith('!'))
                    yield return (ArabicNormalizer.Normalize(t), FormKind.Past);
            }
        }
    }

    private static IEnumerable<(string, FormKind)> Past(string p)
    {
        if (p.Length < 2)
            yield break;
        yield return (p, FormKind.Past3ms);
        var last = p[^1];
        if (last is 'ي' or 'ا')
        {
            // Defective verbs: اعتدى → اعتدت، اعتدوا; دعا → دعت، دعوا.
            var b = p[..^1];
            yield return (b + "ت", FormKind.Past);
            yield return (b + "وا", FormKind.Past);
            yield return (b + "تا", FormKind.Past);
            yield return (last == 'ي' ? p + "ا" : b + "وا", FormKind.Past);
            yield return (last == 'ي' ? p + "نا" : b + "ونا", FormKind.Past);
            yield return (last == 'ي' ? p + "ت" : b + "وت", FormKind.Past);
            yield break;
        }
        foreach (var s in PastSuffixes)
            yield return (p + s, FormKind.Past);
    }

    private static IEnumerable<string> Present(string q)
    {
        if (q.Length < 3 || q[0] is not ('ي' or 'ت'))
            yield break;
        var s = q[1..];
        foreach (var pre in PresentPrefixes)
        {
            yield return pre + s;
            var last = s[^1];
            if (last == 'ي')
            {
                var b = s[..^1];
                yield return pre + b + "ون";
                yield return pre + b + "وا";
                yield return pre + s + "ان";
                yield return pre + b + "ين";
            }
            else if (last == 'و')
            {
                yield return pre + s + "ن";
                yield return pre + s + "ا";
                yield return pre + s + "ان";
            }
            else
            {
                yield return pre + s + "ون";
                yield return pre + s + "وا";
                yield return pre + s + "ان";
                yield return pre + s + "ن";
                yield return pre + s + "ين";
            }
        }
    }

    private static IEnumerable<(string, FormKind)> NounForms(string form)
    {
        var f = ArabicNormalizer.Normalize(form.Trim());
        if (f.Length == 0)
            yield break;
        yield return (f, FormKind.Noun);
        var words = f.Split(' ');
        var head = words[0];
        var tail = words.Length > 1 ? " " + string.Join(' ', words[1..]) : "";
        if (head.EndsWith('ه'))
        {
            var b = head[..^1];
            yield return (b + "تان" + tail, FormKind.Noun);
            yield return (b + "تين" + tail, FormKind.Noun);
        }
        else if (!head.EndsWith("ات", StringComparison.Ordinal) && !head.EndsWith('ا') && !head.EndsWith('ي') && !head.EndsWith('ء'))
        {
            yield return (head + "ا" + tail, FormKind.Noun);
            yield return (head + "ان" + tail, FormKind.Noun);
            yield return (head + "ين" + tail, FormKind.Noun);
        }
        else if (head.EndsWith('ء'))
        {
            yield return (head + "ين" + tail, FormKind.Noun);
            yield return (head + "ان" + tail, FormKind.Noun);
        }
    }

    private static List<TriggerEntry> Load()
    {
        var list = new List<TriggerEntry>();
        foreach (var (line, c) in EventData.Rows("triggers.tsv"))
        {
            if (c.Length < 8)
                throw new InvalidDataException($"triggers.tsv:{line}: expected 9 columns, got {c.Length}");
            list.Add(Parse(line, c));
        }
        return list;
    }

    internal static TriggerEntry Parse(int line, string[] c)
    {
        var pos = c[1] switch
        {
            "v" => TriggerPos.Verb,
            "n" => TriggerPos.Noun,
            "a" => TriggerPos.Adverbial,
            _ => throw new InvalidDataException($"triggers.tsv:{line}: unknown pos {c[1]}"),
        };
        if (!CameoTable.TryGet(c[3], out _))
            throw new InvalidDataException($"triggers.tsv:{line}: unknown CAMEO code {c[3]}");
        var frame = Enum.Parse<Frame>(c[4]);
        FrozenSet<string>? then = null, next = null, not = null, prevNot = null, prev = null;
        var thenWindow = 4;
        var elab = false;
        var animate = false;
        var source = SourceRequirement.None;
        bool crowd = false, ev = false, acc = false, sport = false, terr = false;
        var recodes = new List<(RecodeWhen, string)>();
        foreach (var cond in c[5].Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var colon = cond.IndexOf(':', StringComparison.Ordinal);
            var name = colon < 0 ? cond : cond[..colon];
            var value = colon < 0 ? "" : cond[(colon + 1)..];
            switch (name)
            {
                case "then": then = WordSet(value); break;
                case "far":
                    then = WordSet(value);
                    thenWindow = 10;
                    break;
                case "prev": prev = WordSet(value); break;
                case "elab": elab = true; break;
                case "next": next = WordSet(value); break;
                case "not": not = WordSet(value); break;
                case "prev-not": prevNot = WordSet(value); break;
                case "src":
                    source = value switch
                    {
                        "any" => SourceRequirement.Any,
                        "armed" => SourceRequirement.Armed,
                        "mil" => SourceRequirement.Military,
                        "state" => SourceRequirement.State,
                        "armed-or-attack" => SourceRequirement.ArmedOrAttack,
                        "armed-or-crowd" => SourceRequirement.ArmedOrCrowd,
                        "crowd" => SourceRequirement.Crowd,
                        _ => throw new InvalidDataException($"triggers.tsv:{line}: unknown source requirement {value}"),
                    };
                    break;
                case "cue" when value == "crowd": crowd = true; break;
                case "ev": ev = true; break;
                case "acc": acc = true; break;
                case "sport": sport = true; break;
                case "terr": terr = true; break;
                case "tgt" when value == "animate-or-vehicle": animate = true; break;
                case "recode":
                    var eq = value.IndexOf('=', StringComparison.Ordinal);
                    var when = value[..eq] switch
                    {
                        "political" => RecodeWhen.Political,
                        "armed" => RecodeWhen.Armed,
                        "state" => RecodeWhen.State,
                        "crowd" => RecodeWhen.Crowd,
                        "air" => RecodeWhen.Air,
                        "artillery" => RecodeWhen.Artillery,
                        "country" => RecodeWhen.Country,
                        _ => throw new InvalidDataException($"triggers.tsv:{line}: unknown recode {value}"),
                    };
                    var code = value[(eq + 1)..];
                    if (code != "0" && !CameoTable.TryGet(code, out _))
                        throw new InvalidDataException($"triggers.tsv:{line}: unknown CAMEO code {code}");
                    recodes.Add((when, code));
                    break;
                default:
                    throw new InvalidDataException($"triggers.tsv:{line}: unknown condition {cond}");
            }
        }
        return new TriggerEntry
        {
            Id = c[0],
            Pos = pos,
            Lemma = c[2],
            Cameo = c[3],
            Frame = frame,
            Confidence = double.Parse(c[6], CultureInfo.InvariantCulture),
            Provenance = c[7],
            Gloss = c.Length > 8 ? c[8] : "",
            Then = then,
            ThenWindow = thenWindow,
            Prev = prev,
            Elaboration = elab,
            Next = next,
            Not = not,
            PrevNot = prevNot,
            Source = source,
            CrowdCue = crowd,
            NeedsEvidence = ev,
            BlockedByAccident = acc,
            BlockedBySport = sport,
            Territory = terr,
            AnimateTarget = animate,
            Recodes = recodes,
            Line = line,
        };
    }

    private static FrozenSet<string> WordSet(string value) =>
        value.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(w => w.Length == 1 ? w : BareWord(w)).ToFrozenSet(StringComparer.Ordinal);
}
