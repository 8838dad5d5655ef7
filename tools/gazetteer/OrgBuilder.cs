using System.Text;

namespace Marsad.Gazetteer;

/// <summary>Organisations from the curated alias lists: the shared seed list and the Marsad extra list.</summary>
internal sealed class OrgBuilder(string gazetteer, string curated)
{
    private sealed class Org(string id, string kind, string country)
    {
        public string Id { get; } = id;
        public string Kind { get; } = kind;
        public string Country { get; } = country;
        public List<string> Names { get; } = [];
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);

        public void Add(string? name)
        {
            if (name is not null && Keys.Add(NameText.Key(name)))
                Names.Add(name);
        }
    }

    private readonly Dictionary<string, Org> _orgs = new(StringComparer.Ordinal);

    public int Count => _orgs.Count;

    public void Build()
    {
        Read(Path.Combine(gazetteer, "curated", "organisations_aliases_seed.tsv"));
        Read(Path.Combine(curated, "organisations_extra.tsv"));
    }

    public string Write()
    {
        var sb = new StringBuilder();
        sb.Append("# orgs: id\tkind\tcountry\tnames (first = the list's canonical name, then Arabic and Latin aliases). Sources: Marsad curated lists (CC0).\n");
        foreach (var o in _orgs.Values.OrderBy(o => o.Id, StringComparer.Ordinal))
            sb.Append(o.Id).Append('\t').Append(o.Kind).Append('\t').Append(o.Country).Append('\t').AppendJoin('|', o.Names).Append('\n');
        return sb.ToString();
    }

    private void Read(string path)
    {
        var t = Tsv.Read(path);
        foreach (var row in t.Rows)
        {
            var en = t.Get(row, "name_en");
            var id = "org:" + NameText.Slug(en);
            if (!_orgs.TryGetValue(id, out var o))
            {
                o = new Org(id, Kind(t.Get(row, "type")), t.Get(row, "country"));
                _orgs[id] = o;
            }
            o.Add(NameText.CleanArabic(t.Get(row, "canonical_ar")));
            foreach (var a in t.GetList(row, "aliases_ar"))
                o.Add(NameText.CleanArabic(a) ?? CleanMixed(a));
            o.Add(NameText.CleanLatin(en));
            foreach (var a in t.GetList(row, "aliases_en"))
                o.Add(NameText.CleanLatin(a));
        }
    }

    // «فرانس 24», «أ ف ب»: Arabic names with digits or one-letter words are kept as written.
    private static string? CleanMixed(string name) => name.Length >= 2 && !name.Any(c => c is '\t' or '|') ? string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)) : null;

    private static string Kind(string type) => type switch
    {
        "armed_group" or "armed_group_party" => "armed group",
        "armed_group_state" => "state-backed armed group",
        "armed_force_state" => "armed force",
        "government" => "government body",
        "international_org" => "international organisation",
        "international_coalition" => "international coalition",
        "news_agency" => "news agency",
        "broadcaster" => "news outlet",
        "newspaper" => "newspaper",
        "magazine" => "magazine",
        "company" => "company",
        "party" => "party",
        "ngo" => "non-governmental organisation",
        "sports_body" => "sports federation",
        "sports_club" => "club",
        _ => type.Replace('_', ' '),
    };
}
