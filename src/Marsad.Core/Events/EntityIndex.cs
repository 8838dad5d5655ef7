using Marsad.Model;

namespace Marsad.Events;

/// <summary>The entity stage's mentions by body offset, for the event coder: persons and organisations as actors, places as event locations.</summary>
internal sealed class EntityIndex
{
    private readonly (int Start, int End, Entity Entity)[] _actors;
    private readonly (int Start, int End, Entity Entity)[] _places;
    private readonly Dictionary<string, Entity> _byName = new(StringComparer.Ordinal);

    public EntityIndex(IReadOnlyList<Entity> entities)
    {
        var actors = new List<(int, int, Entity)>();
        var places = new List<(int, int, Entity)>();
        foreach (var e in entities)
        {
            foreach (var m in e.Mentions)
            {
                if (e.Type is EntityType.PER or EntityType.ORG)
                    actors.Add((m.Start, m.End, e));
                else if (e.Type == EntityType.LOC)
                    places.Add((m.Start, m.End, e));
            }
        }
        // Names of persons and organisations (canonical, aliases, mention texts) for phrases the recogniser tagged
        // elsewhere as another type or missed in this sentence.
        foreach (var e in entities.Where(e => e.Type == EntityType.ORG).Concat(entities.Where(e => e.Type == EntityType.PER)))
        {
            foreach (var name in e.Mentions.Select(m => m.Text).Prepend(e.Canonical).Concat(e.Aliases))
                _byName.TryAdd(NameKey(name), e);
        }
        _actors = [.. actors.OrderBy(a => a.Item1)];
        _places = [.. places.OrderBy(a => a.Item1)];
    }

    public static EntityIndex Empty { get; } = new([]);

    /// <summary>A person or organisation mention starting inside <c>[start, end)</c> (a token, proclitics allowed).</summary>
    public (Entity Entity, int End)? PersonOrOrgAt(int start, int end) => At(_actors, start, end);

    /// <summary>The person or organisation of the document with this name (canonical, alias or mention text), by <see cref="NameKey"/>.</summary>
    public Entity? ByName(string key) => key.Length > 0 && _byName.TryGetValue(key, out var e) ? e : null;

    /// <summary>A name as words without the article and quotation marks, normalised, space-separated.</summary>
    public static string NameKey(string name) =>
        string.Join(' ', name.Split([' ', '«', '»', '"', '(', ')', '“', '”'], StringSplitOptions.RemoveEmptyEntries).Select(Lexicon.TriggerLexicon.BareWord));

    /// <summary>A place mention starting inside <c>[start, end)</c>.</summary>
    public (Entity Entity, int End)? PlaceAt(int start, int end) => At(_places, start, end);

    /// <summary>Where a mention of <paramref name="e"/> starts inside <c>[start, end)</c>, or <paramref name="start"/>.</summary>
    public int MentionStartIn(Entity e, int start, int end)
    {
        foreach (var m in e.Mentions)
        {
            if (m.Start >= start && m.Start < end)
                return m.Start;
        }
        return start;
    }

    private static (Entity, int)? At((int Start, int End, Entity Entity)[] list, int start, int end)
    {
        var lo = 0;
        var hi = list.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (list[mid].Start < start)
                lo = mid + 1;
            else
                hi = mid;
        }
        (int Start, int End, Entity Entity)? best = null;
        for (var k = lo; k < list.Length && list[k].Start < end; k++)
        {
            if (best is null || list[k].End > best.Value.End)
                best = list[k];
        }
        return best is { } b ? (b.Entity, b.End) : null;
    }
}
