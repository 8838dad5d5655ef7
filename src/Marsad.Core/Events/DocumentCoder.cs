using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Marsad.Events.Lexicon;
using Marsad.Model;
using Marsad.Time;

namespace Marsad.Events;

/// <summary>
/// Codes the events of one document: finds triggers sentence by sentence, fills their actors from the frame,
/// checks the entry's conditions, reads the modality, then dates, places and sources each event and merges
/// repeated mentions. Not thread-safe; <see cref="EventCoder"/> makes one per document.
/// </summary>
internal sealed class DocumentCoder
{
    private readonly EventCoder _coder;
    private readonly Document _doc;
    private readonly string _body;
    private readonly EntityIndex _entities;
    private readonly ActorFinder _finder;
    private readonly SentenceView _view = new();
    private readonly List<Draft> _drafts = [];
    private readonly List<List<ActorSpan>> _actorsBySentence = [];
    private int[] _actorByTok = new int[64];
    private bool[] _soft = new bool[64];
    private bool[] _inTime = new bool[64];
    private bool[] _consumed = new bool[64];
    private List<ActorSpan> _actors = [];

    public DocumentCoder(EventCoder coder, Document doc)
    {
        _coder = coder;
        _doc = doc;
        _body = doc.Article.Body;
        _entities = doc.Entities.IsDefaultOrEmpty ? EntityIndex.Empty : new EntityIndex(doc.Entities);
        _finder = new ActorFinder(coder.Actors, _entities);
    }

    public ImmutableArray<Event> Code(CancellationToken ct)
    {
        var sentences = _doc.Sentences.IsDefaultOrEmpty ? [new Sentence(0, _body.Length, "whole-body")] : _doc.Sentences;
        var tokens = _doc.Tokens.IsDefaultOrEmpty ? Text.Tokenizer.Tokenize(_body, 0, _body.Length) : (IReadOnlyList<Token>)_doc.Tokens;
        var next = 0;
        for (var s = 0; s < sentences.Length; s++)
        {
            ct.ThrowIfCancellationRequested();
            next = _view.Load(_body, s, sentences[s], tokens, next, _coder.Known);
            Prepare();
            _actors = _finder.Find(_view, _actorByTok);
            _actorsBySentence.Add(_actors);
            CodeSentence();
        }
        if (_drafts.Count == 0)
            return [];
        InferOpponents();
        return Finish();
    }

    private void Prepare()
    {
        var n = _view.Count;
        if (_actorByTok.Length < n + 1)
        {
            var size = Math.Max(n + 1, _actorByTok.Length * 2);
            _actorByTok = new int[size];
            _soft = new bool[size];
            _inTime = new bool[size];
            _consumed = new bool[size];
        }
        Array.Clear(_soft, 0, n);
        Array.Clear(_inTime, 0, n);
        Array.Clear(_consumed, 0, n);
        foreach (var t in _doc.Times)
        {
            if (t.End <= _view.Start || t.Start >= _view.End)
                continue;
            int first = -1, last = -1;
            for (var k = 0; k < n; k++)
            {
                if (_view[k].Start >= t.Start && _view[k].End <= t.End && !_view.IsPunct(k))
                {
                    _inTime[k] = true;
                    if (first < 0)
                        first = k;
                    last = k;
                }
            }
            // «، أمس،»: commas around a time expression do not end the clause.
            if (first > 0 && last + 1 < n && _view.IsClausePunct(first - 1) && _view.IsClausePunct(last + 1))
            {
                _soft[first - 1] = true;
                _soft[last + 1] = true;
            }
        }
    }

    // ---------------------------------------------------------------- triggers

    private void CodeSentence()
    {
        var n = _view.Count;
        var candidates = new List<(TriggerForm Form, int Last, bool Future)>();
        for (var i = 0; i < n; i++)
        {
            if (_consumed[i] || _view[i].Kind != TokenKind.Arabic)
                continue;
            candidates.Clear();
            Candidates(i, candidates);
            if (candidates.Count == 0)
                continue;
            Draft? best = null;
            foreach (var (form, last, future) in candidates)
            {
                var d = Evaluate(form, i, last, future);
                if (Trace)
                    Console.Error.WriteLine($"[events] {_view.Text(i).ToString()} {form.Entry.Id} {form.Kind} → {(d is null ? "rejected: " + _reject : d.Cameo + " " + d.Modality)}");
                if (d is not null && (best is null || Better(d, best)))
                    best = d;
            }
            if (best is null)
                continue;
            _drafts.Add(best);
            for (var k = i; k <= best.TrigLast; k++)
                _consumed[k] = true;
        }
    }

    private static readonly bool Trace = Environment.GetEnvironmentVariable("MARSAD_EVENTS_TRACE") == "1";
    private string _reject = "";

    private static bool Better(Draft a, Draft b)
    {
        if (a.TrigLast != b.TrigLast)
            return a.TrigLast > b.TrigLast;
        if (a.Entry.HasLexicalCondition != b.Entry.HasLexicalCondition)
            return a.Entry.HasLexicalCondition;
        return a.Confidence > b.Confidence;
    }

    private static readonly string[] Suffixes = ["هما", "هم", "هن", "ها", "كم", "ه", "ك", "ني"];

    private void Candidates(int i, List<(TriggerForm, int, bool)> output)
    {
        var lex = _coder.Triggers;
        var bare = _view.Bare(i);
        var future = false;
        var forms = lex.Lookup(bare);
        if (forms.Length == 0 && bare.Length > 3 && bare[0] == 'س' && bare[1] is 'ي' or 'ت' or 'ن' or 'ا')
        {
            forms = lex.Lookup(bare[1..]);
            future = true;
        }
        if (forms.Length == 0)
        {
            Span<char> stem = stackalloc char[Math.Min(bare.Length + 2, 64)];
            foreach (var suf in Suffixes)
            {
                if (bare.Length - suf.Length < 3 || !bare.EndsWith(suf, StringComparison.Ordinal) || bare.Length + 2 > stem.Length)
                    continue;
                var s = bare[..^suf.Length];
                forms = lex.Lookup(s);
                if (forms.Length == 0 && s[^1] == 'ت')
                {
                    s.CopyTo(stem);
                    stem[s.Length - 1] = 'ه';
                    forms = lex.Lookup(stem[..s.Length]);
                }
                if (forms.Length == 0 && s[^1] == 'و')
                {
                    s.CopyTo(stem);
                    stem[s.Length] = 'ا';
                    forms = lex.Lookup(stem[..(s.Length + 1)]);
                }
                if (forms.Length != 0)
                    break;
            }
        }
        if (forms.Length == 0)
            return;
        var nounContext = NounContext(i);
        var hasVerb = false;
        var hasNoun = false;
        foreach (var f in forms)
        {
            if (f.Rest.Length > 0)
                continue;
            if (f.Kind is FormKind.Noun or FormKind.Adverbial)
                hasNoun = true;
            else
                hasVerb = true;
        }
        ref var tok = ref _view[i];
        foreach (var f in forms)
        {
            var isVerb = f.Kind is FormKind.Past or FormKind.Past3ms or FormKind.Present;
            if (future && f.Kind != FormKind.Present)
                continue;
            if (isVerb && (tok.Definite || tok.Pro.HasFlag(Pro.Bi) || tok.Pro.HasFlag(Pro.Ka)))
                continue;
            if (f.Rest.Length == 0)
            {
                if (isVerb && nounContext && hasNoun)
                    continue;
                if (!isVerb && !nounContext && hasVerb)
                    continue;
            }
            var last = i;
            if (f.Rest.Length > 0 && !MatchRest(i, f.Rest, out last))
                continue;
            output.Add((f, last, future));
        }
    }

    private bool MatchRest(int i, string[] rest, out int last)
    {
        last = i;
        var k = i + 1;
        foreach (var w in rest)
        {
            while (k < _view.Count && _view.IsWrapper(k))
                k++;
            if (k >= _view.Count || !_view.Bare(k).SequenceEqual(w))
                return false;
            last = k;
            k++;
        }
        return true;
    }

    /// <summary>True when token <paramref name="i"/> reads as a noun: definite, after a preposition or support word, or with ب/ك.</summary>
    private bool NounContext(int i)
    {
        ref var tok = ref _view[i];
        if (tok.Definite || tok.Pro.HasFlag(Pro.Bi) || tok.Pro.HasFlag(Pro.Ka))
            return true;
        var p = i - 1;
        while (p >= 0 && (_view.IsWrapper(p) || _soft[p] || _inTime[p]))
            p--;
        if (p < 0)
            return false;
        var key = _view.Key(p).ToString();
        return Words.Function.Contains(key) && !Words.Negation.Contains(key) && key is not ("قد" or "لقد" or "ما" or "ان" or "انه" or "انها" or "كما" or "ثم")
            || Words.Support.Contains(key) || Words.Occurrence.Contains(key) || Words.Background.Contains(key) || Words.Appeal.Contains(key)
            || Words.Future.Contains(key) || key is "عمليه" or "محاوله" or "سلسله" or "موجه" or "اعمال";
    }

    // ---------------------------------------------------------------- one candidate

    private Draft? Evaluate(TriggerForm form, int i, int last, bool futurePrefix)
    {
        var e = form.Entry;
        var isVerb = form.Kind is FormKind.Past or FormKind.Past3ms or FormKind.Present;
        var (l, r) = Clause(i, last);
        var by = new List<string>(4) { "event:" + e.Id };

        if (e.PrevNot is not null && i > 0 && e.PrevNot.Contains(_view.Bare(i - 1).ToString()))
            { _reject = "r1"; return null; }
        if (e.Prev is not null && !PrevIs(i, e.Prev))
            { _reject = "prev"; return null; }
        if (e.Then is not null && !FindAhead(last, e.ThenWindow, e.Then))
            { _reject = "r2"; return null; }
        if (e.Next is not null && !NextIs(last, e.Next))
            { _reject = "r3"; return null; }
        if (e.Not is not null && FindAhead(last, 3, e.Not))
            { _reject = "r4"; return null; }
        if (e.BlockedBySport && AnyInSentence(Words.Sport))
            { _reject = "r5"; return null; }
        if (e.BlockedByAccident && AnyIn(l, r, Words.Accident))
            { _reject = "r6"; return null; }

        // Actors from the frame.
        ActorSpan? a1 = null, a2 = null;
        string a1By = "", a2By = "";
        var support = -1;
        var occurrence = -1;
        var passive = false;
        if (isVerb)
        {
            var before = Before(i, l);
            var after = After(last, r, 3);
            if (before is null && after is not null && !CanBeSubject(after))
                after = null; // «تجمع المتظاهرين»: a genitive, not a subject
            if (e.Frame == Frame.PASS)
            {
                a2 = after;
                a2By = "subject";
            }
            else if (e.Frame == Frame.SO && LooksPassive(form, i, last, after, r))
            {
                passive = true;
                a2 = after;
                a2By = "passive-subject";
                (a1, a1By) = AgentMarker(after?.Last ?? last, r);
                by.Add("passive");
            }
            else if (before is not null)
            {
                a1 = before;
                a1By = "subject";
                (a2, a2By) = Second(e.Frame, before, last, r, after);
            }
            else if (after is not null)
            {
                a1 = after;
                a1By = "subject";
                (a2, a2By) = Second(e.Frame, after, after.Last, r, After(after.Last, r, 4));
            }
            else
            {
                (a2, a2By) = e.Frame == Frame.SO ? (After(last, r, 4), "object") : PrepActor(last, r, e.Frame == Frame.SYM);
                // A verb without an expressed subject continues the previous event's actor in the sentence («وهتفوا ضد …»),
                // or, when coordinated with و, the nearest subject-like actor to its left («القوات … انطلقت … ووصلت»).
                if (_drafts.Count > 0 && _drafts[^1].Sentence == _view.Index && _drafts[^1].A1 is { } prev && prev != a2)
                {
                    a1 = prev;
                    a1By = "carry-over";
                }
                else if ((_view[i].Pro.HasFlag(Pro.Conj) || e.Source == SourceRequirement.Crowd) && NearestSubjectLeft(i) is { } left && left != a2
                    && (_view[i].Pro.HasFlag(Pro.Conj) || left.First >= l))
                {
                    a1 = left;
                    a1By = "carry-over";
                }
            }
        }
        else
        {
            var (supportIndex, between, isOccurrence) = FindSupport(i, l);
            if (isOccurrence)
                occurrence = supportIndex;
            else
                support = supportIndex;
            var gen = Genitive(last, r);
            var supportSubject = support >= 0 ? between ?? Before(support, l) ?? After(last, r, 1) : null;
            var (agent, agentBy) = AgentMarker(last, r);
            if (occurrence >= 0 && IsUndergo(occurrence))
            {
                // «تعرض موكبه لهجوم»: the subject of تعرض is the target.
                a2 = between ?? Before(occurrence, l);
                a2By = "undergoer";
            }
            switch (e.Frame)
            {
                case Frame.NT:
                    a2 ??= gen;
                    a2By = a2By.Length > 0 ? a2By : "genitive";
                    a1 = supportSubject ?? agent;
                    a1By = supportSubject is not null ? "support-subject" : agentBy;
                    break;
                case Frame.SYM:
                    (a1, a2, a1By, a2By) = Participants(i, last, l, r, gen, supportSubject);
                    break;
                default:
                    a1 = gen ?? supportSubject ?? agent;
                    a1By = gen is not null ? "genitive" : supportSubject is not null ? "support-subject" : agentBy;
                    if (a2 is null)
                        (a2, a2By) = PrepActor(a1?.Last ?? last, r, false);
                    break;
            }
            if (support >= 0)
                by.Add("support:" + _view.Key(support).ToString());
        }
        if (a1 is not null && a1 == a2)
            a2 = null;

        // Requirements on the source.
        switch (e.Source)
        {
            case SourceRequirement.Any when a1 is null:
            case SourceRequirement.Armed when a1 is not { Armed: true }:
            case SourceRequirement.Military when a1 is not { Military: true }:
            case SourceRequirement.State when a1 is not { State: true } && a1 is not { Sector: "GOV" }:
            case SourceRequirement.ArmedOrCrowd when a1 is not ({ Armed: true } or { Crowd: true }):
            case SourceRequirement.Crowd when a1 is not { Crowd: true }:
                { _reject = "r7"; return null; }
            case SourceRequirement.ArmedOrAttack when a1 is not { Armed: true } && !AnyIn(l, r, AttackNouns):
                { _reject = "r8"; return null; }
        }
        if (e.CrowdCue && a1 is not { Crowd: true } && !ProtestCueInSentence(i, last))
            { _reject = "r9"; return null; }
        if (e.AnimateTarget && a2 is null && !passive && !FindAhead(last, 3, Vehicles))
            { _reject = "animate"; return null; }
        if (e.Territory && !TerritoryAfter(last, r))
            { _reject = "r10"; return null; }

        var cameo = e.Cameo;
        foreach (var (when, code) in e.Recodes)
        {
            var hit = when switch
            {
                RecodeWhen.Political => a1 is { Political: true },
                RecodeWhen.Armed => a1 is { Armed: true },
                RecodeWhen.State => a1 is { State: true },
                RecodeWhen.Crowd => a1 is { Crowd: true } || a2 is { Crowd: true },
                RecodeWhen.Air => AnyIn(l, r, Words.Air),
                RecodeWhen.Artillery => AnyIn(l, r, Words.Artillery),
                RecodeWhen.Country => a1 is { Kind: ActorKind.Country or ActorKind.Capital },
                _ => false,
            };
            if (!hit)
                continue;
            if (code == "0")
                { _reject = "r11"; return null; }
            cameo = code;
            by.Add("recode:" + when.ToString().ToLowerInvariant());
            break;
        }

        var modality = ModalityOf(i, last, l, r, isVerb, futurePrefix, form, cameo);
        if (isVerb && modality == Modality.Asserted && i > 0 && _view[i - 1].Kind == TokenKind.Arabic && Words.Relatives.Contains(_view.Key(i - 1).ToString()))
        {
            // «مغنية الذي قتل في انفجار …»: an event describing who someone is, not a new report.
            modality = Modality.Background;
            by.Add("relative");
        }
        if (modality == Modality.Asserted && cameo[..2] is "18" or "19" or "20" && AnyIn(l, r, Since))
        {
            // «قتل 76 صحافياً منذ الغزو»: violence counted since a date is a tally, not a report.
            modality = Modality.Background;
            by.Add("tally");
        }
        if (modality == Modality.Asserted && YearOnlyTimeIn(l, r))
        {
            // «في العام الماضي وقع أكثر من 140 هجوماً», «قبل عامين سارت مظاهرات»: a tally or a memory, not a report.
            modality = Modality.Background;
            by.Add("year-only");
        }
        if (e.Elaboration && modality == Modality.Asserted && a1 is { CrowdHead: false, Kind: ActorKind.Agent } && _view[a1.First].Definite)
        {
            // «ورفع المتظاهرون لافتات»: the protesters of a protest already reported.
            modality = Modality.Background;
            by.Add("elaboration");
        }
        if (!isVerb && e.NeedsEvidence && modality == Modality.Asserted)
        {
            var definite = _view[i].Definite;
            // A definite event noun («الهجوم») refers back to an event; only a doer, casualties, a time or a support
            // verb make it a report. An indefinite one is reported by an occurrence verb or a following «في/على» too.
            // Specific evidence that the noun reports an incident: casualties or a count, a time, an actor with a support or
            // occurrence verb, an undergoer («تعرض لهجوم»). A support verb alone («تم اختطافها») or a bare noun is not enough.
            var actor = a1 is not null || a2 is not null;
            var evidence = CasualtyIn(l, r, i, last) || TimeIn(l, r) || NumberAfter(last)
                || (occurrence >= 0 && IsUndergo(occurrence))
                || (actor && (support >= 0 || occurrence >= 0 || OccurrenceAfter(last)))
                || (!definite && (occurrence >= 0 || OccurrenceAfter(last) || NextKeyIn(last, IndefiniteEvidence)) && (actor || support >= 0));
            var background = BackgroundBefore(i) || (support >= 0 && (BackgroundBefore(support) || RelativeBefore(support))) || CoordinatedWithEvent(i, last);
            // A reference marker right before the noun («بعد مقتل»، «ذكرى اغتيال»، «عدد الهجمات») decides, unless the noun has its own support verb.
            if (!evidence || (background && support < 0))
            {
                modality = Modality.Background;
                by.Add(background ? "background" : "no-evidence");
            }
        }

        if (!isVerb && modality == Modality.Asserted && support < 0 && GovernedNoun(i, occurrence, cameo) is { } governed)
        {
            modality = Modality.Background;
            by.Add(governed);
        }

        var conf = e.Confidence;
        if (a1 is not null)
            conf += 0.1;
        if (a2 is not null)
            conf += 0.05;
        if (passive)
            conf -= 0.05;
        if (a1By == "carry-over")
            conf -= 0.05;
        if (a1 is not null)
            by.Add("a1:" + a1By);
        if (a2 is not null)
            by.Add("a2:" + a2By);

        var start = Math.Min(_view[i].Start, Math.Min(a1?.Start ?? int.MaxValue, a2?.Start ?? int.MaxValue));
        var end = Math.Max(_view[last].End, Math.Max(a1?.End ?? 0, a2?.End ?? 0));
        return new Draft
        {
            Sentence = _view.Index,
            TrigFirst = i,
            TrigLast = last,
            TriggerStart = _view.KeyStart(i),
            TriggerEnd = _view[last].End,
            ClauseStart = _view[l].Start,
            ClauseEnd = _view[r].End,
            Start = start,
            End = end,
            Entry = e,
            Cameo = cameo,
            A1 = a1,
            A2 = a2,
            A1By = a1By,
            A2By = a2By,
            Modality = modality,
            Confidence = Math.Clamp(conf, 0.05, 0.99),
            By = by,
            PlaceIndex = PlaceFor(i, last, l, r),
        };
    }

    private static readonly System.Collections.Frozen.FrozenSet<string> Vehicles =
        new[] { "طائره", "طائرات", "سفينه", "سفن", "شاحنه", "شاحنات", "حافله", "حافلات", "زورق", "زوارق", "سياره", "سيارات", "ناقله", "رهائن", "رهينه", "قطار" }
            .ToFrozenSet(StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> Since = new[] { "منذ" }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> AttackNouns =
        new[] { "هجوم", "هجمات", "هجوما", "تفجير", "تفجيرات", "انفجار", "قصف", "غاره", "غارات", "عبوه", "مفخخه", "انتحاري", "انتحاريه", "صاروخ", "قذيفه", "هجومان", "هجومين" }
            .ToFrozenSet(StringComparer.Ordinal);

    private static readonly System.Collections.Frozen.FrozenSet<string> IndefiniteEvidence =
        new[] { "في", "علي", "ضد", "استهدف", "استهدفت", "يستهدف", "قرب", "بين", "امام", "داخل", "وسط", "شنه", "نفذه", "نفذها", "شنها", "نفذته", "شنته" }
            .ToFrozenSet(StringComparer.Ordinal);

    // ---------------------------------------------------------------- clause and neighbours

    private (int L, int R) Clause(int i, int last)
    {
        var l = i;
        while (l > 0 && !Boundary(l - 1))
            l--;
        var r = last;
        while (r + 1 < _view.Count && !Boundary(r + 1))
            r++;
        return (l, r);
    }

    private bool Boundary(int k) =>
        (_view.IsClausePunct(k) && !_soft[k]) || (_view[k].Kind == TokenKind.Arabic && Words.ClauseOpeners.Contains(_view.Key(k).ToString()));

    private bool Skippable(int k) =>
        _view.IsWrapper(k) || _soft[k] || _inTime[k] || (_view[k].Kind == TokenKind.Arabic && Words.Fillers.Contains(_view.Key(k).ToString()));

    private ActorSpan? SpanAt(int k) => _actorByTok[k] >= 0 ? _actors[_actorByTok[k]] : null;

    /// <summary>The actor ending just before token <paramref name="i"/> (SVO subject), fillers allowed between.</summary>
    private ActorSpan? Before(int i, int l)
    {
        for (int k = i - 1, steps = 0; k >= l && steps < 4; k--)
        {
            if (SpanAt(k) is { } s)
                return s.First >= l && !IsLocative(s) && !s.IsPlace ? s : null;
            if (!Skippable(k) && !Words.Negation.Contains(_view.Key(k).ToString()))
                return null;
            steps++;
        }
        return null;
    }

    /// <summary>The first actor starting after token <paramref name="j"/> within the clause, at most <paramref name="maxGap"/> ordinary tokens away.</summary>
    private ActorSpan? After(int j, int r, int maxGap)
    {
        var gap = 0;
        for (var k = j + 1; k <= r && gap <= maxGap; k++)
        {
            if (SpanAt(k) is { } s && s.First == k)
            {
                if (IsLocative(s) || (s.IsPlace && !Metonymic(s)))
                    return null;
                if (_view[k].Pro.HasFlag(Pro.Li) || _view[k].Pro.HasFlag(Pro.Bi))
                    return null; // a prepositional phrase, not the subject or object
                return s;
            }
            if (!Skippable(k))
            {
                if (Words.TargetPreps.Contains(_view.Key(k).ToString()))
                    return null;
                gap++;
            }
        }
        return null;
    }

    /// <summary>A post-verbal subject is nominative: a sound masculine plural in -ين («المتظاهرين») is genitive or accusative.</summary>
    private bool CanBeSubject(ActorSpan s)
    {
        if (s.CrowdHead || s.Kind != ActorKind.Agent)
            return true;
        var head = _view.Bare(s.First);
        return !(head.Length > 4 && head.EndsWith("ين", StringComparison.Ordinal));
    }

    /// <summary>The nearest actor to the left in the sentence that is not in a prepositional or locative phrase.</summary>
    private ActorSpan? NearestSubjectLeft(int i)
    {
        for (var k = i - 1; k >= 0 && k >= i - 25; k--)
        {
            if (SpanAt(k) is not { } s || s.First != k)
                continue;
            if (s.IsPlace || IsLocative(s) || _view[k].Pro.HasFlag(Pro.Li) || _view[k].Pro.HasFlag(Pro.Bi))
                continue;
            var p = k - 1;
            while (p >= 0 && _view.IsWrapper(p))
                p--;
            if (p >= 0 && _view[p].Kind == TokenKind.Arabic && Words.TargetPreps.Contains(_view.Key(p).ToString()))
                continue;
            return s;
        }
        return null;
    }

    /// <summary>A country or capital used for its government (subject or object position, not after a locative).</summary>
    private bool Metonymic(ActorSpan s) => !IsLocative(s);

    private bool IsLocative(ActorSpan s)
    {
        if (_view[s.First].Pro.HasFlag(Pro.Bi) && s.IsPlace)
            return true;
        var p = s.First - 1;
        while (p >= 0 && _view.IsWrapper(p))
            p--;
        return p >= 0 && _view[p].Kind == TokenKind.Arabic && Words.Locative.Contains(_view.Key(p).ToString());
    }

    /// <summary>The second participant of a verb frame, after its subject.</summary>
    private (ActorSpan?, string) Second(Frame frame, ActorSpan subject, int from, int r, ActorSpan? after)
    {
        switch (frame)
        {
            case Frame.SO:
                if (after is not null && after != subject && after.First > subject.Last)
                    return (after, "object");
                if (after is not null && after != subject && after.First > from)
                    return (after, "object");
                return PrepActor(from, r, false);
            case Frame.SYM:
                var (p, pby) = PrepActor(Math.Max(from, subject.Last), r, true);
                if (p is not null)
                    return (p, pby);
                // «اشتبك الجيش والمسلحون»
                var k = subject.Last + 1;
                if (k <= r && SpanAt(k) is { } co && co.First == k && _view[k].Pro.HasFlag(Pro.Conj))
                    return (co, "coordinated");
                return (null, "");
            default:
                return PrepActor(Math.Max(from, subject.Last), r, false);
        }
    }

    /// <summary>An actor after a target preposition (على، ضد، مع، إلى …) or with the ل/ب proclitic, within the clause.</summary>
    private (ActorSpan?, string) PrepActor(int from, int r, bool symmetric)
    {
        for (var k = from + 1; k <= r; k++)
        {
            if (SpanAt(k) is { } s && s.First == k && (_view[k].Pro.HasFlag(Pro.Li) || (_view[k].Pro.HasFlag(Pro.Bi) && !s.IsPlace)) && !symmetric)
                return (s, _view[k].Pro.HasFlag(Pro.Li) ? "pp:ل" : "pp:ب");
            if (_view[k].Kind != TokenKind.Arabic)
                continue;
            var key = _view.Key(k).ToString();
            var isPrep = symmetric ? key is "مع" or "بين" or "ضد" : Words.TargetPreps.Contains(key);
            if (!isPrep)
                continue;
            var q = k + 1;
            while (q <= r && (_view.IsWrapper(q) || Skippable(q)))
                q++;
            if (q <= r && SpanAt(q) is { } t && !(t.IsPlace && IsLocative(t)))
                return (t, "pp:" + key);
        }
        return (null, "");
    }

    /// <summary>The actor in the genitive right after an event noun («هجوم داعش», «اغتيال عماد مغنية», «وصول قوات أميركية»).</summary>
    private ActorSpan? Genitive(int last, int r)
    {
        var k = last + 1;
        while (k <= r && _view.IsWrapper(k))
            k++;
        if (k > r || SpanAt(k) is not { } s || s.First != k)
            return null;
        if (_view[k].Pro != Pro.None || s.IsPlace && !_view[k].Definite)
            return null;
        return s.IsPlace && IsLocative(s) ? null : s;
    }

    /// <summary>«على يد X», «من قبل X», «برصاص X», «بنيران X», «شنه X», «نفذه X» after an event.</summary>
    private (ActorSpan?, string) AgentMarker(int from, int r)
    {
        for (var k = from + 1; k <= Math.Min(r, from + 8); k++)
        {
            if (_view[k].Kind != TokenKind.Arabic)
                continue;
            var key = _view.Key(k);
            var bare = _view.Bare(k).ToString();
            var marker = Words.AgentMarkers.Contains(bare) || Words.AgentMarkers.Contains(key.ToString())
                || ((key.StartsWith("شن") || key.StartsWith("نفذ") || key.StartsWith("تبنا") || key.StartsWith("تبني")) && key.Length <= 6 && key[^1] is 'ه' or 'ا');
            if (!marker)
                continue;
            var q = k + 1;
            while (q <= r && (_view.IsWrapper(q) || Skippable(q)))
                q++;
            if (q <= r && SpanAt(q) is { } s && s.First == q && !s.IsPlace)
                return (s, "agent:" + key.ToString());
        }
        return (null, "");
    }

    /// <summary>The word governing an event noun: a support verb (شن، نفذ، أكمل، تحقيق) or an occurrence verb (وقع، اندلع، تعرض), and an actor between them.</summary>
    private (int Index, ActorSpan? Between, bool Occurrence) FindSupport(int i, int l)
    {
        ActorSpan? between = null;
        var k = i - 1;
        for (var steps = 0; k >= l && steps < 5; steps++)
        {
            if (SpanAt(k) is { } s && between is null)
            {
                between = s;
                k = s.First - 1;
                continue;
            }
            if (between is null && k > l && IsAdjectiveLike(k) && SpanAt(k - 1) is not null)
            {
                k--; // «قام مسلحون مقنعون بخطف»
                continue;
            }
            if (Skippable(k) || _view.IsWrapper(k))
            {
                k--;
                continue;
            }
            break;
        }
        if ((k < l || k < 0 || _view[k].Kind != TokenKind.Arabic || !Words.Support.Contains(_view.Key(k).ToString())) && _view[i].Pro.HasFlag(Pro.Bi))
        {
            // «قام متظاهرون في ضواحي نابولي بالاحتجاج»: قام … بـ + verbal noun, adjuncts between.
            for (var q = i - 1; q >= l && q >= i - 8; q--)
            {
                if (_view[q].Kind == TokenKind.Arabic && _view.Key(q) is "قام" or "قامت" or "قاموا" or "يقوم" or "تقوم" or "يقومون" or "قيام" or "اقدم" or "اقدمت" or "اقدموا")
                {
                    ActorSpan? inner = null;
                    for (var t = q + 1; t < i && inner is null; t++)
                        inner = SpanAt(t) is { } sp && !IsLocative(sp) ? sp : null;
                    return (q, inner, false);
                }
            }
        }
        if (k < l || k < 0 || _view[k].Kind != TokenKind.Arabic)
            return (-1, null, false);
        var key = _view.Key(k).ToString();
        if (Words.Support.Contains(key) || Words.Support.Contains(_view.Norm(k).ToString()))
            return (k, between, false);
        if (Words.Occurrence.Contains(key))
            return (k, between, true);
        return (-1, null, false);
    }

    private bool IsUndergo(int k)
    {
        var key = _view.Key(k);
        return key.StartsWith("تعرض") || key.StartsWith("يتعرض") || key.StartsWith("تتعرض") || key is "نجا" or "نجت" or "نجوا" or "ينجو" or "تنجو";
    }

    private bool OccurrenceAfter(int last)
    {
        for (var k = last + 1; k < _view.Count && k <= last + 4; k++)
        {
            if (_view.IsClausePunct(k) && !_soft[k])
                return false;
            if (_view[k].Kind != TokenKind.Arabic)
                continue;
            var key = _view.Key(k).ToString();
            if (Words.Occurrence.Contains(key) || Words.Support.Contains(key) || Words.Casualty.Contains(key))
                return true;
        }
        return false;
    }

    /// <summary>Co-participants of a symmetric event: «بين X و Y», «X مع Y», a support subject with «مع Y».</summary>
    private (ActorSpan?, ActorSpan?, string, string) Participants(int i, int last, int l, int r, ActorSpan? gen, ActorSpan? supportSubject)
    {
        var k = last + 1;
        while (k <= r && _view.IsWrapper(k))
            k++;
        if (k <= r && _view.Key(k).SequenceEqual("بين"))
        {
            ActorSpan? x = null, y = null;
            for (var q = k + 1; q <= r; q++)
            {
                if (SpanAt(q) is not { } s || s.First != q)
                    continue;
                if (x is null)
                    x = s;
                else if (s != x)
                {
                    y = s;
                    break;
                }
            }
            if (x is not null)
                return (x, y, "between", y is null ? "" : "between");
        }
        var first = supportSubject ?? gen ?? Before(i, l);
        var (with, withBy) = PrepActor(first?.Last > last ? first.Last : last, r, true);
        if (first is null && with is not null)
            return (null, with, "", withBy);
        return (first, with, first is null ? "" : supportSubject is not null ? "support-subject" : gen is not null ? "genitive" : "subject", withBy);
    }

    private bool LooksPassive(TriggerForm form, int i, int last, ActorSpan? after, int r)
    {
        if (form.Kind is not (FormKind.Past3ms or FormKind.Past))
            return false;
        var k = last + 1;
        while (k <= r && Skippable(k))
            k++;
        if (k > r)
            return false;
        // «قتل 20 شخصاً», «قتل نحو 15 مسلحاً».
        if (_view[k].Kind == TokenKind.Number || (Words.Quantifiers.Contains(_view.Key(k).ToString()) && k + 1 <= r && _view[k + 1].Kind == TokenKind.Number))
            return true;
        if (after is null || after.First != k)
            return false;
        // «قتل مدني برصاص …»: a victim-like subject and no second actor.
        var victim = after.Sector is "CVL" or "EDU" or "LAB" or "REF" or "MED" || after.Person;
        return victim && After(after.Last, r, 4) is null && Before(i, 0) is null;
    }

    private bool TerritoryAfter(int last, int r)
    {
        var k = last + 1;
        while (k <= r && (_view.IsWrapper(k) || Skippable(k)))
            k++;
        if (k > r)
            return false;
        if (_entities.PlaceAt(_view[k].Start, _view[k].End) is not null)
            return true;
        if (SpanAt(k) is { IsPlace: true })
            return true;
        return _view[k].Kind == TokenKind.Arabic && (Words.Territory.Contains(_view.Key(k).ToString()) || Words.Territory.Contains(_view.Bare(k).ToString()));
    }

    // ---------------------------------------------------------------- conditions

    private bool FindAhead(int last, int window, System.Collections.Frozen.FrozenSet<string> words)
    {
        var seen = 0;
        for (var k = last + 1; k < _view.Count && seen < window; k++)
        {
            if (_view.IsClausePunct(k) && !_soft[k])
                return false;
            if (_view.IsWrapper(k))
                continue;
            seen++;
            if (_view[k].Kind != TokenKind.Arabic)
                continue;
            if (words.Contains(_view.Bare(k).ToString()) || words.Contains(_view.Key(k).ToString()))
                return true;
        }
        return false;
    }

    private bool PrevIs(int i, System.Collections.Frozen.FrozenSet<string> words)
    {
        var k = i - 1;
        while (k >= 0 && _view.IsWrapper(k))
            k--;
        return k >= 0 && _view[k].Kind == TokenKind.Arabic && (words.Contains(_view.Key(k).ToString()) || words.Contains(_view.Bare(k).ToString()));
    }

    private bool NextIs(int last, System.Collections.Frozen.FrozenSet<string> words)
    {
        var k = last + 1;
        while (k < _view.Count && _view.IsWrapper(k))
            k++;
        if (k >= _view.Count || _view[k].Kind != TokenKind.Arabic)
            return false;
        ref var t = ref _view[k];
        if (t.Pro.HasFlag(Pro.Bi) && words.Contains("ب") || t.Pro.HasFlag(Pro.Li) && words.Contains("ل"))
            return true;
        return words.Contains(_view.Bare(k).ToString()) || words.Contains(_view.Key(k).ToString()) || words.Contains(_view.Norm(k).ToString());
    }

    private bool NextKeyIn(int last, System.Collections.Frozen.FrozenSet<string> words)
    {
        var k = last + 1;
        while (k < _view.Count && (_view.IsWrapper(k) || (_view[k].Kind == TokenKind.Arabic && IsAdjectiveLike(k))))
            k++;
        return k < _view.Count && _view[k].Kind == TokenKind.Arabic && words.Contains(_view.Key(k).ToString());
    }

    private bool IsAdjectiveLike(int k)
    {
        var b = _view.Bare(k);
        return b.Length > 3 && (b.EndsWith("يه") || b[^1] == 'ي' || b.EndsWith("ين")) && SpanAt(k) is null;
    }

    private bool AnyIn(int l, int r, System.Collections.Frozen.FrozenSet<string> words)
    {
        for (var k = l; k <= r; k++)
        {
            if (_view[k].Kind == TokenKind.Arabic && (words.Contains(_view.Key(k).ToString()) || words.Contains(_view.Bare(k).ToString())))
                return true;
        }
        return false;
    }

    /// <summary>A casualty word in the clause other than the trigger itself («مقتل 20 شخصاً» counts for «هجوم», not for «القتل»).</summary>
    private bool CasualtyIn(int l, int r, int i, int last)
    {
        for (var k = l; k <= r; k++)
        {
            if (k >= i && k <= last)
                continue;
            if (_view[k].Kind == TokenKind.Arabic && (Words.Casualty.Contains(_view.Key(k).ToString()) || Words.Casualty.Contains(_view.Bare(k).ToString())))
                return true;
        }
        return false;
    }

    /// <summary>A number right after an event noun, maybe after a quantifier: «مقتل 15 شخصاً», «مقتل نحو 20».</summary>
    private bool NumberAfter(int last)
    {
        for (var k = last + 1; k < _view.Count && k <= last + 3; k++)
        {
            if (_view[k].Kind == TokenKind.Number)
                return true;
            if (_view[k].Kind != TokenKind.Arabic || !Words.Quantifiers.Contains(_view.Key(k).ToString()) && !Words.Numbers.Contains(_view.Key(k).ToString()))
                return false;
            if (Words.Numbers.Contains(_view.Key(k).ToString()))
                return true;
        }
        return false;
    }

    private bool AnyInSentence(System.Collections.Frozen.FrozenSet<string> words) => _view.Count > 0 && AnyIn(0, _view.Count - 1, words);

    private bool ProtestCueInSentence(int i, int last)
    {
        for (var k = 0; k < _view.Count; k++)
        {
            if (k >= i && k <= last)
                continue;
            if (_view[k].Kind == TokenKind.Arabic && (Words.ProtestCue.Contains(_view.Key(k).ToString()) || Words.ProtestCue.Contains(_view.Norm(k).ToString())))
                return true;
            if (SpanAt(k) is { Sector: "OPP", Kind: ActorKind.Agent })
                return true;
        }
        return false;
    }

    /// <summary>True when the clause's only time expressions are years (عام 2005، العام الماضي، قبل عامين).</summary>
    private bool YearOnlyTimeIn(int l, int r)
    {
        var lo = _view[l].Start;
        var hi = _view[r].End;
        var year = false;
        foreach (var t in _doc.Times)
        {
            if (t.Start < lo || t.End > hi)
                continue;
            if (t.Granularity is "year")
                year = true;
            else
                return false;
        }
        return year;
    }

    private bool RelativeBefore(int k) =>
        k > 0 && _view[k - 1].Kind == TokenKind.Arabic && Words.Relatives.Contains(_view.Key(k - 1).ToString());

    /// <summary>«القتل والاغتصاب»، «من قتل وذبح وخطف»: event nouns in a list name kinds of violence, not an incident.</summary>
    private bool CoordinatedWithEvent(int i, int last)
    {
        var lex = _coder.Triggers;
        if (last + 1 < _view.Count && _view[last + 1].Kind == TokenKind.Arabic && _view[last + 1].Pro.HasFlag(Pro.Conj) && IsEventNoun(lex, last + 1))
            return true;
        return i > 0 && _view[i].Pro.HasFlag(Pro.Conj) && _view[i - 1].Kind == TokenKind.Arabic && IsEventNoun(lex, i - 1);
    }

    private bool IsEventNoun(TriggerLexicon lex, int k)
    {
        foreach (var f in lex.Lookup(_view.Bare(k)))
        {
            if (f.Kind == FormKind.Noun && f.Rest.Length == 0)
                return true;
        }
        return false;
    }

    private bool TimeIn(int l, int r)
    {
        for (var k = l; k <= r; k++)
        {
            if (_inTime[k])
                return true;
        }
        return false;
    }

    /// <summary>
    /// An event noun that is a purpose, with no support verb of its own, names the aim of another act rather than
    /// reporting an event: «تظاهروا للمطالبة بزيادة المنح»، «دعا للاحتجاج» (ل — unless an undergo verb reports it,
    /// «تعرض لهجوم»), and the accusative of purpose of a protest noun («أضربوا احتجاجاً على»، «تنديداً بـ»: the reason
    /// for the strike, not a second protest). Returns the rule name, or null.
    /// </summary>
    private string? GovernedNoun(int i, int occurrence, string cameo)
    {
        var tok = _view[i];
        var key = _view.Key(i);
        if (tok.Pro.HasFlag(Pro.Li) && !(occurrence >= 0 && IsUndergo(occurrence)))
            return "purpose:ل";
        if (cameo.StartsWith("14", StringComparison.Ordinal) && !tok.Definite && key.Length > 3 && key[^1] == 'ا')
            return "purpose";
        return null;
    }

    private bool BackgroundBefore(int i)
    {
        for (int k = i - 1, steps = 0; k >= 0 && steps < 2; k--)
        {
            if (_view.IsWrapper(k))
                continue;
            steps++;
            if (_view[k].Kind == TokenKind.Arabic && (Words.Background.Contains(_view.Key(k).ToString()) || Words.Background.Contains(_view.Norm(k).ToString())))
                return true;
        }
        return false;
    }

    // ---------------------------------------------------------------- modality

    private Modality ModalityOf(int i, int last, int l, int r, bool isVerb, bool futurePrefix, TriggerForm form, string cameo)
    {
        var root = cameo[..2];
        ref var tok = ref _view[i];
        if (futurePrefix)
            return Modality.Future;
        var result = Modality.Asserted;
        // Within two tokens before the trigger: negation; «قد» + present = may.
        for (int k = i - 1, steps = 0; k >= Math.Max(0, l - 1) && steps < 3; k--)
        {
            if (_view.IsWrapper(k) || _inTime[k])
                continue;
            steps++;
            var key = _view.Key(k).ToString();
            if (Words.Negation.Contains(key) || (key == "ما" && isVerb && steps == 1))
                return Modality.Negated;
            if (key is "قد" && form.Kind == FormKind.Present)
                result = Modality.Hypothetical;
            if (key.Length > 2 && key[0] == 'س' && key[1] is 'ي' or 'ت' && (key.EndsWith("تم", StringComparison.Ordinal) || key.EndsWith("جري", StringComparison.Ordinal) || key.EndsWith("كون", StringComparison.Ordinal) || key.EndsWith("بدا", StringComparison.Ordinal)))
                return Modality.Future;
        }
        if (tok.Pro.HasFlag(Pro.Li) && (isVerb || !Words.ProtestCue.Contains(_view.Norm(i).ToString())) && !GovernsLi(i))
            return Modality.Future; // purpose: «لتحريرها», «ليقتل» — but not «تعرض لهجوم», «أدى لمقتل»
        // A purpose phrase before the trigger: «للمشاركة في عملية استعادة …», «لتنفيذ هجوم».
        for (int k = i - 1, steps = 0; k >= l && steps < 4; k--, steps++)
        {
            if (_view[k].Kind == TokenKind.Arabic && _view[k].Pro.HasFlag(Pro.Li) && !_view[k].Pro.HasFlag(Pro.Conj) && SpanAt(k) is null && IsMasdarLike(_view.Bare(k)))
                return Modality.Future;
        }
        // Across «أن»: «يمكن أن تبدأ التفجيرات», «قرر أن …», «من المقرر أن يعقد محادثات».
        if (l > 0 && _view[l - 1].Kind == TokenKind.Arabic && _view.Key(l - 1) is "ان" or "انه" or "انها")
        {
            for (int k = l - 2, steps = 0; k >= 0 && steps < 3; k--, steps++)
            {
                if (_view[k].Kind != TokenKind.Arabic)
                    continue;
                var key = _view.Key(k).ToString();
                if (Words.Prevention.Contains(key))
                    return Modality.Negated;
                if (Words.Future.Contains(key) || (root is not ("02" or "10" or "13" or "03") && Words.Appeal.Contains(key)))
                    return Modality.Future;
                if (Words.Hypothetical.Contains(key))
                    return Modality.Hypothetical;
            }
        }
        var from = Math.Max(l, i - 7);
        for (var k = from; k < i; k++)
        {
            if (_view[k].Kind != TokenKind.Arabic)
                continue;
            var key = _view.Key(k).ToString();
            var norm = _view.Norm(k).ToString();
            if (Words.DenialVerbs.Contains(key) || Words.Prevention.Contains(key))
                return Modality.Negated;
            if (Words.Future.Contains(key) || Words.Future.Contains(norm))
                return Modality.Future;
            if (root is not ("02" or "10" or "13" or "03") && Words.Appeal.Contains(key))
                return Modality.Future;
            if (Words.Hypothetical.Contains(key) || Words.Hypothetical.Contains(norm))
                result = Modality.Hypothetical;
            else if (key == "قد" && k + 1 < _view.Count && _view[k + 1].Kind == TokenKind.Arabic && _view.Key(k + 1) is { Length: >= 4 } nextKey && nextKey[0] is 'ي' or 'ت' or 'ن')
                result = Modality.Hypothetical; // «قد يعيدون تنظيم أنفسهم ويشنون هجمات»
            else if (root is not "11" && Words.Alleged.Contains(key) && result == Modality.Asserted)
                result = Modality.Alleged;
        }
        // «اتهم … جماعة … بمحاولة اغتيال»: an accused act, whatever the distance to the accusation.
        if (result == Modality.Asserted && root is not "11" && tok.Pro.HasFlag(Pro.Bi))
        {
            for (var k = 0; k < i; k++)
            {
                if (_view[k].Kind == TokenKind.Arabic && Words.Alleged.Contains(_view.Key(k).ToString()))
                    return Modality.Alleged;
            }
        }
        // An appeal or a denial may open the sentence, before a complementiser: «دعا … إلى التظاهر», «نفى أن يكون …».
        for (var k = 0; k < l && k < i; k++)
        {
            if (_view[k].Kind != TokenKind.Arabic)
                continue;
            var key = _view.Key(k).ToString();
            if (Words.DenialVerbs.Contains(key) && k >= l - 3)
                return Modality.Negated;
        }
        // The quote the trigger sits in: its verb says how the claim is held.
        foreach (var q in _doc.Quotes)
        {
            if (_view[i].Start < q.Start || _view[i].Start >= q.End)
                continue;
            var verb = Text.ArabicNormalizer.Normalize(q.Verb);
            if (Words.DenialVerbs.Contains(verb))
                return Modality.Negated;
            if (verb is "زعم" or "زعمت" or "زعموا" or "ادعي" or "ادعت" or "ادعوا" or "يزعم" or "تزعم" or "يدعي" or "تدعي")
                return Modality.Alleged;
            if (verb.StartsWith("توقع", StringComparison.Ordinal) || verb.StartsWith("رجح", StringComparison.Ordinal) || verb.StartsWith("حذر", StringComparison.Ordinal)
                || verb.StartsWith("يتوقع", StringComparison.Ordinal) || verb.StartsWith("يرجح", StringComparison.Ordinal) || verb.StartsWith("يحذر", StringComparison.Ordinal))
                return result == Modality.Asserted ? Modality.Hypothetical : result;
            if (root is not ("02" or "10" or "13" or "03") && (verb.StartsWith("طالب", StringComparison.Ordinal) || verb.StartsWith("دعا", StringComparison.Ordinal)
                || verb.StartsWith("دعت", StringComparison.Ordinal) || verb.StartsWith("يطالب", StringComparison.Ordinal) || verb.StartsWith("تعهد", StringComparison.Ordinal)))
                return Modality.Future;
        }
        if (_view.Count > 0 && _view.Text(_view.Count - 1) is "؟" or "?")
            return Modality.Hypothetical;
        _ = r;
        _ = last;
        return result;
    }

    /// <summary>True when the word before <paramref name="i"/> governs ل (تعرض لـ، أدى لـ، عرضة لـ), so ل is not purpose.</summary>
    private bool GovernsLi(int i)
    {
        var k = i - 1;
        while (k >= 0 && (_view.IsWrapper(k) || _inTime[k] || _soft[k]))
            k--;
        if (k < 0 || _view[k].Kind != TokenKind.Arabic)
            return false;
        var key = _view.Key(k).ToString();
        return IsUndergo(k) || key is "عرضه" or "ادي" or "ادت" or "يءدي" or "تءدي" or "نتيجه" or "سببا" or "مما" or "ما" || SpanAt(k) is not null && IsUndergo(Math.Max(0, SpanAt(k)!.First - 1));
    }

    /// <summary>A verbal-noun shape: مشاركة، تنفيذ، استعادة، إعادة (starts with م، ت، ا and has four letters or more).</summary>
    private static bool IsMasdarLike(ReadOnlySpan<char> w) =>
        w.Length >= 4 && w[0] is 'م' or 'ت' or 'ا' && !Words.ProtestCue.Contains(w.ToString());

    // ---------------------------------------------------------------- place, date, source

    /// <summary>The place of an event: a place entity or a country named in its clause (after في، ب، إلى, nearest first), else in its sentence.</summary>
    private PlaceRef? PlaceFor(int i, int last, int l, int r)
    {
        PlaceRef? best = null;
        var bestScore = int.MinValue;
        for (var k = 0; k < _view.Count; k++)
        {
            PlaceRef? cand = null;
            if (_entities.PlaceAt(_view[k].Start, _view[k].End) is { } p)
                cand = new PlaceRef(_view.KeyStart(k), p.End, p.Entity, null);
            else if (SpanAt(k) is { IsPlace: true } s && s.First == k && IsLocative(s))
                cand = new PlaceRef(s.Start, s.End, null, s);
            if (cand is null)
                continue;
            var inClause = k >= l && k <= r;
            var distance = k > last ? k - last : i - k;
            var score = (inClause ? 100 : 0) - distance + (k > last ? 5 : 0) + (IsLocativeToken(k) ? 10 : 0);
            if (score > bestScore)
            {
                best = cand;
                bestScore = score;
            }
        }
        return best;
    }

    private bool IsLocativeToken(int k)
    {
        if (_view[k].Pro.HasFlag(Pro.Bi))
            return true;
        var p = k - 1;
        while (p >= 0 && _view.IsWrapper(p))
            p--;
        return p >= 0 && _view[p].Kind == TokenKind.Arabic && Words.Locative.Contains(_view.Key(p).ToString());
    }

    // ---------------------------------------------------------------- document-level passes

    /// <summary>A fight with no named opponent takes the armed adversary of its sentence or its neighbours («أكملت تحرير … تحت سيطرة داعش»).</summary>
    private void InferOpponents()
    {
        foreach (var d in _drafts)
        {
            if (d.A2 is not null || d.A1 is not { Armed: true } a1 || d.Cameo[..2] is not "19")
                continue;
            ActorSpan? found = null;
            foreach (var s in (ReadOnlySpan<int>)[d.Sentence, d.Sentence + 1, d.Sentence - 1])
            {
                if (s < 0 || s >= _actorsBySentence.Count)
                    continue;
                found = _actorsBySentence[s].FirstOrDefault(x => x.Armed && x.Code.Length > 0 && x.Code != a1.Code && !x.State == a1.State);
                if (found is not null)
                    break;
            }
            if (found is null)
            {
                // The document's main non-state armed group, when it is named at least twice.
                found = _actorsBySentence.SelectMany(x => x).Where(x => x.Armed && !x.State && x.Code.Length > 0 && x.Code != a1.Code)
                    .GroupBy(x => x.Code).Where(g => g.Count() >= 2).OrderByDescending(g => g.Count()).Select(g => g.First()).FirstOrDefault();
            }
            if (found is not null)
            {
                d.A2 = found;
                d.A2By = "context";
                d.A2Context = true;
                d.By.Add("a2:context");
            }
        }
    }

    private ImmutableArray<Event> Finish()
    {
        var article = _doc.Article;
        var published = article.Published is { } p ? p.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : null;
        var outlet = Outlet(article);
        var events = new List<Event>(_drafts.Count);
        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in _drafts)
        {
            var (date, dateSource, dateText, future) = DateOf(d, published);
            var modality = d.Modality == Modality.Asserted && future ? Modality.Future : d.Modality;
            var cameo = CameoTable.Get(d.Cameo);
            var place = d.PlaceIndex is { } pr ? ToPlace(pr) : null;
            var ev = new Event
            {
                Id = "",
                Start = d.Start,
                End = d.End,
                TriggerStart = d.TriggerStart,
                TriggerEnd = d.TriggerEnd,
                Trigger = _body[d.TriggerStart..d.TriggerEnd],
                Sentence = d.Sentence,
                Actor1 = d.A1?.ToActor(_body, d.A1By),
                Actor2 = d.A2?.ToActor(_body, d.A2By),
                Cameo = d.Cameo,
                QuadClass = cameo.QuadClass,
                Goldstein = cameo.Goldstein,
                Place = place,
                Date = date,
                DateSource = dateSource,
                DateText = dateText,
                Source = SourceOf(d, outlet),
                Modality = modality,
                Confidence = Math.Round(d.Confidence, 2),
                By = string.Join('+', d.By),
            };
            // The same event told twice in the article (same actors, root, place, date, modality) is one event with two mentions.
            // Two officials reporting two operations are two events: the source is part of the key.
            var key = string.Join('|', ev.Actor1?.Code ?? ev.Actor1?.Name ?? "", ev.Actor2?.Code ?? ev.Actor2?.Name ?? "", ev.Root, place?.Entity ?? place?.Country ?? "",
                date ?? "", modality, ev.Source?.Speaker ?? ev.Source?.SpeakerText ?? "");
            if (keys.TryGetValue(key, out var at))
            {
                var first = events[at];
                events[at] = first with
                {
                    Mentions = first.Mentions.Add(new EventMention(ev.Start, ev.End, ev.TriggerStart, ev.TriggerEnd, ev.Sentence, ev.By)),
                    Confidence = Math.Round(Math.Min(0.99, Math.Max(first.Confidence, ev.Confidence) + 0.05), 2),
                    Actor2 = first.Actor2 is { By: "context" } && ev.Actor2 is { By: not "context" } ? ev.Actor2 : first.Actor2,
                };
                continue;
            }
            keys[key] = events.Count;
            events.Add(ev);
        }
        var result = ImmutableArray.CreateBuilder<Event>(events.Count);
        for (var k = 0; k < events.Count; k++)
            result.Add(events[k] with { Id = "ev" + (k + 1).ToString(CultureInfo.InvariantCulture) });
        return result.MoveToImmutable();
    }

    private (string? Date, string? Source, string? Text, bool Future) DateOf(Draft d, string? published)
    {
        TimeExpression? best = null;
        var bestScore = int.MinValue;
        foreach (var t in _doc.Times)
        {
            if (t.Value is null || t.End <= 0)
                continue;
            var sentence = _doc.Sentences.IsDefaultOrEmpty ? default : _doc.Sentences[d.Sentence];
            if (sentence is not null && (t.Start < sentence.Start || t.Start >= sentence.End))
                continue;
            var inClause = t.Start >= d.ClauseStart && t.End <= d.ClauseEnd;
            var distance = Math.Abs(t.Start - d.TriggerStart);
            var score = (inClause ? 10000 : 0) - distance + (t.Granularity is "day" or "part-of-day" ? 500 : 0);
            if (score > bestScore)
            {
                best = t;
                bestScore = score;
            }
        }
        if (best is { Value: { } bestValue })
        {
            var future = published is not null && bestValue.Length == 10 && string.CompareOrdinal(bestValue, published) > 0;
            return (bestValue, "text", best.Text, future);
        }
        return published is null ? (null, null, null, false) : (published, "published", null, false);
    }

    private EventSource? SourceOf(Draft d, string? outlet)
    {
        foreach (var q in _doc.Quotes)
        {
            if (d.TriggerStart >= q.Start && d.TriggerStart < q.End)
                return new EventSource { Speaker = q.Speaker, SpeakerText = q.SpeakerText, Via = q.Via, ViaText = q.ViaText, Outlet = outlet };
        }
        return outlet is null ? null : new EventSource { Outlet = outlet };
    }

    private static string? Outlet(Article a)
    {
        if (a.Url is { Length: > 0 } url && Uri.TryCreate(url, UriKind.Absolute, out var uri))
            return uri.Host.StartsWith("www.", StringComparison.Ordinal) ? uri.Host[4..] : uri.Host;
        return a.Dateline?.Source;
    }

    private EventPlace ToPlace(PlaceRef p)
    {
        if (p.Entity is { } e)
        {
            return new EventPlace(p.Start, p.End, _body[p.Start..p.End])
            {
                Entity = e.Id,
                Name = e.Canonical,
                Country = Countries.Iso3(e.Country ?? e.Place?.Country),
                Lat = e.Place?.Lat,
                Lon = e.Place?.Lon,
            };
        }
        var s = p.Span!;
        return new EventPlace(s.Start, s.End, _body[s.Start..s.End]) { Name = s.Name, Country = s.Country };
    }

    internal sealed record PlaceRef(int Start, int End, Entity? Entity, ActorSpan? Span);

    internal sealed class Draft
    {
        public int Sentence;
        public int TrigFirst;
        public int TrigLast;
        public int TriggerStart;
        public int TriggerEnd;
        public int ClauseStart;
        public int ClauseEnd;
        public int Start;
        public int End;
        public required TriggerEntry Entry;
        public required string Cameo;
        public ActorSpan? A1;
        public ActorSpan? A2;
        public string A1By = "";
        public string A2By = "";
        public bool A2Context;
        public Modality Modality;
        public double Confidence;
        public required List<string> By;
        public PlaceRef? PlaceIndex;
    }
}
