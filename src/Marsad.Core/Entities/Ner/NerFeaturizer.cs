using System.Numerics;
using Marsad.Text;

namespace Marsad.Entities.Ner;

/// <summary>Which optional feature groups a model uses (stored in the model file).</summary>
[Flags]
public enum NerFeatureSet
{
    /// <summary>Words, stems, affixes, shape, context windows only.</summary>
    Lexical = 0,
    /// <summary>Word clusters learnt from unlabelled news.</summary>
    Clusters = 1,
    /// <summary>Gazetteer and trigger-word membership.</summary>
    Gazetteer = 2,
    All = Clusters | Gazetteer,
    /// <summary>
    /// Second pass of a stacked model: the first pass's label of the token and its neighbours, and
    /// what the first pass said about the same stem elsewhere in the document (<see cref="DocumentEvidence"/>).
    /// </summary>
    DocumentContext = 4,
}

/// <summary>What a first pass found, given to the second pass's featuriser.</summary>
/// <param name="FirstPass">First-pass label of each token of the sentence.</param>
/// <param name="Evidence">Per token, <see cref="DocumentEvidence.Width"/> counts: how often the first pass
/// labelled the token's stem O, PER, ORG, LOC, MISC elsewhere in the document (this occurrence excluded).</param>
public readonly record struct SentenceContext(byte[] FirstPass, int[] Evidence);

/// <summary>What the features of a token read from its word alone (normalised word, stem, shape, clusters, gazetteer).</summary>
internal struct WordFacts
{
    public ulong Word;
    public ulong Stem;
    public ulong Shape;
    public ulong Clitics;
    public int Cluster;
    public int StemCluster;
    public int Stats;
    public uint Gaz;
}

/// <summary>Per-sentence scratch: the features of each token (CSR layout) and the token facts they come from.</summary>
public sealed class FeatureBuffer
{
    internal ulong[] Keys = new ulong[1024];
    internal int[] Offsets = new int[65];
    internal ulong[] Word = new ulong[64];
    internal ulong[] Stem = new ulong[64];
    internal ulong[] Shape = new ulong[64];
    internal int[] Cluster = new int[64];
    internal int[] StemCluster = new int[64];
    internal int[] Stats = new int[64];
    internal uint[] Gaz = new uint[64];
    internal uint[] GazBegin = new uint[64];
    internal uint[] GazInside = new uint[64];
    internal ulong[] Clitics = new ulong[64];
    internal int[] StemLength = new int[64];
    internal char[] Chars = new char[64 * NerFeaturizer.MaxTokenChars];

    internal void SetFacts(int i, in WordFacts f)
    {
        Word[i] = f.Word;
        Stem[i] = f.Stem;
        Shape[i] = f.Shape;
        Clitics[i] = f.Clitics;
        Cluster[i] = f.Cluster;
        StemCluster[i] = f.StemCluster;
        Stats[i] = f.Stats;
        Gaz[i] = f.Gaz;
    }

    internal Span<char> StemChars(int i) => Chars.AsSpan(i * NerFeaturizer.MaxTokenChars, NerFeaturizer.MaxTokenChars);

    /// <summary>Tokens in the current sentence.</summary>
    public int Length { get; private set; }

    /// <summary>The stem key of each token (after <see cref="NerFeaturizer.Extract(ReadOnlySpan{char}, ReadOnlySpan{TokenRange}, ReadOnlySpan{int}, FeatureBuffer)"/>).</summary>
    public ReadOnlySpan<ulong> Stems => Stem.AsSpan(0, Length);

    /// <summary>The feature keys of token <paramref name="i"/>.</summary>
    public ReadOnlySpan<ulong> Features(int i) => Keys.AsSpan(Offsets[i], Offsets[i + 1] - Offsets[i]);

    internal void Reset(int n)
    {
        Length = n;
        if (Word.Length < n)
        {
            var size = Math.Max(n, Word.Length * 2);
            Word = new ulong[size];
            Stem = new ulong[size];
            Shape = new ulong[size];
            Cluster = new int[size];
            StemCluster = new int[size];
            Stats = new int[size];
            Gaz = new uint[size];
            GazBegin = new uint[size];
            GazInside = new uint[size];
            Clitics = new ulong[size];
            StemLength = new int[size];
            Chars = new char[size * NerFeaturizer.MaxTokenChars];
            Offsets = new int[size + 1];
        }
        Array.Clear(GazBegin, 0, n);
        Array.Clear(GazInside, 0, n);
    }

    internal void EnsureKeys(int needed)
    {
        if (Keys.Length < needed)
            Array.Resize(ref Keys, Math.Max(needed, Keys.Length * 2));
    }
}

/// <summary>
/// Turns a sentence (text + token ranges) into hashed features. Every token's word is normalised
/// with <see cref="ArabicNormalizer"/> (digits folded to 0) and its stem is what follows the
/// proclitics <see cref="CliticSegmenter"/> finds — the same code <c>analyze</c> runs, so training
/// and run time see the same keys. Templates: word and stem at −2…+2, stem prefixes and suffixes
/// (1–3), the proclitic chain, the character shape, word bigrams, clusters (coarse/middle/fine) of
/// the word, its stem and its neighbours, and gazetteer classes of the word, its neighbours and
/// the multi-word entries it begins or continues.
/// </summary>
public sealed class NerFeaturizer
{
    internal const int MaxFeaturesPerToken = 192;
    /// <summary>Longest token prefix that is featurised.</summary>
    public const int MaxTokenChars = 64;
    private readonly WordClusters? _clusters;
    private readonly NerGazetteer? _gazetteer;

    public NerFeaturizer(NerFeatureSet set, WordClusters? clusters, NerGazetteer? gazetteer)
    {
        Set = set;
        _clusters = set.HasFlag(NerFeatureSet.Clusters) ? clusters ?? throw new ArgumentNullException(nameof(clusters)) : null;
        _gazetteer = set.HasFlag(NerFeatureSet.Gazetteer) ? gazetteer ?? throw new ArgumentNullException(nameof(gazetteer)) : null;
    }

    public NerFeatureSet Set { get; }

    /// <summary>The same featuriser without <see cref="NerFeatureSet.DocumentContext"/> (a stacked model's first pass).</summary>
    public NerFeaturizer WithoutContext() =>
        Set.HasFlag(NerFeatureSet.DocumentContext) ? new(Set & ~NerFeatureSet.DocumentContext, _clusters, _gazetteer) : this;

    // Template ids (stable: they are part of every key in a saved model).
    private enum T : ulong
    {
        Bias = 1, W0, S0, Wm1, Wp1, Wm2, Wp2, Sm1, Sp1, Pre1, Pre2, Pre3, Suf1, Suf2, Suf3, Clitics, Shape0, Shape3, BiL, BiR,
        Len, First, C0a, C0b, C0c, Sc0b, Sc0c, Cm1b, Cp1b, Cm2a, Cp2a, Cm1bC0b, G0, Gm1, Gp1, GB, GI, Gm1W0, Wm1Shape0, Sm1C0b, Def0, Freq0, DefFreq0, Defm1, Defp1, P0, Pm1P0, P0Pp1, DocFrac, DocMajor, DocMajorP0,
    }

    /// <summary>
    /// Extracts features of the tokens <paramref name="tokens"/> of <paramref name="text"/>.
    /// <paramref name="stemStarts"/> gives each token's stem start (absolute, as <see cref="Model.Token.StemStart"/>);
    /// when empty, the segmenter runs here.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Extract(ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> tokens, ReadOnlySpan<int> stemStarts, FeatureBuffer buffer) =>
        Extract(text, tokens, stemStarts, buffer, default);

    /// <summary>As above, with the first pass's findings for a <see cref="NerFeatureSet.DocumentContext"/> featuriser.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    public void Extract(ReadOnlySpan<char> text, ReadOnlySpan<TokenRange> tokens, ReadOnlySpan<int> stemStarts, FeatureBuffer buffer, SentenceContext context)
    {
        var useContext = Set.HasFlag(NerFeatureSet.DocumentContext);
        if (useContext && (context.FirstPass is null || context.FirstPass.Length < tokens.Length))
            throw new ArgumentException("a document-context featuriser needs the first pass's labels", nameof(context));
        var n = tokens.Length;
        buffer.Reset(n);
        for (var i = 0; i < n; i++)
        {
            var r = tokens[i];
            var token = text[r.Start..r.End];
            ComputeFacts(token, StemOffset(token, r, stemStarts, i), buffer, i);
        }
        if (_gazetteer is not null)
            MatchPhrases(buffer, n);

        var k = 0;
        for (var i = 0; i < n; i++)
        {
            buffer.EnsureKeys(k + MaxFeaturesPerToken);
            var keys = buffer.Keys.AsSpan();
            buffer.Offsets[i] = k;
            var f = Facts(buffer, i);
            k += UnigramKeys(f, buffer.StemChars(i)[..buffer.StemLength[i]], keys[k..]);
            k += NeighbourKeys(Neighbour.Left1, i > 0, i > 0 ? Facts(buffer, i - 1) : default, keys[k..]);
            k += NeighbourKeys(Neighbour.Right1, i + 1 < n, i + 1 < n ? Facts(buffer, i + 1) : default, keys[k..]);
            k += NeighbourKeys(Neighbour.Left2, i > 1, i > 1 ? Facts(buffer, i - 2) : default, keys[k..]);
            k += NeighbourKeys(Neighbour.Right2, i + 2 < n, i + 2 < n ? Facts(buffer, i + 2) : default, keys[k..]);
            k += PairKeys(buffer, i, n, keys[k..]);
            if (useContext)
                k += ContextKeys(context, i, n, keys[k..]);
        }
        buffer.Offsets[n] = k;
    }

    internal static WordFacts Facts(FeatureBuffer b, int i) => new()
    {
        Word = b.Word[i],
        Stem = b.Stem[i],
        Shape = b.Shape[i],
        Clitics = b.Clitics[i],
        Cluster = b.Cluster[i],
        StemCluster = b.StemCluster[i],
        Stats = b.Stats[i],
        Gaz = b.Gaz[i],
    };

    /// <summary>Which neighbour of a token a <see cref="NeighbourKeys"/> group describes.</summary>
    internal enum Neighbour
    {
        Left1,
        Right1,
        Left2,
        Right2,
    }

    /// <summary>Number of <see cref="Neighbour"/> groups.</summary>
    internal const int NeighbourCount = 4;

    /// <summary>Upper bound of the keys one group writes.</summary>
    internal const int MaxGroupKeys = 64;

    /// <summary>
    /// Computes the facts of one token (normalised word, stem, shape, clitics, clusters, corpus
    /// statistics, gazetteer classes) into row <paramref name="i"/> of <paramref name="buffer"/>.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void ComputeFacts(ReadOnlySpan<char> token, int stemOffset, FeatureBuffer buffer, int i)
    {
        Span<char> norm = stackalloc char[MaxTokenChars];
        if (token.Length > MaxTokenChars)
            token = token[..MaxTokenChars];
        stemOffset = Math.Clamp(stemOffset, 0, token.Length);
        var wl = Normalize(token, norm);
        buffer.Word[i] = FeatureHash.Of(norm[..wl]);
        buffer.Clitics[i] = stemOffset == 0 ? FeatureHash.None : FeatureHash.Of(norm[..Normalize(token[..stemOffset], norm)]);
        var stem = buffer.StemChars(i);
        var sl = Normalize(token[stemOffset..], stem);
        buffer.StemLength[i] = sl;
        stem = stem[..sl];
        buffer.Stem[i] = FeatureHash.Of(stem);
        buffer.Shape[i] = ShapeHash(token);
        var wc = _clusters?.Get(buffer.Word[i]) ?? -1;
        var sc = _clusters?.Get(buffer.Stem[i]) ?? -1;
        buffer.Cluster[i] = wc < 0 ? -1 : (int)(wc & 0x3FFFFFFF);
        buffer.StemCluster[i] = sc < 0 ? -1 : (int)(sc & 0x3FFFFFFF);
        buffer.Stats[i] = (sc >= 0 ? (int)((sc >> 30) & 0xF) : wc >= 0 ? (int)((wc >> 30) & 0xF) : 12) | ((wc >= 0 ? (int)((wc >> 34) & 0xF) : 16) << 8);
        if (_gazetteer is not null)
        {
            var g = (uint)_gazetteer.Word(buffer.Stem[i]);
            if (g == 0 && stem.Length >= 4 && stem[0] is 'و' or 'ف' or 'ب' or 'ل' or 'ك')
                g = (uint)_gazetteer.Word(FeatureHash.Of(stem[1..])) << 16; // an unsegmented proclitic
            buffer.Gaz[i] = g;
        }
    }

    /// <summary>The stem start of a token (relative to it): from <paramref name="stemStarts"/> when given, else the segmenter's.</summary>
    internal static int StemOffset(ReadOnlySpan<char> token, TokenRange r, ReadOnlySpan<int> stemStarts, int i) =>
        stemStarts.IsEmpty
            ? (token.Length > 0 && ArabicChars.IsArabicLetter(token[0]) ? CliticSegmenter.Segment(token).StemStart : 0)
            : Math.Clamp(stemStarts[i] - r.Start, 0, token.Length);

    /// <summary>Features of a token that depend on its own word only.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal int UnigramKeys(in WordFacts f, ReadOnlySpan<char> stem, Span<ulong> keys)
    {
        var k = 0;
        var sl = stem.Length;
        keys[k++] = (ulong)T.Bias;
        keys[k++] = FeatureHash.Mix((ulong)T.W0, f.Word);
        keys[k++] = FeatureHash.Mix((ulong)T.S0, f.Stem);
        for (var a = 1; a <= 3 && a <= sl; a++)
        {
            keys[k++] = FeatureHash.Mix((ulong)T.Pre1 + (ulong)(a - 1), FeatureHash.Of(stem[..a]));
            keys[k++] = FeatureHash.Mix((ulong)T.Suf1 + (ulong)(a - 1), FeatureHash.Of(stem[^a..]));
        }
        keys[k++] = FeatureHash.Mix((ulong)T.Clitics, f.Clitics);
        keys[k++] = FeatureHash.Mix((ulong)T.Shape0, f.Shape);
        keys[k++] = FeatureHash.Mix((ulong)T.Len, (ulong)Math.Min(sl, 12));
        if (_clusters is not null)
        {
            var c = f.Cluster;
            keys[k++] = FeatureHash.Mix((ulong)T.C0a, Part(c, 0));
            keys[k++] = FeatureHash.Mix((ulong)T.C0b, Part(c, 1));
            keys[k++] = FeatureHash.Mix((ulong)T.C0c, Part(c, 2));
            keys[k++] = FeatureHash.Mix((ulong)T.Sc0b, Part(f.StemCluster, 1));
            keys[k++] = FeatureHash.Mix((ulong)T.Sc0c, Part(f.StemCluster, 2));
            var stats = f.Stats;
            keys[k++] = FeatureHash.Mix((ulong)T.Def0, (ulong)(stats & 0xFF));
            keys[k++] = FeatureHash.Mix((ulong)T.Freq0, (ulong)(stats >> 8));
            keys[k++] = FeatureHash.Mix((ulong)T.DefFreq0, (ulong)stats);
        }
        if (_gazetteer is not null)
            k = Bits(keys, k, T.G0, f.Gaz);
        return k;
    }

    /// <summary>Features of a token that depend on one neighbour's word only (<paramref name="present"/> false beyond the sentence).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal int NeighbourKeys(Neighbour which, bool present, in WordFacts f, Span<ulong> keys)
    {
        var k = 0;
        var word = present ? f.Word : FeatureHash.None;
        switch (which)
        {
            case Neighbour.Left1:
            case Neighbour.Right1:
                var left = which == Neighbour.Left1;
                keys[k++] = FeatureHash.Mix((ulong)(left ? T.Wm1 : T.Wp1), word);
                keys[k++] = FeatureHash.Mix((ulong)(left ? T.Sm1 : T.Sp1), present ? f.Stem : FeatureHash.None);
                if (_clusters is not null)
                {
                    keys[k++] = FeatureHash.Mix((ulong)(left ? T.Cm1b : T.Cp1b), present ? Part(f.Cluster, 1) : 2000);
                    keys[k++] = FeatureHash.Mix((ulong)(left ? T.Defm1 : T.Defp1), present ? (ulong)(f.Stats & 0xFF) : 99);
                }
                if (_gazetteer is not null)
                    k = Bits(keys, k, left ? T.Gm1 : T.Gp1, present ? f.Gaz : 0);
                break;
            default:
                var left2 = which == Neighbour.Left2;
                keys[k++] = FeatureHash.Mix((ulong)(left2 ? T.Wm2 : T.Wp2), word);
                if (_clusters is not null)
                    keys[k++] = FeatureHash.Mix((ulong)(left2 ? T.Cm2a : T.Cp2a), present ? Part(f.Cluster, 0) : 2000);
                break;
        }
        return k;
    }

    /// <summary>Features that combine a token with its neighbours or its position (after <see cref="MatchPhrases"/>).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal int PairKeys(FeatureBuffer buffer, int i, int n, Span<ulong> keys, bool smallDomains = true)
    {
        var k = 0;
        var w0 = buffer.Word[i];
        var wm1 = i > 0 ? buffer.Word[i - 1] : FeatureHash.None;
        var wp1 = i + 1 < n ? buffer.Word[i + 1] : FeatureHash.None;
        if (i == 0 && smallDomains)
            keys[k++] = FirstKey;
        keys[k++] = FeatureHash.Mix(FeatureHash.Mix((ulong)T.Shape3, i > 0 ? buffer.Shape[i - 1] : FeatureHash.None, buffer.Shape[i]), i + 1 < n ? buffer.Shape[i + 1] : FeatureHash.None);
        keys[k++] = FeatureHash.Mix((ulong)T.BiL, wm1, w0);
        keys[k++] = FeatureHash.Mix((ulong)T.BiR, w0, wp1);
        if (_clusters is not null)
        {
            var c0b = Part(buffer.Cluster[i], 1);
            var cm1 = i > 0 ? Part(buffer.Cluster[i - 1], 1) : 2000;
            keys[k++] = FeatureHash.Mix((ulong)T.Cm1bC0b, cm1, c0b);
            keys[k++] = FeatureHash.Mix((ulong)T.Sm1C0b, i > 0 ? buffer.Stem[i - 1] : FeatureHash.None, c0b);
        }
        if (_gazetteer is not null)
        {
            if (smallDomains)
            {
                k = Bits(keys, k, T.GB, buffer.GazBegin[i]);
                k = Bits(keys, k, T.GI, buffer.GazInside[i]);
            }
            if (i > 0)
                k = Bits(keys, k, T.Gm1W0, buffer.Gaz[i - 1] & 0xFFFF, w0);
        }
        return k;
    }

    /// <summary>Second-pass features: the first pass's labels around the token and its stem's document evidence.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal static int ContextKeys(SentenceContext context, int i, int n, Span<ulong> keys)
    {
        var fp = context.FirstPass;
        var (major, bucket) = Evidence(context, i);
        var k = 0;
        keys[k++] = ContextKey(ContextTemplate.P0, fp[i], 0);
        keys[k++] = ContextKey(ContextTemplate.Pm1P0, i > 0 ? fp[i - 1] : OutsideSentence, fp[i]);
        keys[k++] = ContextKey(ContextTemplate.P0Pp1, fp[i], i + 1 < n ? fp[i + 1] : OutsideSentence);
        keys[k++] = ContextKey(ContextTemplate.DocFrac, bucket, 0);
        keys[k++] = ContextKey(ContextTemplate.DocMajor, major, bucket);
        keys[k++] = ContextKey(ContextTemplate.DocMajorP0, major, fp[i]);
        return k;
    }

    /// <summary>The label value of a neighbour beyond the sentence in the context templates.</summary>
    internal const int OutsideSentence = 99;

    /// <summary>Key of the first-token feature.</summary>
    internal static ulong FirstKey => (ulong)T.First;

    /// <summary>Second-pass templates: every one has a small domain (labels, evidence buckets), so a tagger can tabulate them.</summary>
    internal enum ContextTemplate
    {
        P0,
        Pm1P0,
        P0Pp1,
        DocFrac,
        DocMajor,
        DocMajorP0,
    }

    /// <summary>Key of a second-pass template with its two values (the second ignored by one-value templates).</summary>
    internal static ulong ContextKey(ContextTemplate template, int a, int b) => template switch
    {
        ContextTemplate.P0 => FeatureHash.Mix((ulong)T.P0, (ulong)a),
        ContextTemplate.Pm1P0 => FeatureHash.Mix((ulong)T.Pm1P0, (ulong)a, (ulong)b),
        ContextTemplate.P0Pp1 => FeatureHash.Mix((ulong)T.P0Pp1, (ulong)a, (ulong)b),
        ContextTemplate.DocFrac => FeatureHash.Mix((ulong)T.DocFrac, (ulong)a),
        ContextTemplate.DocMajor => FeatureHash.Mix((ulong)T.DocMajor, (ulong)a, (ulong)b),
        _ => FeatureHash.Mix((ulong)T.DocMajorP0, (ulong)a, (ulong)b),
    };

    /// <summary>Key of gazetteer phrase bit <paramref name="bit"/> for a token that begins (or continues) a multi-word entry.</summary>
    internal static ulong PhraseBitKey(bool begins, int bit) => FeatureHash.Mix((ulong)(begins ? T.GB : T.GI), (ulong)bit);

    /// <summary>The document evidence of token <paramref name="i"/>: the majority entity column (0 = none) and a bucket of the entity share (0–4).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    internal static (int Major, int Bucket) Evidence(SentenceContext context, int i)
    {
        var e = context.Evidence.AsSpan(i * DocumentEvidence.Width, DocumentEvidence.Width);
        var total = 0;
        var entity = 0;
        var major = 0;
        for (var t = 0; t < DocumentEvidence.Width; t++)
        {
            total += e[t];
            if (t > 0)
            {
                entity += e[t];
                if (e[t] > e[major] || major == 0)
                    major = e[t] > 0 ? t : major;
            }
        }
        var bucket = total == 0 ? 0 : entity == 0 ? 1 : entity * 2 < total ? 2 : entity < total ? 3 : 4;
        return (major, bucket);
    }

    private static ulong Part(int packed, int part) => packed < 0 ? 1024UL : (ulong)((packed >> (10 * part)) & 1023);

    private static int Bits(Span<ulong> keys, int k, T template, uint flags, ulong with = 0)
    {
        while (flags != 0)
        {
            var b = (ulong)BitOperations.TrailingZeroCount(flags);
            flags &= flags - 1;
            keys[k++] = with == 0 ? FeatureHash.Mix((ulong)template, b) : FeatureHash.Mix((ulong)template, b, with);
        }
        return k;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    internal void MatchPhrases(FeatureBuffer buffer, int n)
    {
        var gaz = _gazetteer!;
        for (var i = 0; i < n; i++)
        {
            var h = FeatureHash.None;
            for (var j = i; j < n && j - i < NerGazetteer.MaxPhraseWords; j++)
            {
                h = NerGazetteer.Extend(h, buffer.Stem[j]);
                var flags = gaz.Phrase(h, out var more);
                if (j > i && flags != GazetteerClass.None)
                {
                    buffer.GazBegin[i] |= (uint)flags;
                    for (var m = i + 1; m <= j; m++)
                        buffer.GazInside[m] |= (uint)flags;
                }
                if (!more)
                    break;
            }
        }
    }

    /// <summary>
    /// Normalises a token the way feature, cluster and gazetteer keys are built:
    /// <see cref="ArabicNormalizer"/>, digits 1–9 folded to 0, at most <see cref="MaxTokenChars"/> characters.
    /// Returns the length written to <paramref name="destination"/> (which must hold <see cref="MaxTokenChars"/>).
    /// </summary>
    public static int NormalizeKey(ReadOnlySpan<char> token, Span<char> destination) => Normalize(token.Length > MaxTokenChars ? token[..MaxTokenChars] : token, destination);

    private static int Normalize(ReadOnlySpan<char> token, Span<char> destination)
    {
        var n = ArabicNormalizer.Normalize(token, destination[..MaxTokenChars]);
        if (n < 0)
            n = 0;
        for (var i = 0; i < n; i++)
        {
            if (destination[i] is >= '1' and <= '9')
                destination[i] = '0';
        }
        return n;
    }

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static ulong ShapeHash(ReadOnlySpan<char> token)
    {
        var h = 1469598103934665603UL;
        var last = '\0';
        foreach (var c in token)
        {
            var s = ArabicChars.IsArabicLetter(c) ? 'a'
                : ArabicChars.DigitValue(c) >= 0 || char.IsAsciiDigit(c) ? 'd'
                : char.IsUpper(c) ? 'X'
                : char.IsLetter(c) ? 'x'
                : ArabicChars.IsDiacritic(c) || c == ArabicChars.Tatweel ? last
                : c;
            if (s == last)
                continue;
            last = s;
            h = (h ^ s) * 1099511628211UL;
        }
        return h;
    }
}
