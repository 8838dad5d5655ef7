using Marsad.Text;
using System.Text.RegularExpressions;
using Marsad.Model;

namespace Marsad.Cleaning;

/// <summary>
/// Splits a dateline off the start of a body and keeps it: «بغداد - وكالات - كشف…» → place بغداد,
/// source وكالات, body «كشف…». Recognised shapes (dash may be -, –, —, ـ or --):
/// <list type="bullet">
/// <item><c>PLACE - SOURCE - body</c> (source ≤ 4 words);</item>
/// <item><c>PLACE (SOURCE) - body</c> / <c>PLACE، COUNTRY (CNN) -- body</c>;</item>
/// <item><c>PLACE - body</c> when PLACE is at most three words and carries no sentence punctuation;</item>
/// <item><c>PLACE: body</c> is not taken (too often a speaker or a heading).</item>
/// </list>
/// </summary>
public static partial class DatelineExtractor
{
    /// <summary>The dateline and the offset where the body proper starts; null when the body has none.</summary>
    public static (Dateline Dateline, int BodyStart)? Extract(string body)
    {
        if (body.Length < 8)
            return null;
        var head = body.Length > 160 ? body[..160] : body;
        try
        {
            var m = PlaceSourceRegex().Match(head);
            if (m.Success)
                return (new Dateline(Clean(m.Groups["place"].Value), NullIfEmpty(Clean(m.Groups["source"].Value))), m.Length);
            m = PlaceParenRegex().Match(head);
            if (m.Success)
                return (new Dateline(Clean(m.Groups["place"].Value), Clean(m.Groups["source"].Value)), m.Length);
            m = PlaceOnlyRegex().Match(head);
            if (m.Success)
                return (new Dateline(Clean(m.Groups["place"].Value), null), m.Length);
        }
        catch (RegexMatchTimeoutException)
        {
        }
        return null;
    }

    private static string Clean(string s) => s.Trim().TrimEnd('،', ',').Trim();

    private static string? NullIfEmpty(string s) => s.Length == 0 ? null : s;

    // Word: Arabic or Latin letters; a place is 1–3 words, optionally «، COUNTRY» (1–3 more words).
    private const string Word = @"[\p{L}\p{M}\u0640'’.]+";
    private const string Place = @"(?<place>" + Word + @"(?:\s+" + Word + @"){0,2}(?:\s*[،,]\s*" + Word + @"(?:\s+" + Word + @"){0,3})?)";
    private const string Dash = @"\s+(?:--?|–|—|ـ+)\s+";

    [GeneratedRegex(@"^\s*" + Place + Dash + @"(?<source>" + Word + @"(?:\s+" + Word + @"){0,3})" + Dash, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceSourceRegex();

    [GeneratedRegex(@"^\s*" + Place + @"\s*\((?<source>[^()\n]{1,40})\)\s*(?:--?|–|—|ـ+|:)\s*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceParenRegex();

    [GeneratedRegex(@"^\s*(?<place>" + Word + @"(?:\s+" + Word + @"){0,2})" + Dash, RegexOptions.CultureInvariant, matchTimeoutMilliseconds: RegexLimits.TimeoutMilliseconds)]
    private static partial Regex PlaceOnlyRegex();
}
