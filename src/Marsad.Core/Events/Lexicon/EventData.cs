using System.Text;

namespace Marsad.Events.Lexicon;

/// <summary>
/// Reads the event dictionaries embedded in the assembly (<c>Events/Data/*.tsv</c>). For curating them without
/// a rebuild, <c>MARSAD_EVENTS_DATA</c> may name a folder whose files replace the embedded ones (read once,
/// when the lexicons are first used).
/// </summary>
internal static class EventData
{
    private const string Prefix = "Marsad.Events.Data.";

    /// <summary>The rows of <paramref name="file"/> (<c>triggers.tsv</c> …) split on tabs, with their line numbers; blank and comment lines are skipped.</summary>
    public static IEnumerable<(int Line, string[] Cells)> Rows(string file)
    {
        using var reader = Open(file);
        var n = 0;
        while (reader.ReadLine() is { } line)
        {
            n++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
                continue;
            yield return (n, line.Split('\t'));
        }
    }

    private static StreamReader Open(string file)
    {
        var dir = Environment.GetEnvironmentVariable("MARSAD_EVENTS_DATA");
        if (!string.IsNullOrEmpty(dir) && File.Exists(Path.Combine(dir, file)))
            return new StreamReader(Path.Combine(dir, file), Encoding.UTF8);
        var stream = typeof(EventData).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"embedded event dictionary {file} is missing");
        return new StreamReader(stream, Encoding.UTF8);
    }
}
