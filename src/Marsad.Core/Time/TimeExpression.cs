using Marsad.Model;

namespace Marsad.Time;

/// <summary>
/// A time expression of the body, resolved against the article's publication date.
/// <see cref="Value"/> is ISO 8601 at the expression's granularity: <c>2017-04-18</c> (day),
/// <c>2017-W16</c> (week), <c>2017-04</c> (month), <c>2017</c> (year); null when it could not be
/// resolved (no publication date for a relative expression). A part of the day («صباح أمس») keeps
/// the day as value and names the part in <see cref="PartOfDay"/>.
/// </summary>
public sealed record TimeExpression(int Start, int End, string Text, string? Value, string Granularity, string By) : IAnnotation
{
    /// <summary><c>morning</c>, <c>noon</c>, <c>afternoon</c>, <c>evening</c>, <c>night</c>, <c>dawn</c>, or null.</summary>
    public string? PartOfDay { get; init; }

    /// <summary>What the value was computed from: <c>published</c> (relative to the publication date) or <c>explicit</c>.</summary>
    public required string Anchor { get; init; }

    /// <summary>The calendar the text used (<c>gregorian</c> or <c>hijri</c>); the value is always Gregorian.</summary>
    public string Calendar { get; init; } = "gregorian";
}
