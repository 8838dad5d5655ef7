using System.Collections.Immutable;

namespace Marsad.Evaluation;

/// <summary>
/// One hand-annotated article: where to find it (<see cref="Source"/> under <c>../shared</c> and the
/// record <see cref="RecordId"/>, or a sibling text file for the seed format) and its gold quotes,
/// times and places. Strings are located in the body after Arabic normalisation.
/// </summary>
public sealed record GoldArticle
{
    /// <summary>The annotation file.</summary>
    public required string GoldPath { get; init; }

    /// <summary>Path of the article as written in the file: absolute, or relative to the shared data root or to the file.</summary>
    public string? Source { get; init; }

    /// <summary>The record id inside a corpus file (JSONL <c>id</c>); null for a one-article file.</summary>
    public string? RecordId { get; init; }

    /// <summary>The publication date the annotator resolved relative expressions against, as written.</summary>
    public string? Published { get; init; }

    public ImmutableArray<GoldQuote> Quotes { get; init; } = [];
    public ImmutableArray<GoldTime> Times { get; init; } = [];
    public ImmutableArray<GoldPlace> Places { get; init; } = [];

    /// <summary>A short name for reports: the record id, else the file name.</summary>
    public string Name => RecordId ?? System.IO.Path.GetFileName(GoldPath);
}

/// <summary>
/// A gold quote. <see cref="Starts"/> is the first words of the content as written; the n-th
/// (<see cref="Nth"/>, 1-based) occurrence of it in the body, or the first one inside sentence
/// <see cref="Sentence"/> when given (seed format), is where the content starts.
/// </summary>
public sealed record GoldQuote(string Speaker, string Kind, string Starts)
{
    public const string UnnamedMarker = "(unnamed)";

    /// <summary>Other acceptable phrases for the same speaker (a role phrase, a short form, a co-speaker).</summary>
    public ImmutableArray<string> SpeakerAlso { get; init; } = [];
    public string? Verb { get; init; }
    public int Nth { get; init; } = 1;
    public int? Sentence { get; init; }
    /// <summary>The outlet or channel (canonical name) the claim came through, or null.</summary>
    public string? Via { get; init; }
    public bool CarryOver { get; init; }
    /// <summary>A defensible-either-way item: a matching system quote is ignored, a miss is not counted.</summary>
    public bool Optional { get; init; }

    /// <summary>True for anonymous sources («مصادر (unnamed)»).</summary>
    public bool IsUnnamed => Speaker.EndsWith(UnnamedMarker, StringComparison.Ordinal);

    /// <summary>The speaker and its alternatives without the unnamed marker.</summary>
    public IEnumerable<string> SpeakerNames()
    {
        yield return Strip(Speaker);
        foreach (var s in SpeakerAlso)
            yield return Strip(s);

        static string Strip(string s) => s.EndsWith(UnnamedMarker, StringComparison.Ordinal) ? s[..^UnnamedMarker.Length].Trim() : s;
    }
}

/// <summary>A gold time expression and its resolved ISO value (null for optional durations and vague references).</summary>
public sealed record GoldTime(string Text, string? Value)
{
    public string Granularity { get; init; } = "day";
    public string? PartOfDay { get; init; }
    public int Nth { get; init; } = 1;
    public int? Sentence { get; init; }
    public bool Optional { get; init; }
}

/// <summary>
/// A gold place: its names and its position. <see cref="ToleranceKm"/> is the radius that counts as
/// right (25 km when absent). A place without coordinates may name the enclosing gold place in
/// <see cref="Within"/> (a neighbourhood of a city); otherwise only its detection is scored.
/// </summary>
public sealed record GoldPlace(string Canonical)
{
    public const double DefaultToleranceKm = 25;

    public ImmutableArray<string> Mentions { get; init; } = [];
    public string? Kind { get; init; }
    public string? Country { get; init; }
    public double? Lat { get; init; }
    public double? Lon { get; init; }
    public double? ToleranceKm { get; init; }
    public string? Within { get; init; }
}
