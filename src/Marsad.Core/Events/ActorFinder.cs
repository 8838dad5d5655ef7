using Marsad.Events.Lexicon;
using Marsad.Model;

namespace Marsad.Events;

/// <summary>
/// Finds actor phrases in a sentence and types them: dictionary phrases (countries, nationalities,
/// organisations, sector agents), composed the way Arabic builds them — a head agent with a genitive
/// («قوات الجهاز», «وزير خارجية إيران»), a nationality adjective («القوات العراقية»), a role before a name
/// («رئيس جهاز مكافحة الإرهاب … طالب شغاتي») — plus person and organisation entities of the entity stage,
/// and anaphors («التنظيم», «الجهاز») resolved to the organisation they stand for. One instance per document.
/// </summary>
internal sealed class ActorFinder
{
    private readonly ActorLexicon _lexicon;
    private readonly EntityIndex _entities;
    private readonly Dictionary<string, ActorSpan> _orgByHeadWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ActorSpan> _lastBySector = new(StringComparer.Ordinal);
    private char[] _key = new char[128];

    public ActorFinder(ActorLexicon lexicon, EntityIndex entities)
    {
        _lexicon = lexicon;
        _entities = entities;
    }

    /// <summary>Actor spans of the sentence in <paramref name="view"/>, in order; <paramref name="byToken"/> gets the span index of each token (-1 when none).</summary>
    public List<ActorSpan> Find(SentenceView view, int[] byToken)
    {
        var spans = new List<ActorSpan>();
        Array.Fill(byToken, -1, 0, view.Count);
        var i = 0;
        while (i < view.Count)
        {
            var span = MatchAt(view, i);
            if (span is null)
            {
                i++;
                continue;
            }
            Extend(view, span);
            Resolve(span);
            LinkEntity(view, span);
            // «تنظيم «داعش»»: a quotation mark opened inside the phrase closes with it.
            if (span.Last + 1 < view.Count && view.IsWrapper(span.Last + 1) && ContainsOpening(view, span))
                span.End = view[span.Last + 1].End;
            for (var k = span.First; k <= span.Last; k++)
                byToken[k] = spans.Count;
            spans.Add(span);
            i = span.Last + 1;
        }
        return spans;
    }

    private static bool ContainsOpening(SentenceView view, ActorSpan span)
    {
        for (var k = span.First; k <= span.Last; k++)
        {
            if (view.IsWrapper(k))
                return true;
        }
        return false;
    }

    /// <summary>An actor starting at token <paramref name="i"/>: a person or organisation entity, a dictionary phrase, a crowd or an anaphor.</summary>
    private ActorSpan? MatchAt(SentenceView view, int i)
    {
        ref var tok = ref view[i];
        if (tok.Kind is not (TokenKind.Arabic or TokenKind.Latin))
            return null;
        if (_entities.PersonOrOrgAt(tok.Start, tok.End) is { } ent)
        {
            var last = view.LastTokenBefore(i, ent.End);
            var fromLexicon = Longest(view, i, out var lexLast);
            // A dictionary phrase as long as the entity mention types it better (داعش, القوات العراقية).
            if (fromLexicon is not null && lexLast >= last)
                return FromEntry(view, i, lexLast, fromLexicon, ent.Entity);
            return FromEntity(view, i, last, ent.Entity);
        }
        var entry = Longest(view, i, out var j);
        if (entry is not null)
            return FromEntry(view, i, j, entry, null);
        var bare = view.Bare(i);
        // «آلاف» normalises to «الاف», which the article stripper reads as ال + «اف»: look the whole key up too.
        if ((Words.CrowdHeads.Contains(bare.ToString()) || Words.CrowdHeads.Contains(view.Key(i).ToString())) && !Words.Quantifiers.Contains(bare.ToString()))
        {
            // «آلاف المتظاهرين», «مئات من الطلاب», «عشرات الأشخاص».
            var k = i + 1;
            if (k < view.Count && view.Key(k).SequenceEqual("من"))
                k++;
            if (k < view.Count && Longest(view, k, out var kl) is { Kind: ActorKind.Agent } agent)
            {
                var s = FromEntry(view, i, kl, agent, null);
                s.Start = tok.Start;
                s.CrowdHead = true;
                return s;
            }
            // «آلاف» alone is a crowd only before a verb or a preposition («تظاهر الآلاف في …»), not «مئات السيارات».
            if (k >= view.Count || view.IsPunct(k) || Words.Function.Contains(view.Key(k).ToString()) || Words.Locative.Contains(view.Key(k).ToString()))
                return new ActorSpan { First = i, Last = i, Start = tok.Start, End = tok.End, Code = "CVL", Sector = "CVL", CrowdHead = true, Kind = ActorKind.Agent };
            return null;
        }
        if (tok.Definite && _orgByHeadWord.TryGetValue(bare.ToString(), out var antecedent))
        {
            var s = antecedent.Clone();
            s.First = s.Last = i;
            s.Start = tok.Start;
            s.End = tok.End;
            s.Head = false;
            return s;
        }
        return null;
    }

    /// <summary>The longest dictionary phrase starting at token <paramref name="i"/> (quotation marks and brackets inside it are skipped).</summary>
    private ActorEntry? Longest(SentenceView view, int i, out int last)
    {
        last = i;
        var first = view.Bare(i);
        var max = _lexicon.MaxWords(first);
        if (max == 0)
            return null;
        ActorEntry? best = null;
        var len = 0;
        var words = 0;
        for (var k = i; k < view.Count && words < max; k++)
        {
            if (view.IsWrapper(k))
                continue;
            if (view[k].Kind is not (TokenKind.Arabic or TokenKind.Latin))
                break;
            var w = words == 0 ? first : view.Bare(k);
            if (words > 0 && view[k].Pro != Pro.None)
                break; // «قوات وجنود»: a conjunction starts a new phrase
            if (len + w.Length + 1 > _key.Length)
                Array.Resize(ref _key, (len + w.Length + 1) * 2);
            if (words > 0)
                _key[len++] = ' ';
            w.CopyTo(_key.AsSpan(len));
            len += w.Length;
            words++;
            if (_lexicon.TryGet(_key.AsSpan(0, len), out var e) && Allowed(view, i, e))
            {
                best = e;
                last = k;
            }
        }
        return best;
    }

    private static bool Allowed(SentenceView view, int i, ActorEntry e)
    {
        if (!e.NeedsDefinite || e.Words > 1)
            return true;
        // «القاعدة» is al-Qaeda with the article or quotation marks, but not «قاعدة عين الأسد» or «القاعدة الجوية».
        var wrapped = i > 0 && view.IsWrapper(i - 1);
        if (!view[i].Definite && !wrapped)
            return false;
        if (i > 0 && view.Bare(i - 1).SequenceEqual("تنظيم"))
            return true;
        if (!wrapped && i + 1 < view.Count && view[i + 1].Kind == TokenKind.Arabic && view[i + 1].Definite)
        {
            var next = view.Bare(i + 1);
            if (next.Length > 2 && (next[^1] == 'ه' || next[^1] == 'ي'))
                return false; // an adjective follows: «القاعدة الجوية», «القاعدة الشعبية»
        }
        return true;
    }

    private ActorSpan FromEntry(SentenceView view, int i, int j, ActorEntry e, Entity? entity)
    {
        var span = new ActorSpan
        {
            First = i,
            Last = j,
            Start = entity is null ? view.KeyStart(i) : view[i].Start,
            End = view[j].End,
            Kind = e.Kind,
            Head = e.Head,
            Entity = entity?.Id,
        };
        switch (e.Kind)
        {
            case ActorKind.Agent:
                span.Sector = e.Sector;
                span.Code = e.Code;
                break;
            case ActorKind.Organisation:
                span.Code = e.Code;
                span.Country = e.Country;
                span.Sector = e.Sector;
                span.Name = e.Canonical;
                span.HeadWord = TriggerLexicon.BareWord(e.Canonical.Split(' ')[0]);
                break;
            default:
                span.Code = e.Code;
                span.Country = e.Country;
                span.Name = Countries.Name(e.Country) ?? e.Canonical;
                break;
        }
        if (entity is not null)
            span.Name = entity.Canonical;
        return span;
    }

    private ActorSpan FromEntity(SentenceView view, int i, int j, Entity e)
    {
        var span = new ActorSpan
        {
            First = i,
            Last = j,
            Start = Math.Max(view[i].Start, _entities.MentionStartIn(e, view[i].Start, view[i].End)),
            End = view[j].End,
            Name = e.Canonical,
            Entity = e.Id,
            Person = e.Type == EntityType.PER,
            Country = Countries.Iso3(e.Country),
            Kind = e.Type == EntityType.ORG ? ActorKind.Organisation : null,
        };
        // A person's role names the sector: «نائب الرئيس العراقي» → GOV, «القائد في جهاز مكافحة الإرهاب» → the service.
        if (e.Role is { Length: > 0 } role && RoleCode(role) is { } rc)
        {
            span.Code = rc.Code;
            span.Sector = rc.Sector;
            span.Country ??= rc.Country;
        }
        else if (e.Type == EntityType.ORG && OrganisationEntry(e) is { } known)
        {
            span.Code = known.Code;
            span.Sector = known.Sector;
            span.Country = known.Country ?? span.Country;
            span.HeadWord = TriggerLexicon.BareWord(known.Canonical.Split(' ')[0]);
        }
        else if (e.Type == EntityType.ORG)
        {
            span.Sector = e.Kind switch
            {
                "armed group" or "armed_group" or "militia" => "REB",
                "armed force" or "army" or "military" or "special forces" => "MIL",
                "police" or "security service" => "COP",
                "intelligence service" => "SPY",
                "court" => "JUD",
                "parliament" => "LEG",
                "university" => "EDU",
                "international coalition" or "international organisation" or "international organization" => "IGO",
                "news agency" or "news outlet" or "broadcaster" or "newspaper" => "MED",
                "party" or "political party" => "PTY",
                "ministry" or "government" => "GOV",
                "company" => "BUS",
                _ => null,
            };
            span.Code = (span.Country ?? "") + (span.Sector ?? "");
        }
        else
        {
            span.Code = span.Country ?? "";
        }
        return span;
    }

    /// <summary>
    /// Fills the entity id of a dictionary phrase the entity stage also found inside it («تنظيم «داعش»» → the
    /// entity «داعش»; «حكومة العراق» → the country «العراق» when no organisation is named).
    /// </summary>
    private void LinkEntity(SentenceView view, ActorSpan span)
    {
        if (span.Entity is not null)
            return;
        var start = view[span.First].Start;
        var end = view[span.Last].End;
        if (_entities.PersonOrOrgAt(start, end) is { } ent)
        {
            span.Entity = ent.Entity.Id;
            if (span.Kind is ActorKind.Organisation or ActorKind.Country or ActorKind.Capital || span.Name is null)
                span.Name = ent.Entity.Canonical;
            return;
        }
        // A country or capital named as the actor is the place entity of that name.
        if (span.Kind is ActorKind.Country or ActorKind.Capital)
        {
            if (_entities.PlaceAt(start, end) is { } place)
                span.Entity = place.Entity.Id;
            return;
        }
        // The same organisation or person named elsewhere in the document (here tagged as another type, or missed).
        var named = _entities.ByName(EntityIndex.NameKey(view.Body[start..end]));
        if (named is null && span.Kind == ActorKind.Organisation && span.Name is { } name)
            named = _entities.ByName(EntityIndex.NameKey(name));
        if (named is not null)
            span.Entity = named.Id;
    }

    /// <summary>The code of an organisation entity whose canonical name or alias is a dictionary organisation.</summary>
    private ActorEntry? OrganisationEntry(Entity e)
    {
        foreach (var name in e.Aliases.Prepend(e.Canonical))
        {
            var key = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TriggerLexicon.BareWord));
            if (key.Length > 0 && _lexicon.TryGet(key, out var entry) && entry.Kind == ActorKind.Organisation)
                return entry;
        }
        return null;
    }

    /// <summary>The code a role phrase gives a person, read with the same dictionary.</summary>
    private (string Code, string? Sector, string? Country)? RoleCode(string role)
    {
        var words = role.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(TriggerLexicon.BareWord).ToArray();
        string? sector = null, country = null, code = null;
        for (var i = 0; i < words.Length;)
        {
            var matched = false;
            for (var n = Math.Min(6, words.Length - i); n >= 1; n--)
            {
                if (!_lexicon.TryGet(string.Join(' ', words, i, n), out var e))
                    continue;
                if (e.Kind == ActorKind.Organisation)
                {
                    code = e.Code;
                    sector = e.Sector;
                    country = e.Country;
                }
                else if (e.Kind == ActorKind.Agent)
                {
                    sector ??= e.Sector;
                }
                else
                {
                    country ??= e.Country;
                }
                i += n;
                matched = true;
                break;
            }
            if (!matched)
                i++;
        }
        if (code is not null)
            return (code, sector, country);
        if (sector is null && country is null)
            return null;
        return ((country ?? "") + (sector ?? ""), sector, country);
    }

    /// <summary>Grows a span over what qualifies it: nationality adjectives, genitives of a head agent, a name after a role.</summary>
    private void Extend(SentenceView view, ActorSpan span)
    {
        for (var guard = 0; guard < 6; guard++)
        {
            var k = span.Last + 1;
            while (k < view.Count && view.IsWrapper(k))
                k++;
            if (k >= view.Count || view[k].Kind is not (TokenKind.Arabic or TokenKind.Latin))
                return;
            if (view[k].Pro.HasFlag(Pro.Conj) || view[k].Pro.HasFlag(Pro.Bi) || view[k].Pro.HasFlag(Pro.Ka))
                return;
            if (_entities.PersonOrOrgAt(view[k].Start, view[k].End) is { } ent && ent.Entity.Type == EntityType.PER && span.Kind is ActorKind.Agent or ActorKind.Organisation)
            {
                // A role or organisation before a name: the name is the actor, typed by the role.
                span.Name = ent.Entity.Canonical;
                span.Entity = ent.Entity.Id;
                span.Person = true;
                span.Last = view.LastTokenBefore(k, ent.End);
                span.End = view[span.Last].End;
                continue;
            }
            var next = Longest(view, k, out var kl);
            if (next is null)
            {
                // An anaphoric genitive: «قوات الجهاز», «مقاتلي التنظيم».
                if (span.Head && view[k].Definite && _orgByHeadWord.TryGetValue(view.Bare(k).ToString(), out var ante))
                {
                    Absorb(span, ante, k, k, view);
                    continue;
                }
                if (span.Head && ArticleSkippable(view, k))
                {
                    // «القائد في جهاز …», «الناطق باسم التحالف الدولي»: a preposition before the body the role belongs to.
                    var k2 = k + 1;
                    if (k2 < view.Count && Longest(view, k2, out var k2l) is { Kind: ActorKind.Organisation } org)
                    {
                        Absorb(span, FromEntry(view, k2, k2l, org, null), k, k2l, view);
                        continue;
                    }
                }
                return;
            }
            if (next.Kind == ActorKind.Nationality && (span.Country is null || span.Kind == ActorKind.Nationality))
            {
                span.Country = next.Country;
                span.Last = kl;
                span.End = view[kl].End;
                span.Code = Compose(span.Country, span.Sector, span.Code);
                continue;
            }
            if (span.Head && next.Kind is ActorKind.Country or ActorKind.Capital && span.Country is null)
            {
                span.Country = next.Country;
                span.Last = kl;
                span.End = view[kl].End;
                span.Code = Compose(span.Country, span.Sector, span.Code);
                span.Head = false;
                continue;
            }
            if (span.Head && next.Kind == ActorKind.Organisation)
            {
                Absorb(span, FromEntry(view, k, kl, next, null), k, kl, view);
                continue;
            }
            if (span.Head && next.Kind == ActorKind.Agent && span.Kind == ActorKind.Agent)
            {
                // «قائد قوات …», «آلاف المتظاهرين»: the genitive agent decides the sector.
                if (span.CrowdHead || next.Sector is "MIL" or "COP" or "SPY" or "REB" or "UAF" or "OPP" || span.Sector is "UAF" or "CVL")
                {
                    span.Sector = next.Sector;
                    span.Code = Compose(span.Country, next.Sector, next.Code);
                }
                span.Head = next.Head;
                span.Last = kl;
                span.End = view[kl].End;
                continue;
            }
            return;
        }
    }

    private static bool ArticleSkippable(SentenceView view, int k)
    {
        var key = view.Key(k);
        return key.SequenceEqual("في") || key.SequenceEqual("باسم") || key.SequenceEqual("اسم");
    }

    /// <summary>A head agent takes the organisation of its genitive: members, leaders and units act for it.</summary>
    private static void Absorb(ActorSpan span, ActorSpan org, int first, int last, SentenceView view)
    {
        span.Code = org.Code;
        span.Country = org.Country ?? span.Country;
        span.Name = span.Person ? span.Name : org.Name;
        span.Sector = org.Sector ?? span.Sector;
        span.HeadWord ??= org.HeadWord;
        span.Kind = span.Person ? span.Kind : org.Kind;
        span.Head = false;
        span.Last = last;
        span.End = view[last].End;
        _ = first;
    }

    private static string Compose(string? country, string? sector, string code)
    {
        if (country is null)
            return code;
        if (sector is null)
            return country;
        return code.StartsWith(country, StringComparison.Ordinal) ? code : country + sector;
    }

    /// <summary>Remembers organisations for anaphors and fills a bare agent's country from the last actor of its sector.</summary>
    private void Resolve(ActorSpan span)
    {
        if (span.Kind == ActorKind.Organisation && span.HeadWord is { Length: > 2 } hw && !span.Person)
            _orgByHeadWord[hw] = span;
        if (span.Sector is { } sector)
        {
            if (span.Country is null && !span.Person && span.Kind == ActorKind.Agent && _lastBySector.TryGetValue(sector, out var prev) && prev.Country is not null)
            {
                span.Country = prev.Country;
                span.Code = prev.Code;
                span.Name ??= prev.Name;
                span.Inherited = true;
            }
            else if (span.Country is not null)
            {
                _lastBySector[sector] = span;
            }
        }
        if (span.Country is not null && span.Code.Length == 0)
            span.Code = span.Country;
    }
}
