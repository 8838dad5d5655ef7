using System.Collections.Immutable;
using Marsad.Ingest;
using Marsad.Model;
using Marsad.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Marsad.Server.Tests;

/// <summary><see cref="IArchive.Network"/> (the query the server added to the archive) on both back ends.</summary>
public sealed class ArchiveNetworkTests
{
    /// <summary>A document of <paramref name="body"/> whose entities are exactly the given (canonical, type) pairs, each mentioned where it occurs.</summary>
    private static Document Doc(string body, string source, params (string Name, EntityType Type)[] entities)
    {
        var article = new Article { Id = ArticleId.Compute(body), Source = source, Format = "text", Language = "ar", Body = body };
        var list = ImmutableArray.CreateBuilder<Entity>();
        var n = 0;
        foreach (var (name, type) in entities)
        {
            var at = body.IndexOf(name, StringComparison.Ordinal);
            Assert.True(at >= 0, name);
            list.Add(new Entity
            {
                Id = "e" + ++n,
                Canonical = name,
                Type = type,
                Mentions = [new EntityMention(at, at + name.Length, name, "test")],
            });
        }
        return new Document(article) { Entities = list.ToImmutable() };
    }

    private static IReadOnlyList<Document> ThreeArticles() =>
    [
        Doc("التقى محمد السوداني في بغداد وفدا من الأمم المتحدة.", "t1", ("محمد السوداني", EntityType.PER), ("بغداد", EntityType.LOC), ("الأمم المتحدة", EntityType.ORG)),
        Doc("وصل محمد السوداني إلى بغداد بعد زيارة رسمية.", "t2", ("محمد السوداني", EntityType.PER), ("بغداد", EntityType.LOC)),
        Doc("عقدت الأمم المتحدة اجتماعا في نيويورك.", "t3", ("الأمم المتحدة", EntityType.ORG), ("نيويورك", EntityType.LOC)),
    ];

    [Theory]
    [MemberData(nameof(Stores.Kinds), MemberType = typeof(Stores))]
    public void Network_weights_edges_by_shared_articles(string kind)
    {
        using var temp = TempStore.Create(kind);
        using var archive = Archive.Open(temp.Store);
        archive.Store(ThreeArticles());

        var net = archive.Network(new NetworkQuery { Entities = 10 });
        Assert.Equal(4, net.Nodes.Count);
        string Key(string name) => net.Nodes.Single(n => n.Canonical == name).Key;
        var edges = net.Edges.ToDictionary(e => (e.Source, e.Target), e => e.Articles);
        long Weight(string a, string b) => edges.TryGetValue((Key(a), Key(b)), out var w) ? w : edges.GetValueOrDefault((Key(b), Key(a)));
        Assert.Equal(2, Weight("محمد السوداني", "بغداد"));
        Assert.Equal(1, Weight("محمد السوداني", "الأمم المتحدة"));
        Assert.Equal(1, Weight("الأمم المتحدة", "نيويورك"));
        Assert.Equal(0, Weight("بغداد", "نيويورك"));
        Assert.Equal(2, net.Edges[0].Articles);
    }

    [Theory]
    [MemberData(nameof(Stores.Kinds), MemberType = typeof(Stores))]
    public void Network_keeps_edges_of_at_least_min_articles_among_nodes_of_one_type(string kind)
    {
        using var temp = TempStore.Create(kind);
        using var archive = Archive.Open(temp.Store);
        archive.Store(ThreeArticles());

        var strong = archive.Network(new NetworkQuery { Entities = 10, MinArticles = 2 });
        Assert.Single(strong.Edges);
        var places = archive.Network(new NetworkQuery { Type = "LOC" });
        Assert.All(places.Nodes, n => Assert.Equal("LOC", n.Type));
        Assert.Empty(places.Edges); // بغداد and نيويورك never share an article
    }

    [Stores.PostgresFact]
    public async Task Server_serves_a_postgres_archive()
    {
        using var temp = TempStore.Create(Stores.Postgres);
        ServedArchive.Ingest(temp.Store);
        await using var app = MarsadServer.Build(new ServerOptions { Store = temp.Store, IndexPath = temp.IndexPath }, b => b.WebHost.UseTestServer());
        await app.StartAsync();
        using var client = app.GetTestClient();
        foreach (var url in new[] { "/api/articles?limit=3", "/api/entities?type=PER", "/api/quotes", "/api/events", "/api/network", "/api/places", "/api/stats", "/api/search?q=" + Uri.EscapeDataString("وزراء الخارجية") })
        {
            using var response = await client.GetAsync(new Uri(url, UriKind.Relative));
            Assert.True(response.IsSuccessStatusCode, $"{url}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        }
        var stats = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/stats", UriKind.Relative))).RootElement;
        Assert.Equal("postgres", stats.GetProperty("store").GetString());
        Assert.True(stats.GetProperty("articles").GetInt64() > ServedArchive.RealArticles);
        Assert.Equal(stats.GetProperty("articles").GetInt64(), stats.GetProperty("search_documents").GetInt64());
        var search = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync(new Uri("/api/search?q=" + Uri.EscapeDataString("وزراء الخارجية"), UriKind.Relative))).RootElement;
        Assert.True(search.GetProperty("total").GetInt64() >= 1);
    }
}
