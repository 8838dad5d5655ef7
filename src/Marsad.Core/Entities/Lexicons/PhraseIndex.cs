using System.Collections.Frozen;

namespace Marsad.Entities.Lexicons;

/// <summary>
/// A token trie over normalised words, kept as two frozen hash tables: each complete phrase
/// (<c>"word word …"</c>, single spaces) with its payload, and each proper prefix of a phrase.
/// Lookups take spans (<see cref="FrozenDictionary{TKey,TValue}.GetAlternateLookup{TAlternateKey}"/>), so
/// matching a document allocates nothing. Built once; read-only and thread-safe afterwards.
/// </summary>
internal sealed class PhraseIndex<T>
{
    private readonly FrozenDictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _phrases;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _firstWords;
    private readonly HashSet<string> _firstWordList;

    private PhraseIndex(Dictionary<string, T> phrases)
    {
        var prefixes = new HashSet<string>(StringComparer.Ordinal);
        var firstWords = new HashSet<string>(StringComparer.Ordinal);
        var maxWords = 0;
        foreach (var key in phrases.Keys)
        {
            var space = key.IndexOf(' ', StringComparison.Ordinal);
            firstWords.Add(space < 0 ? key : key[..space]);
            var words = 1;
            for (var i = key.IndexOf(' ', StringComparison.Ordinal); i >= 0; i = key.IndexOf(' ', i + 1))
            {
                prefixes.Add(key[..i]);
                words++;
            }
            maxWords = Math.Max(maxWords, words);
        }
        MaxWords = maxWords;
        Count = phrases.Count;
        _phrases = phrases.ToFrozenDictionary(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _prefixes = prefixes.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWords = firstWords.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();
        _firstWordList = firstWords;
    }

    /// <summary>The words phrases start with.</summary>
    public IEnumerable<string> FirstWords => _firstWordList;

    /// <summary>True when some phrase starts with the word <paramref name="word"/>: one lookup that rules most words out.</summary>
    public bool StartsAPhrase(ReadOnlySpan<char> word) => _firstWords.Contains(word);

    /// <summary>The most words in one phrase.</summary>
    public int MaxWords { get; }

    public int Count { get; }

    public bool TryGet(ReadOnlySpan<char> phrase, out T value) => _phrases.TryGetValue(phrase, out value!);

    /// <summary>True when some longer phrase starts with <paramref name="phrase"/> followed by a space.</summary>
    public bool IsPrefix(ReadOnlySpan<char> phrase) => _prefixes.Contains(phrase);

    /// <summary>Collects phrases; <see cref="Build"/> freezes them.</summary>
    public sealed class Builder(Func<T, T, T> merge)
    {
        private readonly Dictionary<string, T> _phrases = new(StringComparer.Ordinal);

        public void Add(string phrase, T value)
        {
            if (phrase.Length == 0)
                return;
            _phrases[phrase] = _phrases.TryGetValue(phrase, out var existing) ? merge(existing, value) : value;
        }

        public PhraseIndex<T> Build() => new(_phrases);
    }
}
