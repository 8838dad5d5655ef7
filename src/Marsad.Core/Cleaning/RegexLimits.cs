namespace Marsad.Cleaning;

/// <summary>
/// The match timeout of the ingest and cleaning regexes. It bounds catastrophic backtracking on
/// hostile input; it is not a speed budget. 100 ms proved too tight: the first match of a large
/// generated regex includes its JIT, and on a loaded machine that alone can pass 100 ms, so a line
/// was read differently from run to run. One second keeps the bound and the determinism.
/// </summary>
internal static class RegexLimits
{
    public const int TimeoutMs = 1000;
}
