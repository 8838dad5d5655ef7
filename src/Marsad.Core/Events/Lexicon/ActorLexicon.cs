using System.Collections.Frozen;

namespace Marsad.Events.Lexicon;

/// <summary>What an actor dictionary entry names.</summary>
public enum ActorKind
{
    Country,
    /// <summary>A capital used for its state («واشنطن», «طهران»).</summary>
    Capital,
    /// <summary>A nationality adjective or plural («العراقية», «الأميركيون»).</summary>
    Nationality,
    Organisation,
    /// <summary>A sector word (قوات، شرطة، حكومة، متظاهرون …).</summary>
    Agent,
}

/// <summary>One phrase of the actor dictionary.</summary>
public sealed record ActorEntry(string Key, ActorKind Kind, string Code, string? Country, string? Sector, bool Head, bool NeedsDefinite, string Canonical)
{
    public int Words { get; } = Key.Count(c => c == ' ') + 1;
}

/// <summary>
/// The compiled actor dictionary (<c>Events/Data/actors.tsv</c>, from tools/events/compile_actors.py): countries,
/// capitals, nationalities, organisations with GDELT/Phoenix-style codes, and sector agents. Keys are
/// normalised words without the article, space-separated. Built once; thread-safe.
/// </summary>
public sealed class ActorLexicon
{
    private readonly FrozenDictionary<string, ActorEntry> _entries;
    private readonly FrozenDictionary<string, ActorEntry>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly FrozenDictionary<string, int> _maxWords;
    private readonly FrozenDictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _maxLookup;

    public static ActorLexicon Default { get; } = new(Load());

    public ActorLexicon(IEnumerable<ActorEntry> entries)
    {
        var d = new Dictionary<string, ActorEntry>(StringComparer.Ordinal);
        var max = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var e in entries)
        {
            d[e.Key] = e;
            var first = e.Key.Split(' ')[0];
            max[first] = Math.Max(max.GetValueOrDefault(first), e.Words);
        }
        _entries = d.ToFrozenDictionary(StringComparer.Ordinal);
        _lookup = _entries.GetAlternateLookup<ReadOnlySpan<char>>();
        _maxWords = max.ToFrozenDictionary(StringComparer.Ordinal);
        _maxLookup = _maxWords.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _entries.Count;

    public IEnumerable<ActorEntry> Entries => _entries.Values;

    /// <summary>The longest phrase length (in words) starting with <paramref name="firstWord"/>, or 0 when no phrase starts with it.</summary>
    public int MaxWords(ReadOnlySpan<char> firstWord) => _maxLookup.TryGetValue(firstWord, out var n) ? n : 0;

    public bool TryGet(ReadOnlySpan<char> key, out ActorEntry entry) => _lookup.TryGetValue(key, out entry!);

    /// <summary>Every word of every key (for the proclitic splitter).</summary>
    public IEnumerable<string> AllWords() => _entries.Keys.SelectMany(k => k.Split(' '));

    private static IEnumerable<ActorEntry> Load()
    {
        foreach (var (line, c) in EventData.Rows("actors.tsv"))
        {
            if (c.Length < 8)
                throw new InvalidDataException($"actors.tsv:{line}: expected 8 columns");
            var kind = c[1] switch
            {
                "country" => ActorKind.Country,
                "capital" => ActorKind.Capital,
                "nationality" => ActorKind.Nationality,
                "org" => ActorKind.Organisation,
                "agent" => ActorKind.Agent,
                _ => throw new InvalidDataException($"actors.tsv:{line}: unknown kind {c[1]}"),
            };
            yield return new ActorEntry(c[0], kind, c[2], c[3].Length == 0 ? null : c[3], c[4].Length == 0 ? null : c[4], c[5] == "1",
                c[6].Split(',').Contains("def"), c[7]);
        }
    }
}
