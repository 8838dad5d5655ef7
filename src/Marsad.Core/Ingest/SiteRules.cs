using System.Text.RegularExpressions;
using Marsad.Cleaning;

namespace Marsad.Ingest;

/// <summary>
/// Rules that hold for one site only, each named after its site and tested on its own. Keep this
/// list short: a rule belongs here only when the shape is unambiguous for that site and wrong to
/// apply elsewhere.
/// </summary>
public static partial class SiteRules
{
    /// <summary>
    /// Saudi Press Agency (spa.gov.sa): titles open with the desk, «عام / …», «رياضي / …»; the desk is the
    /// section. Applied only to spa.gov.sa URLs and when the record has no section of its own.
    /// </summary>
    public static (string? Title, string? Section) TitleSection(string? title, string? section, string? url)
    {
        if (title is null || section is not null || url is null || !url.Contains("spa.gov.sa", StringComparison.OrdinalIgnoreCase))
            return (title, section);
        var m = SpaDeskRegex().Match(title);
        return m.Success ? (m.Groups["title"].Value.Trim(), m.Groups["desk"].Value) : (title, section);
    }

    [GeneratedRegex(@"^(?<desk>[\u0621-\u064A]+)\s*/\s*(?<title>\S.*)$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: Marsad.Text.RegexLimits.TimeoutMilliseconds)]
    private static partial Regex SpaDeskRegex();
}
