namespace Marsad.Text;

/// <summary>
/// The one time bound every regular expression in Marsad runs under. It exists to stop
/// catastrophic backtracking on hostile text, not to shape results: it must sit far above the
/// first-call cost of a compiled pattern (its IL is JIT-compiled inside the timed match, which on a
/// loaded 2-core machine has taken over 200 ms), or results would depend on machine load.
/// </summary>
public static class RegexLimits
{
    public const int TimeoutMilliseconds = 2000;

    public static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(TimeoutMilliseconds);
}
