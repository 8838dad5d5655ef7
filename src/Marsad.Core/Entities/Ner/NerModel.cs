using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// A trained linear-chain model: a weight per (feature, label), a transition score per label pair
/// and a start score per label. Features are 64-bit keys (<see cref="NerFeaturizer"/>). Feature
/// weights are quantised to 16 bits with one scale for the model and stored with their key in one
/// 32-byte slot of an open-addressing table, so scoring a feature costs one cache line. The file
/// (Brotli-compressed) holds only features with a non-zero weight, sorted by key, each with a label
/// mask and its quantised weights. The model records the feature groups it was trained with and a
/// fingerprint of the cluster and gazetteer resources, and refuses to run with different ones.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "MARSAD-NER";
    private const int FormatVersion = 3;
    private const int L = NerLabels.Count;

    private readonly Slot[] _table;
    private readonly int _mask;
    private readonly float _scale;
    private readonly float[] _transitions;

    private NerModel(NerFeatureSet features, string resourceFingerprint, string description, Slot[] table, int count, float scale, float[] transitions)
    {
        if (transitions.Length != (L + 1) * L)
            throw new ArgumentException("transitions must be (labels + 1) × labels", nameof(transitions));
        Features = features;
        ResourceFingerprint = resourceFingerprint;
        Description = description;
        _table = table;
        _mask = table.Length - 1;
        FeatureCount = count;
        _scale = scale;
        _transitions = ConstrainIob2(transitions);
    }

    /// <summary>The feature groups the model was trained with.</summary>
    public NerFeatureSet Features { get; }

    /// <summary>Fingerprint of the clusters/gazetteer the model was trained with (empty when it uses neither).</summary>
    public string ResourceFingerprint { get; }

    /// <summary>How the model was trained (data, features, epochs, seed).</summary>
    public string Description { get; }

    /// <summary>Features with a weight.</summary>
    public int FeatureCount { get; }

    /// <summary>
    /// For a stacked model (<see cref="NerFeatureSet.DocumentContext"/>): the first-pass model whose
    /// labels this one reads. Null for a single-pass model.
    /// </summary>
    public NerModel? FirstPass { get; private init; }

    /// <summary>
    /// Subtracted from every token's <c>O</c> score before decoding: a recall/precision trade-off
    /// chosen on dev (the perceptron alone under-predicts entities). Stored in the model.
    /// </summary>
    public float OutsidePenalty { get; private init; }

    /// <summary>This model with another <see cref="OutsidePenalty"/> (its first pass keeps its own).</summary>
    public NerModel WithOutsidePenalty(float penalty) =>
        new(Features, ResourceFingerprint, Description, _table, FeatureCount, _scale, _transitions) { FirstPass = FirstPass, OutsidePenalty = penalty };

    /// <summary>This model with <paramref name="firstPass"/> as its first pass.</summary>
    public NerModel WithFirstPass(NerModel firstPass)
    {
        ArgumentNullException.ThrowIfNull(firstPass);
        if (!Features.HasFlag(NerFeatureSet.DocumentContext) || firstPass.Features.HasFlag(NerFeatureSet.DocumentContext))
            throw new ArgumentException("only a document-context model takes a (plain) first pass", nameof(firstPass));
        return new NerModel(Features, ResourceFingerprint, Description, _table, FeatureCount, _scale, _transitions) { FirstPass = firstPass, OutsidePenalty = OutsidePenalty };
    }

    /// <summary>Transition scores, IOB2-forbidden pairs set to −∞; row <c>Count</c> holds the start scores.</summary>
    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>Sums the weights of each token's features into <paramref name="scores"/> (tokens × labels).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Emissions(FeatureBuffer buffer, Span<float> scores)
    {
        var n = buffer.Length;
        var table = _table;
        var mask = _mask;
        Span<int> acc = stackalloc int[L];
        for (var i = 0; i < n; i++)
        {
            acc.Clear();
            foreach (var raw in buffer.Features(i))
            {
                var key = raw == 0 ? 1 : raw;
                var s = Hash(key) & mask;
                while (true)
                {
                    ref readonly var slot = ref table[s];
                    if (slot.Key == key)
                    {
                        ReadOnlySpan<short> w = slot.Weights;
                        for (var y = 0; y < L; y++)
                            acc[y] += w[y];
                        break;
                    }
                    if (slot.Key == 0)
                        break;
                    s = (s + 1) & mask;
                }
            }
            var row = scores.Slice(i * L, L);
            for (var y = 0; y < L; y++)
                row[y] = acc[y] * _scale;
            row[0] -= OutsidePenalty;
        }
    }

    /// <summary>Slots of the weight table (some empty: key 0).</summary>
    internal int SlotCount => _table.Length;

    /// <summary>The key of slot <paramref name="i"/> (0 = empty).</summary>
    internal ulong SlotKey(int i) => _table[i].Key;

    /// <summary>The quantised weights of slot <paramref name="i"/>.</summary>
    internal ReadOnlySpan<short> SlotWeights(int i) => _table[i].Weights;

    /// <summary>Adds the quantised weights of <paramref name="keys"/> to <paramref name="acc"/> (one value per label).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void Accumulate(ReadOnlySpan<ulong> keys, Span<int> acc)
    {
        var table = _table;
        var mask = _mask;
        acc = acc[..L];
        foreach (var raw in keys)
        {
            var key = raw == 0 ? 1 : raw;
            var s = Hash(key) & mask;
            while (true)
            {
                ref readonly var slot = ref table[s];
                if (slot.Key == key)
                {
                    ReadOnlySpan<short> w = slot.Weights;
                    for (var y = 0; y < L; y++)
                        acc[y] += w[y];
                    break;
                }
                if (slot.Key == 0)
                    break;
                s = (s + 1) & mask;
            }
        }
    }

    /// <summary>Turns accumulated quantised weights of one token into its label scores (as <see cref="Emissions"/>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal void Scores(ReadOnlySpan<int> acc, Span<float> row)
    {
        for (var y = 0; y < L; y++)
            row[y] = acc[y] * _scale;
        row[0] -= OutsidePenalty;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Hash(ulong key) => (int)(key ^ (key >> 29));

    /// <summary>Forbids <c>I-X</c> after anything but <c>B-X</c>/<c>I-X</c>, and at the sentence start.</summary>
    private static float[] ConstrainIob2(float[] transitions)
    {
        var t = (float[])transitions.Clone();
        for (var p = 0; p <= L; p++)
        {
            for (var y = 0; y < L; y++)
            {
                var previous = p == L ? NerLabels.Outside : (byte)p;
                if (!NerLabels.IsValidTransition(previous, (byte)y))
                    t[(p * L) + y] = float.NegativeInfinity;
            }
        }
        return t;
    }

    /// <summary>
    /// Builds a model from (key → float weights) rows: weights are quantised to 16 bits with one
    /// scale (the largest magnitude maps to 32,000); rows that quantise to all zeros are dropped.
    /// </summary>
    public static NerModel Create(NerFeatureSet features, string fingerprint, string description, IEnumerable<(ulong Key, float[] Weights)> rows, float[] transitions)
    {
        var list = rows.ToList();
        var max = 0f;
        foreach (var (_, w) in list)
        {
            for (var y = 0; y < L; y++)
                max = Math.Max(max, Math.Abs(w[y]));
        }
        var scale = max == 0 ? 1f : max / 32000f;
        var quantised = new List<(ulong, short[])>(list.Count);
        foreach (var (key, w) in list)
        {
            var q = new short[L];
            var any = false;
            for (var y = 0; y < L; y++)
            {
                q[y] = (short)Math.Round(w[y] / scale);
                any |= q[y] != 0;
            }
            if (any)
                quantised.Add((key, q));
        }
        return Build(features, fingerprint, description, quantised, scale, transitions);
    }

    private static NerModel Build(NerFeatureSet features, string fingerprint, string description, List<(ulong Key, short[] Weights)> rows, float scale, float[] transitions)
    {
        var size = 16;
        while (size < rows.Count * 2)
            size <<= 1;
        var table = new Slot[size];
        var mask = size - 1;
        foreach (var (raw, w) in rows)
        {
            var key = raw == 0 ? 1 : raw;
            var s = Hash(key) & mask;
            while (table[s].Key != 0 && table[s].Key != key)
                s = (s + 1) & mask;
            table[s].Key = key;
            w.CopyTo((Span<short>)table[s].Weights);
        }
        return new NerModel(features, fingerprint, description, table, rows.Count, scale, transitions);
    }

    /// <summary>Writes the model (Brotli-compressed binary; the same model always gives the same bytes).</summary>
    public void Save(Stream destination)
    {
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        WritePayload(w);
    }

    private void WritePayload(BinaryWriter w)
    {
        w.Write((int)Features);
        w.Write(ResourceFingerprint);
        w.Write(Description);
        w.Write(L);
        foreach (var t in _transitions)
            w.Write(float.IsNegativeInfinity(t) ? 0f : t);
        w.Write(_scale);
        w.Write(OutsidePenalty);
        var slots = _table.Where(s => s.Key != 0).OrderBy(s => s.Key).ToArray();
        w.Write(slots.Length);
        ulong previous = 0;
        foreach (var slot in slots)
        {
            w.Write7BitEncodedInt64((long)(slot.Key - previous));
            previous = slot.Key;
            ReadOnlySpan<short> row = slot.Weights;
            ushort mask = 0;
            for (var y = 0; y < L; y++)
            {
                if (row[y] != 0)
                    mask |= (ushort)(1 << y);
            }
            w.Write(mask);
            for (var y = 0; y < L; y++)
            {
                if (row[y] != 0)
                    w.Write(row[y]);
            }
        }
        w.Write(FirstPass is not null);
        FirstPass?.WritePayload(w);
    }

    /// <summary>Reads a model written by <see cref="Save"/>.</summary>
    public static NerModel Load(Stream source)
    {
        try
        {
            return Read(source);
        }
        catch (EndOfStreamException ex)
        {
            throw new InvalidDataException("truncated file, or not a Marsad NER model", ex);
        }
    }

    private static NerModel Read(Stream source)
    {
        byte[] data;
        using (var brotli = new BrotliStream(source, CompressionMode.Decompress, leaveOpen: true))
        using (var ms = new MemoryStream())
        {
            brotli.CopyTo(ms);
            data = ms.ToArray();
        }
        var r = new SpanReader(data);
        if (r.ReadString() != Magic)
            throw new InvalidDataException("not a Marsad NER model");
        var version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion})");
        return ReadPayload(ref r);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static NerModel ReadPayload(ref SpanReader r)
    {
        var features = (NerFeatureSet)r.ReadInt32();
        var fingerprint = r.ReadString();
        var description = r.ReadString();
        if (r.ReadInt32() != L)
            throw new InvalidDataException("NER model label count mismatch");
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++)
            transitions[i] = r.ReadSingle();
        var scale = r.ReadSingle();
        var penalty = r.ReadSingle();
        var count = r.ReadInt32();
        var size = 16;
        while (size < count * 2)
            size <<= 1;
        var table = new Slot[size];
        var tableMask = size - 1;
        ulong key = 0;
        for (var i = 0; i < count; i++)
        {
            key += r.ReadVarUInt64();
            var s = Hash(key) & tableMask;
            while (table[s].Key != 0)
                s = (s + 1) & tableMask;
            table[s].Key = key;
            Span<short> w = table[s].Weights;
            var mask = r.ReadUInt16();
            for (var y = 0; y < L; y++)
            {
                if ((mask & (1 << y)) != 0)
                    w[y] = r.ReadInt16();
            }
        }
        var model = new NerModel(features, fingerprint, description, table, count, scale, transitions) { OutsidePenalty = penalty };
        return r.ReadBoolean() ? model.WithFirstPass(ReadPayload(ref r)) : model;
    }

    /// <summary>Reads what <see cref="BinaryWriter"/> wrote, from a byte array (no per-field virtual calls).</summary>
    private ref struct SpanReader(ReadOnlySpan<byte> data)
    {
        private readonly ReadOnlySpan<byte> _data = data;
        private int _pos;

        private ReadOnlySpan<byte> Take(int n)
        {
            if (_pos + n > _data.Length)
                throw new EndOfStreamException();
            var s = _data.Slice(_pos, n);
            _pos += n;
            return s;
        }

        public int ReadInt32() => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(Take(4));

        public ushort ReadUInt16() => System.Buffers.Binary.BinaryPrimitives.ReadUInt16LittleEndian(Take(2));

        public short ReadInt16() => System.Buffers.Binary.BinaryPrimitives.ReadInt16LittleEndian(Take(2));

        public float ReadSingle() => System.Buffers.Binary.BinaryPrimitives.ReadSingleLittleEndian(Take(4));

        public bool ReadBoolean() => Take(1)[0] != 0;

        public ulong ReadVarUInt64()
        {
            ulong result = 0;
            for (var shift = 0; shift < 70; shift += 7)
            {
                var b = Take(1)[0];
                result |= (ulong)(b & 0x7F) << shift;
                if ((b & 0x80) == 0)
                    return result;
            }
            throw new InvalidDataException("bad variable-length integer in NER model");
        }

        public string ReadString()
        {
            var length = (int)ReadVarUInt64();
            return Encoding.UTF8.GetString(Take(length));
        }
    }

    /// <summary>One feature: its key and its quantised weights, 32 bytes.</summary>
    [StructLayout(LayoutKind.Sequential, Size = 32)]
    private struct Slot
    {
        public ulong Key;
        public Weights9 Weights;
    }

    [InlineArray(L)]
    private struct Weights9
    {
        private short _element;
    }
}
