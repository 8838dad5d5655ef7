using System.Collections.Frozen;
using System.Collections.Immutable;
using System.Globalization;
using Marsad.Model;
using Marsad.Text;

namespace Marsad.Entities.Lexicons;

/// <summary>A place, organisation or person the lexicon knows: its id in the source list and its names (first = display name).</summary>
internal sealed class LexRecord
{
    public required string Id { get; init; }
    public required EntityType Type { get; init; }
    public required string Kind { get; init; }
    public string? Country { get; init; }
    public required ImmutableArray<string> Names { get; init; }
    /// <summary>The <see cref="EntityLexicon.Key"/> of each name.</summary>
    public ImmutableArray<string> NameKeys { get; set; } = [];
    /// <summary>Matched anywhere (countries, provinces, cities, curated lists); minor places (villages, neighbourhoods) need a trigger word.</summary>
    public bool Major { get; init; }
    public long Population { get; init; }

    public string Display => Names[0];
}

[Flags]
internal enum NameFlags : byte
{
    None = 0,
    /// <summary>The record's display name (not a variant or alias).</summary>
    Preferred = 1,
    /// <summary>The name is also a common word or phrase (عنه، القاعدة، الشباب): matched only with context.</summary>
    Common = 2,
    /// <summary>A Latin-script alias (ISIS, CNN).</summary>
    Latin = 4,
}

/// <summary>One record a name can refer to.</summary>
internal readonly record struct NameRef(int Record, NameFlags Flags);

/// <summary>How a head word introduces a name (see tools/gazetteer/curated/triggers.tsv).</summary>
internal enum HeadUse : byte { Person, Org, OrgWeak, OrgClassifier, Place, PlaceOpen, PlaceClassifier, PlacePlural, Compound }

/// <summary>A trigger or description head: how it introduces a name, and the kind it gives.</summary>
internal readonly record struct Head(HeadUse Use, string? Kind);

internal enum TitleCategory : byte { Office, Royal, Honorific, Religious, Rank, Modifier }

/// <summary>A nationality adjective: the country it points to (null for «عربي», «كردي» …) and whether the form is masculine singular.</summary>
internal sealed record Nationality(string? Country, string CountryName, bool MasculineSingular);

[Flags]
internal enum NameTokenFlags : byte { None = 0, Given = 1, Family = 2, Wikidata = 4, Wikipedia = 8 }

/// <summary>Evidence that a word is part of personal names.</summary>
internal readonly record struct NameToken(NameTokenFlags Flags, int Count)
{
    /// <summary>Listed as a given name, or frequent among Wikidata person names: may start a name without a title.</summary>
    public bool IsGiven => (Flags & NameTokenFlags.Given) != 0 || Count >= 10;

    /// <summary>A very frequent given name (محمد، جون): never taken as a family name on its own.</summary>
    public bool IsFrequentGiven => Count >= 300;
}

/// <summary>
/// Every lexicon the entity stages use, loaded once from the embedded resources (see tools/gazetteer):
/// names of places, organisations and people in one token trie, titles, trigger heads, nationality
/// adjectives, personal-name words and common words. Immutable and thread-safe.
/// </summary>
internal sealed class EntityLexicon
{
    private static readonly Lazy<EntityLexicon> Instance = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly FrozenDictionary<string, Head>.AlternateLookup<ReadOnlySpan<char>> _heads;
    private readonly FrozenDictionary<string, Nationality>.AlternateLookup<ReadOnlySpan<char>> _nationalities;
    private readonly FrozenDictionary<string, NameToken>.AlternateLookup<ReadOnlySpan<char>> _nameTokens;
    private readonly FrozenDictionary<string, char>.AlternateLookup<ReadOnlySpan<char>> _common;

    private EntityLexicon(
        ImmutableArray<LexRecord> records, PhraseIndex<NameRef[]> names, PhraseIndex<TitleCategory> titles,
        Dictionary<string, Head> heads, Dictionary<string, Nationality> nationalities, Dictionary<string, NameToken> nameTokens, Dictionary<string, char> common)
    {
        Records = records;
        Names = names;
        Titles = titles;
        _heads = heads.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _nationalities = nationalities.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _nameTokens = nameTokens.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _common = common.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>The lexicon, loaded on first use.</summary>
    public static EntityLexicon Shared => Instance.Value;

    public ImmutableArray<LexRecord> Records { get; }

    /// <summary>Names of places, organisations and people → the records they can refer to.</summary>
    public PhraseIndex<NameRef[]> Names { get; }

    /// <summary>Titles, ranks and honorifics (normalised, as written: «الفريق اول ركن», «الشيخ»).</summary>
    public PhraseIndex<TitleCategory> Titles { get; }

    /// <summary>True when the normalised word or phrase is a common word (stop word or curated common word).</summary>
    public bool IsCommon(ReadOnlySpan<char> key) => _common.TryGetValue(key, out var flag) && flag != 'p';

    /// <summary>True when the normalised word is a stop word (function words: في، الذي، أمس …).</summary>
    public bool IsStopword(ReadOnlySpan<char> key) => _common.TryGetValue(key, out var flag) && flag == 's';

    /// <summary>True when a word is known as a word of the language or of names, so a proclitic reading of it is not tried (بلير is not ب + لير).</summary>
    public bool IsKnownWord(ReadOnlySpan<char> key) => _common.ContainsKey(key) || _nameTokens.ContainsKey(key);

    public bool TryNameToken(ReadOnlySpan<char> key, out NameToken token) => _nameTokens.TryGetValue(key, out token);

    /// <summary>The nationality adjective a word is (العراقي، والأميركية، للسعوديين), reading off proclitics and the article.</summary>
    public bool TryNationality(ReadOnlySpan<char> key, out Nationality nationality)
    {
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[key.Length + 2];
        var n = Proclitics.Variants(key, variants);
        for (var v = 0; v < n; v++)
        {
            var w = buffer[..Proclitics.Write(key, variants[v], buffer)];
            if (w.Length > 4 && w[0] == 'ا' && w[1] == 'ل' && _nationalities.TryGetValue(w[2..], out nationality!))
                return true;
            if (_nationalities.TryGetValue(w, out nationality!))
                return true;
        }
        nationality = null!;
        return false;
    }

    /// <summary>The trigger or description head a word is (وزارة، والوزارة، لزعيم، الناطق), and whether it carries the article.</summary>
    public bool TryHead(ReadOnlySpan<char> key, out Head head, out bool definite) => TryHead(key, out head, out definite, out _);

    /// <summary>As <see cref="TryHead(ReadOnlySpan{char}, out Head, out bool)"/>, with the number of proclitic letters before the head as written.</summary>
    public bool TryHead(ReadOnlySpan<char> key, out Head head, out bool definite, out int strip)
    {
        Span<WordVariant> variants = stackalloc WordVariant[Proclitics.MaxVariants];
        Span<char> buffer = stackalloc char[key.Length + 2];
        var n = Proclitics.Variants(key, variants);
        for (var v = 0; v < n; v++)
        {
            var w = buffer[..Proclitics.Write(key, variants[v], buffer)];
            strip = variants[v].AddArticle ? variants[v].Strip - 2 : variants[v].Strip;
            if (_heads.TryGetValue(w, out head))
            {
                definite = false;
                return true;
            }
            if (w.Length > 4 && w[0] == 'ا' && w[1] == 'ل' && _heads.TryGetValue(w[2..], out head))
            {
                definite = true;
                return true;
            }
        }
        head = default;
        definite = false;
        strip = 0;
        return false;
    }

    private static EntityLexicon Load()
    {
        var records = ImmutableArray.CreateBuilder<LexRecord>();
        foreach (var r in LexiconData.Rows("places.tsv"))
        {
            records.Add(new LexRecord
            {
                Id = r[0], Type = EntityType.LOC, Kind = r[1], Country = r[2].Length == 0 ? null : r[2], Major = r[3] == "A",
                Population = long.Parse(r[4], CultureInfo.InvariantCulture), Names = [.. r[7].Split('|')],
            });
        }
        foreach (var r in LexiconData.Rows("orgs.tsv"))
            records.Add(new LexRecord { Id = r[0], Type = EntityType.ORG, Kind = r[1], Country = r[2].Length == 0 ? null : r[2], Major = true, Names = [.. r[3].Split('|')] });
        foreach (var r in LexiconData.Rows("people.tsv"))
            records.Add(new LexRecord { Id = r[0], Type = EntityType.PER, Kind = "person", Major = true, Names = [.. r[1].Split('|')] });

        var common = new Dictionary<string, char>(StringComparer.Ordinal);
        foreach (var r in LexiconData.Rows("common.tsv"))
            common[r[0]] = r[1][0];

        var names = new PhraseIndex<NameRef[]>.Builder((a, b) => [.. a, .. b]);
        for (var i = 0; i < records.Count; i++)
        {
            var rec = records[i];
            var keys = new string[rec.Names.Length];
            for (var j = 0; j < rec.Names.Length; j++)
            {
                var key = Key(rec.Names[j]);
                keys[j] = key;
                var flags = j == 0 ? NameFlags.Preferred : NameFlags.None;
                if (common.ContainsKey(key))
                    flags |= NameFlags.Common;
                if (rec.Names[j].Length > 0 && rec.Names[j][0] < '\u0600')
                    flags |= NameFlags.Latin;
                names.Add(key, [new NameRef(i, flags)]);
            }
            rec.NameKeys = [.. keys];
        }

        var titles = new PhraseIndex<TitleCategory>.Builder((a, _) => a);
        foreach (var r in LexiconData.Rows("titles.tsv"))
        {
            var category = r[0] switch
            {
                "royal" => TitleCategory.Royal,
                "honorific" => TitleCategory.Honorific,
                "religious" => TitleCategory.Religious,
                "military_rank" => TitleCategory.Rank,
                "rank_modifier" => TitleCategory.Modifier,
                _ => TitleCategory.Office,
            };
            titles.Add(Key(r[1]), category);
        }

        var heads = new Dictionary<string, Head>(StringComparer.Ordinal);
        foreach (var r in LexiconData.Rows("heads.tsv"))
        {
            var use = r[0] switch
            {
                "person" => HeadUse.Person,
                "org" => HeadUse.Org,
                "org-weak" => HeadUse.OrgWeak,
                "org-classifier" => HeadUse.OrgClassifier,
                "place" => HeadUse.Place,
                "place-open" => HeadUse.PlaceOpen,
                "place-classifier" => HeadUse.PlaceClassifier,
                "place-plural" => HeadUse.PlacePlural,
                "compound" => HeadUse.Compound,
                _ => throw new InvalidDataException("heads.tsv: unknown use " + r[0]),
            };
            heads.TryAdd(Key(r[2]), new Head(use, r[1].Length == 0 ? null : r[1]));
        }

        var nationalities = new Dictionary<string, Nationality>(StringComparer.Ordinal);
        foreach (var r in LexiconData.Rows("nationalities.tsv"))
        {
            var forms = r[2].Split('|');
            for (var j = 0; j < forms.Length; j++)
            {
                var key = Key(forms[j]);
                nationalities.TryAdd(key, new Nationality(r[0].Length == 0 ? null : r[0], r[1], key.EndsWith('ي')));
            }
        }

        var nameTokens = new Dictionary<string, NameToken>(StringComparer.Ordinal);
        foreach (var r in LexiconData.Rows("names.tsv"))
        {
            var flags = NameTokenFlags.None;
            foreach (var c in r[1])
            {
                flags |= c switch
                {
                    'g' => NameTokenFlags.Given,
                    'f' => NameTokenFlags.Family,
                    'w' => NameTokenFlags.Wikidata,
                    't' => NameTokenFlags.Wikipedia,
                    _ => NameTokenFlags.None,
                };
            }
            nameTokens[r[0]] = new NameToken(flags, int.Parse(r[2], CultureInfo.InvariantCulture));
        }

        return new EntityLexicon(records.ToImmutable(), names.Build(), titles.Build(), heads, nationalities, nameTokens, common);
    }

    /// <summary>The matching key of a name: <see cref="ArabicNormalizer"/> form, single spaces.</summary>
    public static string Key(string name)
    {
        var n = ArabicNormalizer.Normalize(name);
        return n.Contains("  ", StringComparison.Ordinal) || n.Length != n.Trim().Length
            ? string.Join(' ', n.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            : n;
    }
}
