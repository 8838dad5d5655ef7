using Marsad.Ingest;
using Marsad.Model;
using Marsad.Pipeline;
using Marsad.Store;
using Marsad.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;

namespace Marsad.Server.Tests;

/// <summary>
/// An archive ingested for the server tests: the repository's examples/, the seed page and the first
/// <see cref="RealArticles"/> records of a real corpus part from ../shared, plus <see cref="Hostile"/>, an article
/// written for the test whose title and body carry script-injection payloads. Served in memory (TestServer)
/// for the API tests; <see cref="StartKestrel"/> serves it on a real port for the browser tests.
/// </summary>
public sealed class ServedArchive : IAsyncLifetime
{
    public const int RealArticles = 40;

    /// <summary>Payloads in the title: a script element and an image whose error handler sets a global.</summary>
    public const string HostileTitle = "<script>window.__pwned=1</script><img src=x onerror=\"window.__pwned=2\"> تقرير اختبار الحقن";

    public const string HostileBody = """
        قال المتحدث باسم وزارة الخارجية إن "<img src=x onerror=window.__pwned=3>" ليس نصا عاديا.
        وأضاف أن الوزارة ستتابع الملف <script>window.__pwned=4</script> مع الجهات المعنية في بغداد يوم الأحد.
        """;

    private WebApplication? _app;
    private WebApplication? _kestrel;

    public TempStore Temp { get; } = TempStore.Create(Stores.Sqlite);

    public HttpClient Client { get; private set; } = null!;

    public string HostileId { get; } = ArticleId.Compute(HostileBody);

    public string SeedPath => SharedData.Path("seed/000_2bf1e917491ed886.txt");

    public ServerOptions Options => new() { Store = Temp.Store, IndexPath = Temp.IndexPath, MaxAnalyzeBytes = 64 * 1024 };

    public async Task InitializeAsync()
    {
        Ingest(Temp.Store);
        _app = MarsadServer.Build(Options, b => b.WebHost.UseTestServer());
        await _app.StartAsync();
        Client = _app.GetTestClient();
    }

    /// <summary>Ingests the test articles into <paramref name="store"/>.</summary>
    public static void Ingest(string store)
    {
        var examples = Path.Combine(SharedData.RepoRoot, "examples");
        var seed = SharedData.Path("seed/000_2bf1e917491ed886.txt");
        var part = SharedData.Path("data/news/corpus/ant-multisource-v2.1/part-001.jsonl.gz");
        var ingestor = new Ingestor(() => Archive.Open(store), options: new IngestOptions { Threads = 2 });
        var summary = ingestor.Run([examples, seed]);
        if (summary.Errors > 0 || summary.Inserted == 0)
            throw new InvalidOperationException($"ingesting the examples failed: {summary.Errors} errors, {summary.Inserted} stored");
        ingestor.Run(ct => new ArticleReader().ReadPath(part, ct).OfType<ReadResult.Ok>().Take(RealArticles));
        var hostile = AnalysisPipeline.Default.Analyze(new Article
        {
            Id = ArticleId.Compute(HostileBody),
            Source = "test:hostile",
            Format = "text",
            Title = HostileTitle,
            Section = "اختبار",
            Published = ArticleJson.ParsePublished("2024-05-05"),
            Url = "javascript:window.__pwned=5",
            Language = "ar",
            Body = HostileBody,
        });
        using var archive = Archive.Open(store);
        archive.Store([hostile]);
    }

    /// <summary>The same archive served by Kestrel on a free local port; returns the base URL.</summary>
    public async Task<string> StartKestrel()
    {
        if (_kestrel is null)
        {
            var app = MarsadServer.Build(Options, b => b.WebHost.UseUrls("http://127.0.0.1:0"));
            await app.StartAsync();
            _kestrel = app;
        }
        return _kestrel.Urls.First().TrimEnd('/');
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        if (_kestrel is not null)
            await _kestrel.DisposeAsync();
        Temp.Dispose();
    }
}

[CollectionDefinition(Name)]
public sealed class ServedArchiveCollection : ICollectionFixture<ServedArchive>
{
    public const string Name = "served archive";
}
