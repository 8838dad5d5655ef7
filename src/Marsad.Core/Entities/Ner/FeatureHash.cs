using System.Runtime.CompilerServices;

namespace Marsad.Entities.Ner;

/// <summary>A token's [Start, End) in the text the tagger reads.</summary>
public readonly record struct TokenRange(int Start, int End);

/// <summary>
/// 64-bit hashes for features: FNV-1a over the characters of a (normalised) span, and a
/// murmur-style finaliser to combine a template id with one or more values. Feature strings are
/// never built; a feature is the hash of (template, value…). Collisions over ~10⁶ features are
/// negligible at 64 bits.
/// </summary>
public static class FeatureHash
{
    private const ulong Offset = 14695981039346656037UL;
    private const ulong Prime = 1099511628211UL;

    /// <summary>Hash of an empty or absent value (padding beyond the sentence).</summary>
    public const ulong None = 0x5bd1e9955bd1e995UL;

    /// <summary>FNV-1a over the UTF-16 code units of <paramref name="text"/>.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public static ulong Of(ReadOnlySpan<char> text)
    {
        var h = Offset;
        foreach (var c in text)
        {
            h ^= c;
            h *= Prime;
        }
        return h;
    }

    /// <summary>Combines two values (order matters).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b) => Fmix((a * 0x9E3779B97F4A7C15UL) ^ (b + 0x632BE59BD9B4E019UL + (a << 6) + (a >> 2)));

    /// <summary>Combines three values.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Mix(ulong a, ulong b, ulong c) => Mix(Mix(a, b), c);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Fmix(ulong k)
    {
        k ^= k >> 33;
        k *= 0xff51afd7ed558ccdUL;
        k ^= k >> 33;
        k *= 0xc4ceb9fe1a85ec53UL;
        k ^= k >> 33;
        return k;
    }
}

/// <summary>
/// An open-addressing map from 64-bit keys to 64-bit values (linear probing, power-of-two capacity, key 0
/// reserved as empty — a zero key is stored as 1). Built once, then read-only and thread-safe.
/// </summary>
public sealed class ULongIntMap
{
    private readonly ulong[] _keys;
    private readonly long[] _values;
    private readonly int _mask;

    public ULongIntMap(int capacity)
    {
        var size = 16;
        while (size < capacity * 2)
            size <<= 1;
        _keys = new ulong[size];
        _values = new long[size];
        _mask = size - 1;
    }

    /// <summary>Number of keys stored.</summary>
    public int Count { get; private set; }

    /// <summary>Adds or replaces a key (not thread-safe; call only while building).</summary>
    public void Set(ulong key, long value)
    {
        if (key == 0)
            key = 1;
        var i = (int)(key ^ (key >> 29)) & _mask;
        while (true)
        {
            var k = _keys[i];
            if (k == key)
            {
                _values[i] = value;
                return;
            }
            if (k == 0)
            {
                if (Count * 2 >= _keys.Length)
                    throw new InvalidOperationException("map is full");
                _keys[i] = key;
                _values[i] = value;
                Count++;
                return;
            }
            i = (i + 1) & _mask;
        }
    }

    /// <summary>The value of <paramref name="key"/>, or <paramref name="missing"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public long Get(ulong key, long missing = -1)
    {
        if (key == 0)
            key = 1;
        var keys = _keys;
        var i = (int)(key ^ (key >> 29)) & _mask;
        while (true)
        {
            var k = keys[i];
            if (k == key)
                return _values[i];
            if (k == 0)
                return missing;
            i = (i + 1) & _mask;
        }
    }
}
