using System.Reflection;
using System.Security.Cryptography;

namespace Marsad.Entities.Ner;

/// <summary>
/// The NER resources shipped inside Marsad.Core (Entities/Resources): the word clusters, the
/// feature gazetteer and the trained model. Each is loaded once, on first use.
/// </summary>
public static class NerResources
{
    /// <summary>Resource file names (also the names under src/Marsad.Core/Entities/Resources/).</summary>
    public const string ClustersFile = "ner-clusters.tsv.br";
    public const string GazetteerFile = "ner-gazetteer.bin";
    public const string ModelFile = "ner-model.bin";

    /// <summary>The <c>By</c> of mentions the shipped model produces.</summary>
    public const string ModelName = "ner:perceptron";

    private static readonly Lazy<byte[]> ClusterBytes = new(() => Read(ClustersFile));
    private static readonly Lazy<byte[]> GazetteerBytes = new(() => Read(GazetteerFile));
    private static readonly Lazy<WordClusters> LazyClusters = new(() => WordClusters.Load(new MemoryStream(ClusterBytes.Value)));
    private static readonly Lazy<NerGazetteer> LazyGazetteer = new(() => NerGazetteer.Load(new MemoryStream(GazetteerBytes.Value)));
    private static readonly Lazy<NerTagger> LazyTagger = new(() => LoadTagger(new MemoryStream(Read(ModelFile))));

    public static WordClusters Clusters => LazyClusters.Value;

    public static NerGazetteer Gazetteer => LazyGazetteer.Value;

    /// <summary>The shipped model with its featuriser.</summary>
    public static NerTagger DefaultTagger => LazyTagger.Value;

    /// <summary>A featuriser over the shipped clusters/gazetteer for the given feature groups.</summary>
    public static NerFeaturizer Featurizer(NerFeatureSet set) => new(
        set,
        set.HasFlag(NerFeatureSet.Clusters) ? Clusters : null,
        set.HasFlag(NerFeatureSet.Gazetteer) ? Gazetteer : null);

    /// <summary>
    /// Fingerprint of the resources a feature set uses: the first 16 hex digits of SHA-256 over
    /// the compressed cluster and/or gazetteer files.
    /// </summary>
    public static string Fingerprint(NerFeatureSet set)
    {
        if (set == NerFeatureSet.Lexical)
            return "";
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (set.HasFlag(NerFeatureSet.Clusters))
            sha.AppendData(ClusterBytes.Value);
        if (set.HasFlag(NerFeatureSet.Gazetteer))
            sha.AppendData(GazetteerBytes.Value);
        return Convert.ToHexStringLower(sha.GetHashAndReset())[..16];
    }

    /// <summary>Loads a model and pairs it with the shipped resources it was trained with.</summary>
    public static NerTagger LoadTagger(Stream model)
    {
        var m = NerModel.Load(model);
        var expected = Fingerprint(m.Features);
        if (!string.Equals(m.ResourceFingerprint, expected, StringComparison.Ordinal))
            throw new InvalidDataException($"the NER model was trained with other clusters/gazetteer (fingerprint {m.ResourceFingerprint}, shipped {expected}); retrain it");
        return new NerTagger(m, Featurizer(m.Features));
    }

    /// <summary>Loads a model file (see <see cref="LoadTagger(Stream)"/>).</summary>
    public static NerTagger LoadTagger(string path)
    {
        using var f = File.OpenRead(path);
        return LoadTagger(f);
    }

    /// <summary>The bytes of an embedded resource file (tests compare a retrained model with it).</summary>
    internal static byte[] Read(string name)
    {
        var assembly = typeof(NerResources).Assembly;
        var resource = "Marsad.Entities.Resources." + name;
        using var s = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"embedded resource {resource} is missing from {assembly.GetName().Name}");
        using var ms = new MemoryStream();
        s.CopyTo(ms);
        return ms.ToArray();
    }
}
