using System.Collections.Frozen;

namespace Marsad.Events.Lexicon;

/// <summary>
/// Every word the event dictionaries and closed-class lists contain (normalised, without the article): the
/// proclitic splitter takes a و/ب/ل off a word only when the rest is one of them.
/// </summary>
internal sealed class KnownWords
{
    private readonly FrozenSet<string> _words;
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public KnownWords(IEnumerable<string> words)
    {
        _words = words.Where(w => w.Length > 0).ToFrozenSet(StringComparer.Ordinal);
        _lookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _words.Count;

    /// <summary>True when <paramref name="word"/> (or the word without its article) is known.</summary>
    public bool Contains(ReadOnlySpan<char> word) =>
        _lookup.Contains(word) || (word.Length > 3 && word[0] == 'ا' && word[1] == 'ل' && _lookup.Contains(word[2..]));
}
