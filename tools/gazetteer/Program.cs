using System.Globalization;
using System.IO.Compression;
using System.Text;
using Marsad.Gazetteer;

// marsad-gazetteer: compiles the entity lexicons Marsad ships (src/Marsad.Core/Entities/Data/*.tsv.br)
// from ../shared/data/gazetteer, the UniversalPetrarch agents file and the curated lists beside this program.
// The output is deterministic: the same inputs give byte-identical files.
//
//   dotnet run --project tools/gazetteer -c Release                 # rebuild the resources
//   dotnet run --project tools/gazetteer -c Release -- --check      # exit 1 when the checked-in resources are stale
//   dotnet run --project tools/gazetteer -c Release -- --shared DIR --out DIR
//   dotnet run --project tools/gazetteer -c Release -- --plain /tmp/lex   # also write the uncompressed TSVs, to read them

var repo = FindRepo();
var shared = Path.GetFullPath(Path.Combine(repo, "..", "shared"));
var output = Path.Combine(repo, "src", "Marsad.Core", "Entities", "Data");
var check = false;
string? plain = null;
for (var i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--shared" when i + 1 < args.Length: shared = Path.GetFullPath(args[++i]); break;
        case "--out" when i + 1 < args.Length: output = Path.GetFullPath(args[++i]); break;
        case "--check": check = true; break;
        case "--plain" when i + 1 < args.Length: plain = Path.GetFullPath(args[++i]); break;
        default:
            Console.Error.WriteLine("usage: marsad-gazetteer [--shared DIR] [--out DIR] [--check] [--plain DIR]");
            return 2;
    }
}
var curated = Path.Combine(repo, "tools", "gazetteer", "curated");
var gazetteer = Path.Combine(shared, "data", "gazetteer");
if (!Directory.Exists(gazetteer))
{
    Console.Error.WriteLine($"error: {gazetteer} not found (pass --shared)");
    return 2;
}

var places = new PlaceBuilder(gazetteer, curated);
places.Build();
var orgs = new OrgBuilder(gazetteer, curated);
orgs.Build();
var small = new SmallLexicons(shared, curated);
var files = new List<(string Name, string Text, int Count)>
{
    ("places.tsv", places.Write(), places.Records.Count()),
    ("orgs.tsv", orgs.Write(), orgs.Count),
};
foreach (var (name, build) in new (string, Func<(string, int)>)[]
{
    ("people.tsv", small.People), ("nationalities.tsv", small.Nationalities), ("titles.tsv", small.Titles),
    ("heads.tsv", small.Heads), ("names.tsv", small.NameTokens), ("common.tsv", small.CommonWords),
})
{
    var (text, count) = build();
    files.Add((name, text, count));
}

Directory.CreateDirectory(output);
var stale = 0;
long total = 0;
foreach (var (name, text, count) in files)
{
    if (plain is not null)
    {
        Directory.CreateDirectory(plain);
        File.WriteAllText(Path.Combine(plain, name), text, new UTF8Encoding(false));
    }
    var bytes = Compress(Encoding.UTF8.GetBytes(text));
    var path = Path.Combine(output, name + ".br");
    total += bytes.Length;
    if (check)
    {
        var same = File.Exists(path) && File.ReadAllBytes(path).AsSpan().SequenceEqual(bytes);
        if (!same)
            stale++;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name + ".br",-22} {(same ? "up to date" : "STALE")}"));
        continue;
    }
    File.WriteAllBytes(path, bytes);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name + ".br",-22} {count,8:N0} records {text.Length,12:N0} chars {bytes.Length,10:N0} bytes"));
}
// The licence texts of the sources travel with the data compiled from them.
var notice = Notice(shared);
var noticePath = Path.Combine(output, "NOTICE.md");
if (check)
{
    var same = File.Exists(noticePath) && File.ReadAllText(noticePath) == notice;
    stale += same ? 0 : 1;
    Console.WriteLine($"{"NOTICE.md",-22} {(same ? "up to date" : "STALE")}");
}
else
{
    File.WriteAllText(noticePath, notice, new UTF8Encoding(false));
}
Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {total:N0} bytes in {output}"));
return stale == 0 ? 0 : 1;

static string Notice(string shared)
{
    var sb = new StringBuilder();
    sb.Append("# Notices for the compiled entity lexicons\n\n");
    sb.Append("The files in this folder are compiled by tools/gazetteer from the sources below; their licence texts follow.\n\n");
    sb.Append("Contains data from GeoNames (geonames.org, CC BY 4.0); data from Who's On First (whosonfirst.org, CC0, with CC BY sources: ");
    sb.Append("GeoNames, GeoPlanet, Quattroshapes); ArWikiCats (MIT); m7amad-t/iraq_geo_data (MIT); farshid1370/MultiLangGeoExporter (MIT); ");
    sb.Append("AKhateeb/arabic-names (MIT); mohataher/arabic-stop-words (MIT); stopwords-iso (MIT); google/transliteration (Apache-2.0); ");
    sb.Append("NETransliteration-COLING2018 Wikidata name pairs (CC0); UniversalPetrarch Arabic agents dictionary (MIT). ");
    sb.Append("The curated lists (tools/gazetteer/curated and the shared curated seeds) are CC0.\n");
    var files = Directory.GetFiles(Path.Combine(shared, "data", "gazetteer", "licenses")).Order(StringComparer.Ordinal)
        .Append(Path.Combine(shared, "data", "events", "licenses", "UniversalPetrarch.LICENSE"));
    foreach (var f in files)
    {
        sb.Append("\n## ").Append(Path.GetFileName(f)).Append("\n\n```\n").Append(File.ReadAllText(f).Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd()).Append("\n```\n");
    }
    return sb.ToString();
}

static byte[] Compress(byte[] data)
{
    var buffer = new byte[BrotliEncoder.GetMaxCompressedLength(data.Length)];
    if (!BrotliEncoder.TryCompress(data, buffer, out var written, quality: 11, window: 24))
        throw new InvalidOperationException("Brotli compression failed");
    return buffer[..written];
}

static string FindRepo()
{
    foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Marsad.slnx")))
                return dir.FullName;
        }
    }
    throw new InvalidOperationException("Marsad.slnx not found above the current directory");
}
