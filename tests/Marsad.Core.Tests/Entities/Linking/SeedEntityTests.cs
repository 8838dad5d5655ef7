using System.Text.Json;
using Marsad.Entities.Evaluation;
using Marsad.Entities.Lexicons;
using Marsad.Model;
using Marsad.Testing;
using Marsad.Text;

namespace Marsad.Tests.Entities.Linking;

/// <summary>
/// The seed page against the entities of its gold file: every gold entity found with its type, its name forms
/// grouped under one entity, <c>min_mentions</c> met in the body, and none of <c>not_entities</c> tagged.
/// </summary>
public sealed class SeedEntityTests
{
    private static readonly JsonElement Gold = JsonDocument.Parse(File.ReadAllText(SharedData.Path("seed/000_2bf1e917491ed886.gold.json"))).RootElement;
    private static readonly Lazy<Document> Doc = new(() => Analyzer.Analyze(SharedData.Path("seed/000_2bf1e917491ed886.txt")));

    public static TheoryData<string> GoldEntities()
    {
        var data = new TheoryData<string>();
        foreach (var e in Gold.GetProperty("entities").EnumerateArray())
            data.Add(e.GetProperty("canonical").GetString()!);
        return data;
    }

    public static TheoryData<string> NotEntities()
    {
        var data = new TheoryData<string>();
        foreach (var e in Gold.GetProperty("not_entities").EnumerateArray())
            data.Add(e.GetString()!);
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldEntities))]
    public void Gold_entity_is_found_typed_grouped_and_counted(string canonical)
    {
        var gold = Gold.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("canonical").GetString() == canonical);
        var type = Enum.Parse<EntityType>(gold.GetProperty("type").GetString()!);
        var forms = gold.GetProperty("mentions").EnumerateArray().Select(m => m.GetString()!).ToList();
        var doc = Doc.Value;
        var entity = doc.Entities.FirstOrDefault(e => e.Type == type && Matches(e, canonical, forms));
        Assert.True(entity is not null, $"«{canonical}» ({type}) not found; entities: {string.Join(", ", doc.Entities.Select(e => e.Canonical + "/" + e.Type))}");

        // Every occurrence of the gold's name forms (not nominal anaphora such as «التنظيم») is a mention of this entity.
        var names = forms.Where(f => !IsNominal(f)).ToList();
        var occurrences = EntityScorer.FindGoldMentions(doc.Article.Body, new EntityAnnotationFile("seed", "seed", [new AnnotatedEntity(canonical, type, [.. names])]));
        foreach (var o in occurrences)
        {
            Assert.True(entity.Mentions.Any(m => m.Start < o.End && o.Start < m.End),
                $"«{doc.Article.Body[o.Start..o.End]}» at {o.Start} is not under «{entity.Canonical}»");
        }
        var min = gold.TryGetProperty("min_mentions", out var mm) ? mm.GetInt32() : 1;
        Assert.True(entity.Mentions.Length >= min, $"«{canonical}»: {entity.Mentions.Length} mentions, at least {min} expected");
    }

    [Theory]
    [MemberData(nameof(NotEntities))]
    public void Not_entity_is_not_tagged(string phrase)
    {
        var doc = Doc.Value;
        var occurrences = EntityScorer.FindGoldMentions(doc.Article.Body, new EntityAnnotationFile("seed", "seed", [new AnnotatedEntity(phrase, EntityType.MISC, [phrase])]));
        Assert.NotEmpty(occurrences);
        foreach (var o in occurrences)
        {
            foreach (var m in doc.Entities.SelectMany(e => e.Mentions))
            {
                // «الشأن العراقي» holds no entity: no mention may overlap the phrase.
                Assert.False(m.Start < o.End && o.Start < m.End, $"«{m.Text}» ({m.By}) overlaps the non-entity «{phrase}»");
            }
        }
    }

    [Fact]
    public void Roles_and_titles_are_read_next_to_the_names()
    {
        var doc = Doc.Value;
        foreach (var gold in Gold.GetProperty("entities").EnumerateArray().Where(e => e.TryGetProperty("role", out _)))
        {
            var canonical = gold.GetProperty("canonical").GetString()!;
            var e = doc.Entities.Single(x => x.Type == EntityType.PER && Same(x.Canonical, canonical));
            Assert.Equal(ArabicNormalizer.Normalize(gold.GetProperty("role").GetString()!), ArabicNormalizer.Normalize(e.Role ?? ""));
            if (gold.TryGetProperty("title", out var title))
                Assert.Equal(ArabicNormalizer.Normalize(title.GetString()!), ArabicNormalizer.Normalize(e.Title ?? ""));
        }
    }

    private static bool Matches(Entity e, string canonical, List<string> forms) =>
        Same(e.Canonical, canonical) || Contains(e.Canonical, canonical) || Contains(canonical, e.Canonical)
        || e.Mentions.Any(m => forms.Any(f => Same(m.Text, f)));

    private static bool Same(string a, string b) => ArabicNormalizer.Normalize(a) == ArabicNormalizer.Normalize(b);

    private static bool Contains(string whole, string part) =>
        (" " + ArabicNormalizer.Normalize(whole) + " ").Contains(" " + ArabicNormalizer.Normalize(part) + " ", StringComparison.Ordinal);

    // «التنظيم», «الجهاز»: a definite trigger noun standing for a named organisation.
    private static bool IsNominal(string form)
    {
        var key = ArabicNormalizer.Normalize(form);
        return !key.Contains(' ', StringComparison.Ordinal) && EntityLexicon.Shared.TryHead(key, out _, out var definite) && definite;
    }
}
