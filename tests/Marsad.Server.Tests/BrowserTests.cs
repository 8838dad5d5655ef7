using System.Diagnostics;
using System.Text.Json;
using Marsad.Testing;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Marsad.Server.Tests;

/// <summary>
/// A fact that drives Debian's headless Chromium through chromium-driver. Outside CI, a machine without
/// the driver skips with the reason; in CI (.ci/run installs both) a missing driver fails the test.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    public const string Driver = "/usr/bin/chromedriver";
    public const string Browser = "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (!(File.Exists(Driver) && File.Exists(Browser)) && !Stores.InCi)
            Skip = $"{Driver} or {Browser} is missing, so this browser test did not run (apt-get install -y chromium chromium-driver; .ci/run does).";
    }
}

/// <summary>
/// The web UI in a real headless Chromium over Kestrel: search, the seed article with its highlights, an entity page,
/// the hostile article shown as text, map, timeline and network. Each test saves a screenshot under
/// <c>bin/…/screenshots/</c>.
/// </summary>
[Collection(ServedArchiveCollection.Name)]
public sealed class BrowserTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ServedArchive _served;
    private readonly Lazy<ChromeDriver> _driver;

    public BrowserTests(ServedArchive served)
    {
        _served = served;
        _driver = new Lazy<ChromeDriver>(Start);
    }

    private ChromeDriver Driver => _driver.Value;

    private static ChromeDriver Start()
    {
        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(BrowserFactAttribute.Driver)!, Path.GetFileName(BrowserFactAttribute.Driver));
        service.HideCommandPromptWindow = true;
        service.SuppressInitialDiagnosticInformation = true;
        var options = new ChromeOptions { BinaryLocation = BrowserFactAttribute.Browser };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu", "--window-size=1300,1000", "--lang=ar");
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(90));
    }

    private async Task Open(string path)
    {
        var baseUrl = await _served.StartKestrel();
        Driver.Navigate().GoToUrl(baseUrl + path);
    }

    /// <summary>Waits until <paramref name="css"/> matches at least <paramref name="count"/> elements (pages render after their fetches).</summary>
    private IReadOnlyList<IWebElement> WaitFor(string css, int count = 1)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var found = Driver.FindElements(By.CssSelector(css));
            if (found.Count >= count)
                return found;
            var error = Driver.FindElements(By.CssSelector(".error"));
            if (error.Count > 0)
                Assert.Fail($"the page shows an error: {error[0].Text}");
            if (clock.Elapsed > Patience)
                Assert.Fail($"'{css}' did not appear {count} time(s) within {Patience.TotalSeconds} s on {Driver.Url}");
            Thread.Sleep(100);
        }
    }

    private void Screenshot(string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(folder);
        Driver.GetScreenshot().SaveAsFile(Path.Combine(folder, name + ".png"));
    }

    private bool Pwned() => Driver.ExecuteScript("return typeof window.__pwned !== 'undefined';") is true;

    private async Task<JsonElement> Api(string url) =>
        JsonDocument.Parse(await _served.Client.GetStringAsync(new Uri(url, UriKind.Relative))).RootElement.Clone();

    [BrowserFact]
    public async Task Search_page_returns_hits_with_marked_words()
    {
        await Open("/?q=" + Uri.EscapeDataString("وزراء الخارجية"));
        var hits = WaitFor(".hit");
        Assert.Contains(hits, h => h.FindElement(By.CssSelector(".title")).Text == "الكويت تستضيف اجتماعاً لوزراء الخارجية العرب");
        Assert.NotEmpty(Driver.FindElements(By.CssSelector(".hit mark")));
        Assert.Equal("rtl", Driver.FindElement(By.TagName("html")).GetAttribute("dir"));
        Screenshot("search");
    }

    [BrowserFact]
    public async Task Seed_article_page_highlights_entities_quotes_times_and_events_and_links_to_entity_pages()
    {
        var list = await Api("/api/articles?limit=100");
        var seedId = list.GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("source").GetString()!.EndsWith("000_2bf1e917491ed886.txt", StringComparison.Ordinal)).GetProperty("id").GetString()!;
        var analysis = (await Api("/api/articles/" + seedId)).GetProperty("analysis");
        int Count(string name) => analysis.GetProperty(name).GetArrayLength();
        Assert.True(Count("entities") > 0 && Count("quotes") > 0 && Count("events") > 0, "the seed analysis should have entities, quotes and events");

        await Open("/article?id=" + seedId);
        WaitFor("#body");
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#body .ent")));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#body .q")));
        Assert.NotEmpty(Driver.FindElements(By.CssSelector("#body .ev")));
        if (Count("times") > 0)
            Assert.NotEmpty(Driver.FindElements(By.CssSelector("#body .tm")));
        Assert.Equal(Count("entities"), Driver.FindElements(By.CssSelector("#entities li")).Count);
        Assert.Equal(Count("quotes"), Driver.FindElements(By.CssSelector("#quotes li")).Count);
        Assert.Equal(Count("events"), Driver.FindElements(By.CssSelector("#events li")).Count);
        // The body as displayed is the body as analysed: highlighting adds no text and loses none.
        var shown = (string)Driver.ExecuteScript("return document.getElementById('body').textContent;")!;
        Assert.Equal(analysis.GetProperty("article").GetProperty("body").GetString(), shown);
        Screenshot("article-seed");

        var link = Driver.FindElement(By.CssSelector("#body a.ent"));
        var canonical = analysis.GetProperty("entities").EnumerateArray()
            .Single(e => e.GetProperty("id").GetString() == link.GetAttribute("data-entity")).GetProperty("canonical").GetString();
        link.Click();
        var name = WaitFor("#name")[0];
        Assert.Equal(canonical, name.Text);
        WaitFor("#mentions li");
        Screenshot("entity");
    }

    [BrowserFact]
    public async Task Injected_script_and_onerror_in_an_article_are_shown_as_text_and_never_run()
    {
        await Open("/article?id=" + _served.HostileId);
        var title = WaitFor("#title")[0];
        Assert.Equal(ServedArchive.HostileTitle.Trim(), title.Text.Trim());
        Assert.Contains("<img src=x onerror=window.__pwned=3>", WaitFor("#body")[0].Text, StringComparison.Ordinal);
        Assert.Empty(Driver.FindElements(By.CssSelector("#main img, #main script, #main [onerror]")));
        Assert.Empty(Driver.FindElements(By.CssSelector("a[href^='javascript']")));
        Assert.False(Pwned());
        Assert.StartsWith("مرصد — <script>", Driver.Title, StringComparison.Ordinal);
        Screenshot("article-hostile");

        await Open("/?q=" + Uri.EscapeDataString("تقرير اختبار الحقن"));
        var hit = WaitFor(".hit .title")[0];
        Assert.Equal(ServedArchive.HostileTitle.Trim(), hit.Text.Trim());
        Assert.Empty(Driver.FindElements(By.CssSelector("#main img, #main script")));
        Assert.False(Pwned());
    }

    [BrowserFact]
    public async Task Map_page_draws_the_outline_and_place_dots()
    {
        await Open("/map");
        WaitFor("#map-svg path.country", 100);
        var dots = WaitFor("#map-svg circle.dot");
        Assert.NotEmpty(dots);
        Assert.NotEmpty(WaitFor("#places li"));
        Screenshot("map");
    }

    [BrowserFact]
    public async Task Timeline_and_network_pages_draw_their_svg()
    {
        await Open("/timeline");
        WaitFor("#timeline-svg circle");
        Screenshot("timeline");
        await Open("/network");
        WaitFor("#network-svg .node", 2);
        WaitFor("#network-svg line.link");
        Screenshot("network");
    }

    public void Dispose()
    {
        if (_driver.IsValueCreated)
            _driver.Value.Quit();
    }
}
