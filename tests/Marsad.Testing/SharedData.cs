namespace Marsad.Testing;

/// <summary>
/// Locates <c>../shared</c> (the data every developer and CI has beside the repository).
/// Tests that read real articles call <see cref="Path"/>; when the folder is absent they are
/// reported as failures with a clear message, never silently passed.
/// </summary>
public static class SharedData
{
    private static readonly Lazy<string?> Root = new(Find);

    /// <summary>The repository root (the folder holding Marsad.slnx).</summary>
    public static string RepoRoot { get; } = FindRepoRoot();

    /// <summary>True when ../shared is present.</summary>
    public static bool Available => Root.Value is not null;

    /// <summary>Absolute path of <paramref name="relative"/> under ../shared; throws when ../shared is missing.</summary>
    public static string Path(string relative)
    {
        var root = Root.Value ?? throw new InvalidOperationException(
            $"../shared was not found beside the repository ({RepoRoot}); set MARSAD_SHARED to its path.");
        return System.IO.Path.Combine(root, relative);
    }

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("MARSAD_SHARED");
        if (!string.IsNullOrEmpty(env) && Directory.Exists(env))
            return System.IO.Path.GetFullPath(env);
        var candidate = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepoRoot, "..", "shared"));
        return Directory.Exists(candidate) ? candidate : null;
    }

    private static string FindRepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Marsad.slnx")))
            dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Marsad.slnx not found above " + AppContext.BaseDirectory);
    }
}
