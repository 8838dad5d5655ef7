using System.Collections.Frozen;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Quotes;

/// <summary>
/// Finds quotes, their speakers and the channels they came through. Per sentence:
/// <list type="number">
/// <item>every reporting word (<see cref="ReportingLexicon"/>) outside quotation marks opens a claim;</item>
/// <item>the subject is read after the verb (Arabic news is verb-first) up to a comma, a
/// complementiser, a quotation mark or a channel phrase; an appositive after a comma that names a
/// person completes a role-only subject («القائد في جهاز مكافحة الإرهاب، اللواء الركن معن السعدي»);</item>
/// <item>parenthetical segments between commas (times, «في تصريحات نقلتها وكالة رويترز», «لـ«سكاي نيوز»»)
/// are skipped and remembered as channels;</item>
/// <item>the content is a quotation in «» “” "" (direct), or starts at أن/إن/بأن/إلى أن/عن or at the
/// object of an announcing verb (أعلن وجود…) and runs to the end of the clause (indirect);</item>
/// <item>no subject: the speaker carries over from the latest claim whose speaker agrees with the
/// verb (وأضاف → a masculine speaker, وأشارت → a feminine one such as «مصادر»); a participle
/// (قائلاً، مشيراً) continues its sentence's speaker;</item>
/// <item>the speaker links to an entity whose mention lies in the subject; a role-only subject
/// («المتحدث») links to the person the text gave that role; unnamed sources (مصادر، مصدر أمني)
/// stay without entity.</item>
/// </list>
/// </summary>
public static class QuoteExtractor
{
    private static readonly FrozenSet<string> Complementisers = new[]
    {
        "ان", "انه", "انها", "انهم", "انهما", "انهن", "انني", "انا", "اننا", "انك", "انكم",
        "بان", "بانه", "بانها", "بانهم", "بانهما", "بانني", "باننا",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> UnnamedSources = new[]
    {
        "مصادر", "مصدر", "مسءول", "مسءولون", "مسءولين", "مسءوله", "شهود", "شاهد", "ناشطون", "ناشطين", "مراقبون", "خبراء", "سكان",
        "اوساط", "جهات", "تقارير", "تقرير", "مراسل", "مراسلنا", "مصادرنا", "مصدرا", "وساءل", "متحدث", "ناطق", "مسعفون", "اطباء", "شهود عيان",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> FeminineHeads = new[]
    {
        "مصادر", "اوساط", "جهات", "تقارير", "وساءل", "الحكومه", "الوزاره", "الشرطه", "الرءاسه", "الامم", "الوكاله", "الصحيفه", "القناه", "الهيءه", "اللجنه", "الخارجيه", "الداخليه", "الدفاع",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>Nouns that announce a channel inside a parenthetical: «في تصريحات نقلتها …».</summary>
    private static readonly FrozenSet<string> ReportingNouns = new[]
    {
        "تصريحات", "تصريح", "بيان", "حديث", "مقابله", "كلمه", "مداخله", "مءتمر", "لقاء", "اتصال", "رساله", "تغريده", "منشور", "تدوينه",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> ChannelWords = new[]
    {
        "بحسب", "حسب", "وفقا", "وفق", "نقلا", "نقلتها", "نقلها", "اوردتها", "نشرتها", "بثتها", "اوردها", "نشرها", "بثها",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static readonly FrozenSet<string> Prepositions = new[] { "في", "من", "الي", "علي", "عن", "خلال", "عبر", "امام", "لدي", "مع" }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A token of the document with its normalised text.</summary>
    private readonly record struct W(int Start, int End, string Norm, TokenKind Kind)
    {
        public bool IsWord => Kind is TokenKind.Arabic or TokenKind.Latin or TokenKind.Number;
        public bool Is(string s) => string.Equals(Norm, s, StringComparison.Ordinal);
        public bool IsComma => Norm is "،" or "," or "؛" or ";";
        public bool IsOpenQuote => Norm is "«" or "“" or "\"";
    }

    private sealed record Claim(Quote Quote, Agreement SpeakerAgreement, int Sentence);

    public static List<Quote> Extract(Document doc)
    {
        var body = doc.Article.Body;
        var words = new List<W>(doc.Tokens.Length);
        foreach (var t in doc.Tokens)
            words.Add(new W(t.Start, t.End, ArabicNormalizer.Normalize(body.AsSpan(t.Start, t.End - t.Start)), t.Kind));
        var mentions = EntityMentions(doc);
        var claims = new List<Claim>();
        var tokenIndex = 0;
        for (var si = 0; si < doc.Sentences.Length; si++)
        {
            var sentence = doc.Sentences[si];
            var a = tokenIndex;
            while (a < words.Count && words[a].Start < sentence.Start)
                a++;
            var b = a;
            while (b < words.Count && words[b].End <= sentence.End)
                b++;
            tokenIndex = b;
            if (b > a)
                ExtractSentence(body, words, a, b, si, mentions, doc, claims);
        }
        return BackfillChannels(claims);
    }

    /// <summary>
    /// «كشف علاوي أن …. وأوضح علاوي، في تصريحات نقلتها وكالة رويترز، أن …»: a channel named for a
    /// speaker's statements also covers that speaker's claim in the sentence just before, when it named none.
    /// </summary>
    private static List<Quote> BackfillChannels(List<Claim> claims)
    {
        var quotes = claims.Select(c => c.Quote).ToList();
        for (var j = quotes.Count - 1; j > 0; j--)
        {
            var q = quotes[j];
            var prev = quotes[j - 1];
            if (q.ViaKind != "relay" || prev.ViaText is not null || claims[j].Sentence - claims[j - 1].Sentence != 1 || !SameSpeaker(prev, q))
                continue;
            quotes[j - 1] = prev with { Via = q.Via, ViaText = q.ViaText, ViaKind = q.ViaKind, By = prev.By + "+channel-backfill" };
        }
        return quotes;
    }

    private static bool SameSpeaker(Quote a, Quote b)
    {
        if (a.Speaker is not null && b.Speaker is not null)
            return a.Speaker == b.Speaker;
        if (a.SpeakerText is null || b.SpeakerText is null)
            return false;
        var x = ArabicNormalizer.Normalize(a.SpeakerText).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var y = ArabicNormalizer.Normalize(b.SpeakerText).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return x.Length > 0 && y.Length > 0 && x[^1] == y[^1];
    }

    private static void ExtractSentence(string body, List<W> w, int a, int b, int si, List<(int Start, int End, Entity Entity)> mentions, Document doc, List<Claim> claims)
    {
        var quoted = QuotedRanges(w, a, b);
        var sentenceClaims = new List<Claim>();
        for (var i = a; i < b; i++)
        {
            if (!w[i].IsWord || InRange(quoted, i))
                continue;
            if (ReportingLexicon.Lookup(w[i].Norm) is not var (word, conj))
                continue;
            if (word.NeedsAlefMaksura && body[w[i].End - 1] != 'ى')
                continue; // نفي، رأي: the noun, not the verb
            var postPosed = IsPostPosedMarker(w, a, i);
            if (!postPosed && i > a && w[i - 1].Norm is "ما" or "مما" or "بما" or "الذي" or "التي" or "الذين" or "لما")
                continue; // «ما يفيد أن …»: a relative clause, not a claim
            // «يذكر أن», «يشار إلى أن»: impersonal, not a claim by anyone.
            if (word.Form == ReportingForm.Present && word.Agreement == Agreement.Masculine && i + 1 < b
                && (Complementisers.Contains(w[i + 1].Norm) || (w[i + 1].Is("الي") && i + 2 < b && Complementisers.Contains(w[i + 2].Norm)))
                && word.Lemma is "ذكر" or "أشار")
                continue;
            if (postPosed)
            {
                if (PostPosed(body, w, a, i, b, word, conj, mentions, doc, quoted) is { } late)
                {
                    var claim = new Claim(late, word.Agreement, si);
                    claims.Add(claim);
                    sentenceClaims.Add(claim);
                }
                continue;
            }
            var verbStart = w[i].Start + Offset(body, w[i].Start, w[i].End, conj);
            var verb = body[verbStart..w[i].End];
            var rules = new List<string>();

            // 1. Subject (not for participles: they continue the sentence's speaker).
            int subjStart = i + 1, subjEnd = i + 1;
            if (word.Form != ReportingForm.Participle)
            {
                // «ويضيف قائلاً: …»: the participle only restates the verb.
                // «قال أيضاً», «قالت فيه», «قال بدوره»: adverbs and pronoun phrases are not the subject.
                while (subjStart < b && Adverbs.Contains(w[subjStart].Norm))
                    subjStart++;
                subjEnd = subjStart;
                if (subjStart < b && ReportingLexicon.Lookup(w[subjStart].Norm) is var (p, _) && p.Form == ReportingForm.Participle)
                    subjStart = subjEnd = subjStart + 1;
                else
                    subjEnd = TrimTime(doc, w, subjStart, SubjectEnd(w, subjStart, b, quoted));
                // «وكان باشينيان قال …»: the subject sits between كان and the verb.
                if (subjEnd == subjStart && Pluperfect(w, a, i) is var (ps, pe) && pe > ps)
                {
                    (subjStart, subjEnd) = (ps, pe);
                    rules.Add("pluperfect");
                }
                // «نقل ماي عن شاهد العيان قوله إن …»: the speaker follows عن, the subject is the channel.
                if (word.Lemma == "نقل" && NaqalaAn(w, subjEnd, b) is var (ns, ne, after) && ne > ns)
                {
                    (int, int)? channel = subjEnd > subjStart ? (subjStart, subjEnd) : null;
                    (subjStart, subjEnd) = (ns, ne);
                    rules.Add("naqala-an");
                    var nk = after;
                    var nc = Content(w, nk, b, quoted, word, out var nkind, out var nrule);
                    if (nc is var (ncs, nce))
                    {
                        var sp = BestEntity(mentions, w[ns].Start, w[ne - 1].End) ?? RoleOnly(doc, w, ns, ne, w[i].Start);
                        var viaEntity = channel is var (cs0, ce0) ? BestEntity(mentions, w[cs0].Start, w[ce0 - 1].End) : null;
                        rules.Insert(0, nrule);
                        var q = MakeQuote(body, w, ncs, nce, nkind, verb, verbStart, w[i].End, sp?.Id, body[w[ns].Start..w[ne - 1].End], w[ns].Start, w[ne - 1].End,
                            viaEntity?.Id, channel is var (cs1, ce1) ? viaEntity?.Canonical ?? body[w[cs1].Start..w[ce1 - 1].End] : null, rules);
                        var claim = new Claim(q, Agreement.Masculine, si);
                        claims.Add(claim);
                        sentenceClaims.Add(claim);
                        i = Math.Max(i, nce - 1);
                    }
                    continue;
                }
            }

            // 2. Parentheticals and appositives between commas.
            var k = subjEnd;
            int? viaStart = null, viaEnd = null;
            var hasPerson = HasMention(mentions, w, subjStart, subjEnd, EntityType.PER);
            for (var guard = 0; guard < 4 && k < b; guard++)
            {
                if (IsChannelStart(w, k, b))
                {
                    var end = ChannelEnd(w, k, b, quoted);
                    (viaStart, viaEnd) = (k, end);
                    k = end;
                    continue;
                }
                if (!w[k].IsComma)
                    break;
                var segEnd = k + 1;
                while (segEnd < b && !w[segEnd].IsComma && !Complementisers.Contains(w[segEnd].Norm) && w[segEnd].Norm != ":")
                {
                    // A quoted name inside the segment («رويترز») is part of it; a quotation of speech ends it.
                    if (w[segEnd].IsOpenQuote)
                    {
                        if (DirectAt(quoted, segEnd) is not var (_, close) || IsDirect(w, segEnd, close, afterTrigger: false))
                            break;
                        segEnd = close;
                    }
                    segEnd++;
                }
                if (segEnd >= b || segEnd - (k + 1) > 12)
                    break;
                var seg = (k + 1, segEnd);
                if (IsChannelStart(w, seg.Item1, segEnd) || IsReportingNounPhrase(w, seg.Item1, segEnd))
                {
                    if (FindChannel(w, seg.Item1, segEnd) is var (cs, ce))
                        (viaStart, viaEnd) = (cs, ce);
                    k = segEnd;
                    continue;
                }
                if (IsTimeOnly(doc, w, seg.Item1, segEnd))
                {
                    k = segEnd;
                    continue;
                }
                if (!hasPerson && word.Form != ReportingForm.Participle && subjEnd > subjStart
                    && (HasMention(mentions, w, seg.Item1, segEnd, EntityType.PER)
                        || (segEnd - seg.Item1 <= 6 && Titles.Contains(w[seg.Item1].Norm))
                        || (segEnd - seg.Item1 <= 4 && IsRoleHead(w[subjStart].Norm) && AllArabicWords(w, seg.Item1, segEnd) && !IsTimeOnly(doc, w, seg.Item1, segEnd))))
                {
                    subjEnd = segEnd; // appositive names the subject
                    hasPerson = true;
                    rules.Add("appositive");
                    k = segEnd;
                    continue;
                }
                break;
            }
            if (k < b && w[k].IsComma)
                k++;
            if (k < b && w[k].Norm == ":")
                k++;

            // 3. Content. When nothing opens it right away, look a little further: «قالت الوزارة في بيان اليوم
            // الجمعة إن …», «قال X (45 عاماً) لوكالة "فرانس برس": "…"» — the words between are circumstance and channel.
            var content = Content(w, k, b, quoted, word, out var kind, out var contentRule);
            if (content is null && FindOpener(w, k, b, quoted) is { } opener)
            {
                if (viaStart is null && FindChannel(w, k, opener, quoted: quoted) is var (gs, ge))
                    (viaStart, viaEnd) = (gs, ge);
                k = opener;
                if (w[k].Norm == ":")
                    k++;
                content = Content(w, k, b, quoted, word, out kind, out contentRule);
            }
            if (content is not var (cStart, cEnd))
                continue;
            rules.Insert(0, contentRule);

            // 4. Speaker.
            string? speaker = null, speakerText = null;
            int? spStart = null, spEnd = null;
            var agreement = word.Agreement;
            if (subjEnd > subjStart)
            {
                (spStart, spEnd) = (w[subjStart].Start, w[subjEnd - 1].End);
                speakerText = body[spStart.Value..spEnd.Value].Trim('،', ',', ' ');
                var entity = BestEntity(mentions, spStart.Value, spEnd.Value) ?? RoleOnly(doc, w, subjStart, subjEnd, w[i].Start);
                speaker = entity?.Id;
                if (entity is null && subjEnd - subjStart <= 3 && UnnamedSources.Contains(StripArticle(w[subjStart].Norm)))
                    rules.Add("unnamed-source");
                else
                    rules.Add(entity is null ? "subject" : "subject-entity");
                if (FeminineHeads.Contains(w[subjStart].Norm) || FeminineHeads.Contains(StripArticle(w[subjStart].Norm)))
                    agreement = agreement == Agreement.Plural ? Agreement.Plural : Agreement.Feminine;
            }
            else
            {
                var previous = word.Form == ReportingForm.Participle && sentenceClaims.Count > 0
                    ? sentenceClaims[^1]
                    : Carry(claims, word.Agreement);
                if (previous is not null)
                {
                    speaker = previous.Quote.Speaker;
                    speakerText = previous.Quote.SpeakerText;
                    spStart = previous.Quote.SpeakerStart;
                    spEnd = previous.Quote.SpeakerEnd;
                    agreement = previous.SpeakerAgreement;
                    rules.Add(word.Form == ReportingForm.Participle ? "same-sentence" : "carry-over");
                    // An outlet the speaker was talking to stays the channel of what the speaker adds; a relay does not.
                    if (viaStart is null && previous.Quote.ViaKind == "addressee")
                    {
                        var q = previous.Quote;
                        var inherited = MakeQuote(body, w, cStart, cEnd, kind, verb, verbStart, w[i].End, speaker, speakerText, spStart, spEnd, q.Via, q.ViaText, rules) with { ViaKind = q.ViaKind };
                        Add(inherited);
                        continue;
                    }
                }
                else
                {
                    rules.Add("no-speaker");
                }
            }

            // 5. Channel: a phrase found above, or anywhere else in the sentence outside the content.
            if (viaStart is null && FindChannel(w, a, b, exclude: (cStart, cEnd)) is var (vs, ve))
                (viaStart, viaEnd) = (vs, ve);
            string? via = null, viaText = null;
            if (viaStart is { } v0 && viaEnd is { } v1 && v1 > v0)
            {
                var outlet = BestEntity(mentions, w[v0].Start, w[v1 - 1].End, preferOrg: true);
                via = outlet?.Id;
                viaText = outlet?.Canonical ?? ChannelName(body, w, v0, v1);
            }
            Add(MakeQuote(body, w, cStart, cEnd, kind, verb, verbStart, w[i].End, speaker, speakerText, spStart, spEnd, via, viaText, rules)
                with { ViaKind = viaStart is { } vk && viaText is not null ? (IsAddressee(w, vk) ? "addressee" : "relay") : null });

            void Add(Quote q)
            {
                var claim = new Claim(q, agreement, si);
                claims.Add(claim);
                sentenceClaims.Add(claim);
            }

            // Content consumed up to cEnd: continue after it, so a verb inside an indirect clause is not a new claim.
            i = Math.Max(i, cEnd - 1);
        }
    }

    private static Quote MakeQuote(string body, List<W> w, int cStart, int cEnd, string kind, string verb, int verbStart, int verbEnd,
        string? speaker, string? speakerText, int? spStart, int? spEnd, string? via, string? viaText, List<string> rules)
    {
        var start = w[cStart].Start;
        var end = w[cEnd - 1].End;
        return new Quote
        {
            Start = start,
            End = end,
            Text = body[start..end],
            Kind = kind,
            Verb = verb,
            VerbStart = verbStart,
            VerbEnd = verbEnd,
            Speaker = speaker,
            SpeakerText = speakerText,
            SpeakerStart = spStart,
            SpeakerEnd = spEnd,
            Via = via,
            ViaText = viaText,
            By = "quote:" + string.Join('+', rules),
        };
    }

    /// <summary>Where the subject after a verb ends: before a comma, colon, complementiser, quotation mark, channel phrase or reporting-noun phrase.</summary>
    private static int SubjectEnd(List<W> w, int from, int b, List<(int Open, int Close)> quoted)
    {
        var k = from;
        while (k < b && k - from < 12)
        {
            var t = w[k];
            if (t.IsComma || t.Norm is ":" or "." or "!" or "؟" or "?" || t.IsOpenQuote || Complementisers.Contains(t.Norm))
                break;
            if (t.Is("الي") && k + 1 < b && Complementisers.Contains(w[k + 1].Norm))
                break;
            if (t.Is("عن") || IsChannelStart(w, k, b))
                break;
            if (t.Is("في") && k + 1 < b && ReportingNouns.Contains(w[k + 1].Norm))
                break;
            if (t.Kind == TokenKind.Punctuation && t.Norm is not "(" and not ")" and not "-" and not "#" and not "_")
                break;
            // A verbal noun right after the subject starts an object («أعلن الناطق … جون دوريان، وجود …» is caught at the comma).
            k++;
        }
        // The subject never ends on a preposition.
        while (k > from && Prepositions.Contains(w[k - 1].Norm))
            k--;
        return k;
    }

    private static readonly FrozenSet<string> Adverbs = new[]
    {
        "ايضا", "كذلك", "فيه", "فيها", "فيهما", "له", "لها", "لهم", "لنا", "لي", "بدوره", "بدورها", "بدورهم", "اخيرا", "مجددا", "مرارا", "صراحه", "حينها", "حينءذ", "يومها", "بعدها", "ذلك",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>«… ، حسبما قالت الوزارة», «بحسب ما قاله X», «وفقا لما ذكرته Y»: attribution after the claim.</summary>
    private static bool IsPostPosedMarker(List<W> w, int a, int i)
    {
        if (i - 1 < a)
            return false;
        var prev = w[i - 1].Norm;
        if (prev is "حسبما" or "بحسبما" or "وحسبما")
            return true;
        if (prev is "ما" && i - 2 >= a && w[i - 2].Norm is "بحسب" or "حسب" or "وفق" or "بحسب" or "علي")
            return true;
        return prev is "لما" && i - 2 >= a && w[i - 2].Norm is "وفقا" or "طبقا" or "تبعا";
    }

    /// <summary>The claim before a post-posed attribution: from the start of the sentence to the comma before the marker.</summary>
    private static Quote? PostPosed(string body, List<W> w, int a, int i, int b, ReportingWord word, int conj, List<(int Start, int End, Entity Entity)> mentions, Document doc, List<(int Open, int Close)> quoted)
    {
        var marker = i - 1;
        while (marker > a && w[marker - 1].Norm is "بحسب" or "حسب" or "وفق" or "وفقا" or "طبقا" or "تبعا" or "ما" or "علي")
            marker--;
        var end = marker;
        while (end > a && (w[end - 1].IsComma || w[end - 1].Kind == TokenKind.Punctuation && w[end - 1].Norm is "-" or "–"))
            end--;
        var start = a;
        // Skip a leading connective («وكان», «من جهته،»).
        if (end - start < 3)
            return null;
        var kind = "indirect";
        if (w[start].IsOpenQuote && DirectAt(quoted, start) is var (o, c) && c >= end - 1)
        {
            kind = "direct";
            start = o + 1;
            end = c;
        }
        var subjStart = i + 1;
        var subjEnd = SubjectEnd(w, subjStart, b, quoted);
        while (subjEnd > subjStart && (w[subjEnd - 1].Kind == TokenKind.Punctuation))
            subjEnd--;
        if (subjEnd <= subjStart || end <= start)
            return null;
        var verbStart = w[i].Start + Offset(body, w[i].Start, w[i].End, conj);
        var speaker = BestEntity(mentions, w[subjStart].Start, w[subjEnd - 1].End) ?? RoleOnly(doc, w, subjStart, subjEnd, w[i].Start);
        return MakeQuote(body, w, start, end, kind, body[verbStart..w[i].End], verbStart, w[i].End, speaker?.Id,
            body[w[subjStart].Start..w[subjEnd - 1].End], w[subjStart].Start, w[subjEnd - 1].End, null, null, [kind, "post-posed"]);
    }

    /// <summary>«وكان X قال …»: the tokens between a preceding كان and the verb.</summary>
    private static (int, int)? Pluperfect(List<W> w, int a, int i)
    {
        for (var j = i - 1; j >= a && j >= i - 7; j--)
        {
            if (w[j].Norm is "كان" or "وكان" or "كانت" or "وكانت" or "فكان" or "قد" && j + 1 < i)
                return w[j].Norm == "قد" ? null : (j + 1, i);
            if (!w[j].IsWord)
                return null;
        }
        return null;
    }

    /// <summary>«نقل X عن Y قوله إن»: Y's span and where the content opener is searched from.</summary>
    private static (int, int, int)? NaqalaAn(List<W> w, int k, int b)
    {
        for (var j = k; j < b && j - k <= 8; j++)
        {
            if (!w[j].Is("عن"))
                continue;
            var e = j + 1;
            while (e < b && e - j <= 8 && !(w[e].Norm is "قوله" or "قولها" or "قولهم") && !Complementisers.Contains(w[e].Norm) && !w[e].IsComma && w[e].Norm != ":")
                e++;
            var after = e < b && w[e].Norm is "قوله" or "قولها" or "قولهم" ? e + 1 : e;
            return (j + 1, e, after);
        }
        return null;
    }

    /// <summary>
    /// The first complementiser, colon, «إلى أن» or quotation of speech within a short stretch after the
    /// subject, not crossing another reporting verb or the end of the sentence.
    /// </summary>
    private static int? FindOpener(List<W> w, int k, int b, List<(int Open, int Close)> quoted)
    {
        for (var j = k; j < b && j - k <= 15; j++)
        {
            var t = w[j];
            if (t.Norm is "." or "!" or "؟" or "?")
                return null;
            if (Complementisers.Contains(t.Norm) || t.Norm == ":")
                return j;
            if (t.Is("الي") && j + 1 < b && Complementisers.Contains(w[j + 1].Norm))
                return j;
            if (t.IsOpenQuote && DirectAt(quoted, j) is var (o, c))
            {
                if (IsDirect(w, o, c, afterTrigger: false))
                    return j;
                j = c; // a quoted name inside the circumstance
                continue;
            }
            if (t.IsWord && ReportingLexicon.Lookup(t.Norm) is var (other, _) && other.Form != ReportingForm.Participle)
                return null;
        }
        return null;
    }

    private static readonly FrozenSet<string> RoleHeads = new[]
    {
        "الرءيس", "رءيس", "وزير", "الوزير", "المتحدث", "الناطق", "متحدث", "ناطق", "السفير", "سفير", "المندوب", "مندوب", "المبعوث", "مبعوث",
        "زعيم", "الزعيم", "قاءد", "القاءد", "الامين", "امين", "مدير", "المدير", "محافظ", "المحافظ", "ناءب", "امير", "الامير", "الملك", "ولي",
        "المستشار", "مستشار", "عضو", "رجل", "الطالب", "المرشح", "مرشح", "النايب", "الناءب", "قايد", "القايد", "مسءول", "المسءول", "الشيخ", "رءيسه", "وزيره",
    }.ToFrozenSet(StringComparer.Ordinal);

    private static bool IsRoleHead(string norm) => RoleHeads.Contains(norm) || (norm.Length > 3 && norm[0] == 'و' && RoleHeads.Contains(norm[1..]));

    private static bool AllArabicWords(List<W> w, int s, int e)
    {
        for (var j = s; j < e; j++)
        {
            if (w[j].Kind != TokenKind.Arabic)
                return false;
        }
        return e > s;
    }

    /// <summary>The quoted content after a verb and its subject.</summary>
    private static (int Start, int End)? Content(List<W> w, int k, int b, List<(int Open, int Close)> quoted, ReportingWord word, out string kind, out string rule)
    {
        kind = "indirect";
        rule = "indirect";
        if (k >= b)
            return null;
        // «إلى أن» after أشار/لفت/نوه; «أشار إلى "…"».
        if (w[k].Is("الي") && k + 1 < b && (Complementisers.Contains(w[k + 1].Norm) || w[k + 1].IsOpenQuote))
            k++;
        var complementiser = Complementisers.Contains(w[k].Norm) || (w[k].Norm is "ان" or "انه");
        var q = complementiser ? k + 1 : k;
        if (q < b && DirectAt(quoted, q) is var (open, close) && IsDirect(w, open, close, afterTrigger: true))
        {
            kind = "direct";
            rule = "direct";
            return close - open > 1 ? (open + 1, close) : null;
        }
        if (complementiser)
            return Clause(w, k, b, quoted);
        if (w[k].Is("عن") && word.TakesObject | word.Lemma is "أفاد" or "أعرب" or "كشف" or "أعلن")
        {
            rule = "indirect-an";
            return Clause(w, k, b, quoted);
        }
        if (word.TakesObject && word.Form != ReportingForm.Participle && w[k].Kind == TokenKind.Arabic && !Prepositions.Contains(w[k].Norm))
        {
            rule = "indirect-object";
            return Clause(w, k, b, quoted);
        }
        return null;
    }

    /// <summary>From <paramref name="k"/> to the end of the clause: the sentence end, or a comma before a participle that opens the next claim.</summary>
    private static (int, int)? Clause(List<W> w, int k, int b, List<(int Open, int Close)> quoted)
    {
        var end = b;
        for (var j = k + 1; j < b; j++)
        {
            if (InRange(quoted, j))
                continue;
            if (w[j].IsComma && j + 1 < b && ReportingLexicon.Lookup(w[j + 1].Norm) is var (next, _) && next.Form == ReportingForm.Participle)
            {
                end = j;
                break;
            }
        }
        while (end > k && w[end - 1].Kind == TokenKind.Punctuation && w[end - 1].Norm is "." or "،" or "," or "؛")
            end--;
        return end - k >= 2 ? (k, end) : null;
    }

    /// <summary>A quotation range whose opening mark is at token <paramref name="q"/>.</summary>
    private static (int Open, int Close)? DirectAt(List<(int Open, int Close)> quoted, int q)
    {
        foreach (var r in quoted)
        {
            if (r.Open == q)
                return r;
        }
        return null;
    }

    /// <summary>
    /// A quotation is speech, not a quoted name or term («داعش», «غير وارد»), when it holds at least three
    /// words and follows a reporting word or complementiser, or holds six words or inner punctuation.
    /// </summary>
    private static bool IsDirect(List<W> w, int open, int close, bool afterTrigger)
    {
        int words = 0, punct = 0;
        for (var j = open + 1; j < close; j++)
        {
            if (w[j].IsWord)
                words++;
            else if (w[j].Norm is "،" or "," or "." or "!" or "؟" or "?" or ".." or "..." or "!")
                punct++;
        }
        return words >= 3 && (afterTrigger || words >= 6 || punct > 0);
    }

    private static List<(int Open, int Close)> QuotedRanges(List<W> w, int a, int b)
    {
        var ranges = new List<(int, int)>();
        var stack = new Stack<int>();
        int curly = -1, straight = -1;
        for (var j = a; j < b; j++)
        {
            switch (w[j].Norm)
            {
                case "«":
                    stack.Push(j);
                    break;
                case "»":
                    if (stack.Count > 0)
                    {
                        var o = stack.Pop();
                        if (stack.Count == 0)
                            ranges.Add((o, j));
                    }
                    break;
                case "“":
                    curly = j;
                    break;
                case "”":
                    if (curly >= 0)
                        ranges.Add((curly, j));
                    curly = -1;
                    break;
                case "\"":
                    if (straight < 0)
                    {
                        straight = j;
                    }
                    else
                    {
                        ranges.Add((straight, j));
                        straight = -1;
                    }
                    break;
            }
        }
        return ranges;
    }

    private static bool InRange(List<(int Open, int Close)> ranges, int i)
    {
        foreach (var (o, c) in ranges)
        {
            if (i > o && i < c)
                return true;
        }
        return false;
    }

    private static bool IsChannelStart(List<W> w, int k, int b)
    {
        if (k >= b)
            return false;
        var t = w[k].Norm;
        // «لـ«سكاي نيوز عربية»», «لوكالة …», «لصحيفة …», «لقناة …»
        if (t is "ل" or "لـ" && k + 1 < b && (w[k + 1].IsOpenQuote || w[k + 1].Kind == TokenKind.Arabic))
            return true;
        if (t.Length > 3 && t[0] == 'ل' && t[1..] is "وكاله" or "صحيفه" or "قناه" or "موقع" or "شبكه" or "اذاعه" or "تلفزيون" or "مجله" or "برنامج" or "راديو")
            return true;
        if (ChannelWords.Contains(t))
            return true;
        return false;
    }

    private static bool IsReportingNounPhrase(List<W> w, int s, int e) =>
        e - s >= 2 && w[s].Is("في") && ReportingNouns.Contains(w[s + 1].Norm);

    /// <summary>The channel phrase inside <c>[s, e)</c>: what follows «نقلتها», «لـ», «بحسب», «مع» (after مداخلة/اتصال), or a «وكالة X».</summary>
    private static (int, int)? FindChannel(List<W> w, int s, int e, (int Start, int End)? exclude = null, List<(int Open, int Close)>? quoted = null)
    {
        for (var j = s; j < e; j++)
        {
            if (exclude is { } x && j >= x.Start && j < x.End)
                continue;
            var t = w[j].Norm;
            var start = -1;
            if (t is "نقلتها" or "نقلها" or "اوردتها" or "نشرتها" or "بثتها" or "اوردها" or "نشرها" or "بثها" or "نقلته" or "ذكرته" or "اوردته" or "نشرته" or "بثته")
                start = j + 1;
            else if (t is "بحسب" or "حسب" && j + 1 < e && !IsPronounNoun(w[j + 1].Norm))
                start = w[j + 1].Is("ما") || w[j + 1].Is("لما") ? j + 3 : j + 1;
            else if (t is "لما" && j + 1 < e && w[j + 1].Norm is "نقلته" or "ذكرته" or "اوردته" or "نشرته" or "بثته" or "قالته")
                start = j + 2;
            else if (t is "وفقا" or "نقلا" && j + 1 < e)
                start = j + 2;
            else if (t is "ل" or "لـ" && j + 1 < e && w[j + 1].IsOpenQuote)
                start = j + 1;
            else if (t.Length > 3 && t[0] == 'ل' && t[1..] is "وكاله" or "صحيفه" or "قناه" or "موقع" or "شبكه" or "اذاعه" or "تلفزيون" or "مجله")
                start = j;
            else if (t == "مع" && j > s && w[j - 1].Norm is "هاتفيه" or "هاتفي" or "مقابله" or "حديث" or "مداخله" or "لقاء")
                start = j + 1;
            if (start < 0 || start >= e)
                continue;
            var end = ChannelEnd(w, start, e, quoted ?? []);
            if (end > start)
                return (start, end);
        }
        return null;
    }

    /// <summary>The channel at <paramref name="k"/> is the speaker's addressee: «لـ"سكاي نيوز"», «لوكالة …», «… مع قناة …».</summary>
    private static bool IsAddressee(List<W> w, int k)
    {
        var t = w[k].Norm;
        if (t is "ل" or "لـ" || (t.Length > 3 && t[0] == 'ل' && t[1..] is "وكاله" or "صحيفه" or "قناه" or "موقع" or "شبكه" or "اذاعه" or "تلفزيون" or "مجله" or "برنامج" or "راديو"))
            return true;
        return k > 0 && w[k - 1].Norm is "ل" or "لـ" or "مع";
    }

    /// <summary>«حسب قوله», «بحسب تعبيره»: a possessed verbal noun, not a channel.</summary>
    private static bool IsPronounNoun(string norm) => norm is "قوله" or "قولها" or "قولهم" or "تعبيره" or "تعبيرها" or "وصفه" or "وصفها" or "رايه" or "رايها" or "زعمه" or "زعمها" or "روايته" or "روايتها";

    private static int ChannelEnd(List<W> w, int k, int b, List<(int Open, int Close)> quoted)
    {
        var j = k;
        // A channel named in quotation marks ends at the closing mark: لوكالة "فرانس برس".
        for (var q = k; q < b && q <= k + 3; q++)
        {
            if (w[q].IsOpenQuote && DirectAt(quoted, q) is var (_, close) && close - q <= 6)
                return close + 1;
        }
        var inQuote = false;
        while (j < b && j - k < 10)
        {
            var t = w[j];
            if (t.IsOpenQuote && t.Norm != "\"")
                inQuote = true;
            else if (t.Norm is "»" or "”")
            {
                j++;
                if (inQuote)
                    break;
                continue;
            }
            else if (!inQuote && (t.IsComma || Complementisers.Contains(t.Norm) || t.Norm is "." or ":" || (t.Kind == TokenKind.Punctuation && t.Norm != "\"")))
                break;
            else if (!inQuote && j > k + 3)
                break;
            j++;
        }
        return j;
    }

    /// <summary>The channel's name without the leading لـ and quotation marks: «لـ«سكاي نيوز عربية»» → سكاي نيوز عربية.</summary>
    private static string ChannelName(string body, List<W> w, int s, int e)
    {
        while (s < e && (w[s].Norm is "ل" or "لـ" || w[s].Kind == TokenKind.Punctuation))
            s++;
        while (e > s && w[e - 1].Kind == TokenKind.Punctuation)
            e--;
        var name = e > s ? body[w[s].Start..w[e - 1].End] : body[w[Math.Max(0, s - 1)].Start..w[Math.Max(0, s - 1)].End];
        return name.Replace("«", "", StringComparison.Ordinal).Replace("»", "", StringComparison.Ordinal).Replace("\"", "", StringComparison.Ordinal).Trim();
    }

    /// <summary>Ranks and honorifics that open an appositive naming the subject («، اللواء الركن معن السعدي،»).</summary>
    private static readonly FrozenSet<string> Titles = new[]
    {
        "اللواء", "الفريق", "العميد", "العقيد", "المقدم", "الرائد", "النقيب", "الملازم", "المشير", "الجنرال", "الاميرال",
        "الدكتور", "د", "المهندس", "الشيخ", "السيد", "السيده", "الاستاذ", "القاضي", "المحامي", "الامير", "الاميره", "الملك", "الرءيس", "الوزير", "النايب", "الناءب",
    }.ToFrozenSet(StringComparer.Ordinal);

    /// <summary>A subject never ends in a time expression («الوزير جيرار كولومب الجمعة» → «الوزير جيرار كولومب»).</summary>
    private static int TrimTime(Document doc, List<W> w, int s, int e)
    {
        if (e <= s)
            return e;
        foreach (var t in doc.Times)
        {
            if (t.End < w[s].Start || t.Start > w[e - 1].End)
                continue;
            var k = s;
            while (k < e && w[k].End <= t.Start)
                k++;
            if (k > s)
                return k;
        }
        return e;
    }

    private static bool IsTimeOnly(Document doc, List<W> w, int s, int e)
    {
        if (e <= s)
            return false;
        var start = w[s].Start;
        var end = w[e - 1].End;
        foreach (var t in doc.Times)
        {
            if (t.Start <= start + 2 && t.End >= end - 1)
                return true;
        }
        return false;
    }

    private static Claim? Carry(List<Claim> claims, Agreement verb)
    {
        for (var j = claims.Count - 1; j >= 0 && j >= claims.Count - 6; j--)
        {
            var c = claims[j];
            if (c.Quote.SpeakerText is null)
                continue;
            if (c.SpeakerAgreement == verb || (verb == Agreement.Masculine && c.SpeakerAgreement == Agreement.Plural))
                return c;
        }
        return null;
    }

    private static List<(int Start, int End, Entity Entity)> EntityMentions(Document doc)
    {
        var list = new List<(int, int, Entity)>();
        foreach (var e in doc.Entities)
        {
            foreach (var m in e.Mentions)
                list.Add((m.Start, m.End, e));
        }
        return list;
    }

    private static bool HasMention(List<(int Start, int End, Entity Entity)> mentions, List<W> w, int s, int e, EntityType type)
    {
        if (e <= s)
            return false;
        var start = w[s].Start;
        var end = w[e - 1].End;
        foreach (var (ms, me, entity) in mentions)
        {
            if (entity.Type == type && ms >= start && me <= end)
                return true;
        }
        return false;
    }

    /// <summary>The entity named in <c>[start, end)</c>: the last person, else the last organisation, else anything.</summary>
    private static Entity? BestEntity(List<(int Start, int End, Entity Entity)> mentions, int start, int end, bool preferOrg = false)
    {
        Entity? person = null, org = null, other = null;
        var personAt = -1;
        var orgAt = -1;
        foreach (var (ms, me, entity) in mentions)
        {
            if (ms < start || me > end)
                continue;
            switch (entity.Type)
            {
                case EntityType.PER when ms > personAt:
                    person = entity;
                    personAt = ms;
                    break;
                case EntityType.ORG when ms > orgAt:
                    org = entity;
                    orgAt = ms;
                    break;
                default:
                    other ??= entity;
                    break;
            }
        }
        return preferOrg ? org ?? person ?? other : person ?? org ?? other;
    }

    /// <summary>«المتحدث», «القائد الميداني»: a person the text earlier gave a role sharing this subject's head noun.</summary>
    private static Entity? RoleOnly(Document doc, List<W> w, int s, int e, int before)
    {
        if (e - s > 4)
            return null;
        var head = Synonym(StripArticle(w[s].Norm));
        if (head.Length < 3)
            return null;
        Entity? best = null;
        var bestAt = -1;
        foreach (var entity in doc.Entities)
        {
            if (entity.Type != EntityType.PER || entity.Role is null)
                continue;
            var roleWords = ArabicNormalizer.Normalize(entity.Role).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (!roleWords.Any(r => Synonym(StripArticle(r)) == head))
                continue;
            var first = entity.Mentions.Where(m => m.Start < before).Select(m => m.Start).DefaultIfEmpty(-1).Max();
            if (first > bestAt)
            {
                best = entity;
                bestAt = first;
            }
        }
        return best;
    }

    private static string Synonym(string word) => word switch
    {
        "ناطق" => "متحدث",
        _ => word,
    };

    private static string StripArticle(string norm) => norm.StartsWith("ال", StringComparison.Ordinal) && norm.Length > 4 ? norm[2..] : norm;

    /// <summary>Original-text length of the first <paramref name="normalizedChars"/> letters of a token (skipping diacritics).</summary>
    private static int Offset(string body, int start, int end, int normalizedChars)
    {
        var i = start;
        var seen = 0;
        while (seen < normalizedChars && i < end)
        {
            if (ArabicNormalizer.Map(body[i]) != '\0')
                seen++;
            i++;
        }
        while (i < end && (ArabicChars.IsDiacritic(body[i]) || body[i] == ArabicChars.Tatweel))
            i++;
        return i - start;
    }
}
