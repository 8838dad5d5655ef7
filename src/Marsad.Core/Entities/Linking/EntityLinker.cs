using System.Collections.Immutable;
using System.Text;
using Marsad.Entities.Lexicons;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Entities.Linking;

/// <summary>
/// Turns the mentions of one document into canonical entities:
/// <list type="number">
/// <item>overlaps between recognisers are resolved (<see cref="MentionMerger"/>);</item>
/// <item>each mention is linked to a lexicon record of its type by its text (with proclitics read off, and without a
/// leading trigger word), choosing among homonyms by the countries the document speaks of, then by kind and size;</item>
/// <item>mentions are grouped: by record (so داعش, تنظيم الدولة الإسلامية and ISIS meet, and عانة meets عنه), else by
/// normalised text; a person named in part (علاوي, دوريان) joins the one fuller name it is part of (إياد علاوي);</item>
/// <item>the entities' names found once are looked for again in the rest of the text: the same words (<c>link:repeat</c>),
/// the record's other names (<c>link:alias</c>) and a person's family name (<c>link:surname</c>);</item>
/// <item>each entity gets its canonical name (a person's fullest name; the name an organisation or place is most
/// called in the text), aliases, kind, country (from the record, a nationality adjective after the name, or the
/// person's description), link id, and for people the role and title (<see cref="RoleFinder"/>).</item>
/// </list>
/// </summary>
internal sealed class EntityLinker
{
    private readonly EntityLexicon _lex;
    private readonly Cues _cues;
    private readonly RoleFinder _roles;

    public EntityLinker(EntityLexicon lex)
    {
        _lex = lex;
        _cues = new Cues(lex);
        _roles = new RoleFinder(_cues);
    }

    private sealed class Item
    {
        public required Mention Mention { get; set; }
        public int First { get; set; }
        public int Last { get; set; }
        /// <summary>Normalised text without quotes or brackets.</summary>
        public string Key { get; set; } = "";
        public int Record { get; set; } = -1;
        public string? TriggerKind { get; set; }
        public string? Country { get; set; }
        public Group? Group { get; set; }
    }

    private sealed class Group
    {
        public EntityType Type { get; set; }
        public int Record { get; set; } = -1;
        public List<Item> Items { get; } = [];
        public bool Merged { get; set; }

        public int FirstStart => Items.Min(i => i.Mention.Start);
    }

    public ImmutableArray<Entity> Link(DocumentWords w, ImmutableArray<Mention> mentions, CancellationToken cancellationToken)
    {
        if (mentions.IsDefaultOrEmpty || w.Count == 0)
            return [];
        var items = new List<Item>();
        foreach (var m in MentionMerger.Resolve(mentions, w.Body.Length))
        {
            var first = w.TokenAt(m.Start);
            var last = w.TokenAt(m.End - 1);
            if (first >= w.Count || last < first)
                continue;
            var key = CleanKey(w.Body.AsSpan(m.Start, m.End - m.Start));
            if (key.Length == 0)
                continue;
            items.Add(new Item { Mention = m, First = first, Last = Math.Min(last, w.Count - 1), Key = key });
        }
        PreferSurnames(items);
        var owner = Owners(w, items);
        var context = ContextCountries(w, items);
        foreach (var it in items)
            Describe(w, it, context);
        cancellationToken.ThrowIfCancellationRequested();
        var groups = GroupItems(items);
        MergePartialNames(groups);
        Propagate(w, items, groups, owner);
        cancellationToken.ThrowIfCancellationRequested();
        return Build(w, groups, owner, items);
    }

    /// <summary>
    /// A word the document uses as a person's family name is that person where it stands alone too, even when a
    /// gazetteer knows a place of that name: «كوفي أنان» … «أنان», «جون بولتون» … «بولتون».
    /// </summary>
    private void PreferSurnames(List<Item> items)
    {
        var surnames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var it in items)
        {
            if (it.Mention.Type != EntityType.PER)
                continue;
            var space = it.Key.LastIndexOf(' ');
            if (space > 0)
                surnames.Add(it.Key[(space + 1)..]);
        }
        if (surnames.Count == 0)
            return;
        foreach (var it in items)
        {
            if (it.Mention.Type == EntityType.LOC && it.First == it.Last && it.Mention.By.StartsWith("gazetteer:", StringComparison.Ordinal)
                && surnames.Contains(it.Key) && !_lex.IsCommon(it.Key))
                it.Mention = it.Mention with { Type = EntityType.PER, By = it.Mention.By + "+surname" };
        }
    }

    private static Item?[] Owners(DocumentWords w, List<Item> items)
    {
        var owner = new Item?[w.Count];
        foreach (var it in items)
        {
            for (var t = it.First; t <= it.Last; t++)
                owner[t] = it;
        }
        return owner;
    }

    // ---------------------------------------------------------------- linking to records

    /// <summary>Countries the document names or qualifies with an adjective: they decide between homonyms (عمان).</summary>
    private HashSet<string> ContextCountries(DocumentWords w, List<Item> items)
    {
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var it in items)
        {
            if (it.Mention.Type != EntityType.LOC || !_lex.Names.TryGet(it.Key, out var refs))
                continue;
            string? only = null;
            var unique = true;
            foreach (var r in refs)
            {
                var rec = _lex.Records[r.Record];
                if (rec.Type != EntityType.LOC || !rec.Major)
                    continue;
                if (only is null)
                    only = rec.Country;
                else if (only != rec.Country)
                    unique = false;
            }
            if (unique && only is not null)
                countries.Add(only);
        }
        for (var i = 0; i < w.Count; i++)
        {
            if (w.Kind(i) == TokenKind.Arabic && Proclitics.IsDefinite(w.Key(i)) && w.TryNationality(i, out var n) && n.Country is not null)
                countries.Add(n.Country);
        }
        return countries;
    }

    private void Describe(DocumentWords w, Item it, HashSet<string> context)
    {
        var type = it.Mention.Type;
        // The trigger word at the start of the mention or right before it (over a quote): its kind.
        string? trigger = null;
        if (it.Last > it.First && w.TryHead(it.First, out var h, out _) && h.Use is not (HeadUse.Person or HeadUse.Compound))
            trigger = TriggerKind(w, it.First, h, inside: true, it);
        var before = it.First - 1;
        if (Cues.IsQuote(w, before))
            before--;
        if (trigger is null && before >= 0 && w.IsWord(before) && w.TryHead(before, out var hb, out _) && hb.Use is HeadUse.OrgClassifier or HeadUse.PlaceClassifier or HeadUse.PlacePlural)
            trigger = TriggerKind(w, before, hb, inside: false, it);
        if (trigger is null && it.Mention.By == "pattern:place-list")
            trigger = ListKind(w, it.First);
        it.TriggerKind = trigger;

        if (type is EntityType.ORG or EntityType.LOC && w.JoinsNext(it.Last) && it.Last + 1 < w.Count
            && Proclitics.IsDefinite(w.Key(it.Last + 1)) && w.TryNationality(it.Last + 1, out var nat) && nat.Country is not null)
            it.Country = nat.Country;

        it.Record = FindRecord(w, it, type, context, trigger);
        if (it.Record < 0 && type == EntityType.ORG && it.TriggerKind is null)
        {
            // «روما الإيطالي»: a city's name used for its club.
            var city = FindRecord(w, it, EntityType.LOC, context, null);
            if (city >= 0 && LexiconRecognizer.IsClubContext(_lex, w, it.Last, _lex.Records[city]))
                it.TriggerKind = "club";
        }
    }

    private string? TriggerKind(DocumentWords w, int t, Head h, bool inside, Item it)
    {
        if (h.Kind == "agency")
        {
            // «وكالة الأنباء …», «وكالة «رويترز»»: a news agency.
            if (!inside)
                return "news agency";
            for (var k = t + 1; k <= it.Last; k++)
            {
                if (w.Key(k).EndsWith("انباء", StringComparison.Ordinal))
                    return "news agency";
            }
        }
        return h.Kind;
    }

    /// <summary>The record the mention names, or -1: its text, then with proclitics read off, then without a leading trigger.</summary>
    private int FindRecord(DocumentWords w, Item it, EntityType type, HashSet<string> context, string? triggerKind)
    {
        if (LexiconRecognizer.TryMatchName(_lex, w, it.First, out var m) && m.Last == it.Last)
        {
            var r = Best(m.Refs, type, context, triggerKind);
            if (r >= 0)
                return r;
        }
        if (_lex.Names.TryGet(it.Key, out var refs))
        {
            var r = Best(refs, type, context, triggerKind);
            if (r >= 0)
                return r;
        }
        if (it.Last > it.First && w.TryHead(it.First, out var h, out _) && h.Use is not (HeadUse.Person or HeadUse.Compound)
            && LexiconRecognizer.TryMatchName(_lex, w, it.First + 1, out var rest) && rest.Last == it.Last)
        {
            return Best(rest.Refs, type, context, triggerKind, allowMinor: true);
        }
        return -1;
    }

    private int Best(NameRef[] refs, EntityType type, HashSet<string> context, string? triggerKind, bool allowMinor = true)
    {
        var best = -1;
        var bestScore = int.MinValue;
        foreach (var r in refs)
        {
            var rec = _lex.Records[r.Record];
            if (rec.Type != type || (!rec.Major && !allowMinor))
                continue;
            // A village or neighbourhood is linked only in a country the document speaks of.
            if (!rec.Major && (rec.Country is null || !context.Contains(rec.Country)))
                continue;
            var score = LexiconRecognizer.KindScore(rec);
            if (rec.Country is not null && context.Contains(rec.Country))
                score += 30;
            if ((r.Flags & NameFlags.Preferred) != 0)
                score += 2;
            if (!rec.Major)
                score -= 40;
            if (triggerKind is not null && KindFits(triggerKind, rec.Kind))
                score += 40;
            else if (triggerKind is not null && IsFacility(triggerKind))
                continue; // «حي الثورة» is not the town «الثورة»

            if (score > bestScore)
            {
                bestScore = score;
                best = r.Record;
            }
        }
        return best;
    }

    /// <summary>Kinds a trigger gives that no other kind of place can stand for.</summary>
    private static bool IsFacility(string trigger) => trigger is "neighbourhood" or "military base" or "air base" or "airport" or "camp" or "street"
        or "square" or "stadium" or "prison" or "port" or "border crossing" or "dam";

    private static bool KindFits(string trigger, string kind) => trigger switch
    {
        "province" => kind == "province",
        "district" => kind == "district",
        "subdistrict" => kind is "subdistrict" or "district",
        "city" or "town" or "village" or "capital" => kind is "city" or "town" or "village" or "capital",
        "neighbourhood" => kind == "neighbourhood",
        "military base" or "air base" => kind == "air base",
        "airport" => kind is "airport" or "air base",
        _ => false,
    };

    // ---------------------------------------------------------------- grouping

    private List<Group> GroupItems(List<Item> items)
    {
        var byKey = new Dictionary<string, Group>(StringComparer.Ordinal);
        var groups = new List<Group>();
        foreach (var it in items)
        {
            var type = it.Mention.Type;
            var key = it.Record >= 0
                ? "R" + it.Record.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : type switch
                {
                    EntityType.ORG => "O:" + it.Key + "|" + it.Country,
                    EntityType.LOC => "L:" + NamePartKey(it.Key),
                    _ => type + ":" + it.Key,
                };
            if (!byKey.TryGetValue(key, out var g))
            {
                g = new Group { Type = it.Record >= 0 ? _lex.Records[it.Record].Type : type, Record = it.Record };
                byKey[key] = g;
                groups.Add(g);
            }
            g.Items.Add(it);
            it.Group = g;
        }
        return groups;
    }

    private static string NamePartKey(string key)
    {
        foreach (var p in (ReadOnlySpan<string>)["محافظه ", "حيي ", "حي "])
        {
            if (key.StartsWith(p, StringComparison.Ordinal) && key.Length > p.Length + 2)
                return key[p.Length..];
        }
        return key;
    }

    /// <summary>
    /// A person named in part joins the fuller name it is the end (family name) or the start (given names) of:
    /// علاوي → إياد علاوي; when several fuller names fit, the nearest one named before it.
    /// </summary>
    private static void MergePartialNames(List<Group> groups)
    {
        var people = groups.Where(g => g.Type == EntityType.PER).Select(g => (Group: g, Words: LongestWords(g), Start: g.FirstStart)).OrderByDescending(p => p.Words.Length).ToList();
        if (people.Count < 2)
            return;
        foreach (var (s, sw, sStart) in people.ToList())
        {
            if (s.Merged)
                continue;
            Group? target = null;
            var targetStart = -1;
            var ambiguous = false;
            foreach (var (l, lw, ls) in people)
            {
                if (l == s || l.Merged || lw.Length <= sw.Length || !(EndsWith(lw, sw) || StartsWith(lw, sw)))
                    continue;
                if (target is null)
                {
                    target = l;
                    targetStart = ls;
                    continue;
                }
                ambiguous = true;
                // Prefer the fuller name mentioned before, and nearest.
                if (ls < sStart && (targetStart > sStart || ls > targetStart))
                {
                    target = l;
                    targetStart = ls;
                }
            }
            if (target is null || (ambiguous && targetStart > sStart))
                continue;
            foreach (var it in s.Items)
            {
                it.Group = target;
                target.Items.Add(it);
            }
            s.Items.Clear();
            s.Merged = true;
        }
    }

    private static string[] LongestWords(Group g) =>
        g.Items.Select(i => i.Key.Split(' ', StringSplitOptions.RemoveEmptyEntries)).OrderByDescending(a => a.Length).ThenBy(a => 0).First();

    private static bool EndsWith(string[] whole, string[] part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (!SameNameWord(whole[whole.Length - part.Length + i], part[i]))
                return false;
        }
        return true;
    }

    private static bool StartsWith(string[] whole, string[] part)
    {
        for (var i = 0; i < part.Length; i++)
        {
            if (!SameNameWord(whole[i], part[i]))
                return false;
        }
        return true;
    }

    private static bool SameNameWord(string a, string b) => a == b;

    // ---------------------------------------------------------------- propagation

    private void Propagate(DocumentWords w, List<Item> items, List<Group> groups, Item?[] owner)
    {
        var keys = new Dictionary<string, (Group? Group, string By)>(StringComparer.Ordinal);
        void Add(string key, Group g, string by)
        {
            if (key.Length < 2)
                return;
            var single = !key.Contains(' ', StringComparison.Ordinal);
            if (single && (key.Length < 3 || _lex.IsCommon(key)))
                return;
            if (keys.TryGetValue(key, out var existing))
            {
                if (existing.Group != g)
                    keys[key] = (null, by); // two entities share the words: propagate neither
                return;
            }
            keys[key] = (g, by);
        }
        foreach (var g in groups)
        {
            if (g.Items.Count == 0)
                continue;
            foreach (var it in g.Items)
            {
                // A single word of an unlinked entity is repeated only for a person's name word or a name the text quoted.
                if (g.Record < 0 && !it.Key.Contains(' ', StringComparison.Ordinal)
                    && !(g.Type == EntityType.PER ? _cues.HasNameEvidence(it.Key) || Grammar.IsNisba(it.Key) || _cues.IsUnknown(it.Key)
                        : LexiconRecognizer.IsQuoted(w, it.First, it.Last)))
                    continue;
                Add(it.Key, g, "link:repeat");
            }
            if (g.Record >= 0)
            {
                var rec = _lex.Records[g.Record];
                for (var j = 0; j < rec.Names.Length; j++)
                {
                    if (rec.Names[j][0] >= '\u0600')
                        Add(rec.NameKeys[j], g, "link:alias");
                }
            }
            if (g.Type == EntityType.PER)
            {
                var words = LongestWords(g);
                var surname = words[^1];
                if (words.Length >= 2 && !Grammar.NameConnectors.Contains(surname) && !_cues.IsFrequentGivenName(surname) && !_lex.IsStopword(surname) && !FirstNames(groups).Contains(surname))
                    Add(surname, g, "link:surname");
            }
        }
        if (keys.Count == 0)
            return;
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var k in keys.Keys)
        {
            var space = k.IndexOf(' ', StringComparison.Ordinal);
            firstWords.Add(space < 0 ? k : k[..space]);
            for (var i = space; i >= 0; i = k.IndexOf(' ', i + 1))
                prefixes.Add(k[..i]);
        }
        var keyLookup = keys.GetAlternateLookup<ReadOnlySpan<char>>();
        var prefixLookup = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();
        var firstLookup = firstWords.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[256];
        for (var i = 0; i < w.Count; i++)
        {
            if (owner[i] is not null || !w.IsWord(i) || w.Key(i).Length > 40)
                continue;
            var key = w.Key(i);
            var n = Proclitics.Variants(key, variants);
            var bestLast = -1;
            var bestStart = 0;
            (Group? Group, string By) hit = (null, "");
            for (var v = 0; v < n; v++)
            {
                var len = Proclitics.Write(key, variants[v], buffer);
                if (!firstLookup.Contains(buffer[..len]))
                    continue;
                var j = i;
                while (true)
                {
                    if (keyLookup.TryGetValue(buffer[..len], out var found) && found.Group is not null && j > bestLast)
                    {
                        bestLast = j;
                        bestStart = w.OffsetAfterLetters(i, variants[v].AddArticle ? variants[v].Strip - 2 : variants[v].Strip);
                        hit = found;
                    }
                    if (!prefixLookup.Contains(buffer[..len]) || !w.JoinsNext(j) || j + 1 >= w.Count || owner[j + 1] is not null || !w.IsWord(j + 1))
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
            if (bestLast < 0 || hit.Group is null || !FitsHere(w, i, bestLast, hit.Group, owner))
                continue;
            var it = new Item
            {
                Mention = new Mention(bestStart, w.Tokens[bestLast].End, hit.Group.Type, hit.By, 0.7),
                First = i,
                Last = bestLast,
                Key = CleanKey(w.Body.AsSpan(bestStart, w.Tokens[bestLast].End - bestStart)),
                Record = hit.Group.Record,
                Group = hit.Group,
            };
            hit.Group.Items.Add(it);
            items.Add(it);
            for (var t = i; t <= bestLast; t++)
                owner[t] = it;
            i = bestLast;
        }
    }

    /// <summary>The first words of the people named in the document: never propagated as someone's family name.</summary>
    private static HashSet<string> FirstNames(List<Group> groups)
    {
        var first = new HashSet<string>(StringComparer.Ordinal);
        foreach (var g in groups)
        {
            if (g.Type != EntityType.PER)
                continue;
            foreach (var it in g.Items)
            {
                var space = it.Key.IndexOf(' ', StringComparison.Ordinal);
                if (space > 0)
                    first.Add(it.Key[..space]);
            }
        }
        return first;
    }

    /// <summary>A repeated person name is not taken inside another name («محمد علاوي» is not «إياد علاوي»).</summary>
    private bool FitsHere(DocumentWords w, int first, int last, Group g, Item?[] owner)
    {
        if (g.Type != EntityType.PER)
            return true;
        var p = first - 1;
        if (p >= 0 && w.JoinsNext(p) && owner[p] is null && w.Kind(p) == TokenKind.Arabic)
        {
            var pk = w.Key(p);
            if (!Proclitics.IsDefinite(pk) && (_cues.IsGivenName(pk) || Grammar.NameConnectors.Contains(pk)) && !_lex.IsCommon(pk))
                return false;
        }
        var n = last + 1;
        if (n < w.Count && w.JoinsNext(last) && owner[n] is null && w.Kind(n) == TokenKind.Arabic)
        {
            var nk = w.Key(n);
            if (Grammar.NameConnectors.Contains(nk) || (Grammar.IsNisba(nk) && _cues.HasNameEvidence(nk) && !_lex.IsCommon(nk)))
                return false;
        }
        return true;
    }

    // ---------------------------------------------------------------- entities

    private ImmutableArray<Entity> Build(DocumentWords w, List<Group> groups, Item?[] owner, List<Item> items)
    {
        EntityType? OwnerType(int t) => t >= 0 && t < owner.Length ? owner[t]?.Group?.Type ?? owner[t]?.Mention.Type : null;
        var live = groups.Where(g => g.Items.Count > 0).OrderBy(g => g.FirstStart).ToList();
        var entities = ImmutableArray.CreateBuilder<Entity>(live.Count);
        foreach (var g in live)
        {
            g.Items.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
            var rec = g.Record >= 0 ? _lex.Records[g.Record] : null;
            var canonical = Canonical(w, g);
            var canonicalKey = EntityLexicon.Key(canonical);
            var aliases = new List<string>();
            var seen = new HashSet<string>(StringComparer.Ordinal) { canonicalKey };
            foreach (var it in g.Items)
            {
                var text = CleanText(w.Body.AsSpan(it.Mention.Start, it.Mention.End - it.Mention.Start));
                if (seen.Add(EntityLexicon.Key(text)))
                    aliases.Add(text);
            }
            if (rec is not null)
            {
                for (var j = 0; j < rec.Names.Length; j++)
                {
                    if (seen.Add(rec.NameKeys[j]))
                        aliases.Add(rec.Names[j]);
                }
            }
            string? role = null, title = null, roleCountry = null;
            if (g.Type == EntityType.PER)
            {
                foreach (var it in g.Items)
                {
                    var r = _roles.Find(w, it.First, it.Last, OwnerType);
                    role ??= r.Role;
                    title ??= r.Title;
                    roleCountry ??= r.Country;
                    if (role is not null && title is not null)
                        break;
                }
            }
            var kind = rec?.Kind ?? g.Items.Select(i => i.TriggerKind).FirstOrDefault(k => k is not null);
            if (g.Type == EntityType.PER && rec is not null)
                kind = null;
            var country = rec?.Country ?? g.Items.Select(i => i.Country).FirstOrDefault(c => c is not null) ?? roleCountry;
            entities.Add(new Entity
            {
                Id = "e" + (entities.Count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture),
                Canonical = canonical,
                Type = g.Type,
                Aliases = [.. aliases],
                Mentions = [.. g.Items.Select(i => new EntityMention(i.Mention.Start, i.Mention.End, w.Body[i.Mention.Start..i.Mention.End], i.Mention.By))],
                Role = role,
                Title = title,
                Kind = kind,
                Country = country,
                LinkId = rec?.Id,
            });
        }
        _ = items;
        return entities.ToImmutable();
    }

    /// <summary>
    /// A person's fullest name; for organisations and places the name the text uses most (ties: the longer), without
    /// «محافظة», and with «حي» for neighbourhoods named in a list («حيي التنك والثورة» → «حي التنك», «حي الثورة»).
    /// </summary>
    private string Canonical(DocumentWords w, Group g)
    {
        if (g.Type == EntityType.PER)
        {
            return g.Items.Select(i => CleanText(w.Body.AsSpan(i.Mention.Start, i.Mention.End - i.Mention.Start)))
                .OrderByDescending(t => t.Split(' ').Length).ThenByDescending(t => t.Length).First();
        }
        var counts = new Dictionary<string, (int Count, string Text, int Order)>(StringComparer.Ordinal);
        var order = 0;
        foreach (var it in g.Items)
        {
            var text = NamePart(w, it);
            var key = EntityLexicon.Key(text);
            counts[key] = counts.TryGetValue(key, out var c) ? (c.Count + 1, c.Text, c.Order) : (1, text, order++);
        }
        return counts.Values.OrderByDescending(c => c.Count).ThenByDescending(c => c.Text.Length).ThenBy(c => c.Order).First().Text;
    }

    private string NamePart(DocumentWords w, Item it)
    {
        var text = CleanText(w.Body.AsSpan(it.Mention.Start, it.Mention.End - it.Mention.Start));
        if (it.Mention.Type != EntityType.LOC)
            return text;
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        if (space > 0 && _lex.TryHead(EntityLexicon.Key(text[..space]), out var h, out _))
        {
            if (h.Kind == "province")
                return text[(space + 1)..];
            if (h.Use == HeadUse.PlacePlural && h.Kind == "neighbourhood")
                return "حي " + text[(space + 1)..];
        }
        if (it.Mention.By == "pattern:place-list" && NeighbourhoodListBefore(w, it.First))
            return "حي " + text;
        return text;
    }

    private bool NeighbourhoodListBefore(DocumentWords w, int first) => ListKind(w, first) == "neighbourhood";

    /// <summary>The kind of the plural trigger a listed place follows («حيي التنك والثورة»), or null.</summary>
    private string? ListKind(DocumentWords w, int first)
    {
        for (var k = first - 1; k >= 0 && k >= first - 12; k--)
        {
            if (w.IsWord(k) && w.TryHead(k, out var h, out _) && h.Use == HeadUse.PlacePlural)
                return h.Kind;
        }
        return null;
    }

    /// <summary>Normalised key of a mention's text, without quotes, brackets or punctuation, single spaces.</summary>
    private static string CleanKey(ReadOnlySpan<char> text) => EntityLexicon.Key(CleanText(text));

    /// <summary>The text without quotes and brackets, whitespace collapsed.</summary>
    private static string CleanText(ReadOnlySpan<char> text)
    {
        var sb = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (c is '«' or '»' or '"' or '(' or ')' or '“' or '”' or '\'')
                continue;
            if (char.IsWhiteSpace(c) || ArabicChars.IsFormatControl(c))
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
                sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
