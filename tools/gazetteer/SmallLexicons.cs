using System.Globalization;
using System.Text;

namespace Marsad.Gazetteer;

/// <summary>The smaller lexicons: people, nationalities, titles, trigger and description heads, name tokens, common words.</summary>
internal sealed class SmallLexicons(string shared, string curated)
{
    private string Gazetteer => Path.Combine(shared, "data", "gazetteer");

    /// <summary>Notable people (ArWikiCats): names of two words or more, so a bare given name never links.</summary>
    public (string Text, int Count) People()
    {
        var t = Tsv.Read(Path.Combine(Gazetteer, "arwikicats_people_en_ar.tsv"));
        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            if (NameText.CleanArabic(t.Get(row, "ar")) is not { } name || NameText.TokenCount(name) < 2 || NameText.TokenCount(name) > 6)
                continue;
            var id = "wc:" + NameText.Slug(t.Get(row, "en"));
            if (id.Length <= 3 || !keys.Add(NameText.Key(name)))
                continue;
            if (!rows.TryGetValue(id, out var names))
                rows[id] = names = [];
            names.Add(name);
        }
        var sb = new StringBuilder("# people: id\tnames. Source: ArWikiCats peoples.json (MIT).\n");
        foreach (var (id, names) in rows)
            sb.Append(id).Append('\t').AppendJoin('|', names).Append('\n');
        return (sb.ToString(), rows.Count);
    }

    /// <summary>Nationality adjectives → country: every listed form plus the oblique plural (عراقيين) of the -ي adjectives.</summary>
    public (string Text, int Count) Nationalities()
    {
        var groups = new SortedDictionary<string, (string Country, List<string> Forms, HashSet<string> Keys)>(StringComparer.Ordinal);
        void Add(string iso, string countryAr, string? form)
        {
            if (form is null || NameText.CleanArabic(form) is not { } clean)
                return;
            var groupKey = iso.Length > 0 ? iso : "~" + NameText.Key(countryAr.Length > 0 ? countryAr : clean);
            if (!groups.TryGetValue(groupKey, out var g))
                groups[groupKey] = g = (countryAr, [], new HashSet<string>(StringComparer.Ordinal));
            if (clean.StartsWith("ال", StringComparison.Ordinal) && clean.Length > 4)
                clean = clean[2..];
            if (g.Keys.Add(NameText.Key(clean)))
                g.Forms.Add(clean);
        }
        var t = Tsv.Read(Path.Combine(Gazetteer, "nationalities_ar.tsv"));
        foreach (var row in t.Rows)
        {
            var iso = t.Get(row, "iso2");
            var country = t.Get(row, "country_ar");
            foreach (var col in (ReadOnlySpan<string>)["ar_m_sg", "ar_f_sg", "ar_m_pl", "ar_f_pl"])
            {
                var form = t.Get(row, col);
                if (form.Contains(' ', StringComparison.Ordinal))
                    continue;
                Add(iso, country, form);
                if (col == "ar_m_sg" && form.EndsWith('ي'))
                {
                    Add(iso, country, form + "ين");
                    Add(iso, country, form + "ون");
                }
            }
        }
        var extra = Tsv.Read(Path.Combine(curated, "nationalities_extra.tsv"));
        foreach (var row in extra.Rows)
        {
            foreach (var f in extra.GetList(row, "forms"))
                Add(extra.Get(row, "iso2"), extra.Get(row, "country_ar"), f);
        }
        var sb = new StringBuilder("# nationalities: iso2 (empty: no state)\tcountry\tforms (indefinite; the article is stripped when matching). Sources: ArWikiCats nationalities (MIT), Marsad curated (CC0).\n");
        foreach (var (key, g) in groups)
            sb.Append(key.StartsWith('~') ? "" : key).Append('\t').Append(g.Country).Append('\t').AppendJoin('|', g.Forms).Append('\n');
        return (sb.ToString(), groups.Count);
    }

    /// <summary>Titles, ranks and honorifics (the shared curated seed list), every written form with its category.</summary>
    public (string Text, int Count) Titles()
    {
        var t = Tsv.Read(Path.Combine(Gazetteer, "curated", "arabic_titles_honorifics_seed.tsv"));
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in t.Rows)
        {
            var category = t.Get(row, "category");
            foreach (var f in t.GetList(row, "definite_form").Prepend(t.Get(row, "form")))
            {
                if (f.Length > 0)
                    lines.Add(category + "\t" + f);
            }
        }
        var sb = new StringBuilder("# titles: category\tform. Source: arabic_titles_honorifics_seed.tsv (CC0).\n");
        foreach (var l in lines)
            sb.Append(l).Append('\n');
        return (sb.ToString(), lines.Count);
    }

    /// <summary>Trigger heads (organisation and place) and person-description heads, from the Marsad curated lists.</summary>
    public (string Text, int Count) Heads()
    {
        var lines = new List<string>();
        var t = Tsv.Read(Path.Combine(curated, "triggers.tsv"));
        foreach (var row in t.Rows)
            lines.Add(t.Get(row, "use") + "\t" + t.Get(row, "kind") + "\t" + t.Get(row, "form"));
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var h in Tsv.Lines(Path.Combine(curated, "person_heads.txt")))
        {
            if (seen.Add(NameText.Key(h)))
                lines.Add("person\t\t" + h);
        }
        // Person heads taken from the agents dictionary's first words, as the curated allow-list selects them.
        var agentHeads = new HashSet<string>(AgentFirstWords().Select(NameText.Key), StringComparer.Ordinal);
        foreach (var h in Tsv.Lines(Path.Combine(curated, "agent_person_heads.txt")))
        {
            if (agentHeads.Contains(NameText.Key(h)) && seen.Add(NameText.Key(h)))
                lines.Add("person\t\t" + h);
        }
        var sb = new StringBuilder("# heads: use\tkind\tform. Sources: Marsad curated (CC0); person heads also from UniversalPetrarch agents.all.ar_v3.txt (MIT).\n");
        foreach (var l in lines)
            sb.Append(l).Append('\n');
        return (sb.ToString(), lines.Count);
    }

    private IEnumerable<string> AgentFirstWords()
    {
        foreach (var raw in File.ReadLines(Path.Combine(shared, "data", "events", "arabic", "agents.all.ar_v3.txt"), Encoding.UTF8))
        {
            var line = raw.Trim();
            var open = line.IndexOf('[', StringComparison.Ordinal);
            if (line.StartsWith('#') || open <= 0)
                continue;
            var first = line[..open].Split('_', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is not null)
                yield return first;
        }
    }

    /// <summary>
    /// Personal-name words with their evidence: g = given name, f = family name (AKhateeb/arabic-names, MIT),
    /// w = Wikidata person-name token with its count (NETransliteration, CC0), t = Wikipedia name token (google/transliteration, Apache-2.0).
    /// </summary>
    public (string Text, int Count) NameTokens()
    {
        var tokens = new SortedDictionary<string, (SortedSet<char> Flags, int Count)>(StringComparer.Ordinal);
        void Add(string raw, char flag, int count)
        {
            if (NameText.CleanArabic(raw) is not { } clean || clean.Contains(' ', StringComparison.Ordinal))
                return;
            var key = NameText.Key(clean);
            if (key.Length < 2)
                return;
            if (!tokens.TryGetValue(key, out var e))
                e = (new SortedSet<char>(), 0);
            e.Flags.Add(flag);
            tokens[key] = (e.Flags, e.Count + count);
        }
        var names = Path.Combine(Gazetteer, "names");
        foreach (var l in Tsv.Lines(Path.Combine(names, "arabic_male_first_names.txt")))
            Add(l, 'g', 0);
        foreach (var l in Tsv.Lines(Path.Combine(names, "arabic_female_first_names.txt")))
            Add(l, 'g', 0);
        foreach (var l in Tsv.Lines(Path.Combine(names, "arabic_family_names.txt")))
            Add(l, 'f', 0);
        var wd = Tsv.Read(Path.Combine(names, "wikidata_name_tokens_en_ar.tsv"));
        foreach (var row in wd.Rows)
            Add(wd.Get(row, "ar"), 'w', int.TryParse(wd.Get(row, "count"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var c) ? c : 1);
        var g = Tsv.Read(Path.Combine(names, "ar_en_transliteration_pairs_google.tsv"));
        foreach (var row in g.Rows)
            Add(g.Get(row, "ar"), 't', 0);
        var sb = new StringBuilder("# names: normalised word\tflags (g given, f family, w Wikidata, t Wikipedia)\tWikidata count. Sources: AKhateeb/arabic-names (MIT), NETransliteration-COLING2018 Wikidata tokens (CC0), google/transliteration (Apache-2.0).\n");
        foreach (var (key, e) in tokens)
            sb.Append(key).Append('\t').Append(string.Concat(e.Flags)).Append('\t').Append(e.Count.ToString(CultureInfo.InvariantCulture)).Append('\n');
        return (sb.ToString(), tokens.Count);
    }

    /// <summary>Stop words (mohataher, stopwords-iso; MIT) flagged <c>s</c>, and the Marsad common-word list flagged <c>c</c>; normalised.</summary>
    public (string Text, int Count) CommonWords()
    {
        var words = new SortedDictionary<string, char>(StringComparer.Ordinal);
        foreach (var file in (ReadOnlySpan<string>)["arabic_stopwords_mohataher.txt", "arabic_stopwords_iso.txt"])
        {
            foreach (var l in Tsv.Lines(Path.Combine(Gazetteer, "stopwords", file)))
            {
                var key = NameText.Key(l);
                if (key.Length > 0)
                    words[key] = 's';
            }
        }
        foreach (var l in Tsv.Lines(Path.Combine(curated, "common_words.txt")))
        {
            var key = NameText.Key(l);
            if (key.Length > 0)
                words.TryAdd(key, 'c');
        }
        foreach (var l in Tsv.Lines(Path.Combine(curated, "person_names_not_places.txt")))
        {
            var key = NameText.Key(l);
            if (key.Length > 0)
                words.TryAdd(key, 'p');
        }
        var sb = new StringBuilder("# common: normalised word\ts = stop word, c = common word, p = a person name more than a place; such names are matched only with context. Sources: mohataher/arabic-stop-words (MIT), stopwords-iso (MIT), Marsad curated (CC0).\n");
        foreach (var (w, flag) in words)
            sb.Append(w).Append('\t').Append(flag).Append('\n');
        return (sb.ToString(), words.Count);
    }
}
