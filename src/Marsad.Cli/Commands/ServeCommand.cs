using System.CommandLine;
using System.Globalization;
using Marsad.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Hosting;

namespace Marsad.Cli.Commands;

/// <summary><c>marsad serve</c>: the REST API and the RTL web UI over an archive.</summary>
internal static class ServeCommand
{
    public static Command Create()
    {
        var store = StoreOptions.Store();
        var index = StoreOptions.Index();
        var port = new Option<int>("--port", "-p") { Description = "TCP port (default 5080; 0 picks a free one).", DefaultValueFactory = _ => 5080 };
        var host = new Option<string>("--host") { Description = "Address to listen on (default 127.0.0.1, this machine only; 0.0.0.0 for every interface).", DefaultValueFactory = _ => "127.0.0.1" };
        var maxAnalyze = new Option<int>("--max-analyze-kb") { Description = "Largest body POST /api/analyze accepts, in KiB (default 256).", DefaultValueFactory = _ => 256 };
        var ingest = new Option<string[]>("--ingest")
        {
            Description = "Ingest these files or directories into the archive first (as `marsad ingest` does: idempotent, errors listed), then serve.",
            AllowMultipleArgumentsPerToken = true,
        };
        var command = new Command("serve", """
            Serve the archive: the web UI (Arabic, right-to-left, works offline) with search, article pages with
            entities, quotes, times and events highlighted, entity pages, an events timeline, a map and an entity
            network; and the REST API under /api (OpenAPI document at /openapi.json).

            Examples:
              marsad serve --ingest examples             # ingest the bundled examples into ./marsad.db, then serve
              marsad ingest examples && marsad serve
              marsad serve --store archive.db --port 8080
              marsad serve --store "Host=db;Username=marsad;Password=…;Database=marsad" --host 0.0.0.0
            """)
        {
            store, index, port, host, maxAnalyze, ingest,
        };
        command.SetAction(async (parse, ct) =>
        {
            var storeValue = StoreOptions.Resolve(parse.GetValue(store));
            var portValue = parse.GetValue(port);
            if (portValue is < 0 or > 65535)
            {
                Console.Error.WriteLine("error: --port takes 0–65535");
                return 2;
            }
            if (parse.GetValue(ingest) is { Length: > 0 } inputs)
            {
                var code = IngestCommand.Run(inputs, parse.GetValue(store), parse.GetValue(index), Environment.ProcessorCount, 500,
                    enqueue: false, noIndex: false, quiet: false, stageList: null, ct);
                if (code == 2)
                    return code;
            }
            var options = new ServerOptions
            {
                Store = storeValue,
                IndexPath = parse.GetValue(index),
                MaxAnalyzeBytes = Math.Clamp(parse.GetValue(maxAnalyze), 1, 64 * 1024) * 1024,
            };
            var url = string.Create(CultureInfo.InvariantCulture, $"http://{parse.GetValue(host)}:{portValue}");
            await using var app = MarsadServer.Build(options, b => b.WebHost.UseUrls(url));
            await app.StartAsync(ct).ConfigureAwait(false);
            foreach (var address in app.Urls)
                Console.WriteLine($"marsad: serving {storeValue} at {address}/ (API {address}/api, OpenAPI {address}/openapi.json); Ctrl+C stops");
            await app.WaitForShutdownAsync(ct).ConfigureAwait(false);
            return 0;
        });
        return command;
    }
}
