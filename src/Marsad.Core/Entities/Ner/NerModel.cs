using System.IO.Compression;
using System.Text;

namespace Marsad.Entities.Ner;

/// <summary>
/// A trained linear-chain model: a weight per (feature, label), a transition score per label pair
/// and a start score per label. Features are 64-bit keys (<see cref="NerFeaturizer"/>); the file
/// stores only features with a non-zero weight, each with a label mask and its weights, Brotli-
/// compressed. The model records the feature groups it was trained with and a fingerprint of the
/// cluster and gazetteer resources, and refuses to run with different ones.
/// </summary>
public sealed class NerModel
{
    private const string Magic = "MARSAD-NER";
    private const int FormatVersion = 1;
    private const int L = NerLabels.Count;

    private readonly ULongIntMap _ids;
    private readonly float[] _weights;
    private readonly float[] _transitions;

    internal NerModel(NerFeatureSet features, string resourceFingerprint, string description, ULongIntMap ids, float[] weights, float[] transitions)
    {
        if (transitions.Length != (L + 1) * L)
            throw new ArgumentException("transitions must be (labels + 1) × labels", nameof(transitions));
        Features = features;
        ResourceFingerprint = resourceFingerprint;
        Description = description;
        _ids = ids;
        _weights = weights;
        _transitions = ConstrainIob2(transitions);
    }

    /// <summary>The feature groups the model was trained with.</summary>
    public NerFeatureSet Features { get; }

    /// <summary>Fingerprint of the clusters/gazetteer the model was trained with (empty when it uses neither).</summary>
    public string ResourceFingerprint { get; }

    /// <summary>How the model was trained (command, data, epochs, seed).</summary>
    public string Description { get; }

    /// <summary>Features with a weight.</summary>
    public int FeatureCount => _ids.Count;

    /// <summary>Transition scores, IOB2-forbidden pairs set to −∞; row <c>Count</c> holds the start scores.</summary>
    public ReadOnlySpan<float> Transitions => _transitions;

    /// <summary>Sums the weights of each token's features into <paramref name="scores"/> (tokens × labels).</summary>
    public void Emissions(FeatureBuffer buffer, Span<float> scores)
    {
        var n = buffer.Length;
        scores[..(n * L)].Clear();
        var weights = _weights;
        for (var i = 0; i < n; i++)
        {
            var row = scores.Slice(i * L, L);
            foreach (var key in buffer.Features(i))
            {
                var id = _ids.Get(key);
                if (id < 0)
                    continue;
                var w = weights.AsSpan(id * L, L);
                for (var y = 0; y < L; y++)
                    row[y] += w[y];
            }
        }
    }

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

    /// <summary>Writes the model (Brotli-compressed binary).</summary>
    public void Save(Stream destination)
    {
        using var brotli = new BrotliStream(destination, CompressionLevel.SmallestSize, leaveOpen: true);
        using var w = new BinaryWriter(brotli, Encoding.UTF8);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write((int)Features);
        w.Write(ResourceFingerprint);
        w.Write(Description);
        w.Write(L);
        foreach (var t in _transitions)
            w.Write(float.IsNegativeInfinity(t) ? 0f : t);
        // Features sorted by key for a deterministic file.
        var entries = _entries ?? throw new InvalidOperationException("model has no key list");
        w.Write(entries.Length);
        ulong previous = 0;
        foreach (var (key, id) in entries)
        {
            w.Write7BitEncodedInt64((long)(key - previous));
            previous = key;
            var row = _weights.AsSpan(id * L, L);
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
    }

    private (ulong Key, int Id)[]? _entries;

    /// <summary>Builds a model from (key → weights) rows; rows whose weights are all zero are dropped.</summary>
    public static NerModel Create(NerFeatureSet features, string fingerprint, string description, IEnumerable<(ulong Key, float[] Weights)> rows, float[] transitions)
    {
        var kept = rows.Where(r => r.Weights.Any(x => x != 0)).OrderBy(r => r.Key).ToList();
        var ids = new ULongIntMap(kept.Count);
        var weights = new float[kept.Count * L];
        var entries = new (ulong, int)[kept.Count];
        for (var i = 0; i < kept.Count; i++)
        {
            ids.Set(kept[i].Key, i);
            kept[i].Weights.AsSpan(0, L).CopyTo(weights.AsSpan(i * L, L));
            entries[i] = (kept[i].Key, i);
        }
        return new NerModel(features, fingerprint, description, ids, weights, transitions) { _entries = entries };
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
        using var brotli = new BrotliStream(source, CompressionMode.Decompress, leaveOpen: true);
        using var buffered = new BufferedStream(brotli, 1 << 16);
        using var r = new BinaryReader(buffered, Encoding.UTF8);
        if (r.ReadString() != Magic)
            throw new InvalidDataException("not a Marsad NER model");
        var version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"NER model format {version} is not supported (expected {FormatVersion})");
        var features = (NerFeatureSet)r.ReadInt32();
        var fingerprint = r.ReadString();
        var description = r.ReadString();
        if (r.ReadInt32() != L)
            throw new InvalidDataException("NER model label count mismatch");
        var transitions = new float[(L + 1) * L];
        for (var i = 0; i < transitions.Length; i++)
            transitions[i] = r.ReadSingle();
        var count = r.ReadInt32();
        var ids = new ULongIntMap(count);
        var weights = new float[count * L];
        var entries = new (ulong, int)[count];
        ulong key = 0;
        for (var i = 0; i < count; i++)
        {
            key += (ulong)r.Read7BitEncodedInt64();
            ids.Set(key, i);
            entries[i] = (key, i);
            var mask = r.ReadUInt16();
            for (var y = 0; y < L; y++)
            {
                if ((mask & (1 << y)) != 0)
                    weights[(i * L) + y] = r.ReadSingle();
            }
        }
        return new NerModel(features, fingerprint, description, ids, weights, transitions) { _entries = entries };
    }
}
