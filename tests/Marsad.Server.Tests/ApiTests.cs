using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Marsad.Store;

namespace Marsad.Server.Tests;

/// <summary>The REST API over the served test archive (examples, seed page, real articles, a hostile article).</summary>
[Collection(ServedArchiveCollection.Name)]
public sealed class ApiTests(ServedArchive served)
{
    private readonly HttpClient _client = served.Client;

    private async Task<JsonElement> Get(string url)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url}: {(int)response.StatusCode} {text}");
        Assert.StartsWith("application/json", response.Content.Headers.ContentType?.MediaType, StringComparison.Ordinal);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    private async Task<JsonElement> Problem(HttpResponseMessage response, HttpStatusCode status)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"expected {(int)status}, got {(int)response.StatusCode}: {text}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(text).RootElement.Clone();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        Assert.False(string.IsNullOrEmpty(problem.GetProperty("title").GetString()));
        return problem;
    }

    private static string Esc(string s) => Uri.EscapeDataString(s);

    [Fact]
    public async Task Articles_are_paged_newest_first_and_next_leads_to_the_following_page()
    {
        var first = await Get("/api/articles?limit=5");
        var items = first.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(5, items.Count);
        Assert.True(first.GetProperty("total").GetInt64() >= ServedArchive.RealArticles);
        var dates = items.Select(i => i.GetProperty("published").GetString()).ToList();
        Assert.Equal(dates.OrderByDescending(d => d, StringComparer.Ordinal), dates);
        var next = first.GetProperty("next").GetString()!;
        Assert.Contains("offset=5", next, StringComparison.Ordinal);
        var second = await Get(next);
        Assert.Equal(5, second.GetProperty("offset").GetInt32());
        var ids = items.Select(i => i.GetProperty("id").GetString()).ToHashSet();
        Assert.DoesNotContain(second.GetProperty("items").EnumerateArray(), i => ids.Contains(i.GetProperty("id").GetString()));
    }

    [Fact]
    public async Task Articles_filter_by_section_and_date_range()
    {
        var bySection = await Get($"/api/articles?section={Esc("اقتصاد")}");
        var items = bySection.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, i => Assert.Equal("اقتصاد", i.GetProperty("section").GetString()));

        var inRange = await Get("/api/articles?from=2025-02-01&to=2025-02-28&limit=100");
        var dated = inRange.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("published").GetString()!).ToList();
        Assert.NotEmpty(dated);
        Assert.All(dated, d => Assert.StartsWith("2025-02-", d, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Article_by_id_carries_the_analysis_and_entity_keys()
    {
        var list = await Get($"/api/articles?speaker={Esc("مصدر")}&limit=1");
        var id = list.GetProperty("items")[0].GetProperty("id").GetString()!;
        var article = await Get("/api/articles/" + id);
        Assert.Equal(id, article.GetProperty("summary").GetProperty("id").GetString());
        var analysis = article.GetProperty("analysis");
        var body = analysis.GetProperty("article").GetProperty("body").GetString()!;
        var quotes = analysis.GetProperty("quotes").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        foreach (var q in quotes)
            Assert.Equal(q.GetProperty("text").GetString(), body[q.GetProperty("start").GetInt32()..q.GetProperty("end").GetInt32()]);
        var keys = article.GetProperty("entity_keys");
        foreach (var e in analysis.GetProperty("entities").EnumerateArray())
            Assert.True(keys.TryGetProperty(e.GetProperty("id").GetString()!, out _));
    }

    [Fact]
    public async Task Unknown_article_is_a_404_problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/articles/0000000000000000", UriKind.Relative));
        await Problem(response, HttpStatusCode.NotFound);
    }

    public static TheoryData<string, string> BadRequests() => new()
    {
        { "/api/articles?limit=0", "limit" },
        { "/api/articles?limit=abc", "limit" },
        { "/api/articles?offset=-1", "offset" },
        { "/api/articles?from=2025-13-01", "from" },
        { "/api/articles?from=2025-03-01&to=2025-02-01", "from" },
        { "/api/articles?type=PERSON", "type" },
        { "/api/articles?country=IRQ", "country" },
        { "/api/entities?type=X", "type" },
        { "/api/entities?limit=100000", "limit" },
        { "/api/quotes?to=yesterday", "to" },
        { "/api/events?root=21", "root" },
        { "/api/events?root=abc", "root" },
        { "/api/search", "q" },
        { "/api/search?q=%20", "q" },
        { "/api/search?q=" + new string('ب', 1001), "q" },
        { "/api/search?q=x&limit=101", "limit" },
        { "/api/network?entities=1", "entities" },
        { "/api/places?limit=9999", "limit" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task Bad_parameters_are_a_400_problem_naming_the_parameter(string url, string parameter)
    {
        using var response = await _client.GetAsync(new Uri(url, UriKind.Relative));
        var problem = await Problem(response, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task Unknown_endpoint_is_a_404_problem()
    {
        using var response = await _client.GetAsync(new Uri("/api/nothing-here", UriKind.Relative));
        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Entities_filter_by_type()
    {
        var people = await Get("/api/entities?type=PER&limit=50");
        var items = people.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Equal("PER", e.GetProperty("type").GetString()));
        var counts = items.Select(e => e.GetProperty("articles").GetInt64()).ToList();
        Assert.Equal(counts.OrderDescending(), counts);
    }

    [Fact]
    public async Task Entity_profile_has_mentions_and_co_occurring_entities_and_unknown_is_404()
    {
        var top = await Get("/api/entities?limit=1");
        var key = top.GetProperty("items")[0].GetProperty("key").GetString()!;
        var profile = await Get("/api/entities/" + Esc(key));
        Assert.Equal(key, profile.GetProperty("entity").GetProperty("key").GetString());
        Assert.NotEmpty(profile.GetProperty("mentions").EnumerateArray());
        Assert.NotEmpty(profile.GetProperty("co_occurring").EnumerateArray());
        Assert.DoesNotContain(profile.GetProperty("co_occurring").EnumerateArray(), c => c.GetProperty("entity").GetProperty("key").GetString() == key);

        using var response = await _client.GetAsync(new Uri("/api/entities/" + Esc("PER:لا أحد بهذا الاسم"), UriKind.Relative));
        await Problem(response, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Quotes_filter_by_speaker_key()
    {
        var all = await Get("/api/quotes?limit=100");
        var keyed = all.GetProperty("items").EnumerateArray().FirstOrDefault(q => q.GetProperty("speaker_key").ValueKind == JsonValueKind.String);
        Assert.True(keyed.ValueKind == JsonValueKind.Object, "no quote with a linked speaker in the test archive");
        var key = keyed.GetProperty("speaker_key").GetString()!;
        var bySpeaker = await Get("/api/quotes?speaker=" + Esc(key));
        var items = bySpeaker.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, q => Assert.Equal(key, q.GetProperty("speaker_key").GetString()));
    }

    [Fact]
    public async Task Events_filter_by_cameo_root_and_carry_the_event_object()
    {
        var all = await Get("/api/events?limit=100");
        var first = all.GetProperty("items").EnumerateArray().First();
        var root = first.GetProperty("root").GetString()!;
        var byRoot = await Get("/api/events?root=" + root);
        var items = byRoot.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, e => Assert.Equal(root, e.GetProperty("root").GetString()));
        Assert.All(items, e => Assert.Equal(root, e.GetProperty("event").GetProperty("root").GetString()));
    }

    [Fact]
    public async Task Search_finds_an_example_with_highlights_inside_the_snippet()
    {
        var r = await Get($"/api/search?q={Esc("وزراء الخارجية")}");
        var hits = r.GetProperty("hits").EnumerateArray().ToList();
        Assert.Contains(hits, h => h.GetProperty("title").GetString() == "الكويت تستضيف اجتماعاً لوزراء الخارجية العرب");
        foreach (var h in hits)
        {
            var snippet = h.GetProperty("snippet");
            var text = snippet.GetProperty("text").GetString()!;
            var marks = snippet.GetProperty("highlights").EnumerateArray().ToList();
            Assert.NotEmpty(marks);
            foreach (var m in marks)
                Assert.InRange(m[1].GetInt32(), m[0].GetInt32() + 1, text.Length);
        }
    }

    [Fact]
    public async Task Search_filters_by_section()
    {
        var r = await Get($"/api/search?q={Esc("وزراء")}&section={Esc("رياضة")}");
        Assert.Equal(0, r.GetProperty("total").GetInt64());
        var s = await Get($"/api/search?q={Esc("وزراء")}&section={Esc("سياسة")}");
        Assert.True(s.GetProperty("total").GetInt64() >= 1);
        Assert.All(s.GetProperty("hits").EnumerateArray(), h => Assert.Equal("سياسة", h.GetProperty("section").GetString()));
    }

    [Fact]
    public async Task Stats_count_what_the_archive_holds()
    {
        var s = await Get("/api/stats");
        long expected;
        using (var archive = Archive.Open(served.Temp.Store))
            expected = archive.CountArticles();
        Assert.Equal(expected, s.GetProperty("articles").GetInt64());
        Assert.Equal(expected, s.GetProperty("search_documents").GetInt64());
        Assert.Equal("sqlite", s.GetProperty("store").GetString());
        Assert.NotEmpty(s.GetProperty("sections").EnumerateArray());
    }

    [Fact]
    public async Task Network_edges_join_returned_nodes_and_are_strongest_first()
    {
        var n = await Get("/api/network?entities=30");
        var nodes = n.GetProperty("nodes").EnumerateArray().Select(e => e.GetProperty("key").GetString()).ToHashSet();
        var edges = n.GetProperty("edges").EnumerateArray().ToList();
        Assert.NotEmpty(edges);
        Assert.All(edges, e => Assert.Contains(e.GetProperty("source").GetString(), nodes));
        Assert.All(edges, e => Assert.Contains(e.GetProperty("target").GetString(), nodes));
        var weights = edges.Select(e => e.GetProperty("articles").GetInt64()).ToList();
        Assert.Equal(weights.OrderDescending(), weights);
    }

    [Fact]
    public async Task Places_lists_place_entities_with_their_country()
    {
        var p = await Get("/api/places");
        var places = p.GetProperty("places").EnumerateArray().ToList();
        Assert.Contains(places, x => x.GetProperty("country").GetString() == "IQ");
    }

    [Fact]
    public async Task Analyze_returns_the_document_json_of_posted_text()
    {
        const string text = "قال وزير الخارجية العراقي فؤاد حسين إن العلاقات مع الكويت تشهد تطورا ملحوظا.";
        using var content = new StringContent(text, Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var r = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        var doc = r.GetProperty("documents")[0];
        Assert.Contains("فؤاد حسين", doc.GetProperty("article").GetProperty("body").GetString(), StringComparison.Ordinal);
        Assert.NotEmpty(doc.GetProperty("sentences").EnumerateArray());
        Assert.True(doc.TryGetProperty("entities", out _));
    }

    [Fact]
    public async Task Analyze_refuses_a_body_over_the_limit_with_413()
    {
        var big = new string('ب', served.Options.MaxAnalyzeBytes); // two UTF-8 bytes each: twice the limit
        using var content = new StringContent(big, Encoding.UTF8, "text/plain");
        using var response = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), content);
        await Problem(response, HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Analyze_refuses_an_empty_body_with_400()
    {
        using var content = new ByteArrayContent([]);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/plain");
        using var response = await _client.PostAsync(new Uri("/api/analyze", UriKind.Relative), content);
        await Problem(response, HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task OpenApi_document_lists_every_endpoint()
    {
        var doc = await Get("/openapi.json");
        var paths = doc.GetProperty("paths");
        foreach (var p in new[] { "/api/articles", "/api/articles/{id}", "/api/entities", "/api/entities/{key}", "/api/quotes", "/api/events", "/api/search", "/api/stats", "/api/analyze", "/api/network", "/api/places" })
            Assert.True(paths.TryGetProperty(p, out _), p);
    }

    [Fact]
    public async Task Hostile_article_text_comes_back_as_json_strings_unchanged()
    {
        var article = await Get("/api/articles/" + served.HostileId);
        Assert.Equal(ServedArchive.HostileTitle, article.GetProperty("summary").GetProperty("title").GetString());
        Assert.Equal(ServedArchive.HostileTitle, article.GetProperty("analysis").GetProperty("article").GetProperty("title").GetString());
        var hits = await Get($"/api/search?q={Esc("تقرير اختبار الحقن")}");
        Assert.Contains(hits.GetProperty("hits").EnumerateArray(), h => h.GetProperty("title").GetString() == ServedArchive.HostileTitle);
    }

    [Fact]
    public async Task Every_response_forbids_inline_script_and_sniffing()
    {
        using var response = await _client.GetAsync(new Uri("/article?id=" + served.HostileId, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var html = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("__pwned", html, StringComparison.Ordinal);
    }
}
