using System.Collections.Immutable;

namespace Marsad.Evaluation;

/// <summary>Speaker (strict and partial), kind and channel agreement of a matched quote.</summary>
public readonly record struct QuoteJudgement(bool Speaker, bool SpeakerPartial, bool Kind, bool Via);

/// <summary>A gold quote and the system quote matched to it; either side may be missing (a miss, a false positive).</summary>
public sealed record QuoteOutcome(GoldQuote? Gold, SystemQuote? System, QuoteJudgement Judgement)
{
    public bool Matched => Gold is not null && System is not null;
}

public sealed record TimeOutcome(GoldTime? Gold, SystemTime? System, bool ValueCorrect)
{
    public bool Matched => Gold is not null && System is not null;
}

/// <summary>A gold place and the system entity matched to it, with the distance when both have coordinates.</summary>
public sealed record PlaceOutcome(GoldPlace? Gold, SystemEntity? System, double? DistanceKm, bool? Within)
{
    public bool Matched => Gold is not null && System is not null;
    public bool HasGoldCoordinates { get; init; }
}

/// <summary>Everything the scorer decided about one article.</summary>
public sealed record ArticleScore(string Name, string? Published, ImmutableArray<QuoteOutcome> Quotes, ImmutableArray<TimeOutcome> Times, ImmutableArray<PlaceOutcome> Places)
{
    /// <summary>Gold strings that could not be located in the body (the annotation or the ingest changed).</summary>
    public ImmutableArray<string> Problems { get; init; } = [];

    public QuoteTally QuoteTally => QuoteTally.Of(Quotes);
    public TimeTally TimeTally => TimeTally.Of(Times);
    public PlaceTally PlaceTally => PlaceTally.Of(Places);
}

/// <summary>Precision, recall and F1 from counts; null when a denominator is zero.</summary>
public static class Prf
{
    public static double? Ratio(int numerator, int denominator) => denominator == 0 ? null : (double)numerator / denominator;

    public static double? F1(double? p, double? r) => p is { } a && r is { } b ? (a + b == 0 ? 0 : 2 * a * b / (a + b)) : null;
}

/// <summary>
/// Quote counts. <see cref="Gold"/> and <see cref="Matched"/> count required items only; <see cref="System"/>
/// counts system quotes not taken by an optional gold item.
/// </summary>
public readonly record struct QuoteTally(int Gold, int System, int Matched, int Speaker, int SpeakerPartial, int Kind, int Via)
{
    public double? Precision => Prf.Ratio(Matched, System);
    public double? Recall => Prf.Ratio(Matched, Gold);
    public double? F1 => Prf.F1(Precision, Recall);
    public double? SpeakerAccuracy => Prf.Ratio(Speaker, Matched);
    public double? SpeakerPartialAccuracy => Prf.Ratio(SpeakerPartial, Matched);
    public double? KindAccuracy => Prf.Ratio(Kind, Matched);
    public double? ViaAccuracy => Prf.Ratio(Via, Matched);

    public static QuoteTally operator +(QuoteTally a, QuoteTally b) =>
        new(a.Gold + b.Gold, a.System + b.System, a.Matched + b.Matched, a.Speaker + b.Speaker, a.SpeakerPartial + b.SpeakerPartial, a.Kind + b.Kind, a.Via + b.Via);

    public static QuoteTally Of(IEnumerable<QuoteOutcome> outcomes)
    {
        int gold = 0, system = 0, matched = 0, speaker = 0, partial = 0, kind = 0, via = 0;
        foreach (var o in outcomes)
        {
            if (o.Gold is { Optional: true })
                continue;
            if (o.Gold is not null)
                gold++;
            if (o.System is not null)
                system++;
            if (!o.Matched)
                continue;
            matched++;
            speaker += o.Judgement.Speaker ? 1 : 0;
            partial += o.Judgement.SpeakerPartial ? 1 : 0;
            kind += o.Judgement.Kind ? 1 : 0;
            via += o.Judgement.Via ? 1 : 0;
        }
        return new QuoteTally(gold, system, matched, speaker, partial, kind, via);
    }
}

public readonly record struct TimeTally(int Gold, int System, int Matched, int ValueCorrect)
{
    public double? Precision => Prf.Ratio(Matched, System);
    public double? Recall => Prf.Ratio(Matched, Gold);
    public double? F1 => Prf.F1(Precision, Recall);
    public double? ValueAccuracy => Prf.Ratio(ValueCorrect, Matched);

    public static TimeTally operator +(TimeTally a, TimeTally b) => new(a.Gold + b.Gold, a.System + b.System, a.Matched + b.Matched, a.ValueCorrect + b.ValueCorrect);

    public static TimeTally Of(IEnumerable<TimeOutcome> outcomes)
    {
        int gold = 0, system = 0, matched = 0, value = 0;
        foreach (var o in outcomes)
        {
            if (o.Gold is { Optional: true })
                continue;
            if (o.Gold is not null)
                gold++;
            if (o.System is not null)
                system++;
            if (o.Matched)
            {
                matched++;
                value += o.ValueCorrect ? 1 : 0;
            }
        }
        return new TimeTally(gold, system, matched, value);
    }
}

/// <summary>
/// Place counts. <see cref="System"/> counts system LOC entities; a system entity several gold places match
/// (a city and its province) counts once. <see cref="Located"/> is matched places with gold coordinates whose
/// system entity has coordinates; <see cref="Within"/> those inside the tolerance. <see cref="GoldWithCoordinates"/> counts
/// every gold place with a target point, found or not, so <see cref="Geocoded"/> scores detection and geocoding together.
/// </summary>
public readonly record struct PlaceTally(int Gold, int System, int Matched, int SystemMatched, int WithGoldCoordinates, int Located, int Within, int GoldWithCoordinates = 0)
{
    /// <summary>Share of all gold places with coordinates (matched or not) that the system found and put within tolerance.</summary>
    public double? Geocoded => Prf.Ratio(Within, GoldWithCoordinates);

    public double? Precision => Prf.Ratio(SystemMatched, System);
    public double? Recall => Prf.Ratio(Matched, Gold);
    public double? F1 => Prf.F1(Precision, Recall);
    /// <summary>Share of matched places (with gold coordinates) that the system put within tolerance; null while no system entity has coordinates.</summary>
    public double? WithinTolerance => Located == 0 ? null : Prf.Ratio(Within, WithGoldCoordinates);

    public static PlaceTally operator +(PlaceTally a, PlaceTally b) =>
        new(a.Gold + b.Gold, a.System + b.System, a.Matched + b.Matched, a.SystemMatched + b.SystemMatched, a.WithGoldCoordinates + b.WithGoldCoordinates, a.Located + b.Located, a.Within + b.Within, a.GoldWithCoordinates + b.GoldWithCoordinates);

    public static PlaceTally Of(IEnumerable<PlaceOutcome> outcomes)
    {
        int gold = 0, matched = 0, withGold = 0, located = 0, within = 0, goldWithCoordinates = 0;
        var systemAll = new HashSet<SystemEntity>(ReferenceEqualityComparer.Instance);
        var systemMatched = new HashSet<SystemEntity>(ReferenceEqualityComparer.Instance);
        foreach (var o in outcomes)
        {
            if (o.System is not null)
                systemAll.Add(o.System);
            if (o.Gold is null)
                continue;
            gold++;
            if (o.HasGoldCoordinates)
                goldWithCoordinates++;
            if (!o.Matched)
                continue;
            matched++;
            systemMatched.Add(o.System!);
            if (!o.HasGoldCoordinates)
                continue;
            withGold++;
            if (o.DistanceKm is not null)
                located++;
            if (o.Within == true)
                within++;
        }
        return new PlaceTally(gold, systemAll.Count, matched, systemMatched.Count, withGold, located, within, goldWithCoordinates);
    }
}
