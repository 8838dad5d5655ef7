using System.Net;
using System.Text.RegularExpressions;

namespace Marsad.Server.Tests;

/// <summary>The static web UI: Arabic-first RTL pages, no third-party hosts, no HTML built from strings.</summary>
[Collection(ServedArchiveCollection.Name)]
public sealed partial class WebUiTests(ServedArchive served)
{
    public static TheoryData<string> Pages() => new(StaticAssets.Pages.Keys);

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_is_arabic_right_to_left(string route)
    {
        using var response = await served.Client.GetAsync(new Uri(route, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html lang=\"ar\" dir=\"rtl\">", html, StringComparison.Ordinal);
    }

    public static TheoryData<string> Assets() => new(StaticAssets.Names);

    [Theory]
    [MemberData(nameof(Assets))]
    public async Task Assets_load_nothing_from_other_hosts(string name)
    {
        using var response = await served.Client.GetAsync(new Uri("/assets/" + name, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotMatch(ExternalReference(), text);
    }

    [Theory]
    [MemberData(nameof(Assets))]
    public void Scripts_never_write_html_from_strings(string name)
    {
        if (!name.EndsWith(".js", StringComparison.Ordinal))
            return;
        using var stream = typeof(StaticAssets).Assembly.GetManifestResourceStream("wwwroot/" + name)!;
        var js = new StreamReader(stream).ReadToEnd();
        Assert.DoesNotMatch(HtmlSinks(), js);
    }

    [Fact]
    public async Task Unknown_asset_is_a_404_problem()
    {
        using var response = await served.Client.GetAsync(new Uri("/assets/nothing.js", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [GeneratedRegex(@"(src|href)\s*=\s*[""']?(https?:)?//|url\(\s*[""']?(https?:)?//|import\s[^;]*from\s*[""']https?:", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex ExternalReference();

    [GeneratedRegex(@"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write|\beval\s*\(|new Function\s*\(", RegexOptions.None, matchTimeoutMilliseconds: 1000)]
    private static partial Regex HtmlSinks();
}
