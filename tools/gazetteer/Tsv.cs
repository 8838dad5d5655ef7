using System.Text;

namespace Marsad.Gazetteer;

/// <summary>Reads the gazetteer's tab-separated files: one header row, <c>\n</c> line ends, no quoting, <c>#</c> comments.</summary>
internal sealed class Tsv
{
    private readonly Dictionary<string, int> _columns;
    private readonly List<string[]> _rows;

    private Tsv(Dictionary<string, int> columns, List<string[]> rows)
    {
        _columns = columns;
        _rows = rows;
    }

    public IReadOnlyList<string[]> Rows => _rows;

    public static Tsv Read(string path)
    {
        var columns = new Dictionary<string, int>(StringComparer.Ordinal);
        var rows = new List<string[]>();
        foreach (var raw in File.ReadLines(path, Encoding.UTF8))
        {
            var line = raw.TrimEnd('\r');
            if (line.Length == 0 || line.StartsWith('#'))
                continue;
            var cells = line.Split('\t');
            if (columns.Count == 0)
            {
                for (var i = 0; i < cells.Length; i++)
                    columns[cells[i].Trim()] = i;
                continue;
            }
            rows.Add(cells);
        }
        return new Tsv(columns, rows);
    }

    /// <summary>The cell of <paramref name="column"/> in <paramref name="row"/>, trimmed; empty when the row is short.</summary>
    public string Get(string[] row, string column)
    {
        if (!_columns.TryGetValue(column, out var i))
            throw new InvalidDataException($"column «{column}» not found");
        return i < row.Length ? row[i].Trim() : "";
    }

    /// <summary>The <c>|</c>-separated values of a cell, trimmed, empties dropped.</summary>
    public IEnumerable<string> GetList(string[] row, string column) =>
        Get(row, column).Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>The non-empty, non-comment lines of a one-item-per-line file.</summary>
    public static IEnumerable<string> Lines(string path) =>
        File.ReadLines(path, Encoding.UTF8).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
}
