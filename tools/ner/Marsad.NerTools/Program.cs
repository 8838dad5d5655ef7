using System.Globalization;

namespace Marsad.NerTools;

/// <summary>
/// Builds the NER resources shipped in src/Marsad.Core/Entities/Resources:
/// <code>
/// dotnet run -c Release --project tools/ner/Marsad.NerTools -- clusters ../shared/data/news/corpus/ant-multisource-v2.1 src/Marsad.Core/Entities/Resources/ner-clusters.tsv.br
/// dotnet run -c Release --project tools/ner/Marsad.NerTools -- gazetteer ../shared/data/gazetteer src/Marsad.Core/Entities/Resources/ner-gazetteer.bin
/// dotnet run -c Release --project tools/ner/Marsad.NerTools -- profile ../shared/data/ner/anercorp-camel/ANERCorp_CamelLab_train.txt
/// </code>
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        if (args.Length >= 3 && args[0] == "clusters")
        {
            var o = Options(args.AsSpan(3));
            return ClusterLearner.Run(args[1], args[2],
                minCount: o.GetValueOrDefault("min-count", 5), maxVocab: o.GetValueOrDefault("max-vocab", 120_000),
                contexts: o.GetValueOrDefault("contexts", 2000), dim: o.GetValueOrDefault("dim", 200),
                fine: o.GetValueOrDefault("fine", 1000), middle: o.GetValueOrDefault("middle", 200), coarse: o.GetValueOrDefault("coarse", 50),
                seed: o.GetValueOrDefault("seed", 1));
        }
        if (args.Length >= 2 && args[0] == "profile")
        {
            var model = args.Length >= 3 && args[2] != "-" ? args[2] : null;
            var tail = args.Length >= 4 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 0.1;
            var passes = args.Length >= 5 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 5;
            return Profiler.Run(args[1], model, tail, passes);
        }
        if (args.Length == 3 && args[0] == "gazetteer")
            return GazetteerCompiler.Run(args[1], args[2]);
        Console.Error.WriteLine("""
            usage:
              marsad-nertools clusters CORPUS_DIR OUT.tsv.br [--min-count 5] [--max-vocab 120000] [--contexts 2000] [--dim 200] [--fine 1000] [--middle 200] [--coarse 50] [--seed 1]
              marsad-nertools gazetteer SHARED_GAZETTEER_DIR OUT.tsv.br
              marsad-nertools profile GOLD.conll [MODEL|-] [TAIL=0.1] [PASSES=5]
            """);
        return 2;
    }

    private static Dictionary<string, int> Options(ReadOnlySpan<string> args)
    {
        var o = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < args.Length; i += 2)
            o[args[i].TrimStart('-')] = int.Parse(args[i + 1], CultureInfo.InvariantCulture);
        return o;
    }
}
