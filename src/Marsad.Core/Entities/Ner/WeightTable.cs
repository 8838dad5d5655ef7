using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Marsad.Entities.Ner;

/// <summary>
/// The feature weights of a model chain (a stacked model's first and second pass) in one
/// open-addressing table: one 64-byte slot per feature key holds the key and the quantised weights of
/// every model, so a feature shared by both passes costs one probe and one cache line, not two.
/// A parallel array of 16-bit key tags (256 KB for 128k slots, so it stays in the L2 cache) is
/// probed first: most feature keys of a rare word are not in the model, and those are answered
/// from the tags without touching the 64-byte slots. Built once per tagger from the models' own
/// tables; read-only and thread-safe.
/// </summary>
internal sealed class WeightTable
{
    /// <summary>Most weights a slot holds (models × labels).</summary>
    public const int MaxWidth = 28;

    private readonly Slot[] _table;
    private readonly ushort[] _tags;
    private readonly int _mask;

    public WeightTable(IReadOnlyList<NerModel> models)
    {
        Width = models.Count * NerLabels.Count;
        if (Width > MaxWidth)
            throw new ArgumentException("too many models for one table", nameof(models));
        var keys = new HashSet<ulong>();
        foreach (var m in models)
        {
            for (var i = 0; i < m.SlotCount; i++)
            {
                if (m.SlotKey(i) != 0)
                    keys.Add(m.SlotKey(i));
            }
        }
        var size = 16;
        while (size < keys.Count * 3 / 2)
            size <<= 1;
        _table = new Slot[size];
        _tags = new ushort[size];
        _mask = size - 1;
        for (var m = 0; m < models.Count; m++)
        {
            var model = models[m];
            for (var i = 0; i < model.SlotCount; i++)
            {
                var key = model.SlotKey(i);
                if (key == 0)
                    continue;
                var s = Hash(key) & _mask;
                while (_table[s].Key != 0 && _table[s].Key != key)
                    s = (s + 1) & _mask;
                _table[s].Key = key;
                _tags[s] = Tag(key);
                model.SlotWeights(i).CopyTo(((Span<short>)_table[s].Weights).Slice(m * NerLabels.Count, NerLabels.Count));
            }
        }
        Count = keys.Count;
    }

    /// <summary>Weights per key: models × labels.</summary>
    public int Width { get; }

    /// <summary>Distinct feature keys.</summary>
    public int Count { get; }

    /// <summary>Adds the weights of <paramref name="keys"/> to <paramref name="acc"/> (<see cref="Width"/> values: model 0's labels, then model 1's).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Accumulate(ReadOnlySpan<ulong> keys, Span<int> acc)
    {
        var table = _table;
        var tags = _tags;
        var mask = _mask;
        var width = Width;
        acc = acc[..width];
        foreach (var raw in keys)
        {
            var key = raw == 0 ? 1 : raw;
            var tag = Tag(key);
            var s = Hash(key) & mask;
            while (true)
            {
                var t = tags[s];
                if (t == 0)
                    break;
                if (t == tag && table[s].Key == key)
                {
                    ReadOnlySpan<short> w = table[s].Weights;
                    for (var y = 0; y < width; y++)
                        acc[y] += w[y];
                    break;
                }
                s = (s + 1) & mask;
            }
        }
    }

    /// <summary>
    /// Loads the tag and slot each key starts probing at, without acting on them: the loads are
    /// independent, so the CPU overlaps their cache misses, and the <see cref="Accumulate"/> that
    /// follows finds the lines in cache. Returns a value only so the loads are not optimised away.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public ulong Touch(ReadOnlySpan<ulong> keys)
    {
        var table = _table;
        var tags = _tags;
        var mask = _mask;
        ulong sink = 0;
        foreach (var raw in keys)
        {
            var key = raw == 0 ? 1 : raw;
            var s = Hash(key) & mask;
            sink += tags[s] + table[s].Key;
        }
        return sink;
    }

    /// <summary>A non-zero 16-bit tag from bits the slot index does not use.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ushort Tag(ulong key) => (ushort)((key >> 48) | 1);

    // The same hash as NerModel's table (keys are already well mixed).
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong key) => (int)(key ^ (key >> 29));

    [StructLayout(LayoutKind.Sequential, Size = 64)]
    private struct Slot
    {
        public ulong Key;
        public Weights28 Weights;
    }

    [InlineArray(MaxWidth)]
    private struct Weights28
    {
        private short _element;
    }
}
