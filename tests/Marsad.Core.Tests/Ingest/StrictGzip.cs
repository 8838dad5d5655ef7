using System.Runtime.CompilerServices;

namespace Marsad.Tests.Ingest;

/// <summary>
/// The runtime reads its strict gzip validation switch once, at the first decompression in the
/// process. <see cref="Marsad.Ingest.ArticleReader"/> sets it in its static constructor; tests that
/// decompress corpora (the golden tests) may run first, so the test assembly sets it on load too.
/// </summary>
internal static class StrictGzip
{
#pragma warning disable CA2255 // A test assembly, not a library: the switch must be set before any test decompresses.
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Enable() => AppContext.SetSwitch("System.IO.Compression.UseStrictValidation", true);
}
