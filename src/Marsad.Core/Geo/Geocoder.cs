using System.Collections.Immutable;
using Marsad.Entities.Lexicons;
using Marsad.Model;

namespace Marsad.Geo;

/// <summary>
/// Gives each place entity of a document a <see cref="Place"/>. The rules, in order (README.md beside this file):
/// <list type="number">
/// <item><b>candidates</b>: every gazetteer record named by the entity's canonical name or mention texts, read as
/// written, without proclitics (بالموصل → الموصل) and without a leading trigger word (قاعدة، حي، محافظة); spelling variants
/// meet through the lexicon's variant names and <see cref="Text.ArabicNormalizer"/> folding (عانة / عنه / عنة);</item>
/// <item><b>feature</b>: a trigger that names a kind of facility (قاعدة، مطار، حي) keeps only records of that kind
/// (قاعدة عين الأسد → the air base, never the village عين الأسد);</item>
/// <item><b>context</b>: among homonyms, a record in a province the other places of the article lie in wins, then one in a
/// country they lie in (or that organisations and people of the article belong to), then one within 150 km of them;
/// then kind and population, then tier (villages and neighbourhoods only where their country is spoken of);</item>
/// <item><b>fallback</b>: a neighbourhood, street or square the gazetteer lacks («حي التنك») gets the point of the city the
/// article puts it in: the nearest city in its sentence, else the article's dominant city, with precision <c>city</c>.</item>
/// </list>
/// </summary>
internal sealed class Geocoder(GeoGazetteer gazetteer)
{
    private const double NearKm = 150;
    private const double NeighbourhoodKm = 30;

    /// <summary>
    /// A record named by the entity. <see cref="Bonus"/>: +10 when the name with the trigger word before the mention names it
    /// («إقليم» + «كردستان» → the Iraqi region), −10 when only the name without its leading trigger word does.
    /// </summary>
    private readonly record struct Candidate(GeoRecord Record, bool Preferred, int Bonus);

    private sealed class Item
    {
        public required Entity Entity { get; init; }
        public int Index { get; init; }
        /// <summary>Records named by the entity.</summary>
        public List<Candidate> Candidates { get; } = [];
        /// <summary>Towns and cities of the name a facility carries (مطار أبها → أبها), for a facility the gazetteer lacks.</summary>
        public List<Candidate> Named { get; } = [];
        public bool NamedFallback { get; set; }
        public string? Feature { get; set; }
        public GeoRecord? First { get; set; }
        public GeoRecord? Chosen { get; set; }
        public string By { get; set; } = "";
        /// <summary>The country and province all candidates agree on (they vote in the context), and a point when all lie close together.</summary>
        public string? SureCountry { get; set; }
        public string? SureAdmin1 { get; set; }
        public (double Lat, double Lon)? SurePoint { get; set; }
    }

    public ImmutableArray<Entity> Geocode(ImmutableArray<Entity> entities, string body, ImmutableArray<Sentence> sentences, CancellationToken cancellationToken)
    {
        if (entities.IsDefaultOrEmpty)
            return entities;
        var items = new List<Item>();
        for (var i = 0; i < entities.Length; i++)
        {
            if (IsPlaceEntity(entities[i]))
                items.Add(Describe(entities[i], i, body));
        }
        if (items.Count == 0)
            return entities;
        cancellationToken.ThrowIfCancellationRequested();

        var context = new Context();
        foreach (var it in items)
            context.Add(it, +1);
        foreach (var e in entities)
        {
            // Organisations and people of a country («وزارة الدفاع العراقية», «رئيس الوزراء العراقي») vote for it too.
            if (e.Type != EntityType.LOC && e.Country is { } c)
                context.AddCountry(c, 1);
        }
        foreach (var it in items)
        {
            context.Add(it, -1);
            Choose(it, context);
            context.Add(it, +1);
        }

        var cities = Cities(items);
        var builder = entities.ToBuilder();
        foreach (var it in items)
        {
            var place = it.Chosen is not { } r ? Fallback(it, cities, sentences)
                : it.NamedFallback ? NamedPlace(r, it.Feature!)
                : FarFromItsCity(it, r, cities, sentences) ? Fallback(it, cities, sentences)
                : ToPlace(r, it);
            if (place is not null)
                builder[it.Index] = it.Entity with { Place = place };
        }
        return builder.ToImmutable();
    }

    /// <summary>LOC entities, and entities of any type whose kind is a place facility or whose link is a place record.</summary>
    private bool IsPlaceEntity(Entity e) =>
        e.Type == EntityType.LOC || e.Kind is "air base" or "military base" or "airport" || gazetteer.ById(e.LinkId) is not null;

    // ---------------------------------------------------------------- candidates

    private Item Describe(Entity e, int index, string body)
    {
        var it = new Item { Entity = e, Index = index };
        if (e.Kind is { } kind && FacilityKinds.IsFacility(kind))
            it.Feature = kind;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AddCandidates(it, e.Canonical, seen);
        foreach (var m in e.Mentions)
            AddCandidates(it, m.Text, seen);
        if (it.Feature is { } trigger && FacilityKinds.TriggerWord(trigger) is { } word)
        {
            // The trigger before the mention («قاعدة» + «عين الأسد»): the gazetteer names bases and airports with it.
            AddCandidates(it, word + " " + e.Canonical, seen);
            foreach (var m in e.Mentions)
                AddCandidates(it, word + " " + m.Text, seen);
        }
        foreach (var m in e.Mentions)
        {
            // A classifier the linker left out of the mention («إقليم» كردستان, «مطار» أبها): the longer name is tried too.
            if (PrecedingWord(body, m.Start) is { } prev && EntityLexicon.Key(prev) is var before && gazetteer.Lexicon.TryHead(before, out var head, out _)
                && head.Use is HeadUse.Place or HeadUse.PlaceOpen or HeadUse.PlaceClassifier)
            {
                if (head.Kind is { } k && FacilityKinds.IsFacility(k))
                    it.Feature ??= k;
                AddCandidates(it, before + " " + m.Text, seen, bonus: 10);
            }
        }
        if (gazetteer.ById(e.LinkId) is { } linked && !it.Candidates.Exists(c => c.Record == linked))
            it.Candidates.Add(new Candidate(linked, false, 0));
        if (it.Feature is { } f)
        {
            // قاعدة عين الأسد is the air base, حي الثورة a neighbourhood: other kinds of the same name are out. A facility
            // named after a town (مطار أبها، معبر رفح) keeps the town, for when the gazetteer lacks the facility.
            if (!FacilityKinds.IsInCity(f))
                it.Named.AddRange(it.Candidates.Where(c => c.Record.Kind is "city" or "capital" or "town" or "village" or "district" or "subdistrict"));
            it.Candidates.RemoveAll(c => !FacilityKinds.Fits(f, c.Record.Kind));
        }

        string? country = null, admin1 = null;
        bool oneCountry = true, oneAdmin1 = true;
        foreach (var (r, _, _) in it.Candidates)
        {
            if (!r.Major && it.Feature is null)
                continue;
            oneCountry &= country is null || country == r.Country;
            country ??= r.Country;
            var a = AdminKey(r);
            oneAdmin1 &= admin1 is null || admin1 == a;
            admin1 ??= a;
        }
        it.SureCountry = oneCountry ? country : null;
        it.SureAdmin1 = oneAdmin1 && admin1 is { Length: > 0 } ? admin1 : null;
        if (gazetteer.ById(e.LinkId) is { Major: true } link && it.Candidates.Exists(c => c.Record == link))
        {
            // Candidates disagree (مأرب the city, the governorate and villages): the linker's choice of a major place votes.
            it.SureCountry ??= link.Country;
            if (it.SureAdmin1 is null && link.Admin1Key.Length > 0)
                it.SureAdmin1 = link.Admin1Key;
            if (it.SurePoint is null && !IsArea(link))
                it.SurePoint = (link.Lat, link.Lon);
        }
        if (it.Candidates.Count > 0 && it.Candidates[0].Record is { } p && !IsArea(p)
            && it.Candidates.TrueForAll(c => Distance.Km(c.Record.Lat, c.Record.Lon, p.Lat, p.Lon) <= NearKm / 3))
            it.SurePoint = (p.Lat, p.Lon);
        return it;
    }

    private void AddCandidates(Item it, string text, HashSet<string> seen, int bonus = 0)
    {
        var key = EntityLexicon.Key(text);
        if (key.Length == 0 || !seen.Add(key))
            return;
        var lex = gazetteer.Lexicon;
        Lookup(it, key, bonus);
        var space = key.IndexOf(' ', StringComparison.Ordinal);
        var first = space < 0 ? key : key[..space];
        var rest = space < 0 ? "" : key[(space + 1)..];
        // Proclitics on the first word: وبالموصل → الموصل, لقاعدة عين الأسد → قاعدة عين الأسد.
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[first.Length + 2];
        var n = Proclitics.Variants(first, variants);
        for (var v = 1; v < n; v++)
        {
            var w = new string(buffer[..Proclitics.Write(first, variants[v], buffer)]);
            Lookup(it, rest.Length == 0 ? w : w + " " + rest, bonus);
        }
        // A leading trigger word: «حي التنك», «مدينة الموصل», «محافظة الأنبار», «قاعدة البكر» when the gazetteer lacks the full form.
        if (rest.Length > 0 && lex.TryHead(first, out var head, out _) && head.Use is HeadUse.Place or HeadUse.PlaceOpen or HeadUse.PlaceClassifier or HeadUse.PlacePlural)
        {
            if (head.Kind is { } k && FacilityKinds.IsFacility(k))
                it.Feature ??= k;
            Lookup(it, rest, bonus - 10);
        }
    }

    private void Lookup(Item it, string key, int bonus)
    {
        if (!gazetteer.Lexicon.Names.TryGet(key, out var refs))
            return;
        foreach (var r in refs)
        {
            if (gazetteer.ByRef(r) is not { } g)
                continue;
            var preferred = (r.Flags & NameFlags.Preferred) != 0;
            var at = it.Candidates.FindIndex(c => c.Record == g);
            if (at < 0)
                it.Candidates.Add(new Candidate(g, preferred, bonus));
            else
                it.Candidates[at] = new Candidate(g, preferred || it.Candidates[at].Preferred, Math.Max(bonus, it.Candidates[at].Bonus));
        }
    }

    // ---------------------------------------------------------------- choice

    /// <summary>What the other places, organisations and people of the article say: countries, provinces and points, weighted by mentions.</summary>
    private sealed class Context
    {
        private readonly Dictionary<string, int> _countries = new(StringComparer.Ordinal);
        private readonly Dictionary<string, int> _admin1 = new(StringComparer.Ordinal);
        private readonly List<(double Lat, double Lon, Item Owner)> _points = [];

        public void Add(Item it, int sign)
        {
            var weight = Math.Max(1, it.Entity.Mentions.Length) * sign;
            if (it.SureCountry is { } c)
                AddCountry(c, weight);
            if (it.SureAdmin1 is { } a)
                Bump(_admin1, a, weight);
            if (it.SurePoint is { } p)
            {
                if (sign > 0)
                    _points.Add((p.Lat, p.Lon, it));
                else
                    _points.RemoveAll(x => x.Owner == it);
            }
        }

        public void AddCountry(string country, int weight) => Bump(_countries, country, weight);

        public bool HasCountry(string? country) => country is not null && _countries.GetValueOrDefault(country) > 0;

        public bool HasAdmin1(string admin1Key) => admin1Key.Length > 0 && _admin1.GetValueOrDefault(admin1Key) > 0;

        public bool IsNear(GeoRecord r) => NearestKm(r) <= NearKm;

        /// <summary>Distance to the nearest point of the other places (infinity when there is none).</summary>
        public double NearestKm(GeoRecord r)
        {
            var nearest = double.PositiveInfinity;
            foreach (var (lat, lon, _) in _points)
                nearest = Math.Min(nearest, Distance.Km(lat, lon, r.Lat, r.Lon));
            return nearest;
        }

        private static void Bump(Dictionary<string, int> d, string key, int weight) => d[key] = d.GetValueOrDefault(key) + weight;
    }

    private static void Choose(Item it, Context context)
    {
        Choose(it, it.Candidates, context);
        if (it.Chosen is null && it.Named.Count > 0)
        {
            Choose(it, it.Named, context);
            it.NamedFallback = it.Chosen is not null;
        }
    }

    private static void Choose(Item it, List<Candidate> candidates, Context context)
    {
        GeoRecord? best = null, plain = null;
        int bestScore = int.MinValue, plainScore = int.MinValue;
        var bestKm = double.PositiveInfinity;
        bool bestAdmin1 = false, bestCountry = false, bestNear = false;
        foreach (var (r, preferred, bonus) in candidates)
        {
            var inCountry = context.HasCountry(r.Country);
            var inAdmin1 = r.Kind != "country" && context.HasAdmin1(AdminKey(r));
            // A village or neighbourhood only in a country the article speaks of, or after its own trigger word.
            if (!r.Major && (it.Feature is null || candidates == it.Named) && !inCountry && r.Id != it.Entity.LinkId)
                continue;
            var near = !IsArea(r) && context.IsNear(r);
            // «إقليم كردستان» names the Iraqi region; «كردستان» alone (the Iranian province) only if nothing has the full name.
            var score = KindScore(r) + (preferred ? 2 : 0) + (r.Major ? 0 : -40) + (r.Id == it.Entity.LinkId ? 3 : 0) + bonus;
            if (score > plainScore)
            {
                plainScore = score;
                plain = r;
            }
            score += (inAdmin1 ? 35 : 0) + (inCountry ? 30 : 0) + (near ? 20 : 0);
            // On a tie (two villages of one name in one province), the one nearer the article's other places.
            var km = score >= bestScore && !IsArea(r) ? context.NearestKm(r) : double.PositiveInfinity;
            if (score > bestScore || (score == bestScore && km < bestKm))
            {
                bestScore = score;
                bestKm = km;
                best = r;
                (bestAdmin1, bestCountry, bestNear) = (inAdmin1, inCountry, near);
            }
        }
        it.Chosen = best;
        if (best is null)
            return;
        it.By = it.Feature is not null ? "geo:feature"
            : candidates.Count == 1 || best == plain ? "geo:name"
            : bestAdmin1 ? "geo:context-admin1"
            : bestCountry ? "geo:context-country"
            : bestNear ? "geo:context-near"
            : "geo:name";
    }

    /// <summary>Preference among records of one name when context does not decide: kind, then population (as the linker ranks them).</summary>
    private static int KindScore(GeoRecord r) => r.Kind switch
    {
        "country" => 80,
        "capital" => 70,
        "region" or "continent" or "sea" or "ocean" or "river" or "strait" or "canal" => 60,
        "city" => 55,
        "province" => 52,
        "air base" or "airport" or "military base" => 50,
        "district" => 45,
        "town" => 40,
        "subdistrict" => 35,
        "village" => 20,
        _ => 10,
    } + (int)Math.Min(9, Math.Log10(r.Population + 1));

    private static string AdminKey(GeoRecord r) => r.Admin1Key;

    /// <summary>Places too large for their point to say where the article is.</summary>
    private static bool IsArea(GeoRecord r) => r.Kind is "country" or "province" or "region" or "sea" or "ocean" or "continent" or "river";

    // ---------------------------------------------------------------- output

    private static Place ToPlace(GeoRecord r, Item it)
    {
        var (kind, precision) = r.Kind switch
        {
            "country" => ("country", "country"),
            "province" => ("admin1", "admin1"),
            "capital" or "city" => ("city", "exact"),
            "subdistrict" or "district" => ("district", "exact"),
            "air base" or "military base" => ("base", "exact"),
            var k => (k, "exact"),
        };
        return new Place(r.Lat, r.Lon, r.Country, r.Kind == "country" ? null : r.Admin1, kind, precision, r.Id, it.By);
    }

    /// <summary>A facility the gazetteer lacks, at the town it is named after (مطار أبها → أبها), precision <c>city</c>.</summary>
    private static Place NamedPlace(GeoRecord town, string feature) =>
        new(town.Lat, town.Lon, town.Country, town.Admin1, FacilityKinds.PlaceKind(feature), "city", town.Id, "geo:fallback-named-town");

    /// <summary>The word right before <paramref name="start"/> in the body (over spaces), or null at a line or sentence break.</summary>
    private static string? PrecedingWord(string body, int start)
    {
        var end = start;
        while (end > 0 && body[end - 1] is ' ' or '\t' or '\u00A0')
            end--;
        var from = end;
        while (from > 0 && char.IsLetter(body[from - 1]))
            from--;
        return from < end && end - from <= 12 ? body[from..end] : null;
    }

    /// <summary>The chosen cities, towns and capitals with their mention offsets: the places a neighbourhood can fall back to.</summary>
    private static List<(Item Item, GeoRecord City)> Cities(List<Item> items)
    {
        var cities = new List<(Item, GeoRecord)>();
        foreach (var it in items)
        {
            if (it.Chosen is { Kind: "city" or "capital" or "town" } r)
                cities.Add((it, r));
        }
        return cities;
    }

    /// <summary>A neighbourhood of the gazetteer more than 30 km from the city its sentence names is a namesake elsewhere (حي الثورة of Baghdad in a Mosul story).</summary>
    private static bool FarFromItsCity(Item it, GeoRecord r, List<(Item Item, GeoRecord City)> cities, ImmutableArray<Sentence> sentences) =>
        r.Kind == "neighbourhood" && LocalCity(it, cities, sentences) is { } city && Distance.Km(city.Lat, city.Lon, r.Lat, r.Lon) > NeighbourhoodKm;

    /// <summary>The city mention nearest to one of the item's mentions in the same sentence (a city after it counts a little nearer).</summary>
    private static GeoRecord? LocalCity(Item it, List<(Item Item, GeoRecord City)> cities, ImmutableArray<Sentence> sentences)
    {
        GeoRecord? city = null;
        var bestDistance = int.MaxValue;
        foreach (var m in it.Entity.Mentions)
        {
            var (from, to) = SentenceOf(sentences, m.Start);
            foreach (var (c, r) in cities)
            {
                foreach (var cm in c.Entity.Mentions)
                {
                    if (cm.Start < from || cm.Start >= to)
                        continue;
                    // «في حي التنك بالموصل»: the city after the neighbourhood names its place.
                    var d = cm.Start >= m.End ? cm.Start - m.End : (m.Start - cm.End) + 20;
                    if (d < bestDistance)
                    {
                        bestDistance = d;
                        city = r;
                    }
                }
            }
        }
        return city;
    }

    /// <summary>
    /// A neighbourhood, street or square the gazetteer lacks, placed in its city: the nearest city mention in its sentence
    /// (after it first: «حي التنك في الموصل»), else the article's dominant city (most mentions, first named on a tie).
    /// </summary>
    private static Place? Fallback(Item it, List<(Item Item, GeoRecord City)> cities, ImmutableArray<Sentence> sentences)
    {
        if (it.Feature is not { } feature || !FacilityKinds.IsInCity(feature) || cities.Count == 0 || it.Entity.Mentions.IsDefaultOrEmpty)
            return null;
        var city = LocalCity(it, cities, sentences);
        var by = "geo:fallback-city";
        if (city is null)
        {
            var most = 0;
            var firstAt = int.MaxValue;
            foreach (var (c, r) in cities)
            {
                var n = c.Entity.Mentions.Length;
                var at = c.Entity.Mentions.IsDefaultOrEmpty ? int.MaxValue : c.Entity.Mentions[0].Start;
                if (n > most || (n == most && at < firstAt))
                {
                    most = n;
                    firstAt = at;
                    city = r;
                }
            }
            by = "geo:fallback-dominant-city";
        }
        return city is null ? null
            : new Place(city.Lat, city.Lon, city.Country, city.Admin1, FacilityKinds.PlaceKind(feature), "city", city.Id, by);
    }

    private static (int From, int To) SentenceOf(ImmutableArray<Sentence> sentences, int offset)
    {
        if (sentences.IsDefaultOrEmpty)
            return (0, int.MaxValue);
        foreach (var s in sentences)
        {
            if (offset >= s.Start && offset < s.End)
                return (s.Start, s.End);
        }
        return (offset, offset);
    }
}

/// <summary>The trigger kinds that name a kind of facility or part of a city, and the gazetteer kinds each fits.</summary>
internal static class FacilityKinds
{
    public static bool IsFacility(string kind) => kind is "neighbourhood" or "military base" or "air base" or "airport" or "camp" or "street"
        or "square" or "stadium" or "prison" or "port" or "border crossing" or "dam";

    /// <summary>Kinds that lie inside a city, so a city is a fair fallback for their point.</summary>
    public static bool IsInCity(string kind) => kind is "neighbourhood" or "street" or "square" or "stadium";

    public static bool Fits(string trigger, string kind) => trigger switch
    {
        "military base" or "air base" => kind is "air base" or "military base",
        "airport" => kind is "airport" or "air base",
        "neighbourhood" => kind == "neighbourhood",
        _ => kind == trigger,
    };

    /// <summary>The word the gazetteer's names of this kind of facility start with, or null.</summary>
    public static string? TriggerWord(string kind) => kind switch
    {
        "military base" or "air base" => "قاعدة",
        "airport" => "مطار",
        _ => null,
    };

    public static string PlaceKind(string trigger) => trigger switch
    {
        "military base" or "air base" => "base",
        _ => trigger,
    };
}

/// <summary>Great-circle distances.</summary>
internal static class Distance
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Haversine distance in kilometres between two WGS84 points.</summary>
    public static double Km(double lat1, double lon1, double lat2, double lon2)
    {
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2)
            + Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
