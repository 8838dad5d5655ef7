using System.Collections.Frozen;
using System.Globalization;

namespace Marsad.Events.Lexicon;

/// <summary>One CAMEO event code: its root, GDELT quad class, Goldstein score and label.</summary>
public sealed record CameoCode(string Code, string Root, int QuadClass, double Goldstein, string Label);

/// <summary>
/// The CAMEO event codes with Goldstein scores (GDELT lookup tables) and quad classes (GDELT's mapping:
/// roots 01–05 → 1, 06–09 → 2, 10–14 → 3, 15–20 → 4), compiled by tools/events/compile_cameo.py.
/// </summary>
public static class CameoTable
{
    private static readonly FrozenDictionary<string, CameoCode> Codes = Load();

    public static IReadOnlyCollection<CameoCode> All => Codes.Values;

    public static bool TryGet(string code, out CameoCode cameo) => Codes.TryGetValue(code, out cameo!);

    public static CameoCode Get(string code) =>
        Codes.TryGetValue(code, out var c) ? c : throw new KeyNotFoundException($"unknown CAMEO code {code}");

    /// <summary>GDELT's quad class of a root (01–20).</summary>
    public static int QuadClassOf(string root)
    {
        var r = int.Parse(root.AsSpan(0, 2), CultureInfo.InvariantCulture);
        return r <= 5 ? 1 : r <= 9 ? 2 : r <= 14 ? 3 : 4;
    }

    private static FrozenDictionary<string, CameoCode> Load()
    {
        var d = new Dictionary<string, CameoCode>(StringComparer.Ordinal);
        foreach (var (_, c) in EventData.Rows("cameo.tsv"))
            d[c[0]] = new CameoCode(c[0], c[1], int.Parse(c[2], CultureInfo.InvariantCulture), double.Parse(c[3], CultureInfo.InvariantCulture), c[4]);
        return d.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
