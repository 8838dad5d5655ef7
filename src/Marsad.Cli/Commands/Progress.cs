using System.Diagnostics;
using System.Globalization;

namespace Marsad.Cli.Commands;

/// <summary>
/// A one-line progress bar on standard error, drawn only when standard error is a terminal
/// (pipes and CI logs get the summary line only). Messages printed through
/// <see cref="WriteLineAbove"/> clear the bar first so they never interleave with it.
/// </summary>
internal sealed class Progress : IDisposable
{
    private static Progress? s_active;
    private readonly int _total;
    private readonly string _label;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private long _lastDraw;
    private int _done;
    private int _articles;
    private int _errors;

    private Progress(int total, string label)
    {
        _total = total;
        _label = label;
    }

    /// <summary>A bar for <paramref name="total"/> units, or null when standard error is not a terminal or the batch is one file.</summary>
    public static Progress? Start(int total, string label)
    {
        if (Console.IsErrorRedirected || total <= 1)
            return null;
        return s_active = new Progress(total, label);
    }

    public void Advance(BatchSummary summary)
    {
        _done = summary.Files;
        _articles = summary.Articles;
        _errors = summary.Errors;
        if (_clock.ElapsedMilliseconds - _lastDraw < 100 && _done < _total)
            return;
        _lastDraw = _clock.ElapsedMilliseconds;
        Draw();
    }

    private void Draw()
    {
        const int width = 30;
        var fraction = _total == 0 ? 1 : (double)_done / _total;
        var filled = (int)(fraction * width);
        var rate = _articles / Math.Max(_clock.Elapsed.TotalSeconds, 1e-3);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r{_label} [{new string('#', filled)}{new string('.', width - filled)}] {_done}/{_total} files  {_articles:N0} articles  {rate:N0}/s  {_errors} errors "));
    }

    private static void Clear() => Console.Error.Write("\r" + new string(' ', Math.Min(Console.BufferWidth > 0 ? Console.BufferWidth - 1 : 100, 160)) + "\r");

    public static void WriteLineAbove(string message)
    {
        if (s_active is { } p)
        {
            Clear();
            Console.Error.WriteLine(message);
            p.Draw();
        }
        else
        {
            Console.Error.WriteLine(message);
        }
    }

    public void Dispose()
    {
        if (s_active == this)
        {
            Draw();
            Console.Error.WriteLine();
            s_active = null;
        }
    }
}
