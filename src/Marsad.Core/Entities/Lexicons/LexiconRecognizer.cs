using System.Collections.Immutable;
using Marsad.Model;

namespace Marsad.Entities.Lexicons;

/// <summary>
/// Finds high-precision entity mentions with the lexicons and trigger patterns, in three passes:
/// <list type="number">
/// <item><b>names</b> (<c>gazetteer:places|orgs|people</c>): the longest known name at each word, read off its
/// proclitics (وبغداد، للموصل). Minor places (villages, neighbourhoods) and names that are also common
/// words (عنه، القاعدة) are left to the passes that see context, unless quoted («القاعدة»).
/// A nationality adjective after a definite noun is an attribute, not a name (الحكومة السعودية);
/// a city before a masculine nationality adjective is a club (روما الإيطالي).</item>
/// <item><b>triggers</b> (<c>pattern:org</c>, <c>pattern:org-name</c>, <c>pattern:place</c>, <c>pattern:place-name</c>,
/// <c>pattern:place-list</c>): a head word and its complement: وزارة الداخلية، جهاز مكافحة الإرهاب، الهيئة العامة للطيران
/// المدني (the trigger is part of the name); تنظيم «داعش»، شركة هواوي، مدينة دوما (it classifies the name that follows);
/// حيي التنك والثورة (a list).</item>
/// <item><b>people</b> (<c>pattern:person</c>, <c>pattern:name</c>): the name after a title or a description
/// (الفريق أول ركن طالب شغاتي، الناطق باسم التحالف الدولي جون دوريان), and a known given name followed by
/// more name words (إياد علاوي).</item>
/// </list>
/// </summary>
internal sealed class LexiconRecognizer(EntityLexicon lex)
{
    private const string OpenQuotes = "«\"“'(";
    private const string CloseQuotes = "»\"”')";
    private readonly EntityLexicon _lex = lex;
    private readonly Cues _cues = new(lex);

    /// <summary>A mention under construction: token range, body range, type, provenance.</summary>
    private sealed class Found
    {
        public int First;
        public int Last;
        public int Start;
        public int End;
        public EntityType Type;
        public string By = "";
        public double Confidence = 1.0;
        public bool Removed;
    }

    private sealed class Scan(DocumentWords w)
    {
        public readonly List<Found> Found = [];
        public readonly int[] Owner = Enumerable.Repeat(-1, w.Count).ToArray();

        public Found? At(int token) => token >= 0 && token < Owner.Length && Owner[token] >= 0 ? Found[Owner[token]] : null;

        public bool Free(int first, int last)
        {
            for (var i = first; i <= last; i++)
            {
                if (Owner[i] >= 0)
                    return false;
            }
            return true;
        }

        /// <summary>Adds a mention; mentions it overlaps are removed (callers decide precedence before adding).</summary>
        public void Add(Found f)
        {
            for (var i = f.First; i <= f.Last; i++)
            {
                if (Owner[i] >= 0)
                {
                    var old = Found[Owner[i]];
                    old.Removed = true;
                    for (var j = old.First; j <= old.Last; j++)
                        Owner[j] = -1;
                }
            }
            Found.Add(f);
            for (var i = f.First; i <= f.Last; i++)
                Owner[i] = Found.Count - 1;
        }
    }

    public ImmutableArray<Mention> Recognize(DocumentWords w, CancellationToken cancellationToken)
    {
        var scan = new Scan(w);
        MatchNames(w, scan);
        cancellationToken.ThrowIfCancellationRequested();
        MatchTriggers(w, scan);
        cancellationToken.ThrowIfCancellationRequested();
        MatchPeople(w, scan);
        var mentions = ImmutableArray.CreateBuilder<Mention>(scan.Found.Count);
        foreach (var f in scan.Found.Where(f => !f.Removed).OrderBy(f => f.Start))
            mentions.Add(new Mention(f.Start, f.End, f.Type, f.By, f.Confidence));
        return mentions.ToImmutable();
    }

    // ---------------------------------------------------------------- pass 1: names

    /// <summary>A lexicon name matched at a word: its tokens, where it starts after proclitics, and the records it can be.</summary>
    internal readonly record struct NameMatch(int First, int Last, int Start, NameRef[] Refs, bool ShortAfterPreposition = false);

    /// <summary>The longest lexicon name starting at token <paramref name="i"/>, trying each proclitic reading of the first word.</summary>
    internal static bool TryMatchName(EntityLexicon lex, DocumentWords w, int i, out NameMatch match)
    {
        match = default;
        if (!w.IsWord(i))
            return false;
        var key = w.Key(i);
        if (key.Length is 0 or > 64)
            return false;
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[512];
        var n = Proclitics.Variants(key, variants);
        var bestLast = -1;
        var found = false;
        for (var v = 0; v < n; v++)
        {
            var len = Proclitics.Write(key, variants[v], buffer);
            if (!lex.Names.StartsAPhrase(buffer[..len]))
                continue;
            // A word the lexicon knows as written is not read as proclitics + name (بلير is not ب + لير, بلاد not ب + لاد).
            if (variants[v].Strip > 0 && lex.IsKnownWord(key[variants[v].WordAt..]))
                continue;
            var j = i;
            while (true)
            {
                if (lex.Names.TryGet(buffer[..len], out var refs) && j > bestLast)
                {
                    bestLast = j;
                    var strip = variants[v].AddArticle ? variants[v].Strip - 2 : variants[v].Strip;
                    var afterPreposition = variants[v].Strip > 0 && key[variants[v].WordAt] is 'ب' or 'ل' or 'ك';
                    match = new NameMatch(i, j, w.OffsetAfterLetters(i, strip), refs, afterPreposition && j == i && len <= 3);
                    found = true;
                }
                if (!w.JoinsNext(j) || j + 1 >= w.Count || w.Kind(j + 1) is not (TokenKind.Arabic or TokenKind.Latin or TokenKind.Number) || !lex.Names.IsPrefix(buffer[..len]))
                    break;
                var next = w.Key(j + 1);
                if (len + 1 + next.Length > buffer.Length)
                    break;
                buffer[len] = ' ';
                next.CopyTo(buffer[(len + 1)..]);
                len += 1 + next.Length;
                j++;
            }
        }
        return found;
    }

    private void MatchNames(DocumentWords w, Scan scan)
    {
        for (var i = 0; i < w.Count; i++)
        {
            if (!TryMatchName(_lex, w, i, out var m))
                continue;
            // A trigger word is not read as proclitics + name (وكالة is not و + كالة).
            if (m.Start > w.Tokens[i].Start && w.TryHead(i, out _, out _, out var headStrip) && headStrip == 0)
                continue;
            var quoted = IsQuoted(w, m.First, m.Last);
            var best = Choose(m.Refs, quoted, w, m);
            if (best < 0)
                continue;
            var rec = _lex.Records[best];
            var type = rec.Type;
            if (m.First == m.Last && !quoted)
            {
                // A title or trigger word is not a place (الإمام، القرى); a town named like a person's given name needs context.
                if (_cues.IsTitleAt(w, m.First) || _lex.TryHead(w.Key(m.First), out _, out _))
                    continue;
                var broad = rec.Kind is "country" or "province" or "region" or "capital" or "continent" or "sea" or "ocean" or "river";
                if (type == EntityType.LOC && !broad && _cues.IsGivenName(EntityLexicon.Key(rec.Names[0])))
                    continue;
                // A single definite word (القرن، الطبقة) is a common noun as often as a town: only big places match without context.
                if (type == EntityType.LOC && !broad && rec.Population < 100_000 && Proclitics.IsDefinite(w.Key(m.First)))
                    continue;
            }
            var by = type switch { EntityType.ORG => "gazetteer:orgs", EntityType.PER => "gazetteer:people", _ => "gazetteer:places" };
            if (m.First == m.Last && !quoted && type != EntityType.ORG && LooksLikeAdjective(w, m.First))
                continue;
            if (type == EntityType.LOC && IsClubContext(_lex, w, m.Last, rec))
            {
                type = EntityType.ORG;
                by = "gazetteer:places+club";
            }
            scan.Add(new Found { First = m.First, Last = m.Last, Start = m.Start, End = w.Tokens[m.Last].End, Type = type, By = by, Confidence = m.Last > m.First ? 0.95 : 0.9 });
            i = m.Last;
        }
    }

    /// <summary>The record a matched name most likely is, among those allowed without a trigger; -1 when none.</summary>
    private int Choose(NameRef[] refs, bool quoted, DocumentWords w, NameMatch m)
    {
        var best = -1;
        var bestScore = int.MinValue;
        foreach (var r in refs)
        {
            var rec = _lex.Records[r.Record];
            if (!rec.Major)
                continue;
            if ((r.Flags & NameFlags.Common) != 0 && !quoted)
                continue;
            if ((r.Flags & NameFlags.Latin) != 0 && !LatinCaseFits(w, m))
                continue;
            // «بمصر» reads as ب + مصر, but a short name read off a preposition must be a well-known place (not «بلاد» → «لاد»).
            if (m.ShortAfterPreposition && !(rec.Kind is "country" or "capital" or "province" || rec.Population >= 200_000))
                continue;
            var score = KindScore(rec) + ((r.Flags & NameFlags.Preferred) != 0 ? 1 : 0);
            if (score > bestScore)
            {
                bestScore = score;
                best = r.Record;
            }
        }
        return best;
    }

    /// <summary>Preference among records of one name: curated organisations and people, then countries and big places.</summary>
    internal static int KindScore(LexRecord rec) => rec.Type switch
    {
        EntityType.ORG => 100,
        EntityType.PER => 90,
        _ => rec.Kind switch
        {
            "country" => 80,
            "capital" => 70,
            "region" or "continent" or "sea" or "ocean" or "river" or "strait" or "canal" => 60,
            "city" => 55,
            // A province named like its capital (بغداد، البصرة) is the city unless «محافظة» says otherwise.
            "province" => 52,
            "air base" or "airport" => 50,
            "district" => 45,
            "town" => 40,
            "subdistrict" => 35,
            "village" => 20,
            _ => 10,
        } + (int)Math.Min(9, Math.Log10(rec.Population + 1)),
    };

    // Short Latin aliases match only as written in capitals (CNN, not «cnn»; ISIS, not «Isis»).
    private static bool LatinCaseFits(DocumentWords w, NameMatch m)
    {
        var text = w.Body.AsSpan(m.Start, w.Tokens[m.Last].End - m.Start);
        var letters = 0;
        foreach (var c in text)
        {
            if (char.IsLetter(c))
                letters++;
        }
        if (letters > 5)
            return true;
        foreach (var c in text)
        {
            if (char.IsLower(c))
                return false;
        }
        return true;
    }

    /// <summary>True when a nationality-shaped word follows a definite noun: «الحكومة السعودية» (an adjective, not the country).</summary>
    private bool LooksLikeAdjective(DocumentWords w, int i)
    {
        if (!w.TryNationality(i, out _))
            return false;
        var p = i - 1;
        if (p < 0 || !w.JoinsNext(p) || !w.IsWord(p))
            return false;
        var prev = w.Key(p);
        return Proclitics.IsDefinite(prev) && !_lex.IsStopword(prev);
    }

    /// <summary>A city named before a masculine nationality adjective of its country is a club: «روما الإيطالي», «إشبيلية الإسباني».</summary>
    internal static bool IsClubContext(EntityLexicon lex, DocumentWords w, int last, LexRecord rec)
    {
        if (rec.Kind is not ("city" or "capital" or "town" or "district") || !w.JoinsNext(last) || last + 1 >= w.Count)
            return false;
        return lex.TryNationality(w.Key(last + 1), out var nat) && nat.MasculineSingular && nat.Country is not null
            && (rec.Country is null || rec.Country == nat.Country) && Proclitics.IsDefinite(w.Key(last + 1));
    }

    internal static bool IsQuoted(DocumentWords w, int first, int last) =>
        w.IsPunct(first - 1, OpenQuotes) && w.IsPunct(last + 1, CloseQuotes);

    /// <summary>When token <paramref name="j"/> opens a quote or bracket closed within a few words, the words inside.</summary>
    internal static bool TryQuoted(DocumentWords w, int j, out int first, out int last)
    {
        first = last = -1;
        if (!w.IsPunct(j, OpenQuotes))
            return false;
        for (var k = j + 1; k < w.Count && k <= j + 7; k++)
        {
            if (w.IsPunct(k, CloseQuotes))
            {
                if (k == j + 1)
                    return false;
                first = j + 1;
                last = k - 1;
                return true;
            }
            if (w.Kind(k) is not (TokenKind.Arabic or TokenKind.Latin or TokenKind.Number))
                return false;
        }
        return false;
    }

    // ---------------------------------------------------------------- pass 2: triggers

    private void MatchTriggers(DocumentWords w, Scan scan)
    {
        for (var i = 0; i + 1 < w.Count; i++)
        {
            if (!w.IsWord(i) || scan.Owner[i] >= 0 || w.IsStop(i) || !w.TryHead(i, out var head, out var definite))
                continue;
            var end = head.Use switch
            {
                HeadUse.Org or HeadUse.OrgWeak => OrgNamedByTrigger(w, scan, i, head, definite),
                HeadUse.OrgClassifier => definite ? -1 : OrgAfterClassifier(w, scan, i, head),
                HeadUse.Place or HeadUse.PlaceOpen => PlaceNamedByTrigger(w, scan, i, head, definite),
                HeadUse.PlaceClassifier => definite ? -1 : PlaceAfterClassifier(w, scan, i),
                HeadUse.PlacePlural => definite ? -1 : PlaceList(w, scan, i, head),
                _ => -1,
            };
            if (end > i)
                i = end;
        }
    }

    /// <summary>Start offset of a trigger token after its proclitics (وبوزارة → وزارة), keeping the article.</summary>
    private int StartAfterProclitics(DocumentWords w, int i) =>
        w.TryHead(i, out _, out _, out var strip) && strip > 0 ? w.OffsetAfterLetters(i, strip) : w.Tokens[i].Start;

    /// <summary>
    /// «وزارة الداخلية», «جهاز مكافحة الإرهاب», «اتحاد الإذاعة والتلفزيون», «الهيئة العامة للطيران المدني»: the trigger
    /// and its complement (definite words, idafa chains, «و» + definite, known names; ل + words after a definite trigger).
    /// A nationality adjective ends the name (the linker keeps it as the country). Returns the last token used, or -1.
    /// </summary>
    private int OrgNamedByTrigger(DocumentWords w, Scan scan, int i, Head head, bool definite)
    {
        if (TryQuoted(w, i + 1, out var qf, out var ql) && scan.Free(qf, ql))
        {
            scan.Add(new Found { First = qf, Last = ql, Start = w.Tokens[qf].Start, End = w.Tokens[ql].End, Type = EntityType.ORG, By = "pattern:org-name", Confidence = 0.85 });
            return ql + 1;
        }
        var end = -1;
        var strongWord = false;
        var sawAdjective = false;
        var sawLam = false;
        for (var j = i + 1; j < w.Count && j <= i + 7; j++)
        {
            if (!w.JoinsNext(j - 1) || !w.IsWord(j))
                break;
            var key = w.Key(j);
            if (scan.At(j) is { } other)
            {
                if (other.Type == EntityType.PER || other.First != j)
                    break;
                end = other.Last;
                strongWord = true;
                j = other.Last;
                continue;
            }
            if (w.IsStop(j) || _cues.IsTitleAt(w, j) || (w.TryHead(j, out var h, out var defHead) && h.Use == HeadUse.Person && defHead))
                break;
            if (w.TryNationality(j, out var nat) && Proclitics.IsDefinite(key))
            {
                // «الاتحاد السعودي لكرة القدم»: inside a definite institution's name when a ل-phrase follows.
                if (definite && j + 1 < w.Count && w.JoinsNext(j) && StartsWithLam(w.Key(j + 1)))
                {
                    sawAdjective = true;
                    continue;
                }
                _ = nat;
                break;
            }
            var isDefinite = Proclitics.IsDefinite(key);
            if (definite && j == i + 1)
            {
                // A definite trigger needs an institutional adjective or a ل-phrase: «البنك المركزي», «المكتب المركزي للأبحاث».
                if (Grammar.InstitutionalAdjectives.Contains(key))
                {
                    sawAdjective = true;
                    end = j;
                    continue;
                }
                if (!StartsWithLam(key))
                    return -1;
            }
            if (StartsWithLam(key) && !isDefinite)
            {
                if (!definite && !sawAdjective)
                    break;
                sawLam = true;
                strongWord |= !_lex.IsCommon(key[1..]);
                if (j + 1 < w.Count && w.JoinsNext(j) && Proclitics.IsDefinite(w.Key(j + 1)))
                    continue;
                end = j;
                continue;
            }
            if (isDefinite)
            {
                if (Grammar.Directions.Contains(Grammar.WithoutConjunction(key)))
                    break;
                strongWord |= !_lex.IsCommon(key);
                sawLam |= StartsWithLam(key);
                end = j;
                continue;
            }
            // An indefinite word continues the name only inside an idafa chain (مكافحة الإرهاب).
            if (j + 1 < w.Count && w.JoinsNext(j) && w.IsWord(j + 1) && (Proclitics.IsDefinite(w.Key(j + 1)) || scan.At(j + 1) is not null)
                && !_cues.HasNameEvidence(key) && !Grammar.Directions.Contains(key))
            {
                strongWord |= !_lex.IsCommon(key);
                continue;
            }
            break;
        }
        if (end < 0 || (definite && !sawAdjective && !sawLam))
            return -1;
        if (head.Use == HeadUse.OrgWeak && !strongWord)
            return -1;
        // «مجلس الإدارة», «مجلس الأمناء»: a board of something, not a named body.
        if (end == i + 1 && w.Key(end) is "الاداره" or "الامناء")
            return -1;
        for (var k = i; k <= end; k++)
        {
            if (scan.At(k) is { Type: EntityType.PER })
                return -1;
        }
        scan.Add(new Found { First = i, Last = end, Start = StartAfterProclitics(w, i), End = w.Tokens[end].End, Type = EntityType.ORG, By = "pattern:org", Confidence = 0.8 });
        return end;
    }

    private static bool StartsWithLam(ReadOnlySpan<char> key) => key.Length >= 3 && key[0] == 'ل';

    /// <summary>«تنظيم «داعش»», «شركة هواوي», «فريق روما», «صحيفة الرياض»: the name after a classifier, as an organisation.</summary>
    private int OrgAfterClassifier(DocumentWords w, Scan scan, int i, Head head)
    {
        var j = i + 1;
        if (!w.JoinsNext(i) && !w.IsPunct(j, OpenQuotes))
            return -1;
        if (TryQuoted(w, j, out var qf, out var ql))
        {
            if (!scan.Free(qf, ql) && !(scan.At(qf) is { } q && q.First == qf && q.Last == ql))
                return -1;
            scan.Add(new Found { First = qf, Last = ql, Start = w.Tokens[qf].Start, End = w.Tokens[ql].End, Type = EntityType.ORG, By = "pattern:org-name", Confidence = 0.85 });
            return ql + 1;
        }
        if (j >= w.Count || !w.IsWord(j))
            return -1;
        if (scan.At(j) is { } known)
        {
            if (known.First != j || known.Type == EntityType.PER)
                return -1;
            // A place's name after «فريق», «نادي», «صحيفة», «قناة» names a club or an outlet: «فريق روما», «صحيفة الشرق الأوسط».
            if (known.Type != EntityType.ORG && head.Kind is "club" or "newspaper" or "magazine" or "broadcaster" or "news outlet" or "website")
            {
                known.Type = EntityType.ORG;
                known.By = "pattern:org-name";
            }
            return known.Last;
        }
        // A name the lexicon holds as a common word: «قناة الجزيرة», «تنظيم القاعدة».
        if (TryMatchName(_lex, w, j, out var m) && scan.Free(m.First, m.Last))
        {
            scan.Add(new Found { First = m.First, Last = m.Last, Start = m.Start, End = w.Tokens[m.Last].End, Type = EntityType.ORG, By = "pattern:org-name", Confidence = 0.85 });
            return m.Last;
        }
        var last = -1;
        for (var k = j; k < w.Count && k < j + 3; k++)
        {
            if (k > j && (!w.JoinsNext(k - 1) || !w.IsWord(k)))
                break;
            var key = w.Key(k);
            if (w.IsStop(k) || scan.At(k) is not null || w.TryNationality(k, out _) || w.TryHead(k, out _, out _) || _cues.IsTitleAt(w, k))
                break;
            if (_lex.IsCommon(key) || (Proclitics.IsDefinite(key) && _lex.IsCommon(key[2..])))
                break;
            // A definite word after a classifier is a name only with evidence: «حركة الهجرة» is not one.
            if (Proclitics.IsDefinite(key) && !_cues.HasNameEvidence(key))
                break;
            // An indefinite relative adjective describes the classifier, it does not name it: «شركة إقليمية», «هيئة حكومية».
            if (!Proclitics.IsDefinite(key) && key.Length >= 5 && key.EndsWith("يه", StringComparison.Ordinal) && !_cues.HasNameEvidence(key))
                break;
            if (w.Kind(k) != TokenKind.Arabic && w.Kind(k) != TokenKind.Latin)
                break;
            last = k;
        }
        if (last < 0)
            return -1;
        scan.Add(new Found { First = j, Last = last, Start = w.Tokens[j].Start, End = w.Tokens[last].End, Type = EntityType.ORG, By = "pattern:org-name", Confidence = 0.75 });
        return last;
    }

    /// <summary>«محافظة الأنبار», «حي التنك», «قاعدة البكر», «مطار صلالة»: the trigger and the name after it, as one place.</summary>
    private int PlaceNamedByTrigger(DocumentWords w, Scan scan, int i, Head head, bool definite)
    {
        if (definite || !w.JoinsNext(i))
            return -1;
        var last = PlaceNameAfter(w, scan, i + 1, open: head.Use == HeadUse.PlaceOpen, out var absorbed);
        if (last < 0)
            return -1;
        foreach (var a in absorbed)
            a.Removed = true;
        scan.Add(new Found { First = i, Last = last, Start = StartAfterProclitics(w, i), End = w.Tokens[last].End, Type = EntityType.LOC, By = "pattern:place", Confidence = 0.85 });
        return last;
    }

    /// <summary>«مدينة دوما», «جزيرة سقطرى», «منطقة تل شرف»: the name after a classifier, as a place.</summary>
    private int PlaceAfterClassifier(DocumentWords w, Scan scan, int i)
    {
        var j = i + 1;
        if (!w.JoinsNext(i) || j >= w.Count)
            return -1;
        if (scan.At(j) is { } known)
        {
            if (known.First != j || known.Type == EntityType.PER)
                return -1;
            return known.Last;
        }
        var last = PlaceNameAfter(w, scan, j, open: false, out _, classifier: true);
        if (last < 0)
            return -1;
        scan.Add(new Found { First = j, Last = last, Start = w.Tokens[j].Start, End = w.Tokens[last].End, Type = EntityType.LOC, By = "pattern:place-name", Confidence = 0.8 });
        return last;
    }

    /// <summary>«حيي التنك والثورة», «قرى الجنينة والجيعة …»: a plural classifier and a list of names, each a place.</summary>
    private int PlaceList(DocumentWords w, Scan scan, int i, Head head)
    {
        if (!w.JoinsNext(i))
            return -1;
        var open = head.Kind == "neighbourhood";
        var last = PlaceNameAfter(w, scan, i + 1, open, out var absorbed, knownOnly: !open);
        if (last < 0)
            return -1;
        foreach (var a in absorbed)
            a.Removed = true;
        // «حيي التنك» names the neighbourhood with its trigger; «مناطق عانة» is a classifier before the name.
        if (open)
            scan.Add(new Found { First = i, Last = last, Start = StartAfterProclitics(w, i), End = w.Tokens[last].End, Type = EntityType.LOC, By = "pattern:place-list", Confidence = 0.8 });
        else
            scan.Add(new Found { First = i + 1, Last = last, Start = w.Tokens[i + 1].Start, End = w.Tokens[last].End, Type = EntityType.LOC, By = "pattern:place-list", Confidence = 0.8 });
        var end = last;
        for (var guard = 0; guard < 12; guard++)
        {
            var j = end + 1;
            if (w.IsPunct(j, "،,") && w.IsWord(j + 1))
                j++;
            else if (!w.JoinsNext(end))
                break;
            if (j >= w.Count || !w.IsWord(j))
                break;
            var key = w.Key(j);
            var conj = key.Length >= 3 && key[0] == 'و';
            if (!conj && !w.IsPunct(j - 1, "،,"))
                break;
            // After a first known place, a listed name may also be a common word («مناطق عانة وراوة والقائم»).
            var next = PlaceNameAfter(w, scan, j, open: true, out absorbed, conjunction: conj, knownOnly: !open);
            if (next < 0)
                break;
            foreach (var a in absorbed)
                a.Removed = true;
            var start = conj ? w.OffsetAfterLetters(j, 1) : w.Tokens[j].Start;
            scan.Add(new Found { First = j, Last = next, Start = start, End = w.Tokens[next].End, Type = EntityType.LOC, By = "pattern:place-list", Confidence = 0.75 });
            end = next;
        }
        return end;
    }

    /// <summary>
    /// The last token of a place name starting at <paramref name="j"/>: a known name (minor places too), or a run of
    /// name-like words (a compound head such as تل، عين، دير takes the next word; definite words follow; a common word
    /// may start the name only when <paramref name="open"/>). Place descriptors and directions end it. -1 when none.
    /// </summary>
    private int PlaceNameAfter(DocumentWords w, Scan scan, int j, bool open, out List<Found> absorbed, bool conjunction = false, bool knownOnly = false, bool classifier = false)
    {
        absorbed = [];
        if (j >= w.Count || !w.IsWord(j))
            return -1;
        if (scan.At(j) is { } known)
        {
            if (known.First != j || known.Type != EntityType.LOC)
                return -1;
            absorbed.Add(known);
            return known.Last;
        }
        // A known place (villages and neighbourhoods too); one that is also a common word only after an open trigger (حي، مخيم).
        if (TryMatchName(_lex, w, j, out var m) && scan.Free(m.First, m.Last)
            && m.Refs.Any(r => _lex.Records[r.Record].Type == EntityType.LOC && (open || classifier || (r.Flags & NameFlags.Common) == 0)))
            return m.Last;
        if (knownOnly)
            return -1;
        var key = w.Key(j);
        if (conjunction)
            key = key[1..];
        if (key.Length < 2 || _lex.IsStopword(key) || _lex.TryNationality(key, out _) || _cues.IsTitleAt(w, j) || w.Kind(j) != TokenKind.Arabic)
            return -1;
        if (_lex.TryHead(key, out var h, out _) && h.Use != HeadUse.Compound)
            return -1;
        var definite = Proclitics.IsDefinite(key);
        if (conjunction && !definite && _lex.IsCommon(key))
            return -1;
        if (_lex.IsCommon(key) && !open)
        {
            if (!(_lex.TryHead(key, out var c, out _) && c.Use == HeadUse.Compound))
                return -1;
        }
        if (Grammar.Directions.Contains(key) || Grammar.PlaceDescriptors.Contains(key))
            return -1;
        // After a classifier (منطقة، مدينة) a definite word the lexicons do not know is a noun: «منطقة التجارة الحرة».
        if (classifier && definite && !_cues.HasNameEvidence(key))
            return -1;
        var last = j;
        var compound = _lex.TryHead(key, out var ch, out var chDef) && ch.Use == HeadUse.Compound && !chDef;
        for (var k = j + 1; k < w.Count && k <= j + 2; k++)
        {
            if (!w.JoinsNext(k - 1) || w.Kind(k) != TokenKind.Arabic || scan.At(k) is not null)
                break;
            var nk = w.Key(k);
            if (compound && k == j + 1 && !_lex.IsStopword(nk))
            {
                last = k;
                continue;
            }
            if (!Proclitics.IsDefinite(nk) || nk[0] != 'ا' || _lex.IsCommon(nk) || w.TryNationality(k, out _)
                || Grammar.PlaceDescriptors.Contains(nk) || Grammar.Directions.Contains(nk) || _cues.IsTitleAt(w, k) || w.TryHead(k, out _, out _))
                break;
            last = k;
        }
        if (compound && last == j)
            return -1;
        return last;
    }

    // ---------------------------------------------------------------- pass 3: people

    private void MatchPeople(DocumentWords w, Scan scan)
    {
        for (var i = 0; i < w.Count; i++)
        {
            if (!w.IsWord(i) || scan.Owner[i] >= 0 || w.IsStop(i))
                continue;
            var anchorEnd = AnchorEnd(w, scan, i, out var strong);
            if (anchorEnd >= i)
            {
                var start = anchorEnd + 1;
                if (start < w.Count && w.JoinsNext(anchorEnd))
                {
                    // A single-word place right after a title is more likely a person's name: «الرئيس عباس».
                    if (scan.At(start) is { Type: EntityType.LOC, By: "gazetteer:places" } loc && loc.First == loc.Last && _cues.IsGivenName(w.Key(start)))
                        loc.Removed = true;
                    var last = NameRun(w, scan, start, strong);
                    if (last >= start)
                    {
                        AddPerson(w, scan, start, last, "pattern:person", 0.8);
                        i = last;
                        continue;
                    }
                }
                i = Math.Max(i, anchorEnd - 1);
                continue;
            }
            // An unanchored name: a known given name followed by more name words.
            var key = w.Key(i);
            if (w.Kind(i) == TokenKind.Arabic && !Proclitics.IsDefinite(key) && !_lex.IsCommon(key) && (_cues.IsGivenName(key) || IsKunya(key))
                && w.JoinsNext(i) && i + 1 < w.Count && w.IsWord(i + 1) && scan.Owner[i + 1] < 0 && IsNameWord(w.Key(i + 1)))
            {
                var last = NameRun(w, scan, i, strong: false);
                if (last > i)
                {
                    AddPerson(w, scan, i, last, "pattern:name", 0.7);
                    i = last;
                }
            }
        }
    }

    private void AddPerson(DocumentWords w, Scan scan, int first, int last, string by, double confidence)
    {
        if (!scan.Free(first, last))
            return;
        scan.Add(new Found { First = first, Last = last, Start = w.Tokens[first].Start, End = w.Tokens[last].End, Type = EntityType.PER, By = by, Confidence = confidence });
    }

    /// <summary>
    /// When a title («الفريق أول ركن», «الشيخ») or a description («الناطق باسم التحالف الدولي», «وزير الخارجية
    /// السعودي») starts at <paramref name="i"/>, the last token of it (the name may follow); otherwise -1.
    /// <paramref name="strong"/> tells that a title or rank ends right before the name.
    /// </summary>
    private int AnchorEnd(DocumentWords w, Scan scan, int i, out bool strong)
    {
        strong = false;
        var titleEnd = _cues.TitleEnd(w, i);
        if (titleEnd >= i)
        {
            strong = true;
            return MoreTitles(w, titleEnd);
        }
        if (!w.TryHead(i, out var head, out _) || head.Use != HeadUse.Person)
            return -1;
        // Skip the description's complement up to the first word that can start a name.
        var end = i;
        for (var j = i + 1; j < w.Count && j <= i + 10; j++)
        {
            if (!w.JoinsNext(j - 1) && !w.IsPunct(j, "\"«»()“”") && !w.IsPunct(j - 1, "\"«»()“”"))
                break;
            if (w.IsPunct(j, "\"«»()“”"))
            {
                end = j;
                continue;
            }
            if (!w.IsWord(j))
                break;
            var t = _cues.TitleEnd(w, j);
            if (t >= j)
            {
                strong = true;
                return MoreTitles(w, t);
            }
            if (scan.At(j) is { } m)
            {
                if (m.Type == EntityType.PER)
                    return end;
                end = m.Last;
                j = m.Last;
                continue;
            }
            if (!_cues.IsRoleWord(w, j, t => scan.At(t)?.Type))
                break;
            end = j;
        }
        return end;
    }

    private int MoreTitles(DocumentWords w, int end)
    {
        for (var guard = 0; guard < 3 && end + 1 < w.Count && w.JoinsNext(end); guard++)
        {
            var next = _cues.TitleEnd(w, end + 1);
            if (next <= end)
                break;
            end = next;
        }
        return end;
    }

    /// <summary>
    /// The last token of a personal name starting at <paramref name="j"/>, or -1. The first word must look like a name
    /// (a common word only after a title, and only with name evidence); then name words, connectors (بن، أبو، عبد …),
    /// nisba words (البغدادي) and up to two unknown words follow, at most five words.
    /// </summary>
    private int NameRun(DocumentWords w, Scan scan, int j, bool strong)
    {
        if (j >= w.Count || w.Kind(j) != TokenKind.Arabic || scan.Owner[j] >= 0)
            return -1;
        var key = w.Key(j);
        if (!FirstNameWordOk(key, strong))
            return -1;
        var last = j;
        var unknown = _cues.IsUnknown(key) ? 1 : 0;
        var evidence = _cues.HasNameEvidence(key) || IsKunya(key) || (strong && unknown == 1) || Grammar.IsNisba(key);
        for (var k = j + 1; k < w.Count && k <= j + 5; k++)
        {
            if (!w.JoinsNext(k - 1) || w.Kind(k) != TokenKind.Arabic || scan.Owner[k] >= 0)
                break;
            var nk = w.Key(k);
            if (Grammar.NameConnectors.Contains(nk))
            {
                last = k;
                continue;
            }
            if (w.IsStop(k) || w.TryNationality(k, out _) || w.TryHead(k, out _, out _) || _cues.IsTitleAt(w, k))
                break;
            if (Proclitics.IsDefinite(nk))
            {
                if (_lex.IsCommon(nk) || !(Grammar.IsNisba(nk) || _cues.HasNameEvidence(nk)))
                    break;
                last = k;
                evidence = true;
                continue;
            }
            if (_lex.IsCommon(nk))
                break;
            if (_cues.HasNameEvidence(nk) || _lex.TryNameToken(nk, out _))
            {
                last = k;
                evidence = true;
                continue;
            }
            // A word no list knows continues a name after a title, or as the second word of a name (جون ماكالوزو),
            // not after a full name («جورج بوش سيزور»).
            if (_cues.IsUnknown(nk) && unknown < 2 && (strong || (evidence && k == j + 1)))
            {
                unknown++;
                last = k;
                continue;
            }
            break;
        }
        while (last > j && Grammar.OpenConnectors.Contains(w.Key(last)))
            last--;
        if (!evidence && !strong)
            return -1;
        // After a title, a lone word no name list knows is more likely a noun («إمام مسجد»).
        if (last == j && !_cues.HasNameEvidence(key) && !Grammar.IsNisba(key) && !_lex.TryNameToken(key, out _))
            return -1;
        return last;
    }

    private bool FirstNameWordOk(ReadOnlySpan<char> key, bool strong)
    {
        if (key.Length < 2 || _lex.IsStopword(key) || _lex.TryNationality(key, out _) || _lex.TryHead(key, out _, out _))
            return false;
        if (Grammar.Directions.Contains(key) || (!strong && Grammar.ClauseVerbs.Contains(Grammar.WithoutConjunction(key))))
            return false;
        if (Proclitics.IsDefinite(key))
            return !_lex.IsCommon(key) && (Grammar.IsNisba(key) || _cues.HasNameEvidence(key));
        if (_lex.IsCommon(key))
            return strong && _cues.HasNameEvidence(key);
        return true;
    }

    private static bool IsKunya(ReadOnlySpan<char> key) => key is "ابو" or "ام";

    // A word that can follow a given name without a title: a name word, a connector, or a nisba (not a common word).
    private bool IsNameWord(ReadOnlySpan<char> key) =>
        !_lex.IsCommon(key) && (Grammar.NameConnectors.Contains(key) || _cues.HasNameEvidence(key) || Grammar.IsNisba(key));

}
